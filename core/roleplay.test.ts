import { describe, expect, it } from 'vitest';
import type { RolePlay, RolePlayNode } from './types.js';
import type { RolePlayState } from './interactions.js';
import {
  analyseRolePlay,
  bestReplies,
  bestScore,
  choiceInteraction,
  choose,
  continueFrom,
  currentNode,
  enumeratePaths,
  goodEndingsAfterHarm,
  harmfulSteps,
  isBetterResult,
  isCapped,
  isEnded,
  isValidState,
  maxScore,
  meetsRequirement,
  outcomeAtLeast,
  orderedReplies,
  outcomeRank,
  replyOrder,
  restart,
  result,
  runOutcome,
  runSeed,
  scaledScore,
  startState,
  walkStrategy,
  type RolePlayProblem,
} from './roleplay.js';
import { sampleRolePlay } from './testing/roleplay.fixture.js';

const reply = (id: string, next: string, score = 1) => ({ id, text: id, score, feedback: `feedback ${id}`, next });
const ending = (outcome: 'good' | 'neutral' | 'bad') => ({ outcome, title: outcome, debrief: `debrief ${outcome}` });

function graph(nodes: RolePlayNode[], start = 'a', extra: Partial<RolePlay> = {}): RolePlay {
  return { id: 'rp', title: 'T', scenario: 'S', customer: { name: 'C' }, learnerRole: 'L', start, nodes, ...extra };
}

/** A small sound graph: a → (b | c), b and c rejoin at d, d → good | bad. Best path: a-b(2) + d-good(3) = 5. */
const good = graph([
  { id: 'a', line: 'A', mood: 'angry', replies: [reply('to-b', 'b', 2), reply('to-c', 'c', 0)] },
  { id: 'b', line: 'B', replies: [reply('b-d', 'd', 0), reply('b-d2', 'd', 0)] },
  { id: 'c', line: 'C', replies: [reply('c-d', 'd', 1), reply('c-bad', 'bad', -5)] },
  {
    id: 'd',
    line: 'D',
    replies: [reply('d-good', 'good', 3), reply('d-bad', 'bad', 0), reply('d-neutral', 'neutral', 3)],
  },
  { id: 'good', ending: ending('good') },
  { id: 'neutral', ending: ending('neutral') },
  { id: 'bad', ending: ending('bad') },
]);

function walk(rp: RolePlay, replyIds: string[], from: RolePlayState = startState(rp)): RolePlayState {
  let state = from;
  for (const id of replyIds) state = continueFrom(choose(rp, state, id, 1000));
  return state;
}

const kinds = (problems: RolePlayProblem[]) => problems.map((p) => p.kind);

