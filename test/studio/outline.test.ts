// Outline operations over real HTTP on a git-initialised copy: each leaves a course the build accepts, and git shows
// exactly the files the operation meant to change, committed as one snapshot.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Outline, OutlineResponse } from '../../core/studio-api.js';
import { loadCourse } from '../../tools/content/load-course.js';
import { seedsDir } from '../../tools/paths.js';
import { studioOnCopy, type StudioUnderTest } from './support.js';

let s: StudioUnderTest;
beforeAll(async () => {
  s = await studioOnCopy({ git: true });
});
afterAll(() => s?.dispose());

/** Runs an operation and returns the files its snapshot commit changed (name-status). */
async function op(body: Record<string, unknown>): Promise<{ outline: Outline; files: string[] }> {
  const res = await s.api<OutlineResponse>('POST', '/api/outline', body);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  expect(s.git('status', '--porcelain')).toBe('');
  const files = s.git('show', '--name-status', '--format=', 'HEAD').trim().split('\n');
  return { outline: res.body.outline, files };
}

const errors = (): Diagnostic[] => loadCourse(s.dir, { seedsDir }).diagnostics.filter((d) => d.severity !== 'warning');

describe('outline', { timeout: 120_000 }, () => {
  it('reads the course as a tree in course order, with paths, quizzes, the final quiz and the seeds', async () => {
    const res = await s.api<Outline>('GET', '/api/outline');
    expect(res.body.modules.map((m) => m.id)).toEqual([
      'introduction',
      'service-concepts',
      'service-etiquette',
      'complaint-handling',
      'service-channels',
    ]);
    const concepts = res.body.modules[1]!;
    expect(concepts).toMatchObject({ folder: '01-service-concepts', path: 'modules/01-service-concepts/module.yaml' });
    expect(concepts.items[0]).toMatchObject({
      kind: 'page',
      path: 'modules/01-service-concepts/01-what-is-service.md',
    });
    expect(concepts.items.at(-1)?.kind).toBe('roleplay');
    expect(concepts.quiz?.path).toBe('quizzes/service-concepts.yaml');
    expect(res.body.finalQuiz?.path).toBe('quizzes/final.yaml');
    expect(res.body.course).toMatchObject({ path: 'course.yaml', passingScore: 80, language: 'zh-CN' });
    expect(res.body.seeds.length).toBeGreaterThan(0);
  });

  it('adds a module (folder after the last, module.yaml, a first page, course.yaml list)', async () => {
    const { outline, files } = await op({ op: 'addModule', id: 'after-sales', title: '售后服务' });
    expect(files.sort()).toEqual([
      'A\tmodules/05-after-sales/01-overview.md',
      'A\tmodules/05-after-sales/module.yaml',
      'M\tcourse.yaml',
    ]);
    expect(outline.modules.at(-1)).toMatchObject({ id: 'after-sales', title: '售后服务' });
    expect(s.git('show', 'HEAD', '--', 'course.yaml')).toContain('+  - after-sales');
    expect(errors()).toEqual([]);
  });

  it('adds two pages, a role-play and a quiz to it, each the smallest content that builds', async () => {
    expect(
      (await op({ op: 'addPage', module: 'after-sales', id: 'after-sales-returns', title: '退换货' })).files,
    ).toEqual(['A\tmodules/05-after-sales/02-returns.md']);
    expect(
      (await op({ op: 'addPage', module: 'after-sales', id: 'after-sales-repairs', title: '维修' })).files,
    ).toEqual(['A\tmodules/05-after-sales/03-repairs.md']);
    const rp = await op({ op: 'addRoleplay', module: 'after-sales', id: 'rp-after-sales', title: '退货纠纷' });
    expect(rp.files).toEqual(['A\tmodules/05-after-sales/04-rp-after-sales.roleplay.yaml']);
    const quiz = await op({
      op: 'addQuiz',
      module: 'after-sales',
      id: 'after-sales-quiz',
      title: '章节测验：售后服务',
    });
    expect(quiz.files).toEqual(['A\tquizzes/after-sales.yaml']);
    const module = quiz.outline.modules.find((m) => m.id === 'after-sales')!;
    expect(module.items.map((i) => i.kind)).toEqual(['page', 'page', 'page', 'roleplay']);
    expect(module.quiz?.id).toBe('after-sales-quiz');
    expect(errors()).toEqual([]);
  });

  it('refuses a bad id or a duplicate with 400, and an add the build would refuse with 422', async () => {
    expect((await s.api('POST', '/api/outline', { op: 'addModule', id: 'After Sales', title: 'x' })).status).toBe(400);
    expect((await s.api('POST', '/api/outline', { op: 'addModule', id: 'after-sales', title: 'x' })).status).toBe(400);
    const dup = await s.api<{ problems: Diagnostic[] }>('POST', '/api/outline', {
      op: 'addPage',
      module: 'after-sales',
      id: 'after-sales-returns',
      title: '重复',
    });
    expect(dup.status).toBe(422);
    expect(dup.body.problems[0]?.code).toBe('duplicate-id');
    expect(existsSync(join(s.dir, 'modules/05-after-sales/05-returns.md'))).toBe(false);
  });

  it('moves a module in course.yaml only', async () => {
    const { outline, files } = await op({ op: 'moveModule', id: 'after-sales', to: 1 });
    expect(files).toEqual(['M\tcourse.yaml']);
    expect(outline.modules.map((m) => m.id).slice(0, 3)).toEqual(['introduction', 'after-sales', 'service-concepts']);
    expect(errors()).toEqual([]);
  });

  it('moves an item by renumbering the NN- prefixes of the module (git sees renames), keeping links working', async () => {
    const overview = 'modules/05-after-sales/01-overview.md';
    const page = (await s.api<{ text: string; etag: string }>('GET', `/api/file?path=${overview}`)).body;
    const linked = `${page.text}\n先看[退换货](02-returns.md#top)和[维修](./03-repairs.md)。\n`;
    expect((await s.api('PUT', '/api/file', { path: overview, text: linked, etag: page.etag })).status).toBe(200);
    const { outline, files } = await op({
      op: 'moveItem',
      path: 'modules/05-after-sales/04-rp-after-sales.roleplay.yaml',
      to: 1,
    });
    expect(files.map((f) => f.replace(/^R\d+/, 'R')).sort()).toEqual([
      `M\t${overview}`,
      'R\tmodules/05-after-sales/02-returns.md\tmodules/05-after-sales/03-returns.md',
      'R\tmodules/05-after-sales/03-repairs.md\tmodules/05-after-sales/04-repairs.md',
      'R\tmodules/05-after-sales/04-rp-after-sales.roleplay.yaml\tmodules/05-after-sales/02-rp-after-sales.roleplay.yaml',
    ]);
    expect(outline.modules[1]!.items.map((i) => i.id)).toEqual([
      'after-sales-overview',
      'rp-after-sales',
      'after-sales-returns',
      'after-sales-repairs',
    ]);
    expect(readFileSync(join(s.dir, overview), 'utf8')).toContain(
      '先看[退换货](03-returns.md#top)和[维修](./04-repairs.md)。',
    );
    expect(errors()).toEqual([]);
  });

  it('renames a page in its front matter and a role-play in its title, changing one line each', async () => {
    await op({ op: 'renameItem', path: 'modules/05-after-sales/03-returns.md', title: '退货和换货' });
    expect(s.git('show', '--format=', '--numstat', 'HEAD').trim()).toBe('1\t1\tmodules/05-after-sales/03-returns.md');
    expect(readFileSync(join(s.dir, 'modules/05-after-sales/03-returns.md'), 'utf8')).toContain('title: 退货和换货\n');
    await op({
      op: 'renameItem',
      path: 'modules/01-service-concepts/10-weather-forecast.roleplay.yaml',
      title: '天气预报不准',
    });
    expect(s.git('show', '--format=', '--numstat', 'HEAD').trim()).toBe(
      '1\t1\tmodules/01-service-concepts/10-weather-forecast.roleplay.yaml',
    );
  });

  it('deletes an item, refuses to delete a page another page links to, and deletes a module with its quiz', async () => {
    const linked = await s.api<{ problems: Diagnostic[] }>('POST', '/api/outline', {
      op: 'deleteItem',
      path: 'modules/05-after-sales/04-repairs.md',
    });
    expect(linked.status).toBe(422);
    expect(linked.body.problems.map((p) => p.code)).toEqual(['broken-link']);
    expect(
      (await op({ op: 'deleteItem', path: 'modules/05-after-sales/02-rp-after-sales.roleplay.yaml' })).files,
    ).toEqual(['D\tmodules/05-after-sales/02-rp-after-sales.roleplay.yaml']);
    const { outline, files } = await op({ op: 'deleteModule', id: 'after-sales' });
    expect(files.sort()).toEqual([
      'D\tmodules/05-after-sales/01-overview.md',
      'D\tmodules/05-after-sales/03-returns.md',
      'D\tmodules/05-after-sales/04-repairs.md',
      'D\tmodules/05-after-sales/module.yaml',
      'D\tquizzes/after-sales.yaml',
      'M\tcourse.yaml',
    ]);
    expect(outline.modules.map((m) => m.id)).not.toContain('after-sales');
    expect(errors()).toEqual([]);
    // Back where it started, apart from the two renames.
    expect(s.git('diff', '--name-only', 'HEAD~12', 'HEAD').trim().split('\n').sort()).toEqual([
      'modules/01-service-concepts/10-weather-forecast.roleplay.yaml',
    ]);
  });

  it('refuses to delete course.yaml or a module.yaml as an item', async () => {
    expect((await s.api('POST', '/api/outline', { op: 'deleteItem', path: 'course.yaml' })).status).toBe(400);
    const res = await s.api('POST', '/api/outline', { op: 'deleteItem', path: 'modules/00-introduction/module.yaml' });
    expect(res.status).toBe(400);
  });
});
