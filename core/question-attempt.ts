/**
 * The attempt rules of one question inside a quiz attempt: how many tries, when a response may be checked, what a
 * check scores (a retry earns reduced credit), when 再试一次 is offered and when the answer is revealed. Plain
 * functions over the saved `QuestionState`, so `<course-question>` only renders what these return and a restored
 * state behaves exactly as the live one.
 */
import type { QuestionResponse, QuestionState } from './interactions.js';
import { scoreOf, scoreResponse, type ScoreResult } from './scoring.js';
import type { Question, RevealPolicy } from './types.js';

/** The share of the marks a right answer on a second try earns when the quiz does not say (half). */
export const DEFAULT_RETRY_CREDIT = 0.5;

/** What the quiz sets for its questions; a question's own `attempts` and `revealAnswer` override the first two. */
export interface QuizQuestionSettings {
  /** Tries per question when the question does not set `attempts`. */
  questionAttempts: number;
  /** When the answer is shown when the question does not set `revealAnswer`. */
  revealAnswer: RevealPolicy;
  /** Share (0–1) of the marks each try after the first keeps: try n earns at most retryCredit^(n−1). */
  retryCredit: number;
}

/** The rules one question is answered under, resolved from the question and its quiz. */
export interface AttemptRules {
  triesAllowed: number;
  reveal: RevealPolicy;
  retryCredit: number;
}

/**
 * Resolves the rules of a question: its own tries and reveal policy, else the quiz's. A true/false question has one
 * try whatever the quiz says: with two options a second try is no test at all.
 */
export function attemptRules(question: Question, quiz: QuizQuestionSettings): AttemptRules {
  const tries = question.type === 'true-false' ? 1 : (question.attempts ?? quiz.questionAttempts);
  return {
    triesAllowed: Math.max(1, Math.floor(tries) || 1),
    reveal: question.revealAnswer ?? quiz.revealAnswer,
    retryCredit: Math.min(1, Math.max(0, quiz.retryCredit)),
  };
}

/** A question not yet answered; sequencing starts from its shown order, which is checkable but not yet an answer. */
export function freshState(): QuestionState {
  return { response: null, tries: 0, checked: false, success: null, score: null };
}

export function triesLeft(rules: AttemptRules, state: QuestionState): number {
  return Math.max(0, rules.triesAllowed - state.tries);
}

/** Checked and either right or out of tries: nothing more to do. */
export function isFinished(rules: AttemptRules, state: QuestionState): boolean {
  return state.checked && (state.success === true || triesLeft(rules, state) === 0);
}

/** A wrong check with tries left: 再试一次 is offered. */
export function canRetry(rules: AttemptRules, state: QuestionState): boolean {
  return state.checked && state.success !== true && triesLeft(rules, state) > 0;
}

/**
 * Whether the correct answer (and the explanation) may be shown. Never while tries remain, whatever the policy:
 * showing it would let the next try copy it. `always` and `after-last-attempt` reveal once the question is finished;
 * `never` never, not even in review. Review (after submission) reveals unless the policy is `never`.
 */
export function isRevealing(rules: AttemptRules, state: QuestionState, review: boolean): boolean {
  if (rules.reveal === 'never') return false;
  return review || isFinished(rules, state);
}

/**
 * Whether per-item feedback that says where an item belongs (sequencing, matching) may be shown: only once the
 * question is finished or in review, for the same reason as the answer.
 */
export function showsItemFeedback(rules: AttemptRules, state: QuestionState, review: boolean): boolean {
  return review || isFinished(rules, state);
}

/** Whether a response is complete enough to be checked (not to be confused with a question being scored). */
export function isCheckable(question: Question, response: QuestionResponse | null): boolean {
  switch (question.type) {
    case 'single':
      return typeof response === 'string' && question.options.some((option) => option.id === response);
    case 'multiple':
      return Array.isArray(response) && response.length > 0;
    case 'true-false':
      return typeof response === 'boolean';
    case 'fill-in':
      return typeof response === 'string' && response.trim() !== '';
    case 'sequencing':
      return (
        Array.isArray(response) &&
        response.length === question.items.length &&
        question.items.every((item) => response.includes(item.id))
      );
    case 'matching': {
      if (response === null || typeof response !== 'object' || Array.isArray(response)) return false;
      return question.sources.every((source) => typeof response[source.id] === 'string' && response[source.id] !== '');
    }
  }
}

/** Whether the learner may check `response` now. */
export function canCheck(
  question: Question,
  rules: AttemptRules,
  state: QuestionState,
  response: QuestionResponse | null,
): boolean {
  return !state.checked && triesLeft(rules, state) > 0 && isCheckable(question, response);
}

/** The credit a right answer keeps on try `tryNumber` (1 for the first): 1, then retryCredit, retryCredit², … */
export function creditFor(rules: AttemptRules, tryNumber: number): number {
  return tryNumber <= 1 ? 1 : rules.retryCredit ** (tryNumber - 1);
}

/**
 * Checks `response`: the next try, scored with the credit that try keeps. `success` still says whether the answer
 * was right; the score is what it earns.
 */
export function check(
  question: Question,
  rules: AttemptRules,
  state: QuestionState,
  response: QuestionResponse | null,
): { state: QuestionState; result: ScoreResult } {
  const tries = state.tries + 1;
  const raw = scoreResponse(question, response);
  const result: ScoreResult = {
    success: raw.success,
    score: scoreOf(question, raw.score.scaled * creditFor(rules, tries)),
  };
  return { state: { response, tries, checked: true, success: result.success, score: result.score }, result };
}

/** 再试一次: the response stays for the learner to change; the last check's result is kept until the next check. */
export function retry(rules: AttemptRules, state: QuestionState): QuestionState {
  return canRetry(rules, state) ? { ...state, checked: false } : state;
}

/** A new response while unchecked; a checked response is locked. */
export function respond(state: QuestionState, response: QuestionResponse | null): QuestionState {
  return state.checked ? state : { ...state, response };
}

/**
 * The verdict of the checked response as saved (scored again only for a saved state without a score); null while
 * unchecked. Review shows this too: the quiz scores the last check, never an unchecked response.
 */
export function checkedResult(question: Question, state: QuestionState): ScoreResult | null {
  if (!state.checked) return null;
  if (state.score && state.success !== null) return { score: state.score, success: state.success };
  const scored = scoreResponse(question, state.response);
  return { score: state.score ?? scored.score, success: state.success ?? scored.success };
}
