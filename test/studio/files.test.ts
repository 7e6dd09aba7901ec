// Reading, validating and saving files over real HTTP: every save is checked with the whole course first, a refused
// save changes nothing on disk, and a form edit leaves every other line of the file byte-identical.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FileResponse, SaveResponse } from '../../core/studio-api.js';
import { diffLines } from '../../tools/studio/line-diff.js';
import { studioOnCopy, type StudioUnderTest } from './support.js';

let s: StudioUnderTest;
beforeAll(async () => {
  s = await studioOnCopy({ git: true });
});
afterAll(() => s?.dispose());

const read = async (path: string): Promise<FileResponse> =>
  (await s.api<FileResponse>('GET', `/api/file?path=${encodeURIComponent(path)}`)).body;
const bytes = (path: string): Buffer => readFileSync(join(s.dir, path));
/** The lines a change removed and added. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  return {
    removed: ops.flatMap((op) => (op.kind === 'removed' ? [a[op.a]!] : [])),
    added: ops.flatMap((op) => (op.kind === 'added' ? [b[op.b]!] : [])),
  };
}

// Each save validates the whole course twice (before and after): generous on a busy machine.
describe('saving', { timeout: 60_000 }, () => {
  it('refuses passingScore: 150 with the build message (422) and leaves the file byte-identical', async () => {
    const before = bytes('course.yaml');
    const file = await read('course.yaml');
    const res = await s.api<{ problems: Diagnostic[] }>('PATCH', '/api/yaml', {
      path: 'course.yaml',
      etag: file.etag,
      edits: [{ op: 'set', at: ['passingScore'], value: 150 }],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ file: 'course.yaml', code: 'out-of-range' });
    expect(res.body.problems[0]!.message.zh).toBe('passingScore 的值 150 超出范围：不能大于 100。');
    const put = await s.api<{ problems: Diagnostic[] }>('PUT', '/api/file', {
      path: 'course.yaml',
      text: file.text.replace('passingScore: 80', 'passingScore: 150'),
      etag: file.etag,
    });
    expect(put.status).toBe(422);
    expect(put.body.problems.map((p) => p.code)).toEqual(['out-of-range']);
    expect(bytes('course.yaml').equals(before)).toBe(true);
    expect(s.git('status', '--porcelain')).toBe('');
  });

  it('refuses an answer that is not among the options with the build message; nothing on disk changes', async () => {
    const path = 'quizzes/service-concepts.yaml';
    const before = bytes(path);
    const file = await read(path);
    const res = await s.api<{ problems: Diagnostic[] }>('PATCH', '/api/yaml', {
      path,
      etag: file.etag,
      edits: [{ op: 'set', at: ['pools', 0, 'questions', 2, 'answer'], value: 'z' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toHaveLength(1);
    expect(res.body.problems[0]).toMatchObject({ file: path, code: 'answer-not-option' });
    expect(res.body.problems[0]!.message.zh).toBe('题目“concepts-q03”的答案“z”不在 options 的 id 中。');
    expect(bytes(path).equals(before)).toBe(true);
  });

  it('changes one value with PATCH and keeps every comment and every other line byte-identical', async () => {
    const before = bytes('course.yaml').toString('utf8');
    const file = await read('course.yaml');
    const res = await s.api<SaveResponse>('PATCH', '/api/yaml', {
      path: 'course.yaml',
      etag: file.etag,
      edits: [{ op: 'set', at: ['passingScore'], value: 85 }],
    });
    expect(res.status).toBe(200);
    const after = bytes('course.yaml').toString('utf8');
    expect(changedLines(before, after)).toEqual({ removed: ['passingScore: 80'], added: ['passingScore: 85'] });
    expect(after).toContain('# 学完全部章节后才开放期末测验');
    expect(res.body.etag).toBe((await read('course.yaml')).etag);
    expect(res.body.snapshot?.message).toBe('studio: edit course.yaml');
    expect(s.git('show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual([
      'studio: edit course.yaml',
      '',
      'course.yaml',
    ]);
  });

  it('edits a role-play node with folded text elsewhere in the file: only the edited line differs', async () => {
    const path = 'modules/01-service-concepts/10-weather-forecast.roleplay.yaml';
    const before = bytes(path).toString('utf8');
    const file = await read(path);
    const res = await s.api('PATCH', '/api/yaml', {
      path,
      etag: file.etag,
      edits: [{ op: 'set', at: ['customer', 'name'], value: '王先生（银卡）' }],
    });
    expect(res.status).toBe(200);
    const after = bytes(path).toString('utf8');
    expect(changedLines(before, after)).toEqual({ removed: ['  name: 王先生'], added: ['  name: 王先生（银卡）'] });
    expect(after).toContain('scenario: >-\n  你是 10086 热线客服代表。');
  });

  it('inserts and moves list items through the Document API', async () => {
    const path = 'course.yaml';
    const file = await read(path);
    const res = await s.api('PATCH', '/api/yaml', {
      path,
      etag: file.etag,
      edits: [{ op: 'move', at: ['modules'], from: 2, to: 3 }],
    });
    expect(res.status).toBe(200);
    const after = bytes(path).toString('utf8');
    const { removed, added } = changedLines(file.text, after);
    expect([removed.length, added.length]).toEqual([1, 1]);
    expect(after).toContain('  - complaint-handling\n  - service-etiquette\n  - service-channels\n');
  });

  it('answers 409 to a save with a stale etag and writes nothing', async () => {
    const file = await read('modules/00-introduction/01-welcome.md');
    const first = await s.api('PUT', '/api/file', {
      path: file.path,
      text: file.text.replace(/\n$/, '\n\n补充一句话。\n'),
      etag: file.etag,
    });
    expect(first.status).toBe(200);
    const saved = bytes(file.path);
    const stale = await s.api('PUT', '/api/file', { path: file.path, text: `${file.text}x\n`, etag: file.etag });
    expect(stale.status).toBe(409);
    expect(bytes(file.path).equals(saved)).toBe(true);
  });

  it('validates changes in memory without writing anything', async () => {
    const path = 'modules/00-introduction/02-how-to-learn.md';
    const before = bytes(path);
    const res = await s.api<{ problems: Diagnostic[] }>('POST', '/api/validate', {
      changes: [{ path, text: before.toString('utf8').replace(/^minutes: .*$/m, 'minutes: 很多') }],
    });
    expect(res.status).toBe(200);
    expect(res.body.problems.some((p) => p.file === path)).toBe(true);
    expect(bytes(path).equals(before)).toBe(true);
    const clean = await s.api<{ problems: Diagnostic[] }>('POST', '/api/validate', { changes: [] });
    expect(clean.body.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('answers 404 for a missing file and 400 for a file type it does not open', async () => {
    expect((await s.api('GET', '/api/file?path=modules/none.md')).status).toBe(404);
    expect((await s.api('GET', '/api/file?path=modules/00-introduction/module.json')).status).toBe(400);
  });
});

describe('previews', { timeout: 60_000 }, () => {
  it('renders a page with the build renderer and reports its problems', async () => {
    const path = 'modules/00-introduction/01-welcome.md';
    const { text } = await read(path);
    const res = await s.api<{ html: string; problems: Diagnostic[] }>('POST', '/api/render/page', {
      path,
      text: `${text}\n## 新小节\n\n<script>alert(1)</script>\n`,
    });
    expect(res.status).toBe(200);
    expect(res.body.html).toContain('<h2');
    expect(res.body.html).not.toContain('<script');
    expect(res.body.problems.map((p) => p.code)).toContain('unsafe-html');
  });

  it('gives a quiz as the runtime JSON the player uses, with the defaults applied', async () => {
    const path = 'quizzes/service-concepts.yaml';
    const { text } = await read(path);
    const res = await s.api<{ quiz: { id: string; retryCredit: number; pools: unknown[] } | null }>(
      'POST',
      '/api/render/quiz',
      { path, text },
    );
    expect(res.body.quiz?.id).toBe('service-concepts-quiz');
    expect(typeof res.body.quiz?.retryCredit).toBe('number');
    expect(res.body.quiz?.pools.length).toBeGreaterThan(0);
  });

  it('gives a role-play with its unreachable nodes and dead ends as the validator finds them', async () => {
    const path = 'modules/01-service-concepts/10-weather-forecast.roleplay.yaml';
    const { text } = await read(path);
    const ok = await s.api<{ roleplay: { id: string } | null; graph: { unreachable: string[]; deadEnds: string[] } }>(
      'POST',
      '/api/render/roleplay',
      { path, text },
    );
    expect(ok.body.roleplay?.id).toBe('rp-weather-forecast');
    expect(ok.body.graph).toEqual({ unreachable: [], deadEnds: [] });
    const broken = `${text.trimEnd()}\n  - id: n-orphan\n    line: 没人会走到这里。\n    mood: calm\n`;
    const res = await s.api<{
      roleplay: unknown;
      graph: { unreachable: string[]; deadEnds: string[] };
      problems: Diagnostic[];
    }>('POST', '/api/render/roleplay', { path, text: broken });
    expect(res.body.roleplay).toBeNull();
    expect(res.body.graph.unreachable).toEqual(['n-orphan']);
    expect(res.body.graph.deadEnds).toEqual(['n-orphan']);
    expect(res.body.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['roleplay-unreachable', 'roleplay-dead-end']),
    );
  });
});
