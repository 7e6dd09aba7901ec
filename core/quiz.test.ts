import { describe, expect, it } from 'vitest';
import type { QuestionState, QuizAttemptState, QuizResult } from './interactions.js';
import {
  attemptsLeft,
  bestResult,
  canStartAttempt,
  drawQuestions,
  finishAttempt,
  goToQuestion,
  isPassed,
  lastResult,
  meetsPassMark,
  newAttempt,
  questionsOf,
  quizScore,
  setAnswer,
  startAttempt,
  unansweredIds,
} from './quiz.js';
import type { Question, Quiz, SingleChoiceQuestion } from './types.js';

function single(id: string, weight?: number): SingleChoiceQuestion {
  return {
    id,
    type: 'single',
    prompt: `题目 ${id}`,
    options: [
      { id: 'a', text: '甲', feedback: '对' },
      { id: 'b', text: '乙', feedback: '错' },
    ],
    answer: 'a',
    ...(weight === undefined ? {} : { weight }),
  };
}

function makeQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    id: 'q1',
    title: '测验',
    passingScore: 80,
    attempts: 0,
    questionAttempts: 1,
    revealAnswer: 'after-last-attempt',
    shuffle: true,
    pools: [
      { id: 'p1', draw: 2, questions: ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => single(id)) },
      { id: 'p2', draw: 3, questions: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => single(id)) },
    ],
    ...overrides,
  };
}

/** A checked answer with the given scaled score. */
function answer(scaled: number): QuestionState {
  return {
    response: 'a',
    tries: 1,
    checked: true,
    success: scaled === 1,
    score: { raw: scaled, min: 0, max: 1, scaled },
  };
}

function answerAll(state: QuizAttemptState, scaled: Record<string, number>): QuizAttemptState {
  let next = state;
  for (const [id, value] of Object.entries(scaled)) next = setAnswer(next, id, answer(value));
  return next;
}

const T0 = new Date('2025-01-01T08:00:00.000Z');
const T1 = new Date('2025-01-01T08:05:00.000Z');

