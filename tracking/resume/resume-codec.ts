/**
 * The learner's saved progress as a compact, versioned string that fits SCORM 1.2's 4,096-character suspend_data.
 *
 * Items are referred to by their position in the course's reading sequence, options by their position in the
 * question; nothing that can be rebuilt is stored: an attempt's seed and draw come from the learner seed and the
 * attempt number, a checked answer's score from re-scoring it, a role-play's node and best result from its path.
 * Each item carries a short hash of its id and each quiz and role-play a fingerprint of its structure, so after a
 * trainer changes the course, what still matches comes back and what no longer does is dropped.
 */
import { emptyProgress } from '../../core/completion.js';
import type {
  QuestionResponse,
  QuestionState,
  QuizAttemptState,
  QuizResult,
  RolePlayState,
  RolePlayStep,
  Score,
} from '../../core/interactions.js';
import type { SavedProgress } from '../../core/progress-store.js';
import { attemptSeed, drawQuestions, meetsPassMark, weightOf } from '../../core/quiz.js';
import { findNode, findReply, repliesOf, result as rolePlayResult } from '../../core/roleplay.js';
import { readingSequence } from '../../core/route.js';
import { scoreOf, scoreResponse, tidy } from '../../core/scoring.js';
import { hashString } from '../../core/shuffle.js';
import type { CourseIndex, ModuleData, Question, Quiz, RolePlay } from '../../core/types.js';

// Loaded with the codec (on demand): merging two tabs' records needs both.
export { mergeProgress } from './merge.js';

export const RESUME_VERSION = 1;
/** 64 symbols for positions and bit sets. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const PHASES = ['intro', 'answering', 'result', 'review'] as const;

/** The course as the codec needs it: the index and every module's content. */
export interface ResumeCourse {
  index: CourseIndex;
  modules: ModuleData[];
}

/**
 * What may be left out when the state would not fit, in the order it is given up (see docs/tracking.md):
 * 1 per-question detail of finished attempts other than the best and the last; 2 finished attempts other than the
 * best and the last (the attempt count is kept); 3 role-play runs in progress; 4 unchecked answers of quiz attempts
 * in progress; 5 quiz attempts in progress.
 */
export const DEGRADATION_STEPS = [
  'per-question detail of finished attempts other than the best and the last',
  'finished attempts other than the best and the last',
  'role-play runs in progress',
  'unchecked answers of quiz attempts in progress',
  'quiz attempts in progress',
] as const;

type Level = 0 | 1 | 2 | 3 | 4 | 5;

// Encoded shapes (JSON arrays, positional).
type EncodedResult = [attempt: number, raw: number, max: number, durationMs: string, questions: string];
type EncodedQuiz = [
  position: number,
  fingerprint: string,
  attempt: number,
  phase: number,
  current: number,
  startedAt: string,
  answers: string[],
  results: EncodedResult[],
];
type EncodedRolePlay = [
  position: number,
  fingerprint: string,
  path: string,
  showingFeedback: 0 | 1,
  runs: number,
  bestPath: string,
  bestDurationMs: string,
];
type Encoded = [
  version: number,
  seed: string,
  locale: string,
  location: number,
  visited: string,
  itemHashes: string,
  quizzes: EncodedQuiz[],
  roleplays: EncodedRolePlay[],
];

export interface EncodeResult {
  text: string;
  /** What had to be left out to fit, in degradation order; empty when everything fits. */
  dropped: string[];
}

/** Encodes `saved`; when longer than `limit`, gives up parts in DEGRADATION_STEPS order and says which. */
export function encodeResume(course: ResumeCourse, saved: SavedProgress, limit = Infinity): EncodeResult {
  const context = new CourseContext(course);
  let text = '';
  for (let level = 0 as Level; level <= 5; level++) {
    text = JSON.stringify(encodeAt(context, saved, level));
    if (text.length <= limit) return { text, dropped: DEGRADATION_STEPS.slice(0, level) };
  }
  return { text, dropped: [...DEGRADATION_STEPS] };
}

/**
 * Decodes a saved string against the course as it is now. Returns null for text that is not a resume record of
 * this version (the caller then starts fresh and keeps the text aside).
 */