describe('analyseRolePlay', () => {
  it('finds nothing wrong with sound graphs', () => {
    expect(analyseRolePlay(good)).toEqual([]);
    expect(analyseRolePlay(sampleRolePlay)).toEqual([]);
  });

  it('accepts a cycle that has an exit', () => {
    const rp = graph([
      { id: 'a', replies: [reply('loop', 'b'), reply('out', 'end')] },
      { id: 'b', replies: [reply('back', 'a'), reply('self', 'b')] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([]);
  });

  it('reports a missing start, and no reachability noise with it', () => {
    const rp = graph(
      [
        { id: 'a', replies: [reply('x', 'end')] },
        { id: 'end', ending: ending('good') },
      ],
      'nope',
    );
    expect(analyseRolePlay(rp)).toEqual([{ kind: 'missing-start', nodeId: 'nope' }]);
  });

  it('reports a reply whose target does not exist', () => {
    const rp = graph([
      { id: 'a', replies: [reply('ok', 'end'), reply('lost', 'nowhere')] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([{ kind: 'missing-target', nodeId: 'a', replyId: 'lost', target: 'nowhere' }]);
  });

  it('reports unreachable nodes', () => {
    const rp = graph([
      { id: 'a', replies: [reply('x', 'end'), reply('y', 'end')] },
      { id: 'orphan', replies: [reply('z', 'end'), reply('w', 'end')] },
      { id: 'end', ending: ending('good') },
      { id: 'end2', ending: ending('bad') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([
      { kind: 'unreachable', nodeId: 'orphan' },
      { kind: 'unreachable', nodeId: 'end2' },
    ]);
  });

  it('reports dead ends: no replies or empty replies, and no ending', () => {
    const rp = graph([
      { id: 'a', replies: [reply('x', 'b'), reply('y', 'c'), reply('z', 'end')] },
      { id: 'b', line: 'nothing to say' },
      { id: 'c', line: 'empty', replies: [] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([
      { kind: 'dead-end', nodeId: 'b' },
      { kind: 'dead-end', nodeId: 'c' },
    ]);
  });

  it('reports one problem per trap cycle, at its first node in the file', () => {
    const rp = graph([
      { id: 'a', replies: [reply('in', 'c'), reply('out', 'end'), reply('self', 's')] },
      { id: 'b', replies: [reply('b-c', 'c'), reply('b-c2', 'c')] },
      { id: 'c', replies: [reply('c-b', 'b'), reply('c-b2', 'b')] },
      { id: 's', replies: [reply('s-s', 's'), reply('s-s2', 's')] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([
      { kind: 'no-exit-cycle', nodeId: 'b' },
      { kind: 'no-exit-cycle', nodeId: 's' },
    ]);
  });

  it('does not report a trap that is unreachable as a cycle (it is reported unreachable)', () => {
    const rp = graph([
      { id: 'a', replies: [reply('x', 'end'), reply('y', 'end')] },
      { id: 'b', replies: [reply('b-c', 'c'), reply('b-c2', 'c')] },
      { id: 'c', replies: [reply('c-b', 'b'), reply('c-b2', 'b')] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(kinds(analyseRolePlay(rp))).toEqual(['unreachable', 'unreachable']);
  });

  it('reports duplicate node ids and duplicate reply ids', () => {
    const rp = graph([
      { id: 'a', replies: [reply('x', 'end'), reply('x', 'end')] },
      { id: 'end', ending: ending('good') },
      { id: 'end', ending: ending('bad') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([
      { kind: 'duplicate-node', nodeId: 'end' },
      { kind: 'duplicate-reply', nodeId: 'a', replyId: 'x' },
    ]);
  });

  it('reports a node with both replies and an ending, and treats it as an ending', () => {
    const rp = graph([
      { id: 'a', replies: [reply('x', 'b'), reply('y', 'b')] },
      { id: 'b', ending: ending('good'), replies: [reply('z', 'c'), reply('w', 'c')] },
      { id: 'c', ending: ending('bad') },
    ]);
    expect(analyseRolePlay(rp)).toEqual([
      { kind: 'both-replies-and-ending', nodeId: 'b' },
      { kind: 'unreachable', nodeId: 'c' },
    ]);
  });

  it('survives malformed input without throwing', () => {
    const bad = (value: unknown) => analyseRolePlay(value as RolePlay);
    expect(bad(null)).toEqual([{ kind: 'missing-start', nodeId: '' }]);
    expect(bad({})).toEqual([{ kind: 'missing-start', nodeId: '' }]);
    expect(bad({ start: 'a', nodes: 'oops' })).toEqual([{ kind: 'missing-start', nodeId: 'a' }]);
    expect(
      bad({
        start: 'a',
        nodes: [
          null,
          42,
          { line: 'no id' },
          { id: 'a', replies: 'not an array' },
          { id: 'b', replies: [null, { id: 'r' }, { next: 'a' }] },
        ],
      }),
    ).toEqual([
      { kind: 'dead-end', nodeId: 'a' },
      { kind: 'missing-target', nodeId: 'b', replyId: 'r', target: '' },
      { kind: 'unreachable', nodeId: 'b' },
    ]);
  });
});

describe('replies', () => {
  it('bestReplies lists every top-scoring reply in file order', () => {
    expect(bestReplies(good.nodes[0])).toEqual(['to-b']);
    expect(bestReplies(good.nodes[3])).toEqual(['d-good', 'd-neutral']);
    expect(bestScore(good.nodes[3])).toBe(3);
    expect(bestReplies(good.nodes[4])).toEqual([]);
    expect(bestScore(good.nodes[4])).toBe(0);
  });

  it('scaledScore clamps to 0–1 and is 0 without a positive max', () => {
    expect(scaledScore(5, 10)).toBe(0.5);
    expect(scaledScore(12, 10)).toBe(1);
    expect(scaledScore(-2, 10)).toBe(0);
    expect(scaledScore(3, 0)).toBe(0);
  });
});

describe('choiceInteraction', () => {
  const now = new Date('2024-05-01T08:00:00.000Z');

  it('reports a best reply as a success, scored out of the best reply, with every reply as a choice', () => {
    const record = choiceInteraction(good, startState(good), 'to-b', 1234.4, now);
    expect(record).toEqual({
      id: 'rp.a',
      parentId: 'rp',
      parentKind: 'roleplay',
      type: 'choice',
      description: 'A',
      response: { type: 'choice', choiceIds: ['to-b'] },
      correctResponses: [{ type: 'choice', choiceIds: ['to-b'] }],
      success: true,
      score: { raw: 2, min: 0, max: 2, scaled: 1 },
      durationMs: 1234,
      attempt: 1,
      timestamp: '2024-05-01T08:00:00.000Z',
      choices: [
        { id: 'to-b', description: 'to-b' },
        { id: 'to-c', description: 'to-c' },
      ],
    });
  });

  it('lists tied best replies as alternatives, floors a negative score at 0 and counts runs as attempts', () => {
    const atD = { ...walk(good, ['to-b', 'b-d']), runs: 2 };
    const tied = choiceInteraction(good, atD, 'd-neutral', 0, now);
    expect(tied.correctResponses).toEqual([
      { type: 'choice', choiceIds: ['d-good'] },
      { type: 'choice', choiceIds: ['d-neutral'] },
    ]);
    expect(tied).toMatchObject({ success: true, attempt: 3 });
    const atC = walk(good, ['to-c']);
    const bad = choiceInteraction(good, atC, 'c-bad', 0, now);
    expect(bad).toMatchObject({ success: false, score: { raw: 0, min: 0, max: 1, scaled: 0 } });
  });

  it('throws when the reply cannot be chosen now', () => {
    expect(() => choiceInteraction(good, startState(good), 'd-good', 0, now)).toThrow();
    expect(() => choiceInteraction(good, choose(good, startState(good), 'to-b'), 'b-d', 0, now)).toThrow();
  });
});

describe('walking', () => {
  it('starts at the start node with nothing chosen', () => {
    const state = startState(good);
    expect(state).toEqual({ path: [], nodeId: 'a', showingFeedback: false, runs: 0, best: null });
    expect(currentNode(good, state)?.line).toBe('A');
    expect(isEnded(good, state)).toBe(false);
  });

  it('choose appends a step, moves on and shows feedback; continueFrom hides it', () => {
    const chosen = choose(good, startState(good), 'to-c');
    expect(chosen.path).toEqual([{ nodeId: 'a', replyId: 'to-c', score: 0 }]);
    expect(chosen.nodeId).toBe('c');
    expect(chosen.showingFeedback).toBe(true);
    const next = continueFrom(chosen);
    expect(next.showingFeedback).toBe(false);
    expect(next.nodeId).toBe('c');
    expect(next.path).toBe(chosen.path);
  });

  it('choose does not mutate the state it is given', () => {
    const state = startState(good);
    choose(good, state, 'to-b');
    expect(state).toEqual(startState(good));
  });

  it('choose refuses a second choice while feedback shows, an unknown reply, and a choice at an ending', () => {
    const chosen = choose(good, startState(good), 'to-b');
    expect(() => choose(good, chosen, 'b-d')).toThrow(/continue/);
    expect(() => choose(good, continueFrom(chosen), 'nope')).toThrow(/no reply/);
    const ended = walk(good, ['to-b', 'b-d', 'd-good']);
    expect(() => choose(good, ended, 'd-good')).toThrow(/ending/);
  });

  it('reaching an ending finishes a run: runs and best are updated at once', () => {
    const last = choose(good, walk(good, ['to-c', 'c-d']), 'd-bad', 4321);
    expect(isEnded(good, last)).toBe(true);
    expect(last.showingFeedback).toBe(true);
    expect(last.runs).toBe(1);
    expect(last.best).toMatchObject({ outcome: 'bad', endingId: 'bad', durationMs: 4321, score: { raw: 1, max: 5 } });
  });

  it('best keeps the better run: outcome first, then score', () => {
    let state = walk(good, ['to-b', 'b-d', 'd-neutral']); // neutral, 5
    expect(state.best?.outcome).toBe('neutral');
    state = walk(good, ['to-c', 'c-d', 'd-good'], restart(good, state)); // good, 4
    expect(state.runs).toBe(2);
    expect(state.best).toMatchObject({ outcome: 'good', score: { raw: 4 } });
    state = walk(good, ['to-c', 'c-bad'], restart(good, state)); // bad, 0
    expect(state.runs).toBe(3);
    expect(state.best).toMatchObject({ outcome: 'good', score: { raw: 4 } });
    state = walk(good, ['to-b', 'b-d2', 'd-good'], restart(good, state)); // good, 5
    expect(state.best).toMatchObject({
      outcome: 'good',
      score: { raw: 5 },
      path: [{ replyId: 'to-b' }, { replyId: 'b-d2' }, { replyId: 'd-good' }],
    });
  });

  it('restart goes back to the start and keeps runs and best', () => {
    const ended = walk(good, ['to-b', 'b-d', 'd-good']);
    const again = restart(good, ended);
    expect(again).toEqual({ path: [], nodeId: 'a', showingFeedback: false, runs: 1, best: ended.best });
  });
});

describe('maxScore and enumeratePaths', () => {
  it('finds the best total over all paths', () => {
    expect(maxScore(good)).toBe(5);
    expect(maxScore(sampleRolePlay)).toBe(11);
  });

  it('enumerates every simple path from start to an ending', () => {
    expect(enumeratePaths(good)).toEqual([
      ['to-b', 'b-d', 'd-good'],
      ['to-b', 'b-d', 'd-bad'],
      ['to-b', 'b-d', 'd-neutral'],
      ['to-b', 'b-d2', 'd-good'],
      ['to-b', 'b-d2', 'd-bad'],
      ['to-b', 'b-d2', 'd-neutral'],
      ['to-c', 'c-d', 'd-good'],
      ['to-c', 'c-d', 'd-bad'],
      ['to-c', 'c-d', 'd-neutral'],
      ['to-c', 'c-bad'],
    ]);
    const paths = enumeratePaths(sampleRolePlay);
    expect(paths).toHaveLength(26);
    expect(new Set(paths.map((p) => p.join('>'))).size).toBe(26);
    for (const path of paths) expect(isEnded(sampleRolePlay, walk(sampleRolePlay, path))).toBe(true);
  });

  it('is safe on cycles: a node is not revisited within one path', () => {
    const rp = graph([
      { id: 'a', replies: [reply('a-b', 'b', 1), reply('a-end', 'end', 0)] },
      { id: 'b', replies: [reply('b-a', 'a', 100), reply('b-end', 'end', 2)] },
      { id: 'end', ending: ending('good') },
    ]);
    expect(enumeratePaths(rp)).toEqual([['a-b', 'b-end'], ['a-end']]);
    expect(maxScore(rp)).toBe(3);
  });

  it('is 0 / empty when no ending can be reached', () => {
    const rp = graph([{ id: 'a', replies: [reply('x', 'a'), reply('y', 'a')] }]);
    expect(maxScore(rp)).toBe(0);
    expect(enumeratePaths(rp)).toEqual([]);
  });
});

describe('result and requirement', () => {
  it('scores a run: raw sum, max, scaled, outcome and ending', () => {
    const state = walk(good, ['to-c', 'c-d', 'd-good']);
    expect(result(good, state, 1500)).toEqual({
      roleplayId: 'rp',
      outcome: 'good',
      endingId: 'good',
      score: { raw: 4, min: 0, max: 5, scaled: 0.8 },
      path: [
        { nodeId: 'a', replyId: 'to-c', score: 0 },
        { nodeId: 'c', replyId: 'c-d', score: 1 },
        { nodeId: 'd', replyId: 'd-good', score: 3 },
      ],
      met: true,
      durationMs: 1500,
    });
  });

  it('floors a negative total at 0', () => {
    const r = result(good, walk(good, ['to-c', 'c-bad']), 0);
    expect(r.score).toEqual({ raw: 0, min: 0, max: 5, scaled: 0 });
    expect(r.outcome).toBe('bad');
  });

  it('refuses to score a run that has not reached an ending', () => {
    expect(() => result(good, walk(good, ['to-b']), 0)).toThrow(/not an ending/);
  });

  it('ranks outcomes good > neutral > bad', () => {
    expect(outcomeRank('good')).toBeGreaterThan(outcomeRank('neutral'));
    expect(outcomeRank('neutral')).toBeGreaterThan(outcomeRank('bad'));
    expect(outcomeAtLeast('neutral', 'neutral')).toBe(true);
    expect(outcomeAtLeast('good', 'neutral')).toBe(true);
    expect(outcomeAtLeast('bad', 'neutral')).toBe(false);
  });

  it('meets a requirement on outcome, on score, and on both', () => {
    const score = (raw: number) => ({ raw, min: 0, max: 5, scaled: raw / 5 });
    const byOutcome = { ...good, required: { outcome: 'neutral' as const } };
    expect(meetsRequirement(byOutcome, { outcome: 'good', score: score(0) })).toBe(true);
    expect(meetsRequirement(byOutcome, { outcome: 'neutral', score: score(0) })).toBe(true);
    expect(meetsRequirement(byOutcome, { outcome: 'bad', score: score(5) })).toBe(false);
    const byScore = { ...good, required: { minScore: 4 } };
    expect(meetsRequirement(byScore, { outcome: 'bad', score: score(4) })).toBe(true);
    expect(meetsRequirement(byScore, { outcome: 'good', score: score(3) })).toBe(false);
    const both = { ...good, required: { outcome: 'good' as const, minScore: 4 } };
    expect(meetsRequirement(both, { outcome: 'good', score: score(4) })).toBe(true);
    expect(meetsRequirement(both, { outcome: 'good', score: score(3) })).toBe(false);
    expect(meetsRequirement(both, { outcome: 'neutral', score: score(5) })).toBe(false);
    expect(meetsRequirement(good, { outcome: 'bad', score: score(0) })).toBe(true);
  });

  it('result.met follows the requirement', () => {
    const rp = { ...good, required: { outcome: 'good' as const, minScore: 5 } };
    expect(result(rp, walk(rp, ['to-b', 'b-d', 'd-good']), 0).met).toBe(true);
    expect(result(rp, walk(rp, ['to-c', 'c-d', 'd-good']), 0).met).toBe(false);
    expect(result(rp, walk(rp, ['to-b', 'b-d', 'd-neutral']), 0).met).toBe(false);
  });

  it('a run that meets the requirement beats one that does not, whatever the outcome', () => {
    const rp = { ...good, required: { minScore: 5 } };
    const neutral5 = result(rp, walk(rp, ['to-b', 'b-d', 'd-neutral']), 0);
    const good4 = result(rp, walk(rp, ['to-c', 'c-d', 'd-good']), 0);
    expect(isBetterResult(neutral5, good4)).toBe(true);
    expect(isBetterResult(good4, neutral5)).toBe(false);
    expect(isBetterResult(good4, null)).toBe(true);
  });
});

describe('isValidState', () => {
  it('accepts states of this role-play and rejects foreign or broken ones', () => {
    expect(isValidState(good, startState(good))).toBe(true);
    expect(isValidState(good, choose(good, startState(good), 'to-b'))).toBe(true);
    expect(isValidState(good, null)).toBe(false);
    expect(isValidState(good, { ...startState(good), nodeId: 'gone' })).toBe(false);
    expect(isValidState(good, { ...startState(good), path: [{ nodeId: 'a', replyId: 'gone', score: 1 }] })).toBe(false);
    expect(isValidState(good, { ...startState(good), showingFeedback: true })).toBe(false);
  });
});

describe('harmful replies', () => {
  /** a → deny (harmful, 0) or calm (2); both reach d; d → good. The harmful run must not be praised as good. */
  const harmful = graph(
    [
      {
        id: 'a',
        line: 'A',
        replies: [{ ...reply('deny', 'd', 0), harmful: true }, reply('calm', 'd', 2), reply('meh', 'd', 1)],
      },
      { id: 'd', line: 'D', replies: [reply('d-good', 'good', 2), reply('d-bad', 'bad', 0)] },
      { id: 'good', ending: ending('good') },
      { id: 'bad', ending: ending('bad') },
    ],
    'a',
    { required: { outcome: 'neutral' } },
  );

  it('caps a good ending reached after a harmful reply to neutral, and the run does not meet its requirement', () => {
    const state = walk(harmful, ['deny', 'd-good']);
    const run = result(harmful, state, 0);
    expect(run.endingId).toBe('good');
    expect(run.outcome).toBe('neutral');
    expect(run.met).toBe(false);
    expect(isCapped(harmful, state)).toBe(true);
    expect(harmfulSteps(harmful, state.path).map((s) => s.replyId)).toEqual(['deny']);
    expect(state.best?.outcome).toBe('neutral');
  });

  it('leaves runs without a harmful reply alone, including a 1-point reply', () => {
    for (const first of ['calm', 'meh']) {
      const state = walk(harmful, [first, 'd-good']);
      expect(result(harmful, state, 0)).toMatchObject({ outcome: 'good', met: true });
      expect(isCapped(harmful, state)).toBe(false);
    }
    expect(runOutcome(harmful, [{ nodeId: 'a', replyId: 'deny', score: 0 }], 'bad')).toBe('bad');
  });

  it('a later good run is better than the capped one', () => {
    let state = walk(harmful, ['deny', 'd-good']);
    state = walk(harmful, ['calm', 'd-good'], restart(harmful, state));
    expect(state.best).toMatchObject({ outcome: 'good', met: true });
  });

  it('finds each harmful reply after which a good ending can still be reached', () => {
    expect(goodEndingsAfterHarm(harmful)).toEqual([{ nodeId: 'a', replyId: 'deny', endingId: 'good' }]);
    const safe = graph([
      { id: 'a', line: 'A', replies: [{ ...reply('deny', 'bad', 0), harmful: true }, reply('calm', 'good', 2)] },
      { id: 'good', ending: ending('good') },
      { id: 'bad', ending: ending('bad') },
    ]);
    expect(goodEndingsAfterHarm(safe)).toEqual([]);
    expect(goodEndingsAfterHarm(good)).toEqual([]);
  });
});

describe('reply order', () => {
  const seeds = Array.from({ length: 60 }, (_, i) => runSeed(`learner-${i}`, sampleRolePlay.id, 1));

  it('is stable for a seed, differs between runs, and keeps every reply', () => {
    const order = replyOrder(sampleRolePlay, seeds[0]!);
    expect(replyOrder(sampleRolePlay, seeds[0]!)).toEqual(order);
    for (const node of sampleRolePlay.nodes.filter((n) => n.replies)) {
      expect([...order[node.id]!].sort()).toEqual(node.replies!.map((r) => r.id).sort());
      expect(orderedReplies(node, order).map((r) => r.id)).toEqual(order[node.id]);
    }
    const orders = new Set(seeds.map((seed) => JSON.stringify(replyOrder(sampleRolePlay, seed))));
    expect(orders.size).toBeGreaterThan(30);
    expect(runSeed('l', 'rp', 1)).not.toBe(runSeed('l', 'rp', 2));
  });

  it('puts the best reply in every position over many learners (no position gives it away)', () => {
    const start = sampleRolePlay.nodes.find((n) => n.id === 'start')!;
    const positions = new Set(seeds.map((seed) => replyOrder(sampleRolePlay, seed).start!.indexOf('greet-sorry')));
    expect([...positions].sort()).toEqual([0, 1, 2]);
    expect(start.replies![0]!.id).toBe('greet-sorry');
  });

  it('never lets "always the first reply shown" reach a good ending', () => {
    // In file order the first reply is always the best: exactly what the shuffle must defeat.
    expect(walkStrategy(sampleRolePlay, (replies) => replies[0]!).outcome).toBe('good');
    for (const seed of seeds) {
      const order = replyOrder(sampleRolePlay, seed);
      const walked = walkStrategy(sampleRolePlay, (_replies, node) => orderedReplies(node, order)[0]!);
      expect(walked.outcome, seed).not.toBe('good');
    }
  });

  it('strategy walks stop at a loop instead of running forever', () => {
    const loop = graph([
      { id: 'a', line: 'A', replies: [reply('to-b', 'b'), reply('end', 'good')] },
      { id: 'b', line: 'B', replies: [reply('to-a', 'a'), reply('end-b', 'good')] },
      { id: 'good', ending: ending('good') },
    ]);
    expect(walkStrategy(loop, (replies) => replies[0]!)).toMatchObject({ endingId: null, outcome: null });
  });
});
