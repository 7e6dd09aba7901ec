/**
 * The authoring studio's HTTP server (issue 16; API in docs/studio.md, types in core/studio-api.ts). It edits the
 * course files on disk, which stay the only source of truth. Safety: it listens on 127.0.0.1 only, answers only a
 * Host of 127.0.0.1:<port> or localhost:<port> (DNS rebinding), requires the token printed at start for every
 * /api/ request, refuses any path outside the course folder, and never runs content as code.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type {
  OutlineOperation,
  PatchYamlRequest,
  PutFileRequest,
  RenderRequest,
  RestoreRequest,
  ValidateRequest,
} from '../../core/studio-api.js';
import { resolveCoursePath } from './course-path.js';
import { listContentFiles } from './content-files.js';
import { badRequest, ProblemsError, StudioError } from './errors.js';
import { exportDir, exportPackages, PackagingRefusal } from './export.js';
import { MAX_IMAGE_BYTES, saveImage } from './media.js';
import { readOutline } from './outline.js';
import { outlineChange } from './outline-ops.js';
import { Renderer } from './render.js';
import { openSnapshots } from './snapshots.js';
import { CourseStore, notFound, type Changes } from './store.js';
import { applyYamlEdits } from './yaml-edit.js';
import { contentTypeOf } from '../../core/content-types.js';

export interface StudioOptions {
  /** The course folder (course.yaml, modules/, quizzes/). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Default: random per start. */
  token?: string;
  /** Seed documents pages cite (their names are offered as sources). */
  seedsDir?: string;
  /** The studio UI's build (index.html at its root): default dist-studio/ of the project. */
  uiDir?: string;
  /** The built course (dist/), served read-only under /course/ for previews. */
  courseDistDir?: string;
}

