/**
 * Rules the SHIPPED course must keep for a score to mean something and a page to read right: loads the real course
 * with the real seeds. Every failure names the page, role-play or path that falls short.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModuleItem } from '../core/types.js';
import { hasLiteralAsterisks } from '../tools/content/markdown.js';
import { loadCourse } from '../tools/content/load-course.js';
import { seedsDir } from './support/fixtures.js';

const courseRoot = fileURLToPath(new URL('..', import.meta.url));
const { course, diagnostics } = loadCourse(courseRoot, { seedsDir });
type PageItem = Extract<ModuleItem, { kind: 'page' }>;

function items(): ModuleItem[] {
  if (!course)
    expect.fail(`the course did not load: ${diagnostics.map((d) => `${d.file}:${d.line} [${d.code}]`).join('; ')}`);
  return course!.modules.flatMap((m) => m.items);
}

describe('pages of the real course', () => {
  it('render no literal ** (bold next to Chinese punctuation closes)', () => {
    const pages = items().filter((i): i is PageItem => i.kind === 'page');
    expect(pages.length).toBeGreaterThan(30);
    const stray = pages.filter((p) => hasLiteralAsterisks(p.html)).map((p) => p.id);
    expect(stray).toEqual([]);
    // The pages that used to show raw ** now show bold.
    const onePage = pages.find((p) => p.id === 'service-concepts-what-is-service')!;
    expect(onePage.html).toContain('<strong>服务的本质是解决问题。</strong>');
  });
});
