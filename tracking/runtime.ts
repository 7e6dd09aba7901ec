/**
 * The tracking runtime: detects the launch, loads that standard's adapter on demand (a SCORM launch never downloads
 * xAPI code), restores the learner's progress, hands the player a ProgressStorage, and reports what the player's
 * `course-*` events say. Components never know which standard is in use.
 */
import { courseStatus, emptyProgress, moduleStatus, type LearnerProgress } from '../core/completion.js';
import type { SavedProgress } from '../core/progress-store.js';
import type { CourseEventMap } from '../core/events.js';
import { readingSequence, toHash } from '../core/route.js';
import type { CourseIndex } from '../core/types.js';
import type { JsonLoader } from './course-files.js';
import { CourseSource } from './course-source.js';
import type { TrackedInteraction } from './interaction.js';
import { detectLaunch, type Launch, type LaunchKind } from './launch.js';
import type * as ResumeCodecModule from './resume/resume-codec.js';
import type { ResumeCourse } from './resume/resume-codec.js';

/** The resume codec: loaded on demand, since a new learner's first page needs none of it. */
type ResumeCodec = typeof ResumeCodecModule;
const loadCodec = (): Promise<ResumeCodec> => import('./resume/resume-codec.js');
import type { ProgressStorage, ReportedStatus, SaveState, TrackingAdapter } from './tracker.js';
import type { ItemPlace, LrsCourseIds } from './xapi/lrs-adapter.js';
import { LEARNER_KEY, resumeKeyPrefix } from './standalone/keys.js';

export interface TrackingOptions {
  /** URL of the built course index (content/course.json). */
  indexUrl: URL;
  /** Loads course files; the page shares one with the player so each file downloads once (tracking/course-files.ts). */
  loadJson?: JsonLoader;
  /** Where the player's course-* events bubble to. */
  events: EventTarget;
  /** Standalone mode: resolves with the learner's name (asked once per browser session). */
  askLearner: () => Promise<string>;
  /** Told whenever what the learner should see about saving changes. */
  onState: (state: SaveState, kind: LaunchKind) => void;
  win?: Window;
  log?: (message: string) => void;
}

export interface TrackingRuntime {
  readonly kind: LaunchKind;
  readonly storage: ProgressStorage;
  readonly learner: string | null;
  /** The LMS gave a page to return to when the learner leaves (cmi5 returnURL): offer an exit. */
  readonly canExit: boolean;
  /** Ends the session (also done on pagehide). */
  finish(): void;
}

export async function startTracking(options: TrackingOptions): Promise<TrackingRuntime> {
  const win = options.win ?? window;
  const log = options.log ?? ((m: string) => console.warn(`[tracking] ${m}`));
  const launch = detectLaunch(win);
  // The launch's adapter code and course.json download side by side: the adapter is built once both are in.
  prefetchAdapter(launch.kind);
  const source = await CourseSource.load(options.indexUrl, options.loadJson);
  const index = source.index;
  let learner: string | null = null;
  let adapter: TrackingAdapter | null = null;
  let course: ResumeCourse | null = null;
  let codec: ResumeCodec | null = null;
  // Two tabs (or devices) of one registration: the LRS adapter merges their resume records instead of overwriting.
  const mergeResume = (ours: string, theirs: string): string => {
    if (!course || !codec || !adapter) return ours;
    const a = codec.decodeResume(course, ours);
    const b = codec.decodeResume(course, theirs);
    if (!a || !b) return a ? ours : theirs;
    return codec.encodeResume(course, codec.mergeProgress(a, b), adapter.resumeLimit).text;
  };
  try {
    // The LRS adapter reports module completion; the rule is passed in so its chunk does not split core's.
    const modulesCompleted = (p: LearnerProgress) =>
      index.modules.filter((m) => moduleStatus(index, m.id, p).status === 'completed').map((m) => m.id);
    adapter = await createAdapter(launch, { ...courseIds(index), modulesCompleted, mergeResume }, log);
  } catch (error) {
    log(`${launch.kind} launch could not start: ${(error as Error).message}; progress stays in this browser`);
  }
  if (!adapter) {
    learner = sessionStorage.getItem(LEARNER_KEY) ?? (await options.askLearner());
    sessionStorage.setItem(LEARNER_KEY, learner);
    const { StandaloneAdapter } = await adapterModules.standalone();
    adapter = new StandaloneAdapter(resumeKeyPrefix(index.id) + learner, localStorageOrNull());
  }
  const active = adapter;
  adapter.onState((state) => options.onState(state, active.kind));
  const start = await adapter.start();
  const passingScore = start.masteryScaled !== null ? start.masteryScaled * 100 : index.passingScore;
  const judged = { ...index, passingScore };

  let saved: SavedProgress = freshProgress();
  if (start.resume) {
    [course, codec] = await Promise.all([source.all(), loadCodec()]);
    const decoded = codec.decodeResume(course, start.resume);
    const others = (start.otherResumes ?? []).flatMap((text) => {
      const other = codec!.decodeResume(course!, text);
      return other ? [other] : [];
    });
    const readable = decoded ? [decoded, ...others] : others;
    if (readable.length > 0) saved = readable.reduce((ours, theirs) => codec!.mergeProgress(ours, theirs));
    else log(`the saved progress is not a resume record this course can read; starting afresh`);
  }
  if (!saved.locale && start.language && /^(en|zh)/i.test(start.language)) {
    saved.locale = /^en/i.test(start.language) ? 'en' : 'zh-CN';
  }
  // Module data and the codec come in the background, so a later save can encode at once.
  const ready = Promise.all([course ?? source.all(), codec ?? loadCodec()]);
  void ready
    .then(([c, k]) => {
      course = c;
      codec = k;
    })
    .catch((e: Error) => log(`course content not loaded: ${e.message}`));

  let latest: SavedProgress | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const persist = ([c, k]: [ResumeCourse, ResumeCodec]): void => {
    if (!latest) return;
    const { text, dropped } = k.encodeResume(c, latest, adapter.resumeLimit);
    if (dropped.length > 0) log(`resume record over ${adapter.resumeLimit} characters: left out ${dropped.join('; ')}`);
    adapter.saveState(text, latest.location ? toHash(latest.location).slice(2) : '');
    const status: ReportedStatus = {
      ...courseStatus(judged, latest.progress),
      passingScaled: passingScore / 100,
      learner: latest.progress,
    };
    adapter.reportStatus(status);
    latest = null;
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => adapter.flush(), 1000);
  };

  const storage: ProgressStorage = {
    load: () => saved,
    save(next) {
      latest = next;
      if (course && codec) persist([course, codec]);
      else void ready.then(persist);
      return true;
    },
  };

  options.events.addEventListener('course-interaction', (event) => {
    const record: TrackedInteraction = (event as CustomEvent<CourseEventMap['course-interaction']>).detail;
    try {
      adapter.reportInteraction(record);
    } catch (error) {
      log(`interaction ${record.id} not reported: ${(error as Error).message}`);
    }
  });

  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (latest && course && codec) persist([course, codec]);
    clearTimeout(flushTimer);
    adapter.finish();
  };
  win.addEventListener('pagehide', finish);
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') {
      if (latest && course && codec) persist([course, codec]);
      adapter.flush();
    }
  });

  return { kind: adapter.kind, storage, learner, finish, canExit: Boolean(start.returnURL) };
}

