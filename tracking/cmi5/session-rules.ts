/**
 * The cmi5 AU rules (cmi5 spec §9.3, §10), written for this course rather than taken from @xapi/cmi5: one session's
 * statements built in the order and with the results the spec requires. Pure: the caller queues what it returns in
 * the outbox. Object ids of cmi5-defined statements are the launch's `activityId` (spec §9.4); everything else the
 * course reports uses its own IRIs.
 */
import { isoDuration } from '../notation/time.js';

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  verbs: {
    initialized: 'http://adlnet.gov/expapi/verbs/initialized',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    passed: 'http://adlnet.gov/expapi/verbs/passed',
    failed: 'http://adlnet.gov/expapi/verbs/failed',
    terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  },
} as const;

export interface Cmi5LaunchData {
  contextTemplate: { contextActivities?: Record<string, unknown[]>; extensions?: Record<string, unknown> };
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn: string;
  masteryScore?: number;
  returnURL?: string;
}

/** What earlier sessions of this registration already reported (kept in the LRS state with the resume record). */
export interface RegistrationRecord {
  completed: boolean;
  passed: boolean;
}

export interface SessionOptions {
  actor: unknown;
  registration: string;
  activityId: string;
  /**
   * The course's own IRI, added to the grouping of cmi5-defined statements (the spec lets an AU add to the context
   * template, never change it): their object is the LMS's AU id, so without it an LRS query for the course with
   * `related_activities` would miss the course's completed, passed and failed.
   */
  courseIri?: string;
  launchData: Cmi5LaunchData;
  record: RegistrationRecord;
  /** Makes statement ids (crypto.randomUUID in the browser). */
  uuid: () => string;
  now?: () => number;
}

type Statement = Record<string, unknown> & { id: string; timestamp: string };

