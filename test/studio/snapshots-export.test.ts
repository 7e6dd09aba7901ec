// Snapshots (git commits, or copies without git) and their restore; export of the four LMS packages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, ExportResponse, FileResponse, Snapshot } from '../../core/studio-api.js';
import { studioOnCopy, TOKEN, type StudioUnderTest } from './support.js';

const PAGE = 'modules/00-introduction/01-welcome.md';

async function savePage(s: StudioUnderTest, line: string): Promise<void> {
  const file = (await s.api<FileResponse>('GET', `/api/file?path=${PAGE}`)).body;
  const res = await s.api('PUT', '/api/file', { path: PAGE, text: `${file.text}\n${line}\n`, etag: file.etag });
  expect(res.status).toBe(200);
}

describe('snapshots in the course git repository', { timeout: 120_000 }, () => {
  let s: StudioUnderTest;
  beforeAll(async () => {
    s = await studioOnCopy({ git: true });
  });
  afterAll(() => s?.dispose());

  it('commits only the saved file, and restores an earlier state as a new snapshot', async () => {
    const original = readFileSync(join(s.dir, PAGE), 'utf8');
    const shipped = s.git('rev-parse', 'HEAD').trim();
    // Something else changed in the working tree is never staged or committed by the studio.
    await import('node:fs').then((fs) => fs.appendFileSync(join(s.dir, 'imsmanifest.xml'), '\n'));
    await savePage(s, '第一次修改。');
    await savePage(s, '第二次修改。');
    const list = (await s.api<Snapshot[]>('GET', '/api/snapshots')).body;
    expect(list.slice(0, 3).map((x) => x.message)).toEqual([
      `studio: save ${PAGE}`,
      `studio: save ${PAGE}`,
      'the course as shipped',
    ]);
    expect(list[0]!.files).toEqual([PAGE]);
    expect(s.git('status', '--porcelain').trim()).toBe('M imsmanifest.xml');

    const res = await s.api<{ snapshot: Snapshot }>('POST', '/api/snapshots/restore', { id: shipped });
    expect(res.status).toBe(200);
    expect(readFileSync(join(s.dir, PAGE), 'utf8')).toBe(original);
    expect(res.body.snapshot.message).toBe(`studio: restore ${shipped.slice(0, 12)}`);
    expect(s.git('rev-list', '--count', 'HEAD').trim()).toBe('4');
    expect(s.git('diff', '--name-only', shipped, 'HEAD').trim()).toBe('');
    expect((await s.api('POST', '/api/snapshots/restore', { id: 'f'.repeat(40) })).status).toBe(404);
  });
});

describe('snapshots without git', { timeout: 120_000 }, () => {
  let s: StudioUnderTest;
  beforeAll(async () => {
    // The course as shipped, with its example IRI.
    s = await studioOnCopy({ git: false, iri: null });
  });
  afterAll(() => s?.dispose());

  it('keeps copies under .studio/snapshots/ (a first one before the first save) and restores them', async () => {
    const original = readFileSync(join(s.dir, PAGE), 'utf8');
    await savePage(s, '没有 git 时的修改。');
    const list = (await s.api<Snapshot[]>('GET', '/api/snapshots')).body;
    expect(list.map((x) => x.message)).toEqual([
      `studio: save ${PAGE}`,
      'studio: 开始编辑前 / before the first studio save',
    ]);
    expect(existsSync(join(s.dir, '.studio', 'snapshots', list[1]!.id, 'files', PAGE))).toBe(true);
    const res = await s.api('POST', '/api/snapshots/restore', { id: list[1]!.id });
    expect(res.status).toBe(200);
    expect(readFileSync(join(s.dir, PAGE), 'utf8')).toBe(original);
    expect((await s.api<Snapshot[]>('GET', '/api/snapshots')).body).toHaveLength(3);
  });

  it('refuses to export a course that still has the example IRI, with the packager message (422)', async () => {
    const res = await s.api<{ error: { zh: string }; problems: Diagnostic[] }>('POST', '/api/export');
    expect(res.status).toBe(422);
    expect(res.body.error.zh).toContain('还是示例地址');
    expect(res.body.problems[0]).toMatchObject({ file: 'course.yaml', code: 'packaging' });
  });
});

describe('export', { timeout: 300_000 }, () => {
  let s: StudioUnderTest;
  beforeAll(async () => {
    s = await studioOnCopy({ git: true, iri: 'https://training.telecom-academy.cn/courses/telecom-customer-service' });
  });
  afterAll(() => s?.dispose());

  it('builds the four LMS packages and offers each for download with its size', async () => {
    const res = await s.api<ExportResponse>('POST', '/api/export');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body.packages.map((p) => p.kind).sort()).toEqual(['cmi5', 'scorm12', 'scorm2004', 'xapi']);
    for (const p of res.body.packages) {
      expect(p.file).toBe(`telecom-customer-service-${p.kind}.zip`);
      expect(p.bytes).toBeGreaterThan(100_000);
      const zip = await fetch(new URL(p.url, s.studio.url));
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const bytes = new Uint8Array(await zip.arrayBuffer());
      expect(bytes.length).toBe(p.bytes);
      expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    }
    expect(res.body.packages[0]!.url).toContain(`token=${TOKEN}`);
    expect((await fetch(new URL('/api/export/../course.yaml', s.studio.url))).status).toBe(401);
    expect(s.git('status', '--porcelain')).toBe('');
    expect(existsSync(join(s.dir, 'dist'))).toBe(false);
  });
});
