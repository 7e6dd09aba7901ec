/**
 * The launcher (LMS side) of the preview server: pages under `/` and `/records`, its JSON API under `/lms/api/`,
 * the cmi5 fetch URL, the SCORM player, scorm-again's browser build and the built course under `/course/`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventEmitter } from 'node:events';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { agentKey, isObject, type JsonObject } from '../lrs/agents.js';
import type { CredentialStore, Principal } from '../lrs/credentials.js';
import type { Db } from '../lrs/database.js';
import type { DocumentStore } from '../lrs/documents.js';
import { LrsError, badRequest } from '../lrs/errors.js';
import { CORS_HEADERS, readBody, type XapiEvents } from '../lrs/http.js';
import type { StatementStore } from '../lrs/statements.js';
import {
  CMI5_CATEGORY,
  courseObjectId,
  LaunchStore,
  launchPath,
  masteryScore,
  LMS_HOME,
  publisherAuId,
  STANDARDS,
  type CourseInfo,
  type Launch,
  type LaunchMode,
  type Standard,
} from './launches.js';
import { contentTypeOf } from '../../core/content-types.js';

export interface LmsOptions {
  db: Db;
  statements: StatementStore;
  documents: DocumentStore;
  credentials: CredentialStore;
  events: EventEmitter<XapiEvents>;
  authority: JsonObject;
  courseDir: string | null;
  /** An unzipped LMS package to serve and launch instead of the built course under /course/. */
  package: PackageToServe | null;
  /** Require the administrator's credentials for the launcher (set when bound beyond loopback). */
  protect: boolean;
  /** The authoring studio's address, shown on the launcher page when the studio runs. */
  studioUrl?: string | null;
}

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
const scormAgainDir = fileURLToPath(new URL('../../node_modules/scorm-again/dist/', import.meta.url));
const SATISFIED = 'https://w3id.org/xapi/adl/verbs/satisfied';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const PASSED = 'http://adlnet.gov/expapi/verbs/passed';
const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * An unzipped LMS package and what its manifest tells the LMS (tools/packaging/serve.ts `unpackPackage` gives one).
 * It is served from `/lms/content/<kind>/`, a sub-path as in an LMS, and launched in its own standard only.
 */
export interface PackageToServe {
  kind: Standard;
  /** Folder holding the package's files (content/course.json among them). */
  dir: string;
  /** The launch file, relative to the package root. */
  launch: string;
  /** The course IRI: cmi5 course id, TinCan activity id, SCORM LOM identifier. */
  iri: string | null;
  /** The AU id from cmi5.xml. */
  auId: string | null;
  /** The pass mark as the manifest gives it, scaled 0–1. */
  masteryScore: number | null;
  title: string;
}

export const packagePrefix = (kind: Standard): string => `/lms/content/${kind}/`;