export class Cmi5Session {
  private state: 'new' | 'initialized' | 'terminated' = 'new';
  private judgedThisSession = false;
  /** The session's latest fail, sent before terminated unless a pass comes first. */
  private pendingFail: { scaled: number; raw: number; max: number } | null = null;
  private lastTimestamp = 0;
  private readonly startedAt: number;
  private readonly now: () => number;
  readonly record: RegistrationRecord;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.record = { ...options.record };
  }

  /** Browse and Review record nothing but the session itself. */
  get recording(): boolean {
    return this.options.launchData.launchMode === 'Normal';
  }

  get terminated(): boolean {
    return this.state === 'terminated';
  }

  /** The pass mark: the LMS's masteryScore when it gives one, else the course's. */
  passMark(courseScaled: number): number {
    return this.options.launchData.masteryScore ?? courseScaled;
  }

  initialized(): Statement[] {
    if (this.state !== 'new') return [];
    this.state = 'initialized';
    return [this.cmi5Statement('initialized', 'initialized')];
  }

  /** Completed, once per registration, never in Browse or Review. */
  completed(): Statement[] {
    if (!this.active || !this.recording || this.record.completed) return [];
    this.record.completed = true;
    return [this.cmi5Statement('completed', 'completed', { completion: true, duration: this.duration() }, true)];
  }

  /**
   * Passed or failed for a final score (`scaled` 0–1, `raw` of `max`), against the masteryScore: at most one per
   * session (spec §9.3: passed and failed exclude each other in a session), none once passed in this registration, a
   * whole-number raw score and the masteryScore extension. A pass goes out at once. A fail waits for the session's
   * end, so a learner who fails and then passes in one sitting is reported as passed; the fail that stands is sent
   * just before terminated (also on pagehide, which terminates the session).
   */
  judged(scaled: number, raw: number, max: number, courseScaled: number): Statement[] {
    if (!this.active || !this.recording || this.judgedThisSession || this.record.passed) return [];
    const mark = this.passMark(courseScaled);
    if (scaled + 1e-9 < mark) {
      this.pendingFail = { scaled, raw, max };
      return [];
    }
    this.pendingFail = null;
    this.record.passed = true;
    return [this.judgement(true, { scaled, raw, max })];
  }

  /** A course statement allowed between initialized and terminated (answered, experienced, progressed…). */
  allowed(
    statement: Omit<Statement, 'id' | 'timestamp' | 'actor'> & { context?: Record<string, unknown> },
  ): Statement[] {
    if (!this.active || !this.recording) return [];
    return [
      {
        ...statement,
        id: this.options.uuid(),
        actor: this.options.actor,
        context: this.context(false, statement.context),
        timestamp: this.timestamp(),
      },
    ];
  }

  /** Terminated, last and once; nothing is built after it. */
  terminatedStatement(): Statement[] {
    if (this.state !== 'initialized') return [];
    const failed = this.pendingFail ? [this.judgement(false, this.pendingFail)] : [];
    this.pendingFail = null;
    const statement = this.cmi5Statement('terminated', 'terminated', { duration: this.duration() });
    this.state = 'terminated';
    return [...failed, statement];
  }

  private judgement(passed: boolean, { scaled, raw, max }: { scaled: number; raw: number; max: number }): Statement {
    this.judgedThisSession = true;
    const score = { scaled: Math.round(scaled * 10_000) / 10_000, raw: Math.round(raw), min: 0, max: Math.round(max) };
    const verb = passed ? 'passed' : 'failed';
    const statement = this.cmi5Statement(verb, verb, { success: passed, score, duration: this.duration() }, true);
    if (this.options.launchData.masteryScore !== undefined) {
      const context = statement.context as { extensions?: Record<string, unknown> };
      context.extensions = { ...context.extensions, [CMI5.masteryScore]: this.options.launchData.masteryScore };
    }
    return statement;
  }

  private courseGrouping(): Record<string, unknown> {
    const iri = this.options.courseIri;
    if (!iri) return {};
    const grouping = this.options.launchData.contextTemplate.contextActivities?.grouping ?? [];
    if (grouping.some((a) => (a as { id?: unknown }).id === iri)) return {};
    return { contextActivities: { grouping: [{ objectType: 'Activity', id: iri }] } };
  }

  private get active(): boolean {
    return this.state === 'initialized';
  }

  private duration(): string {
    return isoDuration(this.now() - this.startedAt);
  }

  /** Strictly later than the previous statement's, in UTC. */
  private timestamp(): string {
    this.lastTimestamp = Math.max(this.now(), this.lastTimestamp + 10);
    return new Date(this.lastTimestamp).toISOString();
  }

  private context(cmi5Defined: boolean, extra: Record<string, unknown> = {}, moveOn = false): Record<string, unknown> {
    const template = structuredClone(this.options.launchData.contextTemplate);
    const activities = { ...(template.contextActivities ?? {}) } as Record<string, unknown[]>;
    const extraActivities = (extra.contextActivities ?? {}) as Record<string, unknown[]>;
    for (const [key, list] of Object.entries(extraActivities)) activities[key] = [...(activities[key] ?? []), ...list];
    if (cmi5Defined) {
      activities.category = [
        ...(activities.category ?? []),
        { objectType: 'Activity', id: CMI5.category },
        ...(moveOn ? [{ objectType: 'Activity', id: CMI5.moveOnCategory }] : []),
      ];
    }
    const context: Record<string, unknown> = {
      ...extra,
      ...template,
      registration: this.options.registration,
      contextActivities: activities,
    };
    if (template.extensions || extra.extensions) {
      context.extensions = { ...(extra.extensions as object), ...template.extensions };
    }
    return context;
  }

  private cmi5Statement(
    verb: keyof typeof CMI5.verbs,
    display: string,
    result?: Record<string, unknown>,
    moveOn = false,
  ): Statement {
    const statement: Statement = {
      id: this.options.uuid(),
      actor: this.options.actor,
      verb: { id: CMI5.verbs[verb], display: { en: display } },
      object: { objectType: 'Activity', id: this.options.activityId },
      context: this.context(true, this.courseGrouping(), moveOn),
      timestamp: this.timestamp(),
    };
    if (result) statement.result = result;
    return statement;
  }
}
