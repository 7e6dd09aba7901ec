/**
 * Rules the SHIPPED course must keep for a score to mean something and a page to read right: loads the real course
 * with the real seeds. Every failure names the page, role-play or path that falls short.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  goodEndingsAfterHarm,
  orderedReplies,
  replyOrder,
  runSeed,
  walkStrategy,
  type StrategyWalk,
} from '../core/roleplay.js';
import type { ModuleItem, RolePlay, RolePlayReply } from '../core/types.js';
import { hasLiteralAsterisks } from '../tools/content/markdown.js';
import { loadCourse } from '../tools/content/load-course.js';
import { seedsDir } from './support/fixtures.js';

const courseRoot = process.env.COURSE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const { course, diagnostics } = loadCourse(courseRoot, { seedsDir });
type PageItem = Extract<ModuleItem, { kind: 'page' }>;
type RolePlayItem = Extract<ModuleItem, { kind: 'roleplay' }>;

function items(): ModuleItem[] {
  if (!course)
    expect.fail(`the course did not load: ${diagnostics.map((d) => `${d.file}:${d.line} [${d.code}]`).join('; ')}`);
  return course.modules.flatMap((m) => m.items);
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

describe('role-plays of the real course cannot be passed without thinking', () => {
  const rolePlays = (): RolePlay[] =>
    items()
      .filter((i): i is RolePlayItem => i.kind === 'roleplay')
      .map((i) => i.roleplay);
  /** Learners × runs whose shuffles are walked: the reply order differs for each. */
  const seeds = Array.from({ length: 40 }, (_, l) => [1, 2, 3].map((run) => ({ learner: `learner-${l}`, run }))).flat();
  const describeWalk = (walk: StrategyWalk): string => walk.path.map((s) => `${s.nodeId}:${s.replyId}`).join(' → ');

  it('walks every role-play file of the course', () => {
    const files = readdirSync(join(courseRoot, 'modules'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.roleplay.yaml'),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(rolePlays().length).toBe(files.length);
  });

  it('always choosing the first reply as displayed (after shuffling) never reaches the good ending', () => {
    const passed: string[] = [];
    for (const rp of rolePlays()) {
      for (const { learner, run } of seeds) {
        const order = replyOrder(rp, runSeed(learner, rp.id, run));
        const walk = walkStrategy(rp, (_replies, node) => orderedReplies(node, order)[0]!);
        if (walk.outcome === 'good') passed.push(`${rp.id} (${learner}, run ${run}): ${describeWalk(walk)}`);
      }
    }
    expect(passed).toEqual([]);
  });

  it('always choosing the longest reply never reaches the good ending', () => {
    const longest = (replies: RolePlayReply[]): RolePlayReply =>
      replies.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a));
    const passed = rolePlays()
      .map((rp) => ({ rp, walk: walkStrategy(rp, longest) }))
      .filter(({ walk }) => walk.outcome === 'good')
      .map(({ rp, walk }) => `${rp.id}: ${describeWalk(walk)}`);
    expect(passed).toEqual([]);
  });

  it('no good ending is reachable through a harmful reply, and harmful replies are marked', () => {
    const reachable = rolePlays().flatMap((rp) =>
      goodEndingsAfterHarm(rp).map((h) => `${rp.id}: ${h.nodeId}/${h.replyId} → ${h.endingId}`),
    );
    expect(reachable).toEqual([]);
    const marking = rolePlays().filter((rp) => rp.nodes.some((n) => n.replies?.some((r) => r.harmful === true)));
    // The review found 5 role-plays where a denial or a forbidden phrase could still end well.
    expect(marking.length, 'role-plays that mark harmful replies').toBeGreaterThanOrEqual(5);
  });
});
