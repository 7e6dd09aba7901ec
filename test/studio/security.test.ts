// The studio's safety over real HTTP: the token, the Host check, and paths that would leave the course folder.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio } from '../../tools/studio/server.js';
import { getWithHost, rawGet, studioOnCopy, type StudioUnderTest } from './support.js';

let s: StudioUnderTest;
beforeAll(async () => {
  s = await studioOnCopy({ git: false });
});
afterAll(() => s?.dispose());

describe('token', { timeout: 60_000 }, () => {
  it('answers 401 without a token and with a wrong one, 200 with the right one', async () => {
    expect((await s.api('GET', '/api/outline', undefined, null)).status).toBe(401);
    const wrong = await s.api('GET', '/api/outline', undefined, 'not-the-token');
    expect(wrong.status).toBe(401);
    expect((wrong.body as { error: { zh: string } }).error.zh).toContain('令牌');
    expect((await s.api('PUT', '/api/file', { path: 'course.yaml', text: 'x', etag: 'y' }, null)).status).toBe(401);
    expect((await s.api('GET', '/api/outline')).status).toBe(200);
  });

  it('accepts the token in the query (downloads, images) and listens on 127.0.0.1 only', async () => {
    expect((await s.api('GET', `/api/snapshots?token=${s.studio.token}`, undefined, null)).status).toBe(200);
    expect(new URL(s.studio.url).hostname).toBe('127.0.0.1');
    expect(s.studio.launchUrl).toBe(`${s.studio.url}?token=${s.studio.token}`);
  });

  it('answers 403 to a Host that is not 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    const port = s.studio.port;
    expect(await getWithHost(s.studio.url, `evil.example:${port}`)).toBe(403);
    expect(await getWithHost(s.studio.url, `127.0.0.1:${port + 1}`)).toBe(403);
    expect(await getWithHost(s.studio.url, `localhost:${port}`)).toBe(200);
  });

  it('serves a placeholder at / until the UI is built (dist-studio/)', async () => {
    const res = await fetch(s.studio.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('创作工作室');
  });

  it('makes a new random token at each start when none is given', async () => {
    const a = await startStudio({ root: s.dir, port: 0 });
    const b = await startStudio({ root: s.dir, port: 0 });
    try {
      expect(a.token).toMatch(/^[\w-]{32}$/);
      expect(b.token).not.toBe(a.token);
      const res = await fetch(new URL('/api/outline', a.url), {
        headers: { Authorization: `Bearer ${s.studio.token}` },
      });
      expect(res.status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('paths outside the course folder', { timeout: 60_000 }, () => {
  const refused = async (path: string): Promise<number> =>
    (await s.api('GET', `/api/file?path=${encodeURIComponent(path)}`)).status;

  it('refuses ../package.json, an absolute path, NUL and hidden folders with 400', async () => {
    expect(await refused('../package.json')).toBe(400);
    expect(await refused('modules/../../package.json')).toBe(400);
    expect(await refused('/etc/passwd')).toBe(400);
    expect(await refused(join(s.dir, 'course.yaml'))).toBe(400);
    expect(await refused('course.yaml\0.md')).toBe(400);
    expect(await refused('.git/config')).toBe(400);
    expect(await refused('modules\\..\\..\\package.json')).toBe(400);
    expect(await refused('course.yaml')).toBe(200);
  });

  it('refuses an encoded %2e%2e, sent as it is', async () => {
    expect(await rawGet(s.studio.url, '/api/file?path=%2e%2e%2fpackage.json')).toBe(400);
    expect(await rawGet(s.studio.url, '/api/file?path=modules%2f%2e%2e%2f%2e%2e%2fpackage.json')).toBe(400);
    expect(await rawGet(s.studio.url, '/studio/%2e%2e/%2e%2e/package.json')).toBe(404);
  });

  it('answers 400, never 500, to a malformed request path', async () => {
    const token = s.studio.token;
    for (const path of [
      `//?token=${token}`,
      '//',
      `//evil.example/api/outline?token=${token}`,
      '///api/outline',
      `http://127.0.0.1:${s.studio.port}/api/outline`,
      '/studio/%E0%A4%A',
      '/course/%zz',
      '/api/export/%E0.zip',
    ])
      expect({ path, status: await rawGet(s.studio.url, path) }).toEqual({ path, status: 400 });
    expect(await rawGet(s.studio.url, '/api/outline')).toBe(200);
  });

  it('refuses a symlink that points out of the course, for reading and for writing', async () => {
    const outside = join(dirname(s.dir), `outside-${Date.now()}.md`);
    writeFileSync(outside, 'secret\n');
    symlinkSync(outside, join(s.dir, 'modules', '00-introduction', '09-link.md'));
    symlinkSync(dirname(s.dir), join(s.dir, 'modules', 'escape'));
    expect(await refused('modules/00-introduction/09-link.md')).toBe(400);
    expect(await refused(`modules/escape/${outside.split('/').pop()}`)).toBe(400);
    const put = await s.api('PUT', '/api/file', { path: 'modules/00-introduction/09-link.md', text: 'x', etag: null });
    expect(put.status).toBe(400);
    expect(readFileSync(outside, 'utf8')).toBe('secret\n');
    const upload = await s.api('POST', '/api/validate', { changes: [{ path: 'modules/escape/x.md', text: '' }] });
    expect(upload.status).toBe(400);
  });
});