export function decodeResume(course: ResumeCourse, text: string): SavedProgress | null {
  let data: Encoded;
  try {
    data = JSON.parse(text) as Encoded;
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data[0] !== RESUME_VERSION || typeof data[1] !== 'string') return null;
  const context = new CourseContext(course);
  const [, seed, locale, location, visitedBits, hashes, quizzes, roleplays] = data;
  // Old position → current item id, through the item hashes stored with the record.
  const itemAt = (position: number): string | undefined =>
    context.itemByHash.get(hashes.slice(position * 3, position * 3 + 3));
  const progress = emptyProgress();
  bitsToPositions(visitedBits).forEach((p) => {
    const id = itemAt(p);
    if (id) progress.visited[id] = true;
  });
  for (const entry of quizzes ?? []) {
    const quiz = context.quizzes.get(itemAt(entry[0]) ?? '');
    if (!quiz) continue;
    const state = decodeQuiz(quiz, entry, seed);
    if (state) progress.quizzes[quiz.id] = state;
  }
  for (const entry of roleplays ?? []) {
    const rp = context.roleplays.get(itemAt(entry[0]) ?? '');
    if (!rp) continue;
    const state = decodeRolePlay(rp, entry);
    if (state) progress.roleplays[rp.id] = state;
  }
  const locationId = location >= 0 ? itemAt(location) : undefined;
  const entry = context.sequence.find((e) => e.itemId === locationId);
  const out: SavedProgress = {
    version: 1,
    location: entry ? { moduleId: entry.moduleId, itemId: entry.itemId } : null,
    learnerSeed: seed,
    progress,
  };
  if (locale) out.locale = locale;
  return out;
}

class CourseContext {
  readonly sequence;
  readonly positions = new Map<string, number>();
  readonly itemByHash = new Map<string, string>();
  readonly quizzes = new Map<string, Quiz>();
  readonly roleplays = new Map<string, RolePlay>();
  readonly hashes: string;

  constructor(course: ResumeCourse) {
    this.sequence = readingSequence(course.index);
    this.sequence.forEach((e, i) => {
      this.positions.set(e.itemId, i);
      this.itemByHash.set(itemHash(e.itemId), e.itemId);
    });
    this.hashes = this.sequence.map((e) => itemHash(e.itemId)).join('');
    for (const module of course.modules) {
      for (const item of module.items) {
        if (item.kind === 'quiz') this.quizzes.set(item.id, item.quiz);
        if (item.kind === 'roleplay') this.roleplays.set(item.id, item.roleplay);
      }
    }
  }
}

function encodeAt(context: CourseContext, saved: SavedProgress, level: Level): Encoded {
  const { progress } = saved;
  const visited = Object.keys(progress.visited).flatMap((id) => {
    const p = context.positions.get(id);
    return p === undefined ? [] : [p];
  });
  const quizzes = Object.entries(progress.quizzes).flatMap(([id, state]): EncodedQuiz[] => {
    const quiz = context.quizzes.get(id);
    const position = context.positions.get(id);
    return quiz && position !== undefined ? [encodeQuiz(quiz, position, state, level)] : [];
  });
  const roleplays = Object.entries(progress.roleplays).flatMap(([id, state]): EncodedRolePlay[] => {
    const rp = context.roleplays.get(id);
    const position = context.positions.get(id);
    return rp && position !== undefined ? [encodeRolePlay(rp, position, state, level)] : [];
  });
  const location = saved.location ? (context.positions.get(saved.location.itemId) ?? -1) : -1;
  return [
    RESUME_VERSION,
    saved.learnerSeed,
    saved.locale ?? '',
    location,
    positionsToBits(visited),
    context.hashes,
    quizzes,
    roleplays,
  ];
}

// ----- quizzes -----

