/**
 * The xAPI (TinCan launch) and cmi5 side of a launch: statements go through the persistent outbox, cmi5 ones through
 * the session rules; the resume record lives in the LRS state resource (per learner, activity and registration),
 * written with ETag preconditions, with a copy in this browser so a launch while the LRS is unreachable resumes and
 * reconciles once it is back. Loaded on demand: a SCORM launch never downloads this chunk.
 */
import type { Statement } from '@xapi/xapi';
import type { LearnerProgress } from '../../core/completion.js';
import { Cmi5Session, type Cmi5LaunchData, type RegistrationRecord } from '../cmi5/session-rules.js';
import type { TrackedInteraction } from '../interaction.js';
import type { Cmi5Launch, TinCanLaunch } from '../launch.js';
import {
  interactionActivity,
  interactionResult,
  itemActivity,
  moduleActivity,
  moduleActivityId,
  type ItemKind,
  type XapiActivity,
} from '../notation/xapi.js';
import type { ReportedStatus, SaveState, SessionStart, TrackingAdapter } from '../tracker.js';
import { Outbox } from './outbox.js';
import { keysWithPrefix } from '../storage-keys.js';

const VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

const STATE_ID = 'course-resume';
const XAPI_VERSION = '1.0.3';

type LrsLaunch = { kind: 'cmi5'; params: Cmi5Launch } | { kind: 'xapi'; params: TinCanLaunch };

/** What the state document holds: the resume record and what this registration already reported. */
interface StateDocument {
  resume: string | null;
  record: RegistrationRecord;
  /** Modules whose `completed` was already sent in this registration. */
  modules?: string[];
}

/** Where an item of the course sits and what it is, so each is reported as a page, quiz or role-play. */
export interface ItemPlace {
  moduleId: string;
  kind: ItemKind;
  title: string;
}

/** What the adapter knows of the course: its IRI and language, and (from the course index) its items and modules. */
export interface LrsCourseIds {
  courseIri: string;
  language: string;
  modulesCompleted?: (progress: LearnerProgress) => string[];
  /** Every item by id (item ids are unique in a course). */
  items?: ReadonlyMap<string, ItemPlace>;
  /** Module titles by id. */
  modules?: ReadonlyMap<string, string>;
  /** Merges this tab's resume record with one another tab or device saved meanwhile (see `resume/merge.ts`). */
  mergeResume?: (ours: string, theirs: string) => string;
}

type Draft = Omit<Statement, 'actor' | 'id' | 'timestamp'> & { context?: Record<string, unknown> };

