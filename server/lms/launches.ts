/**
 * Learners, launches and SCORM data of the preview LMS, and how each launch standard is prepared: cmi5 (LMS.LaunchData,
 * learner preferences, `launched`, one-time fetch token), xAPI TinCan launch, SCORM 1.2 and 2004 (data saved per
 * learner and course so a relaunch resumes).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../lrs/database.js';
import type { JsonObject } from '../lrs/agents.js';
import type { CredentialStore } from '../lrs/credentials.js';
import type { DocumentStore } from '../lrs/documents.js';
import { isoNow, type StatementStore } from '../lrs/statements.js';

export type Standard = 'cmi5' | 'xapi' | 'scorm12' | 'scorm2004';
export const STANDARDS: Standard[] = ['cmi5', 'xapi', 'scorm12', 'scorm2004'];
export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What the LMS knows of the course, from the build's content/course.json. */
export interface CourseInfo {
  id: string;
  title: string;
  description?: string;
  language?: string;
  /** Pass mark in percent (course.yaml passingScore). */
  passingScore: number;
  /** Set when a package is served: its AU id (cmi5.xml), else the course IRI stands for the one AU. */
  auId?: string;
  /** Set when a package is served: the pass mark its manifest gives the LMS, scaled 0–1. */
  masteryScore?: number;
  /** Set when a package is served: the activity id in its tincan.xml. */
  activityId?: string;
  /** The course's launch page on this server: the package's launch file under its sub-path, else /course/index.html. */
  launchPath?: string;
  /** Set when a package is served: the one standard it can be launched in. */
  packageKind?: Standard;
}

/** The pass mark given to the LMS, scaled 0–1: the package's own, else the course's. */
export const masteryScore = (course: CourseInfo): number =>
  course.masteryScore ?? Math.round(course.passingScore * 100) / 10000;
export const launchPath = (course: CourseInfo): string => course.launchPath ?? '/course/index.html';

export interface Launch {
  id: string;
  learnerName: string;
  account: string;
  standard: Standard;
  registration: string;
  sessionId: string;
  activityId: string;
  launchMode: LaunchMode;
  created: string;
  /** Where the browser goes: the course URL with launch parameters, or the SCORM player page. */
  url: string;
}

/** Home page of learner accounts and generated activity ids: fixed, so ids stay the same whatever the port. */
export const LMS_HOME = 'http://localhost/preview-lms';
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** The AU's publisher id in the course structure: the package's AU id, else the course IRI (the course is one AU). */
export const publisherAuId = (course: CourseInfo): string => course.auId ?? course.id;
/** LMS-generated ids (cmi5 8.1.5, 9.4): stable for the course, never the publisher's. */
export const auActivityId = (course: CourseInfo): string => `${LMS_HOME}/au/${sha1(publisherAuId(course))}`;
export const courseObjectId = (course: CourseInfo): string => `${LMS_HOME}/course/${sha1(course.id)}`;