function encodeQuiz(quiz: Quiz, position: number, state: QuizAttemptState, level: Level): EncodedQuiz {
  const questions = questionMap(quiz);
  const best = bestIndex(state.results);
  const keep = (i: number) => i === best || i === state.results.length - 1;
  const results = state.results
    .map((r, i): EncodedResult | null => {
      if (level >= 2 && !keep(i)) return null;
      const detail =
        level >= 1 && !keep(i) ? '' : r.questions.map((q) => scoreToken(q.success, q.score.scaled)).join(',');
      return [r.attempt, r.score.raw, r.score.max, toBase36(r.durationMs), detail];
    })
    .filter((r): r is EncodedResult => r !== null);
  const inProgress = state.phase === 'answering' || state.phase === 'intro';
  const dropAttempt = level >= 5 && inProgress;
  const answers = dropAttempt
    ? []
    : state.questionIds.map((id) => {
        const question = questions.get(id);
        const answer = state.answers[id];
        if (!question || !answer) return '';
        if (level >= 4 && inProgress && !answer.checked) return '';
        return encodeAnswer(question, answer);
      });
  while (answers.length > 0 && answers.at(-1) === '') answers.pop();
  return [
    position,
    quizFingerprint(quiz),
    state.attempt,
    dropAttempt ? PHASES.indexOf(state.results.length > 0 ? 'result' : 'intro') : PHASES.indexOf(state.phase),
    dropAttempt ? 0 : state.current,
    state.startedAt && !dropAttempt ? toBase36(Date.parse(state.startedAt)) : '',
    answers,
    results,
  ];
}

function decodeQuiz(quiz: Quiz, entry: EncodedQuiz, learnerSeed: string): QuizAttemptState | null {
  const [, fingerprint, attempt, phaseIndex, current, startedAt, answers, encodedResults] = entry;
  const phase = PHASES[phaseIndex] ?? 'intro';
  const seed = attemptSeed(learnerSeed, quiz.id, attempt);
  const questionIds = drawQuestions(quiz, seed);
  const questions = questionMap(quiz);
  const same = fingerprint === quizFingerprint(quiz);
  const results = encodedResults.map(([number, raw, max, duration, detail]): QuizResult => {
    const ids = drawQuestions(quiz, attemptSeed(learnerSeed, quiz.id, number));
    const tokens = detail ? detail.split(',') : [];
    const perQuestion =
      same && tokens.length === ids.length
        ? ids.map((id, i) => {
            const { success, scaled } = parseScoreToken(tokens[i]!);
            const weight = weightOf(questions.get(id)!);
            return { id, success, score: { raw: tidy(scaled * weight), min: 0, max: weight, scaled } };
          })
        : [];
    const scaled = max > 0 ? raw / max : 0;
    return {
      quizId: quiz.id,
      attempt: number,
      score: { raw, min: 0, max, scaled },
      passed: meetsPassMark(scaled, quiz.passingScore),
      questions: perQuestion,
      durationMs: fromBase36(duration),
    };
  });
  if (!same) {
    // The quiz changed: finished attempts keep their scores; the attempt in progress starts again.
    return {
      attempt,
      seed,
      questionIds,
      current: 0,
      answers: {},
      phase: results.length > 0 ? 'result' : 'intro',
      startedAt: null,
      results,
    };
  }
  const decodedAnswers: Record<string, QuestionState> = {};
  answers.forEach((token, i) => {
    const id = questionIds[i];
    const question = id ? questions.get(id) : undefined;
    if (question && token) decodedAnswers[question.id] = decodeAnswer(question, token);
  });
  return {
    attempt,
    seed,
    questionIds,
    current: Math.min(current, Math.max(0, questionIds.length - 1)),
    answers: decodedAnswers,
    phase,
    startedAt: startedAt ? new Date(fromBase36(startedAt)).toISOString() : null,
    results,
  };
}

function questionMap(quiz: Quiz): Map<string, Question> {
  return new Map(quiz.pools.flatMap((pool) => pool.questions.map((q) => [q.id, q] as const)));
}

function bestIndex(results: QuizResult[]): number {
  let best = -1;
  results.forEach((r, i) => {
    if (best < 0 || r.score.scaled > results[best]!.score.scaled) best = i;
  });
  return best;
}

/** `+` for success, then the scaled score without a leading zero: `+1`, `0`, `.5`. */
function scoreToken(success: boolean, scaled: number): string {
  return `${success ? '+' : ''}${String(tidy(scaled)).replace(/^0\./, '.')}`;
}