export function createLms(options: LmsOptions) {
  const pkg = options.package;
  const courseDir = pkg?.dir ?? options.courseDir;
  const coursePrefix = pkg ? packagePrefix(pkg.kind) : '/course/';
  const { statements, events } = options;
  const launches = new LaunchStore(options.db, options);
  const streams = new Set<ServerResponse>();

  launches.onLmsStatement = (statement) => {
    const before = statements.ceiling();
    statements.store([statement], options.authority, new Map());
    const fresh = statements.query({ ascending: true }, before, Number.MAX_SAFE_INTEGER).statements;
    events.emit('statements', fresh, { admin: true, key: 'lms' });
  };

  events.on('statements', (list, principal) => {
    if (principal.admin || principal.scope.kind !== 'cmi5') return;
    checkSatisfied(list, principal);
    // cmi5 8.2.1: the auth token is limited to its session, which ends with `terminated`.
    if (list.some((s) => isObject(s.verb) && s.verb.id === TERMINATED)) options.credentials.revoke(principal.key);
  });

  /** cmi5 9.3.9: once the AU's moveOn (CompletedAndPassed) is met in a registration, the course is satisfied. */
  function checkSatisfied(list: JsonObject[], principal: Principal & { admin: false }): void {
    const course = readCourse();
    const { scope } = principal;
    const relevant = list.some(
      (s) =>
        isObject(s.verb) &&
        (s.verb.id === COMPLETED || s.verb.id === PASSED) &&
        isObject(s.object) &&
        s.object.id === scope.activityId,
    );
    if (!course || !relevant) return;
    const has = (verb: string, activity: string) =>
      statements.query({ registration: scope.registration, verb, activity, limit: 1 }, null, Number.MAX_SAFE_INTEGER)
        .statements.length > 0;
    if (!has(COMPLETED, scope.activityId) || !has(PASSED, scope.activityId)) return;
    const courseId = courseObjectId(course);
    if (has(SATISFIED, courseId)) return;
    const courseActivity = {
      objectType: 'Activity',
      id: courseId,
      definition: {
        name: { [course.language ?? 'zh-CN']: course.title },
        type: 'https://w3id.org/xapi/cmi5/activitytype/course',
      },
    };
    launches.recordLms({
      actor: scope.actor,
      verb: { id: SATISFIED, display: { 'en-US': 'satisfied', 'zh-CN': '已满足' } },
      object: courseActivity,
      context: {
        registration: scope.registration,
        contextActivities: {
          grouping: [{ objectType: 'Activity', id: course.id }],
          category: [{ objectType: 'Activity', id: CMI5_CATEGORY }],
        },
        extensions: { [SESSION_EXT]: scope.sessionId ?? randomUUID() },
      },
    });
  }

  function readCourse(): CourseInfo | null {
    if (!courseDir) return null;
    const file = join(courseDir, 'content/course.json');
    if (!existsSync(file)) return null;
    const c = JSON.parse(readFileSync(file, 'utf8')) as CourseInfo;
    const course: CourseInfo = {
      id: c.id,
      title: c.title,
      description: c.description ?? '',
      language: c.language ?? 'zh-CN',
      passingScore: c.passingScore,
    };
    if (!pkg) return course;
    return {
      ...course,
      ...(pkg.auId ? { auId: pkg.auId } : {}),
      ...(pkg.masteryScore !== null ? { masteryScore: pkg.masteryScore } : {}),
      ...(pkg.kind === 'xapi' && pkg.iri ? { activityId: pkg.iri } : {}),
      launchPath: `${coursePrefix}${pkg.launch}`,
      packageKind: pkg.kind,
    };
  }

  const origin = (req: IncomingMessage): string => `http://${req.headers.host ?? 'localhost'}`;

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    try {
      if (path === '/lms/cmi5/fetch' || path.startsWith('/lms/cmi5/fetch/')) return cmi5Fetch(req, res, path);
      if (path.startsWith(coursePrefix) || path === coursePrefix.slice(0, -1)) return serveCourse(res, path);
      if (path === '/lms/vendor/scorm12.js') return sendFile(res, join(scormAgainDir, 'scorm12.min.js'));
      if (path === '/lms/vendor/scorm2004.js') return sendFile(res, join(scormAgainDir, 'scorm2004.min.js'));
      const scormCommit = /^\/lms\/api\/scorm\/([0-9a-f-]{36})$/.exec(path);
      if (scormCommit) return await scormApi(req, res, scormCommit[1]!);

      if (options.protect && !isAdmin(req)) {
        res.writeHead(401, {
          'WWW-Authenticate': 'Basic realm="Preview LMS"',
          'Content-Type': 'text/plain; charset=utf-8',
        });
        res.end('Sign in with the LRS key and secret printed by npm start.');
        return;
      }
      if (path === '/' || path === '/index.html') return sendFile(res, join(publicDir, 'launcher.html'));
      if (path === '/records') return sendFile(res, join(publicDir, 'records.html'));
      if (/^\/lms\/scorm\/[0-9a-f-]{36}$/.test(path)) return sendFile(res, join(publicDir, 'scorm.html'));
      const asset = /^\/lms\/assets\/([a-z0-9-]+\.(?:js|css|svg))$/.exec(path);
      if (asset) return sendFile(res, join(publicDir, asset[1]!));

      if (path === '/lms/api/course')
        return json(res, 200, { course: readCourse(), studioUrl: options.studioUrl ?? null });
      if (path === '/lms/api/launches' && method === 'GET') return json(res, 200, { launches: launches.list() });
      if (path === '/lms/api/launches' && method === 'POST') return await createLaunch(req, res);
      const one = /^\/lms\/api\/launches\/([0-9a-f-]{36})(\/statements|\/stream)?$/.exec(path);
      if (one) {
        const launch = launches.get(one[1]!);
        if (!launch) return json(res, 404, { error: 'No such launch' });
        if (one[2] === '/statements') return json(res, 200, { statements: launchStatements(launch) });
        if (one[2] === '/stream') return stream(req, res, launch);
        const course = readCourse();
        const scorm = launch.standard.startsWith('scorm') && course ? launches.scormData(launch, course) : null;
        return json(res, 200, { launch, scorm });
      }
      notFound(res);
    } catch (error) {
      if (error instanceof LrsError) return json(res, error.status, { error: error.message });
      throw error;
    }
  }

  function isAdmin(req: IncomingMessage): boolean {
    const p = options.credentials.authenticate(req.headers.authorization);
    return p?.admin === true;
  }

  async function createLaunch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const course = readCourse();
    if (!course)
      return json(res, 409, { error: 'The course is not built yet: run npm run build (npm start does it).' });
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch {
      throw badRequest('The request body must be JSON');
    }
    if (!isObject(body)) throw badRequest('The request body must be a JSON object');
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const account = typeof body.account === 'string' ? body.account.trim() : '';
    if (!name || name.length > 100) throw badRequest('name: the learner name is required (at most 100 characters)');
    if (!/^[\w.@-]{1,64}$/.test(account)) {
      throw badRequest('account: 1-64 letters, digits, or . _ @ - (for example a staff number)');
    }
    const standard = body.standard as Standard;
    if (!STANDARDS.includes(standard)) throw badRequest(`standard must be one of ${STANDARDS.join(', ')}`);
    if (course.packageKind && standard !== course.packageKind) {
      throw badRequest(`This preview serves a ${course.packageKind} package: launch it as ${course.packageKind}`);
    }
    const launchMode = (body.launchMode ?? 'Normal') as LaunchMode;
    if (!['Normal', 'Browse', 'Review'].includes(launchMode))
      throw badRequest('launchMode must be Normal, Browse or Review');
    const launch = launches.create(
      { name, account, standard, launchMode, newRegistration: body.newRegistration === true },
      course,
      origin(req),
    );
    json(res, 201, { launch });
  }

  function launchStatements(launch: Launch): JsonObject[] {
    if (launch.standard.startsWith('scorm')) return [];
    const out: JsonObject[] = [];
    let after: number | null = null;
    const ceiling = statements.ceiling();
    // Bounded: at most 20 pages of 500.
    for (let i = 0; i < 20; i++) {
      const page = statements.query({ registration: launch.registration, ascending: true, limit: 500 }, after, ceiling);
      out.push(...page.statements);
      if (page.next === null) break;
      after = page.next;
    }
    const key = agentKey({ account: { homePage: LMS_HOME, name: launch.account } });
    return out.filter((s) => agentKey(s.actor) === key);
  }

  function stream(req: IncomingMessage, res: ServerResponse, launch: Launch): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const listener = (list: JsonObject[]) => {
      for (const s of list) {
        const reg = isObject(s.context) ? s.context.registration : undefined;
        if (typeof reg === 'string' && reg.toLowerCase() === launch.registration)
          res.write(`data: ${JSON.stringify(s)}\n\n`);
      }
    };
    events.on('statements', listener);
    streams.add(res);
    req.on('close', () => {
      events.off('statements', listener);
      streams.delete(res);
    });
  }

  async function scormApi(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const launch = launches.get(id);
    const course = readCourse();
    if (!launch || !launch.standard.startsWith('scorm') || !course)
      return json(res, 404, { error: 'No such SCORM launch' });
    if (req.method === 'GET') {
      return json(res, 200, {
        standard: launch.standard,
        learner: { id: launch.account, name: launch.learnerName },
        course: { ...course, masteryScore: masteryScore(course) },
        courseUrl: launchPath(course),
        cmi: launches.scormData(launch, course),
      });
    }
    if (req.method !== 'POST' && req.method !== 'PUT') return json(res, 405, { error: 'GET or POST' });
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 2 * 1024 * 1024)).toString('utf8'));
    } catch {
      return json(res, 400, { result: false, errorCode: 101, error: 'The commit body must be JSON' });
    }
    if (!isObject(body))
      return json(res, 400, { result: false, errorCode: 101, error: 'The commit body must be a JSON object' });
    const cmi = isObject(body.cmi) ? body.cmi : body;
    launches.saveScormData(launch, course, cmi);
    json(res, 200, { result: true, errorCode: 0 });
  }

  function cmi5Fetch(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const headers = { ...CORS_HEADERS, 'Cache-Control': 'no-store' };
    if (req.method !== 'POST') {
      json(res, 405, { 'error-code': '3', 'error-text': 'Use POST for the fetch URL (cmi5 8.2.1).' }, headers);
      return;
    }
    const taken = launches.takeFetchToken(path.slice('/lms/cmi5/fetch/'.length));
    if (taken === null) return json(res, 200, { 'error-code': '2', 'error-text': 'Unknown fetch token.' }, headers);
    if (taken === 'used') {
      return json(
        res,
        200,
        { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' },
        headers,
      );
    }
    json(res, 200, { 'auth-token': Buffer.from(`${taken.key}:${taken.secret}`).toString('base64') }, headers);
  }

  function serveCourse(res: ServerResponse, path: string): void {
    if (!courseDir || !existsSync(join(courseDir, pkg?.launch ?? 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('课程尚未生成：请运行 npm run build。 / The course is not built yet: run npm run build.');
      return;
    }
    const root = resolve(courseDir);
    let rel = decodeURIComponent(path.slice(coursePrefix.length - 1)) || '/';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = resolve(root, `.${rel}`);
    if (!file.startsWith(root + sep)) return notFound(res);
    sendFile(res, file);
  }

  function sendFile(res: ServerResponse, file: string): void {
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    const body = readFileSync(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(body.length),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  }

  return {
    /** Refuses statements a launch credential must not send (cmi5 6.3: no voiding). */
    checkLaunchStatements(list: JsonObject[], _principal: Principal & { admin: false }): void {
      for (const s of list) {
        if (isObject(s.verb) && s.verb.id === 'http://adlnet.gov/expapi/verbs/voided') {
          throw new LrsError(403, 'A launched course may not void statements (cmi5 6.3)');
        }
      }
    },
    handle,
    launches,
    publisherAuId,
    close(): void {
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