export interface RunningStudio {
  /** e.g. http://127.0.0.1:8002/ */
  url: string;
  /** The URL to open, with the token. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const JSON_LIMIT = 8 * 1024 * 1024;

export async function startStudio(options: StudioOptions): Promise<RunningStudio> {
  const token = options.token || randomBytes(24).toString('base64url');
  const tokenHash = sha(token);
  const root = resolve(options.root);
  const seeds = options.seedsDir && existsSync(options.seedsDir) ? readdirSorted(options.seedsDir) : [];
  const store = new CourseStore(root, openSnapshots(root), options.seedsDir);
  const uiDir = options.uiDir ?? new URL('../../dist-studio/', import.meta.url).pathname;
  const courseDist = options.courseDistDir ?? join(root, 'dist');
  const renderer = new Renderer(store, (rel) => `/api/asset?path=${encodeURIComponent(rel)}&token=${token}`);
  let port = options.port;

  const outline = () => readOutline(root, seeds, store.load().diagnostics);

  const authorised = (req: IncomingMessage, url: URL): boolean => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('token') ?? '');
    return timingSafeEqual(sha(given), tokenHash);
  };

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/api/outline' && method === 'GET') return json(res, 200, outline());
    if (path === '/api/outline' && method === 'POST') {
      const op = await body<OutlineOperation>(req);
      const change = outlineChange(root, seeds, op);
      const snapshot = store.write(change.changes, change.what);
      return json(res, 200, { outline: outline(), ...(snapshot ? { snapshot } : {}) });
    }
    if (path === '/api/file' && method === 'GET') return json(res, 200, store.read(url.searchParams.get('path')));
    if (path === '/api/file' && method === 'PUT') {
      const { path: p, text, etag } = await body<PutFileRequest>(req);
      const { rel } = resolveCoursePath(root, p);
      if (!/\.(md|ya?ml)$/.test(rel) || typeof text !== 'string')
        throw badRequest('只能保存 .md 和 .yaml 文件的文字。', 'Only the text of .md and .yaml files can be saved.');
      store.expectEtag(rel, etag);
      return saved(res, rel, new Map([[rel, text]]), `save ${rel}`);
    }
    if (path === '/api/yaml' && method === 'PATCH') {
      const { path: p, etag, edits } = await body<PatchYamlRequest>(req);
      const { rel, abs } = resolveCoursePath(root, p);
      if (!/\.ya?ml$/.test(rel)) throw badRequest('只能用表单修改 .yaml 文件。', 'Only .yaml files take form edits.');
      if (!existsSync(abs)) throw notFound(rel);
      store.expectEtag(rel, etag);
      if (!Array.isArray(edits)) throw badRequest('缺少修改内容（edits）。', 'edits is missing.');
      const text = applyYamlEdits(readFileSync(abs, 'utf8'), edits);
      return saved(res, rel, new Map([[rel, text]]), `edit ${rel}`);
    }
    if (path === '/api/validate' && method === 'POST') {
      const { changes } = await body<ValidateRequest>(req);
      if (!Array.isArray(changes)) throw badRequest('缺少 changes。', 'changes is missing.');
      const overlay: Changes = new Map();
      for (const c of changes) {
        if (typeof c?.text !== 'string')
          throw badRequest('每项修改都需要 path 和 text。', 'Each change needs path and text.');
        overlay.set(resolveCoursePath(root, c.path).rel, c.text);
      }
      return json(res, 200, { problems: store.validate(overlay) });
    }
    if (path.startsWith('/api/render/') && method === 'POST') {
      const { path: p, text } = await body<RenderRequest>(req);
      if (typeof text !== 'string') throw badRequest('缺少 text。', 'text is missing.');
      const kind = path.slice('/api/render/'.length);
      if (kind === 'page') return json(res, 200, renderer.page(p, text));
      if (kind === 'quiz') return json(res, 200, renderer.quiz(p, text));
      if (kind === 'roleplay') return json(res, 200, renderer.roleplay(p, text));
    }
    if (path === '/api/media' && method === 'POST') {
      const bytes = await readBody(req, MAX_IMAGE_BYTES, true);
      return json(res, 200, saveImage(store, url.searchParams, bytes));
    }
    if (path === '/api/asset' && method === 'GET') {
      const { rel, abs } = resolveCoursePath(root, url.searchParams.get('path'));
      if (!/^modules\/[^/]+\/media\/[^/]+$/.test(rel) || !existsSync(abs)) throw notFound(rel);
      return file(res, abs, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
    }
    if (path === '/api/snapshots' && method === 'GET') return json(res, 200, store.snapshots.list());
    if (path === '/api/snapshots/restore' && method === 'POST') {
      const { id } = await body<RestoreRequest>(req);
      const files = typeof id === 'string' ? store.snapshots.filesAt(id) : null;
      if (!files)
        throw new StudioError(404, { zh: `找不到快照“${String(id)}”。`, en: `Snapshot "${String(id)}" not found.` });
      const changes: Changes = new Map();
      for (const [rel, bytes] of files) {
        const abs = join(root, rel);
        if (!existsSync(abs) || !readFileSync(abs).equals(bytes)) changes.set(rel, bytes);
      }
      for (const rel of listContentFiles(root)) if (!files.has(rel)) changes.set(rel, null);
      const snapshot = changes.size ? store.write(changes, `restore ${id.slice(0, 12)}`) : undefined;
      return json(res, 200, { outline: outline(), ...(snapshot ? { snapshot } : {}) });
    }
    if (path === '/api/export' && method === 'POST') {
      const result = await exportPackages(store, (f) => `/api/export/${encodeURIComponent(f)}?token=${token}`);
      return json(res, 200, result);
    }
    if (path.startsWith('/api/export/') && method === 'GET') {
      const name = decodePath(path.slice('/api/export/'.length));
      const abs = join(exportDir(root), name);
      if (!/^[\w.-]+\.zip$/.test(name) || !existsSync(abs)) throw notFound(name);
      return file(res, abs, { 'Content-Disposition': `attachment; filename="${name}"` });
    }
    throw new StudioError(404, { zh: '没有这个接口。', en: `No such API: ${method} ${path}` });
  }

  function saved(res: ServerResponse, rel: string, changes: Changes, what: string): void {
    const snapshot = store.write(changes, what);
    json(res, 200, { etag: store.etag(rel), ...(snapshot ? { snapshot } : {}) });
  }

  function ui(res: ServerResponse, url: URL): void {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const index = join(uiDir, 'index.html');
      if (existsSync(index)) return file(res, index, { 'Cache-Control': 'no-store' });
      res.writeHead(200, { 'Content-Type': contentTypeOf('index.html'), 'Cache-Control': 'no-store' });
      res.end(placeholder(port));
      return;
    }
    for (const [prefix, dir] of [
      ['/studio/', uiDir],
      ['/course/', courseDist],
    ] as const) {
      if (!url.pathname.startsWith(prefix)) continue;
      const rel = decodePath(url.pathname.slice(prefix.length)) || 'index.html';
      if (!existsSync(dir)) continue;
      const { abs } = resolveCoursePath(dir, rel);
      if (existsSync(abs) && statSync(abs).isFile()) return file(res, abs);
    }
    throw new StudioError(404, { zh: '找不到这个页面。', en: 'Not found.' });
  }

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const host = req.headers.host ?? '';
        if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
          throw new StudioError(403, {
            zh: `只接受通过 127.0.0.1:${port} 或 localhost:${port} 的访问。`,
            en: `Only requests to 127.0.0.1:${port} or localhost:${port} are answered.`,
          });
        const url = requestUrl(req.url, host);
        if (url.pathname.startsWith('/api/')) {
          if (!authorised(req, url))
            throw new StudioError(401, {
              zh: '需要工作室令牌：请打开 npm start 在终端中打印的链接（含 ?token=）。',
              en: 'The studio token is required: open the link npm start printed in the terminal (with ?token=).',
            });
          await api(req, res, url);
        } else if (req.method === 'GET' || req.method === 'HEAD') ui(res, url);
        else throw new StudioError(405, { zh: '不支持这个请求。', en: 'Method not allowed.' });
      } catch (error) {
        if (res.headersSent) return void res.end();
        if (error instanceof StudioError) return json(res, error.status, { error: error.error });
        if (error instanceof ProblemsError) return json(res, 422, { problems: error.problems });
        if (error instanceof PackagingRefusal) return json(res, 422, error.body);
        console.error(error);
        json(res, 500, {
          error: { zh: `工作室内部错误：${(error as Error).message}`, en: `Studio error: ${(error as Error).message}` },
        });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${encodeURIComponent(token)}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const malformed = (): StudioError => badRequest('请求的地址格式不正确。', 'The request path is malformed.');

/**
 * The request target parsed against its own origin. Only origin-form targets (`/…`) are answered: `//x` would read as a
 * host and `http://…` or `*` are not paths, so they, like any target the URL parser refuses, are a 400, never a 500.
 */
function requestUrl(target: string | undefined, host: string): URL {
  if (!target?.startsWith('/') || target.startsWith('//')) throw malformed();
  try {
    return new URL(`http://${host}${target}`);
  } catch {
    throw malformed();
  }
}

/** `decodeURIComponent`, with a broken escape (`%E0`, `%zz`) answered 400 instead of thrown as a server error. */
function decodePath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw malformed();
  }
}

