/**
 * How a quiz gives feedback and shows answers, per its settings: a chapter quiz marks each question as it is
 * checked; a final assessment (`feedback: after-submit`) collects the answers, marks them all when submitted, and
 * shows the correct answers only once the learner has passed or has no attempts left. No DOM.
 */
import type { InteractionRecord, QuestionState, QuizAttemptState } from './interactions.js';
import { attemptsLeft, canStartAttempt, isPassed, questionsOf, setAnswer } from './quiz.js';
import { isCheckable as hasResponse } from './question-attempt.js';
import { interactionRecord, scoreResponse } from './scoring.js';
import type { Quiz, QuizFeedback, ShowAnswers } from './types.js';

/** The quiz's feedback setting, or its default (after submission for the final assessment). */
export function feedbackMode(quiz: Quiz): QuizFeedback {
  return quiz.feedback ?? (quiz.final ? 'after-submit' : 'each-question');
}

/** The quiz's show-answers setting, or its default (after passing or the last attempt for the final assessment). */
export function showAnswersPolicy(quiz: Quiz): ShowAnswers {
  return quiz.showAnswers ?? (quiz.final ? 'after-pass-or-last-attempt' : 'after-each-attempt');
}

/** Whether the learner may now review the correct answers of finished attempts. */
export function answersVisible(quiz: Quiz, state: QuizAttemptState | null): boolean {
  if (!state || state.results.length === 0) return false;
  switch (showAnswersPolicy(quiz)) {
    case 'after-each-attempt':
      return true;
    case 'never':
      return false;
    case 'after-pass-or-last-attempt':
      return isPassed(state) || attemptsLeft(quiz, state) === 0;
  }
}

/** Ids of the drawn questions the learner has given no (complete) response to yet, in order: for after-submit. */
export function withoutResponse(quiz: Quiz, state: QuizAttemptState): string[] {
  return questionsOf(quiz, state)
    .filter((question) => !hasResponse(question, state.answers[question.id]?.response ?? null))
    .map((question) => question.id);
}

/**
 * Marks every response of an after-submit attempt, as at submission: each answered question gets one checked try
 * with its score (a question left blank stays unanswered and scores 0), and one interaction record per answered
 * question, timed over the attempt, for a tracker. Questions already checked are left as they are.
 */
export function markOnSubmit(
  quiz: Quiz,
  state: QuizAttemptState,
  now: Date = new Date(),
): { state: QuizAttemptState; records: InteractionRecord[] } {
  let next = state;
  const records: InteractionRecord[] = [];
  const started = state.startedAt ? Date.parse(state.startedAt) : NaN;
  const durationMs = Number.isNaN(started) ? 0 : Math.max(0, now.getTime() - started);
  for (const question of questionsOf(quiz, state)) {
    const saved = state.answers[question.id];
    const response = saved?.response ?? null;
    if (saved?.checked || !hasResponse(question, response)) continue;
    const result = scoreResponse(question, response);
    const marked: QuestionState = { response, tries: 1, checked: true, success: result.success, score: result.score };
    next = setAnswer(next, question.id, marked);
    records.push(interactionRecord(question, response, result, { parentId: quiz.id, attempt: 1, durationMs, now }));
  }
  return { state: next, records };
}

/**
 * Whether the learner may take the quiz again: attempts left, and (unless the quiz shows answers after every
 * attempt) the correct answers not yet shown, since an attempt after seeing them would measure nothing.
 */
export function canRetake(quiz: Quiz, state: QuizAttemptState | null): boolean {
  if (!canStartAttempt(quiz, state)) return false;
  return showAnswersPolicy(quiz) === 'after-each-attempt' || !answersVisible(quiz, state);
}
