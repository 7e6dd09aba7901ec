/**
 * The quiz runner's logic, without a DOM: drawing an attempt's questions from the pools, moving through an attempt,
 * scoring and finishing it. Every function is pure and returns a new state, so the component only renders what these
 * return and the player can persist any state as plain JSON.
 */
import type { QuestionState, QuizAttemptState, QuizResult, Score } from './interactions.js';
import { seededShuffle } from './shuffle.js';
import { tidy } from './scoring.js';
import type { Question, Quiz } from './types.js';

/** Tolerance for comparing a percentage with a pass mark, so 0.29 × 100 = 28.999999999999996 still passes 29. */
const EPSILON = 1e-9;

/** Whether a scaled score (0–1) reaches a pass mark given in percent. */
export function meetsPassMark(scaled: number, passingScore: number): boolean {
  return scaled * 100 + EPSILON >= passingScore;
}

/** The seed of one attempt's draw and shuffles: stable for a learner, a quiz and an attempt number. */
export function attemptSeed(learnerSeed: string, quizId: string, attempt: number): string {
  return `${learnerSeed}:${quizId}:${attempt}`;
}

/**
 * Draws the questions of one attempt: from each pool, `draw` questions (all when absent or larger than the pool),
 * chosen by a shuffle seeded with `seed` and the pool id. Pools keep their order, and the drawn questions keep their
 * authored order within a pool, so a pool can go from easy to hard.
 */
export function drawQuestions(quiz: Quiz, seed: string): string[] {
  const ids: string[] = [];
  for (const pool of quiz.pools) {
    const count = pool.draw === undefined ? pool.questions.length : Math.min(pool.draw, pool.questions.length);
    const chosen = new Set(
      seededShuffle(pool.questions, `${seed}:${pool.id}`)
        .slice(0, count)
        .map((q) => q.id),
    );
    for (const question of pool.questions) if (chosen.has(question.id)) ids.push(question.id);
  }
  return ids;
}

/**
 * A new attempt after `previous` (null for the learner's first): the next attempt number, its seed and draw, no
 * answers yet, and the results of earlier attempts carried over. The first attempt opens on the intro; a retry
 * starts answering at once.
 */
export function newAttempt(
  quiz: Quiz,
  previous: QuizAttemptState | null,
  learnerSeed: string,
  now: Date = new Date(),
): QuizAttemptState {
  const attempt = (previous?.attempt ?? 0) + 1;
  const seed = attemptSeed(learnerSeed, quiz.id, attempt);
  const answering = previous !== null;
  return {
    attempt,
    seed,
    questionIds: drawQuestions(quiz, seed),
    current: 0,
    answers: {},
    phase: answering ? 'answering' : 'intro',
    startedAt: answering ? now.toISOString() : null,
    results: previous ? [...previous.results] : [],
  };
}

/** Leaves the intro: the attempt starts now, on its first question. */
export function startAttempt(state: QuizAttemptState, now: Date = new Date()): QuizAttemptState {
  return { ...state, phase: 'answering', current: 0, startedAt: now.toISOString() };
}

/** Every question of the quiz by id, across pools. */
function questionMap(quiz: Quiz): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const pool of quiz.pools) for (const question of pool.questions) map.set(question.id, question);
  return map;
}

/** The attempt's drawn questions, in order; ids no longer in the quiz (content changed since) are left out. */
export function questionsOf(quiz: Quiz, state: QuizAttemptState): Question[] {
  const map = questionMap(quiz);
  return state.questionIds.flatMap((id) => {
    const question = map.get(id);
    return question ? [question] : [];
  });
}

/** Attempts used: finished ones, plus the current one once it has started. */
function attemptsUsed(state: QuizAttemptState | null): number {
  if (!state) return 0;
  const current = state.phase === 'answering' ? 1 : 0;
  return state.results.length + current;
}

/** Attempts the learner may still start, counting an attempt waiting on its intro; Infinity when unlimited. */
export function attemptsLeft(quiz: Quiz, state: QuizAttemptState | null): number {
  if (quiz.attempts === 0) return Infinity;
  return Math.max(0, quiz.attempts - attemptsUsed(state));
}