const sha = (text: string): Buffer => createHash('sha256').update(text).digest();

const readdirSorted = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(JSON.stringify(data));
}

function file(res: ServerResponse, abs: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'Content-Type': contentTypeOf(abs),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(readFileSync(abs));
}

async function readBody(req: IncomingMessage, limit: number, image = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end (so the client hears the answer rather than a reset), keeping nothing beyond the limit.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else if (size > limit * 8) req.destroy();
  }
  if (size > limit) {
    throw new StudioError(413, {
      zh: image ? `文件太大：最多 ${limit / 1024 / 1024} MB。请先压缩或缩小图片。` : '请求内容太大。',
      en: image ? `The file is too large; the limit is ${limit / 1024 / 1024} MB.` : 'Request body too large.',
    });
  }
  return Buffer.concat(chunks);
}

async function body<T>(req: IncomingMessage): Promise<T> {
  const text = (await readBody(req, JSON_LIMIT)).toString('utf8');
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) throw new Error('not an object');
    return data as T;
  } catch {
    throw badRequest('请求内容不是有效的 JSON 对象。', 'The request body is not a JSON object.');
  }
}

/** Shown at / until the studio UI is built (studio-shell builds it into dist-studio/). */
function placeholder(port: number): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>创作工作室 / Authoring studio</title></head>
<body><main><h1>创作工作室 / Authoring studio</h1>
<p>工作室服务器已在端口 ${port} 运行，但界面还没有生成（dist-studio/）。 / The studio server runs on port ${port}, but its UI is not built yet (dist-studio/).</p>
<p>接口说明见 docs/studio.md。 / The API is described in docs/studio.md.</p></main></body></html>`;
}
