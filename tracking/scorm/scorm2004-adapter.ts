/**
 * SCORM 2004 4th edition: completion_status, success_status against `scaled_passing_score`, score.scaled / raw /
 * min / max, progress_measure, location, suspend_data, ISO 8601 session_time, exit, and interactions in 2004
 * notation, one entry per interaction id (updated, not appended) within the 250 every LMS must hold.
 */
import type { Scorm2004Api } from '../launch.js';
import type { NotationContext, TrackedInteraction } from '../interaction.js';
import { scorm2004Interaction, scorm2004Score, SCORM2004_MAX_INTERACTIONS } from '../notation/scorm2004.js';
import { isoDuration } from '../notation/time.js';
import type { ReportedStatus, SaveState, SessionStart, TrackingAdapter } from '../tracker.js';
import { ScormSession } from './scorm-session.js';

export class Scorm2004Adapter implements TrackingAdapter {
  readonly kind = 'scorm2004';
  readonly resumeLimit = 64_000;
  private readonly session: ScormSession;
  private readonly startedAt = Date.now();
  /** Index of each interaction id in cmi.interactions, read back at start so a relaunch updates, not appends. */
  private readonly interactionIndex = new Map<string, number>();
  private mode: SessionStart['mode'] = 'normal';
  private finishedCourse = false;

  constructor(
    private readonly api: Scorm2004Api,
    private readonly context: NotationContext,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {
    this.session = new ScormSession(
      {
        get: (e) => api.GetValue(e),
        set: (e, v) => api.SetValue(e, v),
        commit: () => api.Commit(''),
        lastError: () => api.GetLastError(),
        errorString: (c) => api.GetErrorString(c),
      },
      log,
    );
  }

  // A failed initialise rejects the promise rather than throwing, as an async start() would.
  start(): Promise<SessionStart> {
    return new Promise((resolve) => resolve(this.initialize()));
  }

  private initialize(): SessionStart {
    if (String(this.api.Initialize('')) !== 'true') throw new Error(`Initialize failed: ${this.api.GetLastError()}`);
    const get = (e: string) => this.session.get(e);
    const lmsMode = get('cmi.mode');
    this.mode = lmsMode === 'browse' || lmsMode === 'review' ? lmsMode : 'normal';
    const count = Number.parseInt(get('cmi.interactions._count'), 10) || 0;
    for (let n = 0; n < count; n++) this.interactionIndex.set(get(`cmi.interactions.${n}.id`), n);
    if (this.mode === 'normal' && ['unknown', 'not attempted', ''].includes(get('cmi.completion_status'))) {
      this.session.set('cmi.completion_status', 'incomplete');
    }
    const passing = Number.parseFloat(get('cmi.scaled_passing_score'));
    return {
      resume: get('cmi.suspend_data') || null,
      masteryScaled: Number.isFinite(passing) && passing >= 0 && passing <= 1 ? passing : null,
      mode: this.mode,
      language: get('cmi.learner_preference.language') || null,
    };
  }

  saveState(resume: string, location: string): void {
    if (this.mode === 'review') return;
    this.session.set('cmi.suspend_data', resume);
    this.session.set('cmi.location', location.slice(0, 1000));
  }

  reportStatus(status: ReportedStatus): void {
    if (this.mode !== 'normal') return;
    this.session.set('cmi.completion_status', status.completed ? 'completed' : 'incomplete');
    this.session.set(
      'cmi.success_status',
      status.passed === true ? 'passed' : status.passed === false ? 'failed' : 'unknown',
    );
    this.session.set('cmi.progress_measure', String(Number(status.progress.toFixed(4))));
    this.finishedCourse = status.completed && status.passed !== false;
    if (status.score) {
      const score = scorm2004Score(status.score);
      this.session.set('cmi.score.scaled', score.scaled);
      this.session.set('cmi.score.raw', score.raw);
      this.session.set('cmi.score.min', score.min);
      this.session.set('cmi.score.max', score.max);
    }
  }

  reportInteraction(record: TrackedInteraction): void {
    if (this.mode !== 'normal') return;
    const i = scorm2004Interaction(record, this.context);
    let n = this.interactionIndex.get(i.id);
    const isNew = n === undefined;
    if (n === undefined) {
      if (this.interactionIndex.size >= SCORM2004_MAX_INTERACTIONS) {
        this.log(`SCORM 2004: interaction ${i.id} not recorded, ${SCORM2004_MAX_INTERACTIONS} entries already in use`);
        return;
      }
      n = this.interactionIndex.size;
      this.interactionIndex.set(i.id, n);
    }
    const set = (element: string, value: string) => this.session.set(`cmi.interactions.${n}.${element}`, value);
    if (isNew) {
      set('id', i.id);
      set('type', i.type);
      set('description', i.description);
      if (i.objectiveId) set('objectives.0.id', i.objectiveId);
      i.correct_responses.forEach((pattern, c) => set(`correct_responses.${c}.pattern`, pattern));
      set('weighting', i.weighting);
    }
    set('timestamp', i.timestamp);
    set('learner_response', i.learner_response);
    set('result', i.result);
    set('latency', i.latency);
  }

  flush(): void {
    this.session.commit();
  }

  finish(): void {
    if (this.session.finished) return;
    this.session.set('cmi.session_time', isoDuration(Date.now() - this.startedAt));
    this.session.set('cmi.exit', this.finishedCourse ? 'normal' : 'suspend');
    this.session.commit();
    this.session.finished = true;
    this.api.Terminate('');
  }

  onState(listener: (state: SaveState) => void): void {
    this.session.onState(listener);
  }
}
