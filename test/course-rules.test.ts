/**
 * The course's content rules, as `npm run validate` applies them, against the course under COURSE_ROOT (default:
 * this project). Nothing here hard-codes the course's shape: it reads course.yaml, so a trainer's valid change (a new
 * module, a new order) keeps passing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCourse } from '../tools/content/load-course.js';
import { seedsDir } from './support/fixtures.js';

const root = process.env.COURSE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const { course, diagnostics } = loadCourse(root, { seedsDir });
const listed = (parse(readFileSync(join(root, 'course.yaml'), 'utf8').replace(/^\uFEFF/, '')) as { modules: string[] })
  .modules;

describe(`the course at ${root}`, () => {
  it('passes every content rule with no error or warning', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} [${d.code}] ${d.message.zh}`)).toEqual([]);
    expect(course).not.toBeNull();
  });

  it('builds the modules course.yaml lists, in its order, each with its pages first and its quiz last', () => {
    expect(course!.index.modules.map((m) => m.id)).toEqual(listed);
    for (const m of course!.modules.filter((x) => listed.includes(x.id))) {
      expect(m.items[0]?.kind, `module ${m.id} starts with a page`).toBe('page');
      expect(
        m.items.findIndex((i) => i.kind === 'quiz'),
        `module ${m.id}: the quiz comes last`,
      ).toBeOneOf([-1, m.items.length - 1]);
    }
  });
});
