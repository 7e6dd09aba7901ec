/**
 * The preview LMS with its embedded xAPI 1.0.3 store, for `npm start`, `npm run test:lrs` and tests.
 *
 * Stable exports (other rooms' tests use them):
 * - `startServer(options)` → `{ url, endpoint, credentials, dbPath, close() }`: starts the server on `port`
 *   (0 = any free port) with the database at `dbPath`; `endpoint` is the xAPI endpoint (ends with `/xapi/`),
 *   `credentials` the administrator's key and secret (HTTP Basic). `close()` stops it and closes the database.
 * - `basicAuth(credentials)` → the `Authorization` header value.
 *
 * Launching as an LMS does (needs `courseDir` with a built course): `POST {url}lms/api/launches` with JSON
 * `{ name, account, standard: 'cmi5' | 'xapi' | 'scorm12' | 'scorm2004', launchMode?, newRegistration? }` answers
 * 201 `{ launch: { id, url, registration, sessionId, activityId, … } }`; `launch.url` is the course URL with the cmi5 or
 * TinCan parameters, or the SCORM player page. `GET {url}lms/api/launches/{id}/statements` lists what it recorded.
 * With `package` (an unzipped LMS package) the launcher serves and launches that package instead, in its own standard.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { adminCredentials, CredentialStore, type Credentials } from './lrs/credentials.js';
import { openDatabase } from './lrs/database.js';
import { DocumentStore } from './lrs/documents.js';
import { CORS_HEADERS, createXapiHandler, XAPI_VERSION, type XapiEvents } from './lrs/http.js';
import { StatementStore } from './lrs/statements.js';
import { createLms, type PackageToServe } from './lms/lms.js';
import { serveReport } from './report-page.js';

export { basicAuth, type Credentials } from './lrs/credentials.js';
export { packagePrefix, type PackageToServe } from './lms/lms.js';

export interface ServerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** The SQLite database file (created when missing). */
  dbPath: string;
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Delete the database (and its generated credentials) first. */
  fresh?: boolean;
  /** The built course (dist/), served under /course/ for the launcher. */
  courseDir?: string;
  /**
   * An unzipped LMS package to serve from `/lms/content/<kind>/` and launch in its own standard, with the AU id and
   * pass mark of its manifest, instead of the built course under /course/ (`npm start -- --package <zip>`).
   */
  package?: PackageToServe;
  /** Credentials file; default `lrs-credentials.json` beside the database. */
  credentialsFile?: string;
  /** Administrator credentials; default LRS_KEY / LRS_SECRET, else the credentials file. */
  credentials?: Credentials;
  /** Largest request body, bytes (default 16 MiB). */
  bodyLimit?: number;
  /** The authoring studio's address (with its token), linked from the launcher; `npm start` passes STUDIO_URL. */
  studioUrl?: string;
}

export interface RunningServer {
  /** The launcher's URL, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** The xAPI endpoint, e.g. http://127.0.0.1:8080/xapi/ */
  endpoint: string;
  credentials: Credentials;
  /** True when the credentials were generated on this start (print them). */
  generatedCredentials: boolean;
  dbPath: string;
  credentialsFile: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const credentialsFile = options.credentialsFile ?? join(dirname(options.dbPath), 'lrs-credentials.json');
  if (options.fresh) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(options.dbPath + suffix, { force: true });
    if (!options.credentials && !(process.env.LRS_KEY && process.env.LRS_SECRET))
      rmSync(credentialsFile, { force: true });
  }
  const db = openDatabase(options.dbPath);
  const admin = options.credentials ? { ...options.credentials, generated: false } : adminCredentials(credentialsFile);
  const credentials = new CredentialStore(db, admin);
  const statements = new StatementStore(db);
  const documents = new DocumentStore(db);
  const events = new EventEmitter<XapiEvents>();
  const authority = {
    objectType: 'Agent',
    name: 'Preview LMS',
    account: { homePage: 'http://localhost/preview-lms', name: admin.key },
  };
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  // Beyond loopback the launcher, records and report ask for the administrator's key and secret.
  const protect = !loopback;
  const lms = createLms({
    db,
    statements,
    documents,
    credentials,
    events,
    authority,
    courseDir: options.courseDir ?? null,
    package: options.package ?? null,
    protect,
    // The studio listens on this machine only, so its link is for a launcher opened on this machine.
    studioUrl: loopback ? (options.studioUrl ?? null) : null,
  });
  const xapi = createXapiHandler({
    statements,
    documents,
    credentials,
    prefix: '/xapi',
    authority,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    events,
    checkLaunchStatements: (list, principal) => lms.checkLaunchStatements(list, principal),
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/xapi' || url.pathname.startsWith('/xapi/')) {
      void xapi(req, res, url.pathname.slice('/xapi/'.length).replace(/\/$/, ''), url);
      return;
    }
    const handled =
      url.pathname === '/report' && (!protect || credentials.authenticate(req.headers.authorization)?.admin === true)
        ? serveReport(req, res, url, { courseDir: options.courseDir ?? null, admin })
        : lms.handle(req, res, url);
    handled.catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/`;
  return {
    url,
    endpoint: `${url}xapi/`,
    credentials: { key: admin.key, secret: admin.secret },
    generatedCredentials: admin.generated,
    dbPath: options.dbPath,
    credentialsFile,
    close: () =>
      new Promise<void>((resolve) => {
        lms.close();
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

export { XAPI_VERSION, CORS_HEADERS };