export class LrsAdapter implements TrackingAdapter {
  readonly kind: 'cmi5' | 'xapi';
  readonly resumeLimit = 64_000;
  private auth = '';
  private actor: Record<string, unknown> = {};
  private registration: string;
  private outbox: Outbox | null = null;
  private session: Cmi5Session | null = null;
  private launchData: Cmi5LaunchData | null = null;
  private record: RegistrationRecord = { completed: false, passed: false };
  private etag: string | null = null;
  private stateDirty = false;
  private stateWriting = false;
  private pendingState: StateDocument | null = null;
  /** What another tab or device saved since this tab read the state: merged into every later write. */
  private theirs: StateDocument | null = null;
  /** At start: resume records to merge with the one resumed (the LRS's, other tabs' unsent ones). */
  private otherResumes: string[] = [];
  /**
   * This tab's key for its copy of the state the LRS has not confirmed yet. Per tab, because localStorage is shared:
   * with one key, a tab whose write succeeded cleared the mark of another tab's unsent write, and the last tab to
   * write replaced the other's copy, so a tab closed with its last write refused lost that write.
   */
  private readonly tab = crypto.randomUUID();
  /** Other tabs' unsent copies merged at start: removed once this tab has saved the merged progress. */
  private adopted: string[] = [];
  private savedSinceStart = false;
  private lastLocation = '';
  private lastProgress = -1;
  private readonly startedAt = Date.now();
  private listeners: ((state: SaveState) => void)[] = [];
  private state: SaveState = 'saved';
  private finished = false;
  private lastJudged = '';
  private readonly modulesReported = new Set<string>();
  private readonly roleplayRuns = new Map<string, number>();
  private statusSeen = false;
  /** This session resumed a saved record: the first status it reports is that record's, judged before. */
  private resumed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly launch: LrsLaunch,
    private readonly ids: LrsCourseIds,
    private readonly log: (message: string) => void = (m) => console.warn(m),
    private readonly win: Window = window,
  ) {
    this.kind = launch.kind;
    this.registration = launch.params.registration ?? '';
  }

  private get endpoint(): string {
    const e = this.launch.params.endpoint;
    return e.endsWith('/') ? e : `${e}/`;
  }

  private get storageKey(): string {
    return `course-lrs:${this.endpoint}:${this.registration || 'none'}:${JSON.stringify(this.actor)}`;
  }

  async start(): Promise<SessionStart> {
    this.actor = JSON.parse(this.launch.params.actor) as Record<string, unknown>;
    this.auth = this.launch.kind === 'cmi5' ? await this.cmi5Token(this.launch.params) : this.launch.params.auth;
    this.outbox = new Outbox({
      storage: this.win.localStorage,
      key: `${this.storageKey}:outbox`,
      send: (statements, keepalive) => this.request('POST', 'statements', undefined, statements, { keepalive }),
      // On the way out the tab cannot wait for a lock another send holds: it sends with keepalive at once (the LRS
      // keeps one statement per id, and the outbox counts a 409 as delivered).
      withLock: (task) =>
        this.win.navigator.locks && !this.finished
          ? this.win.navigator.locks
              .request(`${this.storageKey}:outbox`, { ifAvailable: true }, async (lock) => {
                if (lock) await task();
              })
              .then(() => undefined)
          : task(),
      onState: (s) => this.setState(s === 'offline' ? 'offline' : s),
      onSetAside: (entry) => this.log(`statement set aside: ${entry.reason}`),
    });
    let language: string | null = null;
    if (this.launch.kind === 'cmi5') {
      this.launchData = await this.readLaunchData(this.launch.params);
      language = await this.readPreferredLanguage();
    }
    const stored = await this.readState();
    this.resumed = stored.resume !== null;
    this.record = stored.record;
    for (const id of stored.modules ?? []) this.modulesReported.add(id);
    if (this.launch.kind === 'cmi5' && this.launchData) {
      this.session = new Cmi5Session({
        actor: this.actor,
        registration: this.registration,
        activityId: this.launch.params.activityId,
        courseIri: this.ids.courseIri,
        launchData: this.launchData,
        record: this.record,
        uuid: () => crypto.randomUUID(),
      });
      this.queue(this.session.initialized());
    } else {
      this.queue([this.statement({ verb: verb('initialized'), object: this.course() })]);
    }
    this.flush();
    const mode = this.launchData?.launchMode;
    const mastery = this.launchData?.masteryScore;
    return {
      resume: stored.resume,
      masteryScaled: typeof mastery === 'number' ? mastery : null,
      mode: mode === 'Browse' ? 'browse' : mode === 'Review' ? 'review' : 'normal',
      language,
      returnURL: this.launchData?.returnURL ?? null,
      otherResumes: this.otherResumes,
    };
  }

  saveState(resume: string, location: string): void {
    if (this.finished || !this.recording) return;
    if (location && location !== this.lastLocation) {
      this.lastLocation = location;
      const [moduleId, itemId] = location.split('/').map(decodeSegment);
      if (moduleId && itemId) {
        // A quiz is reported as an assessment and a role-play as a simulation, not as a page.
        const place = this.ids.items?.get(itemId);
        const kind = place && place.moduleId === moduleId ? place.kind : 'page';
        this.record_([
          {
            verb: verb('experienced'),
            object: itemActivity(this.ids, kind, itemId, place?.title),
            context: this.hierarchy(moduleId),
          },
        ]);
      }
    }
    this.savedSinceStart = true;
    this.writeState({ resume, record: this.currentRecord(), modules: [...this.modulesReported] });
  }

  reportStatus(status: ReportedStatus): void {
    if (this.finished || !this.recording) return;
    // Another tab of this launch may have reported completion or modules already: its copy is in this browser.
    const shared = this.localState();
    if (shared) this.absorb(shared);
    const before = JSON.stringify([this.currentRecord(), this.modulesReported.size]);
    const firstStatus = !this.statusSeen;
    const percent = Math.round(status.progress * 100);
    if (percent !== this.lastProgress) {
      this.lastProgress = percent;
      this.record_([
        {
          verb: verb('progressed'),
          object: this.course(),
          result: { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': percent } },
        },
      ]);
    }
    const learner = status.learner;
    const modulesCompleted = learner && this.ids.modulesCompleted ? this.ids.modulesCompleted(learner) : [];
    for (const moduleId of modulesCompleted) {
      if (this.modulesReported.has(moduleId)) continue;
      this.modulesReported.add(moduleId);
      this.record_([
        {
          verb: verb('completed'),
          object: moduleActivity(this.ids, moduleId, this.ids.modules?.get(moduleId)),
          result: { completion: true },
          context: this.hierarchy(''),
        },
      ]);
    }
    for (const [roleplayId, run] of Object.entries(learner?.roleplays ?? {})) {
      const seen = this.roleplayRuns.get(roleplayId);
      this.roleplayRuns.set(roleplayId, run.runs);
      // Runs finished before this launch were reported by their own session.
      if (seen === undefined && this.statusSeen) {
        if (run.runs === 0) continue;
      } else if (seen === undefined || run.runs <= seen) continue;
      this.record_([
        {
          verb: verb('completed'),
          object: itemActivity(this.ids, 'roleplay', roleplayId, this.ids.items?.get(roleplayId)?.title),
          result: { completion: true, extensions: { [`${this.ids.courseIri}/extensions/ending`]: run.nodeId } },
          context: this.hierarchy(this.moduleOf(roleplayId)),
        },
      ]);
    }
    this.statusSeen = true;
    if (status.completed) {
      if (this.session) this.queue(this.session.completed());
      else if (!this.record.completed) {
        this.record.completed = true;
        this.queue([this.statement({ verb: verb('completed'), object: this.course(), result: { completion: true } })]);
      }
    }
    const judgedKey = status.passed !== null && status.score ? `${status.passed}:${status.score.raw}` : '';
    // A result resumed from an earlier session was judged by that session: only a new result is judged in this one
    // (else a resumed fail would be this session's one judgement and block the pass that follows).
    if (firstStatus && this.resumed) this.lastJudged = judgedKey;
    if (status.passed !== null && status.score && judgedKey !== this.lastJudged) {
      this.lastJudged = judgedKey;
      const { scaled, raw, max } = status.score;
      if (this.session) this.queue(this.session.judged(scaled, raw, max, status.passingScaled));
      else if (!this.record.passed) {
        this.record.passed = status.passed;
        this.queue([
          this.statement({
            verb: verb(status.passed ? 'passed' : 'failed'),
            object: this.course(),
            result: { success: status.passed, score: { scaled, raw: Math.round(raw), min: 0, max: Math.round(max) } },
          }),
        ]);
      }
    }
    // What the registration has now reported goes to this browser's copy at once, for the launch's other tabs.
    if (JSON.stringify([this.currentRecord(), this.modulesReported.size]) !== before) {
      this.writeState({
        resume: this.pendingState?.resume ?? shared?.resume ?? null,
        record: this.currentRecord(),
        modules: [...this.modulesReported],
      });
    }
  }

  reportInteraction(record: TrackedInteraction): void {
    if (this.finished || !this.recording) return;
    const parentKind = record.parentKind === 'roleplay' ? 'roleplay' : 'quiz';
    const moduleId = this.moduleOf(record.parentId);
    const parent = itemActivity(this.ids, parentKind, record.parentId, this.ids.items?.get(record.parentId)?.title);
    const context = this.hierarchy(moduleId, parent);
    context.extensions = { [`${this.ids.courseIri}/extensions/attempt`]: record.attempt };
    this.record_([
      {
        verb: verb('answered'),
        object: interactionActivity(this.ids, record),
        result: interactionResult(record, this.ids),
        context,
      },
    ]);
  }

  flush(keepalive = false): void {
    const outbox = this.outbox;
    if (outbox) {
      void outbox
        .flush(keepalive)
        .then(() => {
          // Whatever waits for a retry (backoff, Retry-After, another tab's lock) is tried again shortly.
          if (outbox.pending() > 0 && !this.retryTimer) {
            this.retryTimer = setTimeout(() => {
              this.retryTimer = undefined;
              this.flush();
            }, 1000);
          }
        })
        .catch((e: Error) => this.log(`outbox: ${e.message}`));
    }
    if (this.stateDirty) void this.pushState(keepalive);
  }

  finish(): void {
    if (this.finished) return;
    const terminated = this.session
      ? this.session.terminatedStatement()
      : [
          this.statement({
            verb: verb('terminated'),
            object: this.course(),
            result: { duration: isoSeconds(Date.now() - this.startedAt) },
          }),
        ];
    this.finished = true;
    for (const s of terminated) this.outbox?.add(s);
    this.flush(true);
    const returnURL = this.launchData?.returnURL;
    if (returnURL && this.win.document.visibilityState !== 'hidden') {
      // Redirect once the terminated statement has had its chance to leave (keepalive carries it anyway).
      setTimeout(() => this.win.location.assign(returnURL), 300);
    }
  }

  onState(listener: (state: SaveState) => void): void {
    this.listeners.push(listener);
    listener(this.state);
  }

  private get recording(): boolean {
    return !this.launchData || this.launchData.launchMode === 'Normal';
  }

  /** The module an item belongs to: from the course outline, else where the learner is. */
  private moduleOf(itemId: string): string {
    return this.ids.items?.get(itemId)?.moduleId ?? decodeSegment(this.lastLocation.split('/')[0] ?? '');
  }

  private currentRecord(): RegistrationRecord {
    return this.session ? { ...this.session.record } : { ...this.record };
  }

  /** A course statement: through the session rules under cmi5, as is under xAPI. */
  private record_(drafts: Draft[]): void {
    const session = this.session;
    if (session) for (const d of drafts) this.queue(session.allowed(d));
    else this.queue(drafts.map((d) => this.statement(d)));
  }

  private queue(statements: { id?: string }[]): void {
    for (const s of statements) {
      if (!this.outbox?.add(s as { id: string })) this.setState('failed');
    }
    if (statements.length > 0) this.flush();
  }

  private statement(draft: Draft): Statement & { id: string } {
    const context = { ...(draft.context ?? this.hierarchy('')) } as Record<string, unknown>;
    if (this.registration) context.registration = this.registration;
    return {
      ...draft,
      id: crypto.randomUUID(),
      actor: this.actor,
      timestamp: new Date().toISOString(),
      context,
    };
  }

  private course(): Statement['object'] {
    return { objectType: 'Activity', id: this.ids.courseIri, definition: { type: ACTIVITY_COURSE } };
  }

  /** course → module → item in contextActivities: the course in grouping for everything below it. */
  private hierarchy(moduleId: string, item?: XapiActivity): Record<string, unknown> {
    const course = { objectType: 'Activity', id: this.ids.courseIri };
    const module = moduleId ? { objectType: 'Activity', id: moduleActivityId(this.ids, moduleId) } : null;
    const parent = item ? [item] : module ? [module] : [course];
    const grouping = item && module ? [course, module] : moduleId ? [course] : [];
    return { contextActivities: grouping.length > 0 ? { parent, grouping } : { parent } };
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'X-Experience-API-Version': XAPI_VERSION, Authorization: this.auth, ...extra };
  }

  private request(
    method: string,
    resource: string,
    query?: Record<string, string>,
    body?: unknown,
    options: { keepalive?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = new URL(resource, this.endpoint);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    return fetch(url, {
      method,
      headers: this.headers({
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      }),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      keepalive: options.keepalive === true,
      signal: controller.signal,
    }).finally(() => clearTimeout(timer));
  }

  /** cmi5 §8.2.1: the token is fetched once; kept for the session so a reload does not fetch again. */
  private async cmi5Token(params: Cmi5Launch): Promise<string> {
    const key = `cmi5-token:${params.fetch}`;
    const kept = this.win.sessionStorage.getItem(key);
    if (kept) return `Basic ${kept}`;
    const response = await fetch(params.fetch, { method: 'POST' });
    const body = (await response.json()) as { 'auth-token'?: string; 'error-code'?: string; 'error-text'?: string };
    if (!response.ok || !body['auth-token']) {
      throw new Error(`cmi5 fetch URL refused: ${body['error-code'] ?? response.status} ${body['error-text'] ?? ''}`);
    }
    this.win.sessionStorage.setItem(key, body['auth-token']);
    return `Basic ${body['auth-token']}`;
  }

  private stateQuery(activityId: string, stateId: string): Record<string, string> {
    const query: Record<string, string> = { activityId, agent: JSON.stringify(this.actor), stateId };
    if (this.registration) query.registration = this.registration;
    return query;
  }

  private async readLaunchData(params: Cmi5Launch): Promise<Cmi5LaunchData> {
    const response = await this.request(
      'GET',
      'activities/state',
      this.stateQuery(params.activityId, 'LMS.LaunchData'),
    );
    if (!response.ok) throw new Error(`LMS.LaunchData could not be read (${response.status})`);
    return (await response.json()) as Cmi5LaunchData;
  }

  private async readPreferredLanguage(): Promise<string | null> {
    try {
      const response = await this.request('GET', 'agents/profile', {
        agent: JSON.stringify(this.actor),
        profileId: 'cmi5LearnerPreferences',
      });
      if (!response.ok) return null;
      const prefs = (await response.json()) as { languagePreference?: string };
      return prefs.languagePreference?.split(',')[0]?.trim() || null;
    } catch {
      return null;
    }
  }

  /** The LRS's state document, or this browser's copy when the LRS cannot be reached (reconciled later). */
  private async readState(): Promise<StateDocument> {
    const local = this.localState();
    try {
      const response = await this.request('GET', 'activities/state', this.stateQuery(this.ids.courseIri, STATE_ID));
      if (response.status !== 404 && !response.ok) throw new Error(`state ${response.status}`);
      const remote = response.status === 404 ? null : ((await response.json()) as StateDocument);
      if (remote) this.etag = response.headers.get('ETag');
      const unsent = this.unsentCopies();
      if (unsent.length === 0) {
        if (!remote && local) this.writeState(local);
        return remote ?? local ?? { resume: null, record: { completed: false, passed: false } };
      }
      // Copies this browser's tabs saved that the LRS never confirmed (the LRS was unreachable, or a tab closed with
      // its last write refused): resumed, merged with the LRS's. Records are merged by the runtime (otherResumes);
      // what any of them reported (completed, passed, modules) counts as reported, or a relaunch sends it again.
      this.theirs = remote;
      this.adopted = unsent.map(([key]) => key);
      const docs = [...unsent.map(([, doc]) => doc), ...(remote ? [remote] : [])];
      const [first, ...rest] = docs;
      const merged = rest.reduce((ours, doc) => this.merged(ours, { ...doc, resume: null }), first!);
      const resumes = [...new Set(docs.map((d) => d.resume))].filter((r): r is string => r !== null);
      merged.resume = resumes[0] ?? null;
      this.otherResumes = resumes.slice(1);
      this.writeState(merged);
      return merged;
    } catch (error) {
      this.log(`LRS state not readable (${(error as Error).message}); resuming from this browser's copy`);
      this.setState('offline');
      if (local) this.writeState(local);
      return local ?? { resume: null, record: { completed: false, passed: false } };
    }
  }

  private localState(): StateDocument | null {
    return this.readLocal(`${this.storageKey}:state`);
  }

  /** Every tab's unsent copy of this launch's state (and the single-copy mark of an earlier version). */
  private unsentCopies(): [string, StateDocument][] {
    const storage = this.win.localStorage;
    const keys = keysWithPrefix(storage, `${this.storageKey}:unsent:`);
    if (storage.getItem(`${this.storageKey}:dirty`)) keys.push(`${this.storageKey}:state`);
    return keys.flatMap((key) => {
      const doc = this.readLocal(key);
      return doc ? [[key, doc] as [string, StateDocument]] : [];
    });
  }

  private readLocal(key: string): StateDocument | null {
    try {
      const text = this.win.localStorage.getItem(key);
      return text ? (JSON.parse(text) as StateDocument) : null;
    } catch {
      return null;
    }
  }

  private writeState(doc: StateDocument): void {
    this.pendingState = doc;
    this.stateDirty = true;
    try {
      this.win.localStorage.setItem(`${this.storageKey}:state`, JSON.stringify(doc));
      this.win.localStorage.setItem(`${this.storageKey}:unsent:${this.tab}`, JSON.stringify(doc));
    } catch {
      this.setState('failed');
    }
  }

  /** What another tab or device reported in this registration counts as reported here too (never sent twice). */
  private absorb(doc: StateDocument): void {
    const record = this.session ? this.session.record : this.record;
    if (doc.record?.completed) record.completed = true;
    if (doc.record?.passed) record.passed = true;
    for (const id of doc.modules ?? []) this.modulesReported.add(id);
  }

  /** This tab's document with another's: both resume records merged, what either reported kept. */
  private merged(ours: StateDocument, theirs: StateDocument): StateDocument {
    let resume = ours.resume ?? theirs.resume;
    if (ours.resume && theirs.resume && ours.resume !== theirs.resume && this.ids.mergeResume) {
      resume = this.ids.mergeResume(ours.resume, theirs.resume);
    }
    return {
      resume,
      record: {
        completed: ours.record.completed || theirs.record?.completed === true,
        passed: ours.record.passed || theirs.record?.passed === true,
      },
      modules: [...new Set([...(ours.modules ?? []), ...(theirs.modules ?? [])])],
    };
  }

  /**
   * PUT with If-Match (or If-None-Match: * on first write). On 412 another tab or device wrote in between: its
   * document is read, merged with this one (so neither silently wipes out the other) and written with its ETag.
   */
  private async pushState(keepalive: boolean): Promise<void> {
    if (this.stateWriting || !this.pendingState) return;
    this.stateWriting = true;
    const pending = this.pendingState;
    let doc = this.theirs ? this.merged(pending, this.theirs) : pending;
    try {
      for (let tries = 0; tries < 3; tries++) {
        const response = await this.request(
          'PUT',
          'activities/state',
          this.stateQuery(this.ids.courseIri, STATE_ID),
          doc,
          {
            keepalive,
            headers: this.etag ? { 'If-Match': this.etag } : { 'If-None-Match': '*' },
          },
        );
        if (response.ok) {
          this.etag = response.headers.get('ETag') ?? this.etag;
          // The browser's copy becomes what the LRS now holds (merged with another tab's when there was one).
          if (doc !== pending) this.win.localStorage.setItem(`${this.storageKey}:state`, JSON.stringify(doc));
          if (this.pendingState === pending) {
            this.stateDirty = false;
            this.win.localStorage.removeItem(`${this.storageKey}:unsent:${this.tab}`);
            // Other tabs' copies merged at start are in the LRS too once the merged progress was saved.
            if (this.savedSinceStart) {
              for (const key of this.adopted.splice(0)) {
                if (key.endsWith(':state')) this.win.localStorage.removeItem(`${this.storageKey}:dirty`);
                else this.win.localStorage.removeItem(key);
              }
            }
          }
          return;
        }
        if (response.status !== 412) throw new Error(`state ${response.status}`);
        this.log('resume record changed in another tab or device since this one read it; merging both');
        const current = await this.request('GET', 'activities/state', this.stateQuery(this.ids.courseIri, STATE_ID));
        this.etag = current.ok ? current.headers.get('ETag') : null;
        if (current.ok) {
          this.theirs = (await current.json()) as StateDocument;
          this.absorb(this.theirs);
          doc = this.merged(pending, this.theirs);
        }
      }
      throw new Error('state kept changing under this tab');
    } catch (error) {
      this.log(`resume record not saved to the LRS yet (${(error as Error).message}); kept in this browser`);
      setTimeout(() => this.flush(), 5000);
    } finally {
      this.stateWriting = false;
    }
  }
}

const ACTIVITY_COURSE = 'http://adlnet.gov/expapi/activities/course';

function verb(name: keyof typeof VERBS): Statement['verb'] {
  return { id: VERBS[name], display: { 'en-US': name } };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isoSeconds(ms: number): string {
  return `PT${(Math.round(ms / 10) / 100).toFixed(2)}S`;
}
