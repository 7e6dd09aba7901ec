import { describe, expect, it } from 'vitest';
import type { QuestionState, QuizAttemptState } from './interactions.js';
import { fillIn, single, trueFalse } from './testing/questions.fixture.js';
import { finishAttempt, newAttempt, setAnswer, startAttempt } from './quiz.js';
import {
  answersVisible,
  canRetake,
  feedbackMode,
  markOnSubmit,
  showAnswersPolicy,
  withoutResponse,
} from './quiz-mode.js';
import type { Quiz } from './types.js';

const T0 = new Date('2025-01-01T08:00:00.000Z');
const T1 = new Date('2025-01-01T08:10:00.000Z');

function finalQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    id: 'final',
    title: '期末测验',
    final: true,
    passingScore: 80,
    attempts: 3,
    questionAttempts: 1,
    revealAnswer: 'after-last-attempt',
    shuffle: false,
    pools: [{ id: 'p', questions: [single, fillIn, trueFalse] }],
    ...overrides,
  };
}

const typed = (response: QuestionState['response']): QuestionState => ({
  response,
  tries: 0,
  checked: false,
  success: null,
  score: null,
});

function started(quiz: Quiz): QuizAttemptState {
  return startAttempt(newAttempt(quiz, null, 'learner'), T0);
}

/** One attempt answered with the given responses and submitted as the quiz does. */
function submit(quiz: Quiz, state: QuizAttemptState, responses: Record<string, QuestionState['response']>) {
  let next = state;
  for (const [id, response] of Object.entries(responses)) next = setAnswer(next, id, typed(response));
  const marked = markOnSubmit(quiz, next, T1);
  return { ...marked, state: finishAttempt(quiz, marked.state, T1) };
}

describe('quiz settings and their defaults', () => {
  it('a final assessment gives feedback after submission and shows answers after passing or the last attempt', () => {
    expect(feedbackMode(finalQuiz())).toBe('after-submit');
    expect(showAnswersPolicy(finalQuiz())).toBe('after-pass-or-last-attempt');
  });

  it('a chapter quiz gives feedback at each question and shows answers after each attempt', () => {
    const { final: _final, ...rest } = finalQuiz();
    const chapter: Quiz = { ...rest, module: 'm' };
    expect(feedbackMode(chapter)).toBe('each-question');
    expect(showAnswersPolicy(chapter)).toBe('after-each-attempt');
  });

  it('the file can set either explicitly', () => {
    expect(feedbackMode(finalQuiz({ feedback: 'each-question' }))).toBe('each-question');
    expect(showAnswersPolicy(finalQuiz({ showAnswers: 'never' }))).toBe('never');
  });
});

describe('after-submit marking', () => {
  it('marks every answered question once, at submission, with one interaction each; blanks score 0', () => {
    const quiz = finalQuiz();
    const { state, records } = submit(quiz, started(quiz), { 'q-single': 'a', 'q-fill': '１００８６' });
    expect(state.answers['q-single']).toMatchObject({ tries: 1, checked: true, success: true });
    expect(state.answers['q-fill']).toMatchObject({ tries: 1, checked: true, success: true });
    expect(state.answers['q-tf']).toBeUndefined();
    expect(records.map((r) => [r.id, r.success, r.attempt, r.parentId])).toEqual([
      ['q-single', true, 1, 'final'],
      ['q-fill', true, 1, 'final'],
    ]);
    expect(records[0]!.durationMs).toBe(10 * 60 * 1000);
    const result = state.results.at(-1)!;
    expect(result.questions.map((q) => q.success)).toEqual([true, true, false]);
    expect(result.passed).toBe(false);
  });

  it('lists the questions without a response, for the confirmation before submitting', () => {
    const quiz = finalQuiz();
    const state = setAnswer(started(quiz), 'q-fill', typed('10086'));
    expect(withoutResponse(quiz, state)).toEqual(['q-single', 'q-tf']);
  });
});

describe('answersVisible', () => {
  it('hides the answers after a failed attempt while attempts remain', () => {
    const quiz = finalQuiz();
    const { state } = submit(quiz, started(quiz), { 'q-single': 'b' });
    expect(answersVisible(quiz, state)).toBe(false);
  });

  it('shows them once the learner has passed', () => {
    const quiz = finalQuiz();
    const { state } = submit(quiz, started(quiz), { 'q-single': 'a', 'q-fill': '10086', 'q-tf': true });
    expect(state.results.at(-1)!.passed).toBe(true);
    expect(answersVisible(quiz, state)).toBe(true);
  });

  it('shows them when no attempt is left, and never before a first submission', () => {
    const quiz = finalQuiz({ attempts: 2 });
    expect(answersVisible(quiz, started(quiz))).toBe(false);
    let state = submit(quiz, started(quiz), {}).state;
    expect(answersVisible(quiz, state)).toBe(false);
    state = submit(quiz, startAttempt(newAttempt(quiz, state, 'learner'), T0), {}).state;
    expect(state.results).toHaveLength(2);
    expect(answersVisible(quiz, state)).toBe(true);
  });

  it('follows after-each-attempt and never', () => {
    const failed = (quiz: Quiz) => submit(quiz, started(quiz), {}).state;
    const each = finalQuiz({ showAnswers: 'after-each-attempt' });
    expect(answersVisible(each, failed(each))).toBe(true);
    const never = finalQuiz({ showAnswers: 'never', attempts: 1 });
    expect(answersVisible(never, failed(never))).toBe(false);
  });
});

describe('canRetake', () => {
  it('ends a final assessment once passed (its answers are then shown), but not after a failed attempt', () => {
    const quiz = finalQuiz();
    const failed = submit(quiz, started(quiz), {}).state;
    expect(canRetake(quiz, failed)).toBe(true);
    const passed = submit(quiz, started(quiz), { 'q-single': 'a', 'q-fill': '10086', 'q-tf': true }).state;
    expect(canRetake(quiz, passed)).toBe(false);
  });

  it('a quiz that shows answers after each attempt may be retaken while attempts remain', () => {
    const quiz = finalQuiz({ showAnswers: 'after-each-attempt' });
    const passed = submit(quiz, started(quiz), { 'q-single': 'a', 'q-fill': '10086', 'q-tf': true }).state;
    expect(canRetake(quiz, passed)).toBe(true);
    expect(canRetake(finalQuiz({ attempts: 1 }), submit(finalQuiz({ attempts: 1 }), started(quiz), {}).state)).toBe(
      false,
    );
  });
});
