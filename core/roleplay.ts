/**
 * Branching role-play checkpoints: graph analysis for the build's validator, and the pure state machine the
 * `<role-play>` component (and tests and content checks) use to walk and score a conversation. No DOM.
 *
 * Conventions shared by every function here:
 * - A node with an `ending` is terminal: its replies (if any, which analysis reports) are never offered.
 * - When node ids are duplicated, the first node with that id wins; when reply ids are duplicated within a node,
 *   the first reply wins.
 * - Scores are never negative in a `Score`: a run's raw score is the sum of its step scores, floored at 0.
 */
import type {
  InteractionComponent,
  InteractionRecord,
  RolePlayResult,
  RolePlayState,
  RolePlayStep,
  Score,
} from './interactions.js';
import { asComponents, interactionTiming } from './scoring.js';
import { seededShuffle } from './shuffle.js';
import type { Outcome, RolePlay, RolePlayNode, RolePlayReply } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------------------------

export type RolePlayProblemKind =
  | 'missing-start'
  | 'missing-target'
  | 'unreachable'
  | 'dead-end'
  | 'no-exit-cycle'
  | 'duplicate-node'
  | 'duplicate-reply'
  | 'both-replies-and-ending';

/**
 * One structural problem of a role-play graph.
 * - `missing-start`: `start` names no node (`nodeId` is the `start` value, '' when absent).
 * - `missing-target`: a reply's `next` names no node (`nodeId`, `replyId`, `target` = the `next` value, '' when absent).
 * - `unreachable`: the node cannot be reached from `start` (only reported when `start` exists).
 * - `dead-end`: the node has neither replies nor an ending.
 * - `no-exit-cycle`: ONE problem per trap, i.e. per strongly connected component that contains a cycle, is reachable
 *   from `start`, and from which no ending can be reached. `nodeId` is the trap's node that comes first in the file.
 *   Nodes that merely lead into a trap, a dead end or a missing target are not reported again: fixing the reported
 *   root cause fixes them.
 * - `duplicate-node`: a second (third…) node with an id already used; `nodeId` is the duplicated id.
 * - `duplicate-reply`: a second reply with the same id within one node (`nodeId`, `replyId`).
 * - `both-replies-and-ending`: a node has replies and an ending (the ending wins at runtime).
 *
 * Problems are listed in file order of the nodes they concern, grouped by kind in the order of the checks.
 */