function parseScoreToken(token: string): { success: boolean; scaled: number } {
  const success = token.startsWith('+');
  const scaled = Number(success ? token.slice(1) : token);
  return { success, scaled: Number.isFinite(scaled) ? scaled : 0 };
}

/**
 * One question's state: tries, then `c` when the current response is checked (its score is re-computed) or `u`
 * and the last check's score token when it was changed since, then `:` and the response by positions.
 */
function encodeAnswer(question: Question, answer: QuestionState): string {
  let head = String(answer.tries);
  if (answer.checked) head += 'c';
  else if (answer.tries > 0 && answer.score) head += `u${scoreToken(answer.success === true, answer.score.scaled)}`;
  const response = answer.response === null ? null : encodeResponse(question, answer.response);
  return response === null ? head : `${head}:${response}`;
}

function decodeAnswer(question: Question, token: string): QuestionState {
  const colon = token.indexOf(':');
  const head = colon < 0 ? token : token.slice(0, colon);
  const response = colon < 0 ? null : decodeResponse(question, token.slice(colon + 1));
  const tries = parseInt(head, 10) || 0;
  const checked = head.includes('c');
  let success: boolean | null = null;
  let score: Score | null = null;
  if (checked && response !== null) {
    ({ success, score } = scoreResponse(question, response));
  } else if (head.includes('u')) {
    const parsed = parseScoreToken(head.slice(head.indexOf('u') + 1));
    success = parsed.success;
    score = scoreOf(question, parsed.scaled);
  }
  return { response, tries, checked: checked && response !== null, success, score };
}

function encodeResponse(question: Question, response: QuestionResponse): string | null {
  // An id the question no longer has is left out rather than saved as something else.
  const at = (ids: { id: string }[], id: string) => DIGITS[ids.findIndex((x) => x.id === id)] ?? '';
  switch (question.type) {
    case 'single':
      return typeof response === 'string' ? at(question.options, response) : null;
    case 'multiple':
      return Array.isArray(response) ? response.map((id) => at(question.options, id)).join('') : null;
    case 'true-false':
      return typeof response === 'boolean' ? (response ? 't' : 'f') : null;
    case 'fill-in':
      return typeof response === 'string' ? response : null;
    case 'sequencing':
      return Array.isArray(response) ? response.map((id) => at(question.items, id)).join('') : null;
    case 'matching': {
      if (typeof response !== 'object' || Array.isArray(response)) return null;
      const pairs = response;
      return question.sources.map((s) => (pairs[s.id] ? at(question.targets, pairs[s.id]!) : '.')).join('');
    }
  }
}

function decodeResponse(question: Question, text: string): QuestionResponse | null {
  const ids = (list: { id: string }[]) =>
    Array.from(text, (c) => list[DIGITS.indexOf(c)]?.id).filter((id) => id !== undefined);
  switch (question.type) {
    case 'single':
      return ids(question.options)[0] ?? null;
    case 'multiple':
      return ids(question.options);
    case 'true-false':
      return text === 't';
    case 'fill-in':
      return text;
    case 'sequencing':
      return ids(question.items);
    case 'matching': {
      const pairs: Record<string, string> = {};
      question.sources.forEach((source, i) => {
        const target = question.targets[DIGITS.indexOf(text[i] ?? '.')];
        if (target) pairs[source.id] = target.id;
      });
      return pairs;
    }
  }
}

// ----- role-plays -----

function encodeRolePlay(rp: RolePlay, position: number, state: RolePlayState, level: Level): EncodedRolePlay {
  const dropRun = level >= 3;
  return [
    position,
    rolePlayFingerprint(rp),
    dropRun ? '' : encodePath(rp, state.path),
    dropRun ? 0 : state.showingFeedback ? 1 : 0,
    state.runs,
    state.best ? encodePath(rp, state.best.path) : '',
    state.best ? toBase36(state.best.durationMs) : '',
  ];
}