/**
 * Whether the learner may begin another attempt after `state` (a first one when `state` is null). An attempt still
 * being answered has to be finished first.
 */
export function canStartAttempt(quiz: Quiz, state: QuizAttemptState | null): boolean {
  if (state?.phase === 'answering') return false;
  return attemptsLeft(quiz, state) > 0;
}

/** Moves to question `index` (clamped to the draw). */
export function goToQuestion(state: QuizAttemptState, index: number): QuizAttemptState {
  const current = Math.max(0, Math.min(index, state.questionIds.length - 1));
  return current === state.current ? state : { ...state, current };
}

/** Records a question's state in the attempt. */
export function setAnswer(state: QuizAttemptState, questionId: string, answer: QuestionState): QuizAttemptState {
  return { ...state, answers: { ...state.answers, [questionId]: answer } };
}

/** Whether a question has a scored answer (it has been checked at least once), which the quiz score counts. */
export function isScored(answer: QuestionState | undefined | null): boolean {
  return !!answer && answer.score !== null && answer.tries > 0;
}

/** Ids of the drawn questions without a scored answer, in order. */
export function unansweredIds(state: QuizAttemptState): string[] {
  return state.questionIds.filter((id) => !isScored(state.answers[id]));
}

/** A question's weight in the quiz score (default 1). */
export function weightOf(question: Question): number {
  return question.weight ?? 1;
}

/**
 * Scores the attempt: each question scores up to its weight (its last check's scaled score × weight; 0 when it has
 * none), the quiz scores their sum out of the sum of the weights, and passes when that reaches `passingScore`.
 */
export function quizScore(quiz: Quiz, state: QuizAttemptState, now: Date = new Date()): QuizResult {
  const questions = questionsOf(quiz, state).map((question) => {
    const answer = state.answers[question.id];
    const weight = weightOf(question);
    const answered = isScored(answer);
    const scaled = answered ? clamp01(scaledOf(answer!.score!)) : 0;
    const score: Score = { raw: tidy(scaled * weight), min: 0, max: weight, scaled };
    return { id: question.id, success: answered && answer!.success === true, score };
  });
  // Rounded so an LMS receives 0.3, not 0.30000000000000004, for three questions weighted 0.1.
  const raw = tidy(questions.reduce((sum, q) => sum + q.score.raw, 0));
  const max = questions.reduce((sum, q) => sum + q.score.max, 0);
  const scaled = max > 0 ? raw / max : 0;
  const started = state.startedAt ? Date.parse(state.startedAt) : NaN;
  return {
    quizId: quiz.id,
    attempt: state.attempt,
    score: { raw, min: 0, max, scaled },
    passed: meetsPassMark(scaled, quiz.passingScore),
    questions,
    durationMs: Number.isNaN(started) ? 0 : Math.max(0, now.getTime() - started),
  };
}

function scaledOf(score: Score): number {
  if (Number.isFinite(score.scaled)) return score.scaled;
  return score.max > score.min ? (score.raw - score.min) / (score.max - score.min) : 0;
}

function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

/** Scores and closes the attempt: its result is appended to `results` (see `lastResult`) and the result screen follows. */
export function finishAttempt(quiz: Quiz, state: QuizAttemptState, now: Date = new Date()): QuizAttemptState {
  const result = quizScore(quiz, state, now);
  return { ...state, phase: 'result', results: [...state.results, result] };
}

/** The best finished attempt (highest scaled score; the earliest on a tie), or null before any is finished. */
export function bestResult(state: QuizAttemptState | null | undefined): QuizResult | null {
  let best: QuizResult | null = null;
  for (const result of state?.results ?? []) if (!best || result.score.scaled > best.score.scaled) best = result;
  return best;
}

/** The latest finished attempt, or null. */
export function lastResult(state: QuizAttemptState | null | undefined): QuizResult | null {
  const results = state?.results ?? [];
  return results.length > 0 ? results[results.length - 1]! : null;
}

/** Whether any finished attempt passed. */
export function isPassed(state: QuizAttemptState | null | undefined): boolean {
  return (state?.results ?? []).some((result) => result.passed);
}