describe('newAttempt and the draw', () => {
  it('draws `draw` questions from each pool, pools in order, authored order within a pool', () => {
    const quiz = makeQuiz();
    const state = newAttempt(quiz, null, 'learner-1', T0);
    expect(state.questionIds).toHaveLength(5);
    const [first, second] = [state.questionIds.slice(0, 2), state.questionIds.slice(2)];
    expect(first.every((id) => id.startsWith('a'))).toBe(true);
    expect(second.every((id) => id.startsWith('b'))).toBe(true);
    expect(new Set(state.questionIds).size).toBe(5);
    expect([...first].sort()).toEqual(first);
    expect([...second].sort()).toEqual(second);
  });

  it('draws every question of a pool without `draw`, and all when `draw` exceeds the pool', () => {
    const quiz = makeQuiz({
      pools: [
        { id: 'p1', questions: [single('x1'), single('x2'), single('x3')] },
        { id: 'p2', draw: 10, questions: [single('y1'), single('y2')] },
      ],
    });
    expect(newAttempt(quiz, null, 'learner', T0).questionIds).toEqual(['x1', 'x2', 'x3', 'y1', 'y2']);
  });

  it('is stable for the same learner, quiz and attempt', () => {
    const quiz = makeQuiz();
    const a = newAttempt(quiz, null, 'learner-1', T0);
    const b = newAttempt(quiz, null, 'learner-1', T1);
    expect(a.seed).toBe(b.seed);
    expect(a.questionIds).toEqual(b.questionIds);
  });

  it('differs across attempts and learners', () => {
    const quiz = makeQuiz();
    const draws = new Set<string>();
    let state: QuizAttemptState | null = null;
    for (let i = 0; i < 6; i++) {
      state = newAttempt(quiz, state, 'learner-1', T0);
      draws.add(state.questionIds.join());
    }
    expect(draws.size).toBeGreaterThan(1);
    const seeds = new Set(['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((l) => newAttempt(quiz, null, l, T0).seed));
    expect(seeds.size).toBe(6);
    const learnerDraws = new Set(
      ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((l) => drawQuestions(quiz, `${l}:q1:1`).join()),
    );
    expect(learnerDraws.size).toBeGreaterThan(1);
  });

  it('chooses every question of a pool over many seeds (the draw is not biased to a fixed subset)', () => {
    const quiz = makeQuiz();
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) for (const id of drawQuestions(quiz, `seed-${i}`)) seen.add(id);
    expect(seen.size).toBe(11);
  });

  it('numbers attempts, carries results over, opens the first on the intro and a retry on answering', () => {
    const quiz = makeQuiz();
    const first = newAttempt(quiz, null, 'learner', T0);
    expect(first).toMatchObject({ attempt: 1, phase: 'intro', startedAt: null, current: 0, answers: {}, results: [] });
    const started = startAttempt(first, T0);
    expect(started).toMatchObject({ phase: 'answering', startedAt: T0.toISOString() });
    const finished = finishAttempt(quiz, started, T1);
    const retry = newAttempt(quiz, finished, 'learner', T1);
    expect(retry).toMatchObject({ attempt: 2, phase: 'answering', startedAt: T1.toISOString(), answers: {} });
    expect(retry.results).toEqual(finished.results);
    expect(retry.seed).not.toBe(first.seed);
  });

  it('questionsOf returns the drawn Question objects in order and skips ids no longer in the quiz', () => {
    const quiz = makeQuiz();
    const state = newAttempt(quiz, null, 'learner', T0);
    expect(questionsOf(quiz, state).map((q: Question) => q.id)).toEqual(state.questionIds);
    expect(questionsOf(quiz, { ...state, questionIds: ['a1', 'gone', 'b2'] }).map((q) => q.id)).toEqual(['a1', 'b2']);
  });

  it('goToQuestion clamps to the draw', () => {
    const state = newAttempt(makeQuiz(), null, 'learner', T0);
    expect(goToQuestion(state, 3).current).toBe(3);
    expect(goToQuestion(state, 99).current).toBe(4);
    expect(goToQuestion(state, -1).current).toBe(0);
  });
});

describe('attempt limits', () => {
  it('allows any number of attempts when attempts is 0', () => {
    const quiz = makeQuiz({ attempts: 0 });
    let state: QuizAttemptState = startAttempt(newAttempt(quiz, null, 'l', T0), T0);
    for (let i = 0; i < 20; i++) state = newAttempt(quiz, finishAttempt(quiz, state, T1), 'l', T1);
    expect(canStartAttempt(quiz, finishAttempt(quiz, state, T1))).toBe(true);
    expect(attemptsLeft(quiz, state)).toBe(Infinity);
  });

  it('stops at the limit and counts attempts left', () => {
    const quiz = makeQuiz({ attempts: 2 });
    expect(canStartAttempt(quiz, null)).toBe(true);
    expect(attemptsLeft(quiz, null)).toBe(2);
    const intro = newAttempt(quiz, null, 'l', T0);
    expect(attemptsLeft(quiz, intro)).toBe(2);
    expect(canStartAttempt(quiz, intro)).toBe(true);
    const answering = startAttempt(intro, T0);
    expect(attemptsLeft(quiz, answering)).toBe(1);
    expect(canStartAttempt(quiz, answering)).toBe(false);
    const firstDone = finishAttempt(quiz, answering, T1);
    expect(attemptsLeft(quiz, firstDone)).toBe(1);
    expect(canStartAttempt(quiz, firstDone)).toBe(true);
    const secondDone = finishAttempt(quiz, newAttempt(quiz, firstDone, 'l', T1), T1);
    expect(secondDone.results).toHaveLength(2);
    expect(attemptsLeft(quiz, secondDone)).toBe(0);
    expect(canStartAttempt(quiz, secondDone)).toBe(false);
    expect(canStartAttempt(quiz, { ...secondDone, phase: 'review' })).toBe(false);
  });
});

describe('quizScore', () => {
  const weighted = makeQuiz({
    passingScore: 60,
    pools: [{ id: 'p', questions: [single('w1', 1), single('w2', 2), single('w3', 3), single('w4')] }],
  });

  it('weights each question: raw = Σ scaled × weight, max = Σ weights', () => {
    let state = startAttempt(newAttempt(weighted, null, 'l', T0), T0);
    state = answerAll(state, { w1: 1, w2: 0, w3: 1, w4: 0.5 });
    const result = quizScore(weighted, state, T1);
    expect(result.score).toEqual({ raw: 4.5, min: 0, max: 7, scaled: 4.5 / 7 });
    expect(result.passed).toBe(true);
    expect(result.questions).toEqual([
      { id: 'w1', success: true, score: { raw: 1, min: 0, max: 1, scaled: 1 } },
      { id: 'w2', success: false, score: { raw: 0, min: 0, max: 2, scaled: 0 } },
      { id: 'w3', success: true, score: { raw: 3, min: 0, max: 3, scaled: 1 } },
      { id: 'w4', success: false, score: { raw: 0.5, min: 0, max: 1, scaled: 0.5 } },
    ]);
    expect(result).toMatchObject({ quizId: 'q1', attempt: 1, durationMs: 5 * 60 * 1000 });
  });

  it('reports raw sums without floating-point noise', () => {
    const tenths = makeQuiz({
      pools: [{ id: 'p', questions: [single('t1', 0.1), single('t2', 0.1), single('t3', 0.1)] }],
    });
    let state = startAttempt(newAttempt(tenths, null, 'l', T0), T0);
    state = answerAll(state, { t1: 1, t2: 1, t3: 1 });
    expect(quizScore(tenths, state, T1).score.raw).toBe(0.3);
  });

  it('uses the question scaled score, whatever its own max', () => {
    let state = startAttempt(newAttempt(weighted, null, 'l', T0), T0);
    state = setAnswer(state, 'w3', { ...answer(1), score: { raw: 10, min: 0, max: 10, scaled: 1 } });
    expect(quizScore(weighted, state, T1).score.raw).toBe(3);
  });

  it('scores unanswered and unchecked questions 0', () => {
    let state = startAttempt(newAttempt(weighted, null, 'l', T0), T0);
    state = setAnswer(state, 'w1', answer(1));
    state = setAnswer(state, 'w2', { response: 'a', tries: 0, checked: false, success: null, score: null });
    const result = quizScore(weighted, state, T1);
    expect(result.score.raw).toBe(1);
    expect(result.score.scaled).toBeCloseTo(1 / 7);
    expect(result.questions.map((q) => q.success)).toEqual([true, false, false, false]);
    expect(result.passed).toBe(false);
    expect(unansweredIds(state)).toEqual(['w2', 'w3', 'w4']);
    const none = quizScore(weighted, startAttempt(newAttempt(weighted, null, 'l', T0), T0), T1);
    expect(none.score).toEqual({ raw: 0, min: 0, max: 7, scaled: 0 });
  });

  it('ignores answers to questions not in the draw', () => {
    const quiz = makeQuiz();
    let state = startAttempt(newAttempt(quiz, null, 'l', T0), T0);
    const notDrawn = ['a1', 'a2', 'a3', 'a4', 'a5'].find((id) => !state.questionIds.includes(id))!;
    state = setAnswer(state, notDrawn, answer(1));
    expect(quizScore(quiz, state, T1).score.raw).toBe(0);
  });

  it('passes exactly at the pass mark and fails just below it', () => {
    const ten = makeQuiz({
      passingScore: 80,
      pools: [{ id: 'p', questions: Array.from({ length: 10 }, (_, i) => single(`t${i}`)) }],
    });
    const base = startAttempt(newAttempt(ten, null, 'l', T0), T0);
    const correct = (n: number) =>
      answerAll(base, Object.fromEntries(ten.pools[0]!.questions.map((q, i) => [q.id, i < n ? 1 : 0])));
    expect(quizScore(ten, correct(8), T1)).toMatchObject({ passed: true, score: { scaled: 0.8 } });
    expect(quizScore(ten, correct(7), T1).passed).toBe(false);
    expect(quizScore(ten, correct(10), T1).passed).toBe(true);
  });

  it('passes at a mark that floating point puts a hair below (29 of 100 against 29%)', () => {
    const quiz = makeQuiz({ passingScore: 29, pools: [{ id: 'p', questions: [single('big', 100)] }] });
    const state = setAnswer(startAttempt(newAttempt(quiz, null, 'l', T0), T0), 'big', answer(0.29));
    expect(0.29 * 100).toBeLessThan(29);
    expect(quizScore(quiz, state, T1).passed).toBe(true);
    expect(meetsPassMark(0.2899, 29)).toBe(false);
  });

  it('a pass mark of 0 passes with nothing answered, 100 needs everything', () => {
    const zero = makeQuiz({ passingScore: 0 });
    expect(quizScore(zero, startAttempt(newAttempt(zero, null, 'l', T0), T0), T1).passed).toBe(true);
    const full = makeQuiz({ passingScore: 100, pools: [{ id: 'p', questions: [single('f1'), single('f2')] }] });
    const base = startAttempt(newAttempt(full, null, 'l', T0), T0);
    expect(quizScore(full, answerAll(base, { f1: 1, f2: 0.99 }), T1).passed).toBe(false);
    expect(quizScore(full, answerAll(base, { f1: 1, f2: 1 }), T1).passed).toBe(true);
  });
});

describe('finishing and results', () => {
  it('finishAttempt appends the result and shows the result phase', () => {
    const quiz = makeQuiz({ passingScore: 50, pools: [{ id: 'p', questions: [single('r1'), single('r2')] }] });
    const state = answerAll(startAttempt(newAttempt(quiz, null, 'l', T0), T0), { r1: 1 });
    const done = finishAttempt(quiz, state, T1);
    expect(done.phase).toBe('result');
    expect(done.results).toHaveLength(1);
    expect(lastResult(done)).toEqual(quizScore(quiz, state, T1));
    expect(state.results).toHaveLength(0);
  });

  it('bestResult picks the highest scaled score; isPassed is true when any attempt passed', () => {
    const result = (attempt: number, scaled: number, passed: boolean): QuizResult => ({
      quizId: 'q1',
      attempt,
      score: { raw: scaled, min: 0, max: 1, scaled },
      passed,
      questions: [],
      durationMs: 0,
    });
    const base = newAttempt(makeQuiz(), null, 'l', T0);
    expect(bestResult(null)).toBeNull();
    expect(bestResult(base)).toBeNull();
    expect(isPassed(null)).toBe(false);
    expect(isPassed(base)).toBe(false);
    const state = {
      ...base,
      results: [result(1, 0.5, false), result(2, 0.9, true), result(3, 0.9, true), result(4, 0.2, false)],
    };
    expect(bestResult(state)?.attempt).toBe(2);
    expect(isPassed(state)).toBe(true);
    expect(lastResult(state)?.attempt).toBe(4);
    expect(isPassed({ ...base, results: [result(1, 0.5, false)] })).toBe(false);
  });

  it('keeps the state plain JSON', () => {
    const quiz = makeQuiz();
    const state = finishAttempt(quiz, answerAll(startAttempt(newAttempt(quiz, null, 'l', T0), T0), { a1: 1 }), T1);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
