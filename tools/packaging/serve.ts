/**
 * Unzips an LMS package into an empty folder and reads what a launcher needs from its manifest (`unpackPackage`:
 * `npm start -- --package <zip>` hands the result to the preview LMS, which serves and launches it). Standing alone,
 * `servePackage` serves the files from a sub-path with a host page that frames the course, as in most LMSs.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { PackageKind } from './manifests.js';
import { unzipFiles } from './zip.js';
import { contentTypeOf } from '../../core/content-types.js';

export interface UnpackedPackage {
  kind: PackageKind;
  /** Folder holding the package's files. */
  dir: string;
  /** The launch file, relative to the package root (from the manifest). */
  launch: string;
  /** The course IRI (cmi5 course id, TinCan activity id, SCORM LOM identifier). */
  iri: string | null;
  /** The cmi5 AU id, for a cmi5 launch. */
  auId: string | null;
  /** The pass mark, scaled 0–1, as the manifest gives it to the LMS. */
  masteryScore: number | null;
  title: string;
}

/** Unzips a package into `dir` (created, must be empty or new) and reads what a launcher needs from its manifest. */
export function unpackPackage(
  zipFile: string,
  dir: string = mkdtempSync(join(tmpdir(), 'course-package-')),
): UnpackedPackage {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty.`);
  const files = unzipFiles(new Uint8Array(readFileSync(zipFile)));
  for (const [path, data] of files) {
    // Zip slip: an entry may never land outside the folder.
    const target = normalize(join(dir, path));
    if (!target.startsWith(normalize(dir) + sep) || path.startsWith('/') || path.includes('\\')) {
      throw new Error(`${basename(zipFile)}: the entry "${path}" points outside the package.`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return { dir, ...readManifest(dir) };
}

function readManifest(dir: string): Omit<UnpackedPackage, 'dir'> {
  const parse = (file: string): Document =>
    new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/xml');
  const first = (doc: Document, name: string): Element | undefined => doc.getElementsByTagNameNS('*', name)[0];
  const text = (e: Element | undefined): string => e?.textContent?.trim() ?? '';
  if (existsSync(join(dir, 'cmi5.xml'))) {
    const doc = parse('cmi5.xml');
    const au = first(doc, 'au');
    const mastery = au?.getAttribute('masteryScore');
    return {
      kind: 'cmi5',
      launch: text(au && first(au as unknown as Document, 'url')),
      iri: first(doc, 'course')?.getAttribute('id') ?? null,
      auId: au?.getAttribute('id') ?? null,
      masteryScore: mastery ? Number(mastery) : null,
      title: text(first(doc, 'langstring')),
    };
  }
  if (existsSync(join(dir, 'tincan.xml'))) {
    const doc = parse('tincan.xml');
    const activity = first(doc, 'activity');
    return {
      kind: 'xapi',
      launch: text(first(doc, 'launch')),
      iri: activity?.getAttribute('id') ?? null,
      auId: null,
      masteryScore: null,
      title: text(first(doc, 'name')),
    };
  }
  if (existsSync(join(dir, 'imsmanifest.xml'))) {
    const doc = parse('imsmanifest.xml');
    const version = text(first(doc, 'schemaversion'));
    const resource = first(doc, 'resource');
    const scorm12 = version === '1.2';
    const mastery = scorm12 ? text(first(doc, 'masteryscore')) : text(first(doc, 'minNormalizedMeasure'));
    return {
      kind: scorm12 ? 'scorm12' : 'scorm2004',
      launch: resource?.getAttribute('href') ?? '',
      iri: text(first(doc, 'entry')) || null,
      auId: null,
      masteryScore: mastery ? Number(mastery) / (scorm12 ? 100 : 1) : null,
      title: text(first(doc, 'title')),
    };
  }
  throw new Error('Not an LMS package: it holds none of imsmanifest.xml, cmi5.xml or tincan.xml.');
}

/**
 * A request handler serving `dir` under `prefix` (e.g. `/content/telecom-customer-service-cmi5/`); returns false
 * for a request outside the prefix so the host server can handle it.
 */
export function packageHandler(dir: string, prefix: string) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(prefix)) return false;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== normalize(dir) && !file.startsWith(normalize(dir) + sep))
      return (void response.writeHead(403).end(), true);
    const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!existsSync(target)) return (void response.writeHead(404).end(), true);
    response.writeHead(200, {
      'content-type': contentTypeOf(target),
      'cache-control': 'no-cache',
    });
    createReadStream(target).pipe(response);
    return true;
  };
}

export interface ServedPackage {
  unpacked: UnpackedPackage;
  /** The server's origin, e.g. http://127.0.0.1:43121 */
  origin: string;
  /** The launch page under the sub-path. */
  launchUrl: string;
  /** A page on the same server that holds the course in an iframe, as an LMS player does. */
  framedUrl: string;
  close: () => Promise<void>;
}

/** Unzips a package and serves it from `prefix` on 127.0.0.1 (port 0: a free one). */
export async function servePackage(
  zipFile: string,
  options: { prefix?: string; port?: number; host?: string; dir?: string } = {},
): Promise<ServedPackage> {
  const unpacked = unpackPackage(zipFile, options.dir);
  const prefix = options.prefix ?? `/lms/content/${basename(zipFile, '.zip')}/`;
  const launchPath = `${prefix}${unpacked.launch}`;
  const serveFile = packageHandler(unpacked.dir, prefix);
  const server = createServer((request, response) => {
    if (serveFile(request, response)) return;
    if (new URL(request.url ?? '/', 'http://localhost').pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostPage(unpacked.title, launchPath));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    unpacked,
    origin,
    launchUrl: `${origin}${launchPath}`,
    framedUrl: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hostPage(title: string, launchPath: string): string {
  const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · 课程包预览 / Package preview</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}body{display:flex;flex-direction:column}
p{margin:0;padding:.5rem 1rem;background:#1d232a;color:#fff;font-size:.9rem}iframe{flex:1;border:0;width:100%}</style></head>
<body><p>课程包预览：课程在框架中运行，和在学习平台中一样。 / Package preview: the course runs in a frame, as in an LMS.</p>
<iframe title="${escape(title)}" src="${escape(launchPath)}"></iframe></body></html>`;
}