export interface RolePlayProblem {
  kind: RolePlayProblemKind;
  nodeId: string;
  replyId?: string;
  target?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nodes of possibly malformed input that have a string id, in file order. */
function wellFormedNodes(rp: unknown): RolePlayNode[] {
  if (!isObject(rp) || !Array.isArray(rp.nodes)) return [];
  return rp.nodes.filter((n): n is RolePlayNode => isObject(n) && typeof n.id === 'string');
}

/** Replies of a possibly malformed node that are objects (their fields may still be missing). */
function wellFormedReplies(node: RolePlayNode): RolePlayReply[] {
  return Array.isArray(node.replies) ? node.replies.filter((r): r is RolePlayReply => isObject(r)) : [];
}

function hasEnding(node: RolePlayNode | undefined): boolean {
  return node !== undefined && isObject(node.ending);
}

/**
 * Finds the structural problems of a role-play graph. Safe on data that failed schema validation: missing or
 * malformed arrays and entries are skipped, never thrown on. An empty list means the graph is sound: every node is
 * reachable from `start`, and from every node an ending can be reached.
 */
export function analyseRolePlay(rp: RolePlay): RolePlayProblem[] {
  const problems: RolePlayProblem[] = [];
  const nodes = wellFormedNodes(rp);
  const byId = new Map<string, RolePlayNode>();

  for (const node of nodes) {
    if (byId.has(node.id)) problems.push({ kind: 'duplicate-node', nodeId: node.id });
    else byId.set(node.id, node);
  }
  const unique = [...byId.values()];

  for (const node of unique) {
    const replies = wellFormedReplies(node);
    const seen = new Set<string>();
    for (const reply of replies) {
      if (typeof reply.id !== 'string') continue;
      if (seen.has(reply.id)) problems.push({ kind: 'duplicate-reply', nodeId: node.id, replyId: reply.id });
      seen.add(reply.id);
    }
    if (replies.length > 0 && hasEnding(node)) problems.push({ kind: 'both-replies-and-ending', nodeId: node.id });
    if (replies.length === 0 && !hasEnding(node)) problems.push({ kind: 'dead-end', nodeId: node.id });
    for (const reply of replies) {
      const target = typeof reply.next === 'string' ? reply.next : '';
      if (!byId.has(target)) {
        const problem: RolePlayProblem = { kind: 'missing-target', nodeId: node.id, target };
        if (typeof reply.id === 'string') problem.replyId = reply.id;
        problems.push(problem);
      }
    }
  }

  const start = isObject(rp) && typeof rp.start === 'string' ? rp.start : '';
  if (!byId.has(start)) {
    problems.push({ kind: 'missing-start', nodeId: start });
    return problems;
  }

  // Edges of the graph as the runtime walks it: endings are terminal, missing targets are dropped.
  const edges = new Map<string, string[]>();
  for (const node of unique) {
    const next = hasEnding(node)
      ? []
      : wellFormedReplies(node)
          .map((r) => r.next)
          .filter((t): t is string => typeof t === 'string' && byId.has(t));
    edges.set(node.id, [...new Set(next)]);
  }

  const reachable = reachableFrom(start, edges);
  for (const node of unique) {
    if (!reachable.has(node.id)) problems.push({ kind: 'unreachable', nodeId: node.id });
  }

  // Nodes from which an ending can be reached: backwards search from the endings.
  const reverse = new Map<string, string[]>();
  for (const [from, targets] of edges) {
    for (const to of targets) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  }
  const canExit = new Set<string>();
  const stack = unique.filter((n) => hasEnding(n)).map((n) => n.id);
  for (const id of stack) canExit.add(id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const from of reverse.get(id) ?? []) {
      if (!canExit.has(from)) {
        canExit.add(from);
        stack.push(from);
      }
    }
  }

  const order = new Map(unique.map((n, i) => [n.id, i]));
  for (const component of stronglyConnectedComponents(
    unique.map((n) => n.id),
    edges,
  )) {
    const head = component[0]!;
    const cyclic = component.length > 1 || (edges.get(head) ?? []).includes(head);
    if (!cyclic) continue;
    if (!component.some((id) => reachable.has(id)) || component.some((id) => canExit.has(id))) continue;
    const first = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0]!;
    problems.push({ kind: 'no-exit-cycle', nodeId: first });
  }
  return problems;
}

function reachableFrom(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of edges.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Tarjan's algorithm, iterative so a long chain cannot overflow the stack. */
function stronglyConnectedComponents(ids: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter);
          counter++;
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.id;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.id) as number));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop() as string;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes and requirements
// ---------------------------------------------------------------------------------------------------------------

const OUTCOME_RANK: Record<Outcome, number> = { bad: 0, neutral: 1, good: 2 };

/** Rank of an outcome: good (2) > neutral (1) > bad (0). */
export function outcomeRank(outcome: Outcome): number {
  return OUTCOME_RANK[outcome] ?? 0;
}

/** Whether `outcome` is at least as good as `required`. */
export function outcomeAtLeast(outcome: Outcome, required: Outcome): boolean {
  return outcomeRank(outcome) >= outcomeRank(required);
}

/**
 * Whether a result meets the role-play's `required` rule: its outcome at least `required.outcome` and its raw score
 * at least `required.minScore`. True when the role-play has no requirement.
 */
export function meetsRequirement(rp: RolePlay, result: Pick<RolePlayResult, 'outcome' | 'score'>): boolean {
  const required = rp.required;
  if (!required) return true;
  if (required.outcome !== undefined && !outcomeAtLeast(result.outcome, required.outcome)) return false;
  if (required.minScore !== undefined && result.score.raw < required.minScore) return false;
  return true;
}

/**
 * Whether result `a` is better than `b` (or `b` is null): meeting the requirement first, then the outcome, then the
 * raw score; on a tie the earlier result (`b`) stays.
 */
