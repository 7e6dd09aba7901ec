import type { CourseStatus, LearnerProgress } from '../core/completion.js';
import type { TrackedInteraction } from './interaction.js';
import type { LaunchKind } from './launch.js';

/** How the player keeps progress: core's interface, which the player receives. */
export type { ProgressStorage } from '../core/progress-store.js';

/** What the learner is told about their progress. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'failed' | 'local';

/** What a launch tells the course before it starts. */
export interface SessionStart {
  /** The saved resume record, or null on a first launch. */
  resume: string | null;
  /** The LMS's pass mark as a fraction (0–1), overriding the course's own; null to keep the course's. */
  masteryScaled: number | null;
  /** `normal` records; `browse` and `review` record nothing but the session itself. */
  mode: 'normal' | 'browse' | 'review';
  /** The learner's preferred language, when the LMS says. */
  language: string | null;
  /** Where the LMS wants the learner to go when they leave (cmi5 returnURL); `finish()` goes there. */
  returnURL?: string | null;
  /**
   * More saved records to merge with `resume`: the LRS's and other tabs' when this browser held copies the LRS never
   * got (a tab closed with its last write refused or not sent).
   */
  otherResumes?: string[];
}

/** The status reported for the course, with the pass mark it was judged against. */
export interface ReportedStatus extends CourseStatus {
  /** Pass mark as a fraction (0–1), the LMS's when it gave one. */
  passingScaled: number;
  /** The learner's whole progress, for adapters that report modules and role-play runs. */
  learner?: LearnerProgress;
}

/**
 * One standard's side of a launch. The runtime calls it; it never sees the player. Every method but `start`
 * returns at once: an adapter queues what it cannot send now and retries it.
 */
export interface TrackingAdapter {
  readonly kind: LaunchKind;
  start(): Promise<SessionStart>;
  /** The resume record and where the learner is (`module/item`). */
  saveState(resume: string, location: string): void;
  reportStatus(status: ReportedStatus): void;
  reportInteraction(record: TrackedInteraction): void;
  /** Sends what is pending; on pagehide / visibilitychange. */
  flush(): void;
  /** Ends the session (exit, session time, terminate); nothing is sent after. */
  finish(): void;
  /** Called with every change of what the learner should be told. */
  onState(listener: (state: SaveState) => void): void;
  /** Largest resume record the standard accepts. */
  readonly resumeLimit: number;
}