export const learnerActor = (name: string, account: string): JsonObject => ({
  objectType: 'Agent',
  name,
  account: { homePage: LMS_HOME, name: account },
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS lms_launches (
  id TEXT PRIMARY KEY,
  learner_name TEXT NOT NULL,
  account TEXT NOT NULL,
  standard TEXT NOT NULL,
  registration TEXT NOT NULL,
  session_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  launch_mode TEXT NOT NULL,
  fetch_token TEXT,
  fetch_used INTEGER NOT NULL DEFAULT 0,
  credential_key TEXT,
  credential_secret TEXT,
  created TEXT NOT NULL,
  url TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lms_launches_learner ON lms_launches (account, standard, created);
CREATE TABLE IF NOT EXISTS lms_scorm_data (
  account TEXT NOT NULL,
  course TEXT NOT NULL,
  standard TEXT NOT NULL,
  cmi TEXT NOT NULL,
  updated TEXT NOT NULL,
  PRIMARY KEY (account, course, standard)
);
`;

interface LaunchRow {
  id: string;
  learner_name: string;
  account: string;
  standard: Standard;
  registration: string;
  session_id: string;
  activity_id: string;
  launch_mode: LaunchMode;
  fetch_token: string | null;
  fetch_used: number;
  credential_key: string | null;
  credential_secret: string | null;
  created: string;
  url: string;
}

const toLaunch = (r: LaunchRow): Launch => ({
  id: r.id,
  learnerName: r.learner_name,
  account: r.account,
  standard: r.standard,
  registration: r.registration,
  sessionId: r.session_id,
  activityId: r.activity_id,
  launchMode: r.launch_mode,
  created: r.created,
  url: r.url,
});

export interface LaunchRequest {
  name: string;
  account: string;
  standard: Standard;
  launchMode?: LaunchMode;
  /** Start over with a new registration instead of continuing the learner's last one. */
  newRegistration?: boolean;
}

export class LaunchStore {
  constructor(
    private readonly db: Db,
    private readonly deps: { statements: StatementStore; documents: DocumentStore; credentials: CredentialStore },
  ) {
    db.exec(SCHEMA);
  }

  /**
   * Prepares a launch. `origin` is the server's own origin as the browser sees it (the endpoint and fetch URL in
   * the course URL must be reachable from the learner's browser).
   */
  create(req: LaunchRequest, course: CourseInfo, origin: string): Launch {
    const id = randomUUID();
    const previous = req.newRegistration
      ? undefined
      : (this.db
          .prepare(
            'SELECT registration FROM lms_launches WHERE account = ? AND standard = ? ORDER BY created DESC LIMIT 1',
          )
          .get(req.account, req.standard) as { registration: string } | undefined);
    const registration = previous?.registration ?? randomUUID();
    const sessionId = randomUUID();
    const activityId = auActivityId(course);
    const launchMode = req.launchMode ?? 'Normal';
    const actor = learnerActor(req.name, req.account);
    const endpoint = `${origin}/xapi/`;
    const courseUrl = `${origin}${launchPath(course)}`;
    let url: string;
    let fetchToken: string | null = null;
    let creds: { key: string; secret: string } | null = null;

    if (req.standard === 'cmi5') {
      creds = this.deps.credentials.issue({ kind: 'cmi5', actor, registration, activityId, sessionId });
      fetchToken = randomBytes(18).toString('base64url');
      this.prepareCmi5(
        course,
        actor,
        registration,
        sessionId,
        activityId,
        launchMode,
        `${origin}/records?launch=${id}`,
      );
      url = `${courseUrl}?${new URLSearchParams({
        endpoint,
        fetch: `${origin}/lms/cmi5/fetch/${fetchToken}`,
        actor: JSON.stringify(actor),
        registration,
        activityId,
      }).toString()}`;
    } else if (req.standard === 'xapi') {
      creds = this.deps.credentials.issue({ kind: 'xapi', actor, registration, activityId });
      url = `${courseUrl}?${new URLSearchParams({
        endpoint,
        auth: `Basic ${Buffer.from(`${creds.key}:${creds.secret}`).toString('base64')}`,
        actor: JSON.stringify(actor),
        registration,
        activity_id: course.activityId ?? course.id,
      }).toString()}`;
    } else {
      url = `${origin}/lms/scorm/${id}`;
    }
    this.db
      .prepare(
        `INSERT INTO lms_launches (id, learner_name, account, standard, registration, session_id, activity_id, launch_mode,
           fetch_token, credential_key, credential_secret, created, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        req.name,
        req.account,
        req.standard,
        registration,
        sessionId,
        activityId,
        launchMode,
        fetchToken,
        creds?.key ?? null,
        creds?.secret ?? null,
        isoNow(),
        url,
      );
    return this.get(id)!;
  }

  /** cmi5 10.0 and 11.0: LMS.LaunchData and learner preferences written, then `launched` recorded, before the launch. */
  private prepareCmi5(
    course: CourseInfo,
    actor: JsonObject,
    registration: string,
    sessionId: string,
    activityId: string,
    launchMode: LaunchMode,
    returnURL: string,
  ): void {
    const publisher = {
      objectType: 'Activity',
      id: publisherAuId(course),
      definition: { name: { [course.language ?? 'zh-CN']: course.title } },
    };
    const launchData = {
      contextTemplate: {
        contextActivities: { grouping: [publisher] },
        extensions: { [SESSION_EXT]: sessionId },
      },
      launchMode,
      moveOn: 'CompletedAndPassed',
      masteryScore: masteryScore(course),
      returnURL,
    };
    const agentKey = `account:${LMS_HOME}|${(actor.account as JsonObject).name as string}`;
    this.deps.documents.write(
      { kind: 'state', activityId, agent: agentKey, registration },
      'LMS.LaunchData',
      'application/json',
      Buffer.from(JSON.stringify(launchData)),
      'put',
      {},
      false,
    );
    const prefs = { kind: 'agentProfile' as const, activityId: '', agent: agentKey, registration: '' };
    if (!this.deps.documents.get(prefs, 'cmi5LearnerPreferences')) {
      this.deps.documents.write(
        prefs,
        'cmi5LearnerPreferences',
        'application/json',
        Buffer.from(
          JSON.stringify({ languagePreference: `${course.language ?? 'zh-CN'},en-US`, audioPreference: 'on' }),
        ),
        'put',
        {},
        false,
      );
    }
    this.recordLms({
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched', 'zh-CN': '已启动' } },
      object: {
        objectType: 'Activity',
        id: activityId,
        definition: { name: { [course.language ?? 'zh-CN']: course.title } },
      },
      context: {
        registration,
        contextActivities: { grouping: [publisher], category: [{ objectType: 'Activity', id: CMI5_CATEGORY }] },
        extensions: {
          [SESSION_EXT]: sessionId,
          'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode,
          'https://w3id.org/xapi/cmi5/context/extensions/moveon': 'CompletedAndPassed',
          'https://w3id.org/xapi/cmi5/context/extensions/launchurl': launchPath(course),
          'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': launchData.masteryScore,
        },
      },
    });
  }

  /** Stores a statement the LMS makes itself (launched, satisfied), under the LMS's authority. */
  recordLms(statement: JsonObject): void {
    this.onLmsStatement(statement);
  }

  /** Set by the LMS: stores and announces LMS statements. */
  onLmsStatement: (statement: JsonObject) => void = () => {};

  get(id: string): Launch | null {
    const row = this.db.prepare('SELECT * FROM lms_launches WHERE id = ?').get(id) as LaunchRow | undefined;
    return row ? toLaunch(row) : null;
  }

  bySession(sessionId: string): Launch | null {
    const row = this.db.prepare('SELECT * FROM lms_launches WHERE session_id = ?').get(sessionId) as
      LaunchRow | undefined;
    return row ? toLaunch(row) : null;
  }

  list(limit = 100): Launch[] {
    return (this.db.prepare('SELECT * FROM lms_launches ORDER BY created DESC LIMIT ?').all(limit) as LaunchRow[]).map(
      toLaunch,
    );
  }

  /** cmi5 8.2: the auth token once; `null` when the token is unknown or already used. */
  takeFetchToken(token: string): { key: string; secret: string } | 'used' | null {
    const row = this.db
      .prepare('SELECT id, fetch_used, credential_key, credential_secret FROM lms_launches WHERE fetch_token = ?')
      .get(token) as { id: string; fetch_used: number; credential_key: string; credential_secret: string } | undefined;
    if (!row) return null;
    if (row.fetch_used) return 'used';
    this.db.prepare('UPDATE lms_launches SET fetch_used = 1 WHERE id = ?').run(row.id);
    return { key: row.credential_key, secret: row.credential_secret };
  }

  scormData(launch: Launch, course: CourseInfo): JsonObject | null {
    const row = this.db
      .prepare('SELECT cmi FROM lms_scorm_data WHERE account = ? AND course = ? AND standard = ?')
      .get(launch.account, course.id, launch.standard) as { cmi: string } | undefined;
    return row ? (JSON.parse(row.cmi) as JsonObject) : null;
  }

  saveScormData(launch: Launch, course: CourseInfo, cmi: JsonObject): void {
    this.db
      .prepare(
        `INSERT INTO lms_scorm_data (account, course, standard, cmi, updated) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account, course, standard) DO UPDATE SET cmi = excluded.cmi, updated = excluded.updated`,
      )
      .run(launch.account, course.id, launch.standard, JSON.stringify(cmi), isoNow());
  }
}
