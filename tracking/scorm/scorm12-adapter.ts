/**
 * SCORM 1.2: lesson_status, score on 0–100, lesson_location, suspend_data, session_time `HHHH:MM:SS.SS`, exit
 * `suspend` until the course is finished, the LMS's mastery score, interactions journaled in 1.2 notation.
 */
import type { Scorm12Api } from '../launch.js';
import type { TrackedInteraction } from '../interaction.js';
import { scorm12Interaction, scorm12Score, SCORM12_MAX_STRING } from '../notation/scorm12.js';
import { scorm12Timespan } from '../notation/time.js';
import type { ReportedStatus, SaveState, SessionStart, TrackingAdapter } from '../tracker.js';
import { ScormSession } from './scorm-session.js';

export class Scorm12Adapter implements TrackingAdapter {
  readonly kind = 'scorm12';
  readonly resumeLimit = 4096;
  private readonly session: ScormSession;
  private readonly startedAt = Date.now();
  private nextInteraction = 0;
  private mode: SessionStart['mode'] = 'normal';
  private finishedCourse = false;

  constructor(
    private readonly api: Scorm12Api,
    log?: (message: string) => void,
  ) {
    this.session = new ScormSession(
      {
        get: (e) => api.LMSGetValue(e),
        set: (e, v) => api.LMSSetValue(e, v),
        commit: () => api.LMSCommit(''),
        lastError: () => api.LMSGetLastError(),
        errorString: (c) => api.LMSGetErrorString(c),
      },
      log,
    );
  }

  // A failed initialise rejects the promise rather than throwing, as an async start() would.
  start(): Promise<SessionStart> {
    return new Promise((resolve) => resolve(this.initialize()));
  }

  private initialize(): SessionStart {
    if (String(this.api.LMSInitialize('')) !== 'true')
      throw new Error(`LMSInitialize failed: ${this.api.LMSGetLastError()}`);
    const get = (e: string) => this.session.get(e);
    const lmsMode = get('cmi.core.lesson_mode');
    this.mode = lmsMode === 'browse' || lmsMode === 'review' ? lmsMode : 'normal';
    this.nextInteraction = Number.parseInt(get('cmi.interactions._count'), 10) || 0;
    if (this.mode === 'normal' && get('cmi.core.lesson_status') === 'not attempted') {
      this.session.set('cmi.core.lesson_status', 'incomplete');
    }
    const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
    return {
      resume: get('cmi.suspend_data') || null,
      masteryScaled: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery / 100 : null,
      mode: this.mode,
      language: get('cmi.student_preference.language') || null,
    };
  }

  saveState(resume: string, location: string): void {
    if (this.mode === 'review') return;
    this.session.set('cmi.suspend_data', resume);
    this.session.set('cmi.core.lesson_location', location.slice(0, SCORM12_MAX_STRING));
  }

  reportStatus(status: ReportedStatus): void {
    if (this.mode !== 'normal') return;
    // 1.2 has one status: passed / failed once judged, else completed / incomplete.
    const lessonStatus =
      status.passed === true
        ? 'passed'
        : status.passed === false
          ? 'failed'
          : status.completed
            ? 'completed'
            : 'incomplete';
    this.session.set('cmi.core.lesson_status', lessonStatus);
    this.finishedCourse = status.completed && status.passed !== false;
    if (status.score) {
      const score = scorm12Score(status.score);
      this.session.set('cmi.core.score.raw', score.raw);
      this.session.set('cmi.core.score.min', score.min);
      this.session.set('cmi.core.score.max', score.max);
    }
  }

  reportInteraction(record: TrackedInteraction): void {
    if (this.mode !== 'normal') return;
    const i = scorm12Interaction(record);
    // 1.2 interactions are a write-only journal: each answer is a new entry.
    const n = this.nextInteraction++;
    const set = (element: string, value: string) => this.session.set(`cmi.interactions.${n}.${element}`, value);
    set('id', i.id);
    if (i.objectiveId) set('objectives.0.id', i.objectiveId);
    set('time', i.time);
    set('type', i.type);
    i.correct_responses.forEach((pattern, c) => set(`correct_responses.${c}.pattern`, pattern));
    set('weighting', i.weighting);
    set('student_response', i.student_response);
    set('result', i.result);
    set('latency', i.latency);
  }

  flush(): void {
    this.session.commit();
  }

  finish(): void {
    if (this.session.finished) return;
    this.session.set('cmi.core.session_time', scorm12Timespan(Date.now() - this.startedAt));
    this.session.set('cmi.core.exit', this.finishedCourse ? '' : 'suspend');
    this.session.commit();
    this.session.finished = true;
    this.api.LMSFinish('');
  }

  onState(listener: (state: SaveState) => void): void {
    this.session.onState(listener);
  }
}
