// Image uploads over real HTTP: images only (by their bytes), at most 2 MB, alt text required, SVG sanitized.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaResponse } from '../../core/studio-api.js';
import { studioOnCopy, TOKEN, type StudioUnderTest } from './support.js';

let s: StudioUnderTest;
beforeAll(async () => {
  s = await studioOnCopy({ git: true });
});
afterAll(() => s?.dispose());

/** A real 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

async function upload(
  bytes: Uint8Array,
  query: Record<string, string>,
): Promise<{ status: number; body: MediaResponse & { error?: { zh: string } } }> {
  const res = await fetch(new URL(`/api/media?${new URLSearchParams(query)}`, s.studio.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('media upload', { timeout: 60_000 }, () => {
  it('stores a PNG in the module media/ folder and gives the markdown; a clash gets -2', async () => {
    const first = await upload(png(), { module: 'service-concepts', name: '柜台 Photo.png', alt: '营业厅柜台' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      path: 'modules/01-service-concepts/media/photo.png',
      markdown: '![营业厅柜台](media/photo.png)',
    });
    expect(readFileSync(join(s.dir, first.body.path)).equals(png())).toBe(true);
    const second = await upload(png(), { module: 'service-concepts', name: 'photo.png', alt: '另一张' });
    expect(second.body.path).toBe('modules/01-service-concepts/media/photo-2.png');
    expect(s.git('log', '-1', '--format=%s')).toContain(
      'studio: add image modules/01-service-concepts/media/photo-2.png',
    );
    const shown = await fetch(new URL(`/api/asset?path=${second.body.path}&token=${TOKEN}`, s.studio.url));
    expect(shown.headers.get('content-type')).toBe('image/png');
  });

  it('refuses a text file renamed .png and an HTML file (not images by their bytes)', async () => {
    const text = await upload(Buffer.from('just some notes\n'), {
      module: 'service-concepts',
      name: 'notes.png',
      alt: 'x',
    });
    expect(text.status).toBe(415);
    expect(text.body.error?.zh).toContain('不是图片');
    const html = await upload(Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), {
      module: 'service-concepts',
      name: 'page.html',
      alt: 'x',
    });
    expect(html.status).toBe(415);
    const disguised = await upload(Buffer.from('<html><svg onload="alert(1)"></svg></html>'), {
      module: 'service-concepts',
      name: 'x.svg',
      alt: 'x',
    });
    expect(disguised.status).toBe(415);
  });

  it('sanitizes an SVG: script, event handlers and external references are gone, the drawing stays', async () => {
    const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <rect width="10" height="10" fill="#0a7" onclick="steal()"/>
  <image href="https://evil.example/x.png"/>
  <use href="https://evil.example/s.svg#a"/>
  <foreignObject><div>html</div></foreignObject>
  <circle cx="5" cy="5" r="2" style="fill:url(https://evil.example/)"/>
</svg>`;
    const res = await upload(Buffer.from(svg), { module: 'service-concepts', name: 'diagram.svg', alt: '示意图' });
    expect(res.status).toBe(200);
    const stored = readFileSync(join(s.dir, res.body.path), 'utf8');
    expect(stored).not.toMatch(/script|onload|onclick|evil\.example|foreignObject|<div/i);
    expect(stored).toContain('viewBox="0 0 10 10"');
    expect(stored).toContain('<rect width="10" height="10" fill="#0a7"');
  });

  it('refuses an image over 2 MB with 413 and writes nothing', async () => {
    const big = Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(big, { module: 'service-concepts', name: 'big.png', alt: '大图' });
    expect(res.status).toBe(413);
    expect(res.body.error?.zh).toContain('2 MB');
    expect(s.git('status', '--porcelain')).toBe('');
  });

  it('refuses an image without alt text (400), and an unknown module', async () => {
    const res = await upload(png(), { module: 'service-concepts', name: 'a.png', alt: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error?.zh).toContain('替代文字');
    expect((await upload(png(), { module: 'nope', name: 'a.png', alt: 'x' })).status).toBe(400);
  });
});
