import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../tools/content/load-course.js';
import { rollup } from 'rollup';
import { build } from '../tools/build.js';
import { coursePlugin } from '../tools/rollup-plugin-course.js';
import { brokenFixtures, materialise, seedsDir, type ExpectedError } from './support/fixtures.js';
import { DiagnosticList, isError, type Diagnostic } from '../tools/content/diagnostics.js';
import { YamlSource } from '../tools/content/yaml-source.js';

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

  it('resolves pools that take questions by reference (a quiz, or every question with a tag)', () => {
    const { course: built } = loadCourse(course('pool-reference-accepted'), { seedsDir });
    const final = built!.modules.find((m) => m.id === 'fixture-final')!.items[0]!;
    const pools = final.kind === 'quiz' ? final.quiz.pools : [];
    expect(pools.map((p) => [p.id, p.questions.map((q) => q.id)])).toEqual([
      ['final-pool', ['final-q1', 'final-q2']],
      ['final-from-basics', ['basics-q1', 'basics-q2']],
      ['final-application', ['basics-q2']],
    ]);
    // The learner's copy holds plain pools: no reference fields.
    expect(pools.every((p) => !('from' in p) && !('tags' in p))).toBe(true);
  });

  it('names the newer of two uses of an id by git: the uncommitted line, not the committed one', () => {
    const dir = course(null);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'course');
    // The trainer edits the phone page, giving it the id of the older basics page; its file time is then set older.
    const page = join(dir, 'modules/02-phone/01-greeting.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('id: phone-greeting', 'id: basics-service'));
    utimesSync(page, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const { diagnostics } = loadCourse(dir, { seedsDir });
    expect(diagnostics.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: 'duplicate-id', file: 'modules/02-phone/01-greeting.md', line: 2 },
    ]);
    expect(diagnostics[0]!.message.zh).toContain('这一行是新改的');
    expect(diagnostics[0]!.fix.zh).toContain('保留 modules/01-basics/01-service.md:2 的 id 不变');
  });

  it("keeps comments after English values and in the guide's examples, warning only where text is lost", () => {
    const warnings = (text: string): string[] => {
      const list = new DiagnosticList();
      new YamlSource('x.yaml', text).reportSyntax(list);
      return list.items.map((d) => d.code);
    };
    expect(warnings('required:\n  outcome: good      # 至少要达到“好”结局\n')).toEqual([]);
    expect(warnings('prompt: 请拨打 #123 查询\n')).toEqual(['text-cut-by-comment']);
    expect(warnings('prompt: "“拨打 #123 查询”"\n')).toEqual([]);
    const guide = readFileSync(new URL('../docs/authoring-guide.md', import.meta.url), 'utf8');
    const examples = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) {
      const codes = warnings(example).filter((c) => /comment|curly|full-width|tab|long/.test(c));
      expect(codes, example).toEqual([]);
    }
  });

  it('a build never writes U+FFFD: the last guard fails the build before anything is written', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'course-out-'));
    const shell = join(outDir, 'shell.html');
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    writeFileSync(shell, '<!doctype html><html lang="zh-CN"><title>%COURSE_TITLE%\ufffd</title></html>');
    const bundle = await rollup({
      input: 'entry',
      plugins: [
        { name: 'entry', resolveId: (id) => id, load: () => 'export default 1;' },
        coursePlugin({ root: course(null), seedsDir, indexHtml: shell }),
      ],
    });
    await expect(bundle.write({ dir: join(outDir, 'dist') })).rejects.toThrow(/U\+FFFD in the output: index\.html/);
    await bundle.close();
    expect(existsSync(join(outDir, 'dist'))).toBe(false);
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
