/**
 * The benchmark's front server: serves static folders (the floor page, LiaScript's app and its course markdown) and
 * passes everything else to the preview LMS unchanged (same Host header, so launch URLs and the xAPI endpoint point
 * back here), gzipping text responses when the browser accepts it, as a production web server or LMS would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeOf } from '../../core/content-types.js';

const compressible = (type: string | undefined): boolean =>
  !!type && /^(text\/(?!event-stream)|application\/(json|javascript|xml)|image\/svg)/.test(type);

const gzipCache = new Map<string, Buffer>();

/** Sends `body`, gzipped when it is text and the browser accepts gzip; `cacheKey` keeps a static file's gzip. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  cacheKey?: string,
) {
  const type = headers['content-type'];
  const gzip = compressible(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.length > 200;
  let out = body;
  if (gzip) {
    out = (cacheKey && gzipCache.get(cacheKey)) || gzipSync(body, { level: 6 });
    if (cacheKey) gzipCache.set(cacheKey, out);
  }
  const rest = Object.fromEntries(
    Object.entries(headers).filter(([k]) => !/^(content-length|transfer-encoding)$/i.test(k)),
  );
  res.writeHead(status, {
    ...rest,
    'content-length': String(out.length),
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
  });
  res.end(out);
}

export async function startFrontServer(
  upstream: string,
  folders: Record<string, string>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const prefix = Object.keys(folders).find((p) => path.startsWith(p));
    if (prefix) {
      const base = folders[prefix]!;
      const file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      }
      const type = contentTypeOf(file);
      return send(req, res, 200, { 'content-type': type, 'cache-control': 'no-cache' }, readFileSync(file), file);
    }
    const proxied = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        const headers = Object.fromEntries(
          Object.entries(upstreamRes.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
        );
        if (!compressible(headers['content-type']) || headers['content-encoding']) {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          return void upstreamRes.pipe(res);
        }
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (c: Buffer) => chunks.push(c));
        upstreamRes.on('end', () => send(req, res, upstreamRes.statusCode ?? 502, headers, Buffer.concat(chunks)));
      },
    );
    proxied.on('error', () => res.writeHead(502).end());
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