function decodeRolePlay(rp: RolePlay, entry: EncodedRolePlay): RolePlayState | null {
  const [, fingerprint, pathText, showingFeedback, runs, bestPath, bestDuration] = entry;
  if (fingerprint !== rolePlayFingerprint(rp)) {
    // The role-play changed: paths no longer mean the same replies. Runs played still count.
    return { path: [], nodeId: rp.start, showingFeedback: false, runs, best: null };
  }
  const path = decodePath(rp, pathText);
  const best = bestPath ? decodePath(rp, bestPath) : null;
  if (!path || (bestPath && !best)) return null;
  return {
    path: path.steps,
    nodeId: path.end,
    showingFeedback: showingFeedback === 1 && path.steps.length > 0,
    runs,
    best: best
      ? rolePlayResult(
          rp,
          { path: best.steps, nodeId: best.end, showingFeedback: true, runs, best: null },
          fromBase36(bestDuration),
        )
      : null,
  };
}

function encodePath(rp: RolePlay, path: RolePlayStep[]): string {
  return path
    .map((step) => digit(repliesOf(findNode(rp, step.nodeId)).findIndex((r) => r.id === step.replyId)))
    .join('');
}

/** Walks the path from the start, reply by position; null when it does not fit the role-play. */
function decodePath(rp: RolePlay, text: string): { steps: RolePlayStep[]; end: string } | null {
  let nodeId = rp.start;
  const steps: RolePlayStep[] = [];
  for (const char of text) {
    const reply = repliesOf(findNode(rp, nodeId))[DIGITS.indexOf(char)];
    if (!reply || !findReply(findNode(rp, nodeId), reply.id)) return null;
    steps.push({ nodeId, replyId: reply.id, score: reply.score });
    nodeId = reply.next;
  }
  return { steps, end: nodeId };
}

// ----- fingerprints and digits -----

function itemHash(id: string): string {
  const h = hashString(id);
  return DIGITS[h % 64]! + DIGITS[Math.floor(h / 64) % 64]! + DIGITS[Math.floor(h / 4096) % 64]!;
}

/** Structure a saved quiz state depends on: pools, draws, question ids and types, option, item and target ids. */
function quizFingerprint(quiz: Quiz): string {
  const shape = quiz.pools.map((pool) => [
    pool.id,
    pool.draw ?? '',
    pool.questions.map((q) => {
      const parts: unknown[] = [q.id, q.type, q.weight ?? 1];
      if (q.type === 'single' || q.type === 'multiple') parts.push(q.options.map((o) => o.id));
      if (q.type === 'sequencing') parts.push(q.items.map((i) => i.id));
      if (q.type === 'matching')
        parts.push(
          q.sources.map((s) => s.id),
          q.targets.map((t) => t.id),
        );
      return parts;
    }),
  ]);
  return hashString(JSON.stringify(shape)).toString(36).slice(0, 4);
}

/** Structure a saved role-play state depends on: nodes, their replies, scores and where each leads. */
function rolePlayFingerprint(rp: RolePlay): string {
  const shape = [rp.start, rp.nodes.map((n) => [n.id, (n.replies ?? []).map((r) => [r.id, r.score, r.next])])];
  return hashString(JSON.stringify(shape)).toString(36).slice(0, 4);
}

function digit(index: number): string {
  const char = DIGITS[index];
  if (index < 0 || !char) throw new RangeError(`resume encoding: position ${index} out of range`);
  return char;
}

function toBase36(n: number): string {
  return Math.max(0, Math.round(n)).toString(36);
}

function fromBase36(text: string): number {
  const n = parseInt(text, 36);
  return Number.isFinite(n) ? n : 0;
}

function positionsToBits(positions: number[]): string {
  const bits: number[] = [];
  for (const p of positions) bits[Math.floor(p / 6)] = (bits[Math.floor(p / 6)] ?? 0) | (1 << (p % 6));
  return Array.from(bits, (b) => DIGITS[b ?? 0]).join('');
}

function bitsToPositions(text: string): number[] {
  return Array.from(text).flatMap((c, i) => {
    const b = DIGITS.indexOf(c);
    return [0, 1, 2, 3, 4, 5].filter((k) => b & (1 << k)).map((k) => i * 6 + k);
  });
}