export function isBetterResult(a: RolePlayResult, b: RolePlayResult | null): boolean {
  if (b === null) return true;
  if (a.met !== b.met) return a.met;
  if (outcomeRank(a.outcome) !== outcomeRank(b.outcome)) return outcomeRank(a.outcome) > outcomeRank(b.outcome);
  return a.score.raw > b.score.raw;
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes and replies
// ---------------------------------------------------------------------------------------------------------------

/** The node with this id (the first one when ids are duplicated). */
export function findNode(rp: RolePlay, nodeId: string): RolePlayNode | undefined {
  return (Array.isArray(rp.nodes) ? rp.nodes : []).find((n) => n?.id === nodeId);
}

/** The replies offered at a node: none at an ending. */
export function repliesOf(node: RolePlayNode | undefined): RolePlayReply[] {
  if (!node || hasEnding(node) || !Array.isArray(node.replies)) return [];
  return node.replies;
}

/** The reply with this id at a node (the first one when ids are duplicated). */
export function findReply(node: RolePlayNode | undefined, replyId: string): RolePlayReply | undefined {
  return repliesOf(node).find((r) => r.id === replyId);
}

/** The highest reply score at a node; 0 when it has no replies. */
export function bestScore(node: RolePlayNode | undefined): number {
  const replies = repliesOf(node);
  return replies.length === 0 ? 0 : Math.max(...replies.map((r) => r.score));
}

/** Ids of the highest-scoring replies at a node, in file order: the correct-response pattern of a choice. */
export function bestReplies(node: RolePlayNode | undefined): string[] {
  const replies = repliesOf(node);
  if (replies.length === 0) return [];
  const best = bestScore(node);
  return replies.filter((r) => r.score === best).map((r) => r.id);
}

/** The replies as xAPI interaction components (id + text). */
export function replyChoices(node: RolePlayNode | undefined): InteractionComponent[] {
  return asComponents(repliesOf(node));
}

/** A 0–1 ratio of raw to max, 0 when max is not positive. */
export function scaledScore(raw: number, max: number): number {
  if (!(max > 0)) return 0;
  return Math.min(1, Math.max(0, raw / max));
}

// ---------------------------------------------------------------------------------------------------------------
// Walking
// ---------------------------------------------------------------------------------------------------------------

/** A fresh state at the start, never run. */
export function startState(rp: RolePlay): RolePlayState {
  return { path: [], nodeId: rp.start, showingFeedback: false, runs: 0, best: null };
}

/** The node on screen (for a state showing feedback: the node the chosen reply leads to). */
export function currentNode(rp: RolePlay, state: RolePlayState): RolePlayNode | undefined {
  return findNode(rp, state.nodeId);
}

/** Whether the state is at an ending (its feedback may still be showing). */
export function isEnded(rp: RolePlay, state: RolePlayState): boolean {
  return hasEnding(currentNode(rp, state));
}

/** The raw total of a path's steps, floored at 0. */
export function pathScore(path: RolePlayStep[]): number {
  return Math.max(
    0,
    path.reduce((sum, step) => sum + step.score, 0),
  );
}

/**
 * Chooses a reply at the current node: appends a step, moves to the reply's `next` and shows its feedback. When
 * `next` is an ending the run is finished: `runs` goes up by one and `best` keeps the better of it and this run's
 * result (timed `durationMs`). Throws when the feedback of the previous choice is still showing, at an ending, or
 * when the node has no such reply.
 */
export function choose(rp: RolePlay, state: RolePlayState, replyId: string, durationMs = 0): RolePlayState {
  if (state.showingFeedback) throw new Error(`role-play ${rp.id}: continue before choosing again`);
  const node = currentNode(rp, state);
  if (!node) throw new Error(`role-play ${rp.id}: no node ${state.nodeId}`);
  if (hasEnding(node)) throw new Error(`role-play ${rp.id}: node ${node.id} is an ending`);
  const reply = findReply(node, replyId);
  if (!reply) throw new Error(`role-play ${rp.id}: node ${node.id} has no reply ${replyId}`);
  const next: RolePlayState = {
    ...state,
    path: [...state.path, { nodeId: node.id, replyId: reply.id, score: reply.score }],
    nodeId: reply.next,
    showingFeedback: true,
  };
  if (isEnded(rp, next)) {
    const run = result(rp, next, durationMs);
    next.runs = state.runs + 1;
    next.best = isBetterResult(run, state.best) ? run : state.best;
  }
  return next;
}

/**
 * The interaction a tracker reports for choosing `replyId` at the node on screen: type `choice`, id
 * `<roleplay id>.<node id>`, the customer's line (or the narration) as description, and each best reply a correct
 * response on its own (tied replies are alternatives, not a set to pick together). Scored out of the node's best reply, never below
 * 0; `attempt` is the run number. Throws like `choose` when the reply cannot be chosen.
 */
export function choiceInteraction(
  rp: RolePlay,
  state: RolePlayState,
  replyId: string,
  durationMs: number,
  now: Date = new Date(),
): InteractionRecord {
  const node = currentNode(rp, state);
  const reply = findReply(node, replyId);
  if (!node || !reply || state.showingFeedback) throw new Error(`role-play ${rp.id}: cannot choose ${replyId} now`);
  const best = bestScore(node);
  const raw = Math.max(0, reply.score);
  const timing = interactionTiming(durationMs, now);
  return {
    id: `${rp.id}.${node.id}`,
    parentId: rp.id,
    parentKind: 'roleplay',
    type: 'choice',
    description: node.line ?? node.narration ?? '',
    response: { type: 'choice', choiceIds: [reply.id] },
    // Tied best replies are each a right answer on their own, not a set to pick together.
    correctResponses: bestReplies(node).map((id) => ({ type: 'choice', choiceIds: [id] })),
    success: bestReplies(node).includes(reply.id),
    score: { raw, min: 0, max: Math.max(0, best), scaled: scaledScore(raw, best) },
    durationMs: timing.durationMs,
    attempt: state.runs + 1,
    timestamp: timing.timestamp,
    choices: replyChoices(node),
  };
}

/** Hides the feedback of the last choice, showing the node it led to. */
export function continueFrom(state: RolePlayState): RolePlayState {
  return { ...state, showingFeedback: false };
}

/** Back to the start for another run, keeping `runs` and `best`. */
export function restart(rp: RolePlay, state: RolePlayState): RolePlayState {
  return { ...startState(rp), runs: state.runs, best: state.best };
}

/**
 * The best total over any path from `start` to an ending, never visiting a node twice within one path (so cycles
 * are safe). 0 when no ending can be reached.
 */
export function maxScore(rp: RolePlay): number {
  let best: number | null = null;
  walkSimplePaths(rp, (steps) => {
    const total = steps.reduce((sum, s) => sum + s.score, 0);
    if (best === null || total > best) best = total;
  });
  return Math.max(0, best ?? 0);
}

/** Every simple path (no node visited twice) from `start` to an ending, as the reply ids chosen, in file order. */
export function enumeratePaths(rp: RolePlay): string[][] {
  const paths: string[][] = [];
  walkSimplePaths(rp, (steps) => paths.push(steps.map((s) => s.replyId)));
  return paths;
}

/** Calls `visit` with the steps of each simple path from `start` to an ending. */
function walkSimplePaths(rp: RolePlay, visit: (steps: RolePlayStep[]) => void): void {
  const onPath = new Set<string>();
  const steps: RolePlayStep[] = [];
  const walk = (nodeId: string): void => {
    const node = findNode(rp, nodeId);
    if (!node || onPath.has(nodeId)) return;
    if (hasEnding(node)) {
      visit([...steps]);
      return;
    }
    onPath.add(nodeId);
    const seen = new Set<string>();
    for (const reply of repliesOf(node)) {
      if (seen.has(reply.id)) continue;
      seen.add(reply.id);
      steps.push({ nodeId, replyId: reply.id, score: reply.score });
      walk(reply.next);
      steps.pop();
    }
    onPath.delete(nodeId);
  };
  walk(rp.start);
}

/**
 * The result of the run in `state`, which must be at an ending: raw = sum of step scores (at least 0), max =
 * `maxScore(rp)`, scaled = raw / max clamped to 0–1; endingId from the ending node; outcome the ending's, capped
 * by a harmful reply (see `runOutcome`); `met` per `rp.required`, and never after a harmful reply.
 */
export function result(rp: RolePlay, state: RolePlayState, durationMs: number): RolePlayResult {
  const node = currentNode(rp, state);
  if (!node?.ending) throw new Error(`role-play ${rp.id}: node ${state.nodeId} is not an ending`);
  const raw = pathScore(state.path);
  const max = maxScore(rp);
  const score: Score = { raw, min: 0, max, scaled: scaledScore(raw, max) };
  const outcome = runOutcome(rp, state.path, node.ending.outcome);
  const partial = { roleplayId: rp.id, outcome, endingId: node.id, score };
  return {
    ...partial,
    path: state.path.map((s) => ({ ...s })),
    met: meetsRequirement(rp, partial) && harmfulSteps(rp, state.path).length === 0,
    durationMs: Math.max(0, Math.round(durationMs)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Harmful replies
// ---------------------------------------------------------------------------------------------------------------

/** Whether the reply is marked harmful (denial, argument, blame, forbidden phrase). */
export function isHarmful(reply: RolePlayReply | undefined): boolean {
  return reply?.harmful === true;
}

/** The steps of a path that took a harmful reply, in order. */
export function harmfulSteps(rp: RolePlay, path: readonly RolePlayStep[]): RolePlayStep[] {
  return path.filter((step) => isHarmful(findReply(findNode(rp, step.nodeId), step.replyId)));
}

/**
 * The outcome a run earns: the ending's, except that a run which took a harmful reply is never `good` (it is capped
 * at `neutral`): a customer calmed down in the end does not undo a denial or a forbidden phrase.
 */
export function runOutcome(rp: RolePlay, path: readonly RolePlayStep[], endingOutcome: Outcome): Outcome {
  return endingOutcome === 'good' && harmfulSteps(rp, path).length > 0 ? 'neutral' : endingOutcome;
}

/** Whether the run in `state` ended on a good ending whose outcome a harmful reply capped. */
export function isCapped(rp: RolePlay, state: RolePlayState): boolean {
  const ending = currentNode(rp, state)?.ending;
  return !!ending && runOutcome(rp, state.path, ending.outcome) !== ending.outcome;
}

/**
 * Harmful replies after which a good ending can still be reached (each with the first such ending, in file order):
 * content the validator rejects, since the debrief of that ending would praise what the learner did not do.
 */
export function goodEndingsAfterHarm(rp: RolePlay): { nodeId: string; replyId: string; endingId: string }[] {
  const found: { nodeId: string; replyId: string; endingId: string }[] = [];
  const edges = new Map<string, string[]>();
  for (const node of wellFormedNodes(rp)) {
    if (!edges.has(node.id)) edges.set(node.id, hasEnding(node) ? [] : wellFormedReplies(node).map((r) => r.next));
  }
  const good = (id: string): boolean => findNode(rp, id)?.ending?.outcome === 'good';
  const reachable = reachableFrom(typeof rp.start === 'string' ? rp.start : '', edges);
  for (const node of wellFormedNodes(rp)) {
    if (!reachable.has(node.id) || findNode(rp, node.id) !== node) continue;
    for (const reply of repliesOf(node)) {
      if (!isHarmful(reply) || typeof reply.next !== 'string') continue;
      const after = reachableFrom(reply.next, edges);
      const ending = wellFormedNodes(rp).find((n) => after.has(n.id) && good(n.id));
      if (ending) found.push({ nodeId: node.id, replyId: reply.id, endingId: ending.id });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Reply order
// ---------------------------------------------------------------------------------------------------------------

/** The seed of one run's reply order: stable for a learner, a role-play and a run number (1 for the first run). */
export function runSeed(learnerSeed: string, roleplayId: string, run: number): string {
  return `${learnerSeed}:${roleplayId}:run-${run}`;
}

/** The reply ids of every decision node, in the order a run shows them. */
export type ReplyOrder = Record<string, string[]>;

/**
 * The order in which a run shows the replies of every node: each node's replies shuffled with `<seed>|<node id>`,
 * so a reload shows the same order and the next run another. The best reply is then wherever the shuffle put it;
 * but were the shuffle to make "always take the first reply" reach a good ending, one node on that path (chosen by
 * the seed) shows another reply first, so that walking the first replies never passes a role-play. A learner cannot
 * tell which node that was, so no position gives the answer away.
 */
export function replyOrder(rp: RolePlay, seed: string): ReplyOrder {
  const order: ReplyOrder = {};
  for (const node of wellFormedNodes(rp)) {
    if (order[node.id]) continue;
    order[node.id] = seededShuffle(
      repliesOf(node).map((r) => r.id),
      `${seed}|${node.id}`,
    );
  }
  // Each fix changes one node's first reply for good; a handful of rounds is enough for any real role-play.
  for (let round = 0; round < 50; round++) {
    const walk = walkStrategy(rp, (replies, node) => firstShown(replies, order[node.id] ?? []));
    if (walk.outcome !== 'good') break;
    if (!breakFirstWalk(rp, order, walk.path, seed)) break;
  }
  return order;
}

/** Replies of a node in the run's order (file order for replies the order does not know). */
export function orderedReplies(node: RolePlayNode | undefined, order: ReplyOrder): RolePlayReply[] {
  const replies = repliesOf(node);
  const ids = node ? (order[node.id] ?? []) : [];
  const rank = (r: RolePlayReply): number => {
    const i = ids.indexOf(r.id);
    return i < 0 ? ids.length + replies.indexOf(r) : i;
  };
  return [...replies].sort((a, b) => rank(a) - rank(b));
}

function firstShown(replies: RolePlayReply[], ids: string[]): RolePlayReply {
  return replies.find((r) => r.id === ids[0]) ?? replies[0]!;
}

/**
 * Moves another reply to the front at one node of `path` so that the first-reply walk no longer reaches a good
 * ending; tries the path's nodes in a seeded order. False when no single change does it.
 */
function breakFirstWalk(rp: RolePlay, order: ReplyOrder, path: RolePlayStep[], seed: string): boolean {
  for (const step of seededShuffle(path, `${seed}|fix`)) {
    const ids = order[step.nodeId] ?? [];
    for (const candidate of ids.slice(1)) {
      const trial = { ...order, [step.nodeId]: [candidate, ...ids.filter((id) => id !== candidate)] };
      const walk = walkStrategy(rp, (replies, node) => firstShown(replies, trial[node.id] ?? []));
      if (walk.outcome !== 'good') {
        order[step.nodeId] = trial[step.nodeId]!;
        return true;
      }
    }
  }
  return false;
}

/** What a walk that always picks by one rule reached. */
export interface StrategyWalk {
  path: RolePlayStep[];
  /** The ending reached; null when the walk went round in a loop. */
  endingId: string | null;
  /** The outcome earned (capped by harmful replies); null without an ending. */
  outcome: Outcome | null;
}

/**
 * Walks the role-play from `start`, choosing at each node the reply `pick` returns (given the node's replies in file
 * order), until an ending or a node seen before (a loop the walk would never leave).
 */
export function walkStrategy(
  rp: RolePlay,
  pick: (replies: RolePlayReply[], node: RolePlayNode) => RolePlayReply,
): StrategyWalk {
  const path: RolePlayStep[] = [];
  const seen = new Set<string>();
  let node = findNode(rp, rp.start);
  while (node && !hasEnding(node) && !seen.has(node.id)) {
    seen.add(node.id);
    const replies = repliesOf(node);
    if (replies.length === 0) break;
    const reply = pick(replies, node);
    path.push({ nodeId: node.id, replyId: reply.id, score: reply.score });
    node = findNode(rp, reply.next);
  }
  const ending = node?.ending;
  if (!node || !ending) return { path, endingId: null, outcome: null };
  return { path, endingId: node.id, outcome: runOutcome(rp, path, ending.outcome) };
}

/**
 * Whether a saved state fits the role-play: its node exists, and every step names an existing node and reply.
 * Used to discard a state saved for an older version of the content.
 */
export function isValidState(rp: RolePlay, state: RolePlayState | null | undefined): state is RolePlayState {
  if (!isObject(state) || !Array.isArray(state.path) || typeof state.nodeId !== 'string') return false;
  if (typeof state.runs !== 'number' || typeof state.showingFeedback !== 'boolean') return false;
  if (!findNode(rp, state.nodeId)) return false;
  if (state.path.length === 0 && state.showingFeedback) return false;
  return state.path.every((step) => isObject(step) && findReply(findNode(rp, step.nodeId), step.replyId) !== undefined);
}
