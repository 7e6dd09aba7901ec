import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../tools/content/load-course.js';
import { build } from '../tools/build.js';
import { brokenFixtures, materialise, seedsDir, type ExpectedError } from './support/fixtures.js';
import { isError, type Diagnostic } from '../tools/content/diagnostics.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((dispose) => dispose()));

function course(name: string | null): string {
  const { dir, dispose } = materialise(name);
  cleanups.push(dispose);
  return dir;
}

describe('content validation', () => {
  it('accepts the valid fixture and emits its modules, final assessment and image', () => {
    const { course: built, diagnostics } = loadCourse(course(null), { seedsDir });
    expect(diagnostics).toEqual([]);
    expect(built!.index.modules.map((m) => m.id)).toEqual(['basics', 'phone']);
    expect(built!.index.finalAssessment?.id).toBe('fixture-final');
    expect(built!.modules.find((m) => m.id === 'basics')!.items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'page:basics-service',
      'roleplay:rp-fixture-weather',
      'roleplay:rp-fixture-queue',
      'quiz:basics-quiz',
    ]);
    expect(built!.assets.map((a) => a.target)).toEqual(['content/media/basics/counter.svg']);
  });

  it('renders markdown at build time, rewriting page links and image paths', () => {
    const { course: built } = loadCourse(course(null), { seedsDir });
    const page = built!.modules[0]!.items[0]!;
    expect(page.kind).toBe('page');
    const html = page.kind === 'page' ? page.html : '';
    expect(html).toContain('<strong>无形性</strong>');
    expect(html).toContain('src="content/media/basics/counter.svg"');
    expect(html).toContain('href="#/phone/phone-greeting"');
    expect(html).not.toContain('.md');
  });

  it('has at least 12 broken fixtures', () => {
    expect(brokenFixtures().length).toBeGreaterThanOrEqual(12);
  });

  describe.each(brokenFixtures())('broken fixture $name', ({ name, errors, warnings = [] }) => {
    it('yields exactly its expected errors and warnings, each with file, line, column and a bilingual fix', () => {
      const { course: built, diagnostics } = loadCourse(course(name), { seedsDir });
      // Where the fixture pins the Chinese message, compare it exactly.
      const shape = (list: readonly Diagnostic[], expected: readonly ExpectedError[]) =>
        list.map(({ code, file, line, message }, i) => ({
          code,
          file,
          line,
          ...(expected[i]?.message !== undefined ? { message: message.zh } : {}),
        }));
      expect(shape(diagnostics.filter(isError), errors)).toEqual(errors);
      expect(
        shape(
          diagnostics.filter((d) => !isError(d)),
          warnings,
        ),
      ).toEqual(warnings);
      if (errors.length) expect(built).toBeNull();
      else expect(built).not.toBeNull();
      for (const d of diagnostics) {
        expect(d.column).toBeGreaterThan(0);
        for (const text of [d.message.zh, d.message.en, d.fix.zh, d.fix.en]) expect(text.length).toBeGreaterThan(4);
        expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    });
  });

  it('npm run validate prints every problem as file:line:column and exits 1', () => {
    const dir = course('duplicate-id');
    const result = spawnSync(process.execPath, ['node_modules/.bin/tsx', 'tools/validate.ts', dir], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('quizzes/basics.yaml:24:13');
    expect(result.stderr).toContain('[duplicate-id]');
    expect(result.stderr).toContain('修改方法');
    expect(result.stderr).toContain('How to fix');
  });

  it('a failed build writes nothing, leaving the previous output untouched', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'course-out-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    writeFileSync(join(outDir, 'previous.txt'), 'last good build');
    await expect(build({ root: course('script-in-markdown'), outDir })).rejects.toThrow(/unsafe-html/);
    expect(readdirSync(outDir)).toEqual(['previous.txt']);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