/**
 * Each launch's adapter module, loaded on demand (standalone's adapter is built only once the learner has given a
 * name). Each import() stays a literal so the bundler gives each adapter a chunk of its own.
 */
const adapterModules = {
  standalone: () => import('./standalone/standalone-adapter.js'),
  scorm12: () => import('./scorm/scorm12-adapter.js'),
  scorm2004: () => import('./scorm/scorm2004-adapter.js'),
  cmi5: () => import('./xapi/lrs-adapter.js'),
  xapi: () => import('./xapi/lrs-adapter.js'),
} satisfies Record<LaunchKind, () => Promise<unknown>>;

/** Starts downloading a launch's adapter chunk; the import that builds the adapter then reuses it. */
function prefetchAdapter(kind: LaunchKind): void {
  // A failed download is reported where the adapter is built (that import runs again).
  adapterModules[kind]().catch(() => undefined);
}

/** The adapter of the launch's standard, loaded on demand; null for standalone (it needs the learner first). */
async function createAdapter(
  launch: Launch,
  ids: LrsCourseIds & { modulesCompleted: (p: LearnerProgress) => string[] },
  log: (m: string) => void,
): Promise<TrackingAdapter | null> {
  const language = ids.language;
  switch (launch.kind) {
    case 'scorm12': {
      const { Scorm12Adapter } = await adapterModules.scorm12();
      return new Scorm12Adapter(launch.api, log);
    }
    case 'scorm2004': {
      const { Scorm2004Adapter } = await adapterModules.scorm2004();
      return new Scorm2004Adapter(launch.api, { language }, log);
    }
    case 'cmi5':
    case 'xapi': {
      const { LrsAdapter } = await adapterModules[launch.kind]();
      return new LrsAdapter(launch, ids, log);
    }
    case 'standalone':
      return null;
  }
}

/** The course as the LRS adapter names it: IRI, language, and every item and module with its kind and title. */
function courseIds(index: CourseIndex): LrsCourseIds {
  const items = new Map<string, ItemPlace>();
  for (const { moduleId, item } of readingSequence(index)) {
    items.set(item.id, { moduleId, kind: item.kind, title: item.title });
  }
  const modules = new Map(
    [...index.modules, ...(index.finalAssessment ? [index.finalAssessment] : [])].map((m) => [m.id, m.title]),
  );
  return { courseIri: index.id, language: index.language, items, modules };
}

function freshProgress(): SavedProgress {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const learnerSeed = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return { version: 1, location: null, learnerSeed, progress: emptyProgress() };
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
