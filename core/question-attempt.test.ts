import { describe, expect, it } from 'vitest';
import type { QuestionState } from './interactions.js';
import {
  attemptRules,
  canCheck,
  canRetry,
  check,
  checkedResult,
  creditFor,
  freshState,
  isCheckable,
  isFinished,
  isRevealing,
  respond,
  retry,
  showsItemFeedback,
  triesLeft,
  type QuizQuestionSettings,
} from './question-attempt.js';
import { fillIn, matching, multiple, sequencing, single, trueFalse } from './testing/questions.fixture.js';

const quiz: QuizQuestionSettings = { questionAttempts: 3, revealAnswer: 'after-last-attempt', retryCredit: 0.5 };

describe('attemptRules', () => {
  it('takes the quiz settings unless the question sets its own', () => {
    expect(attemptRules(single, quiz)).toEqual({ triesAllowed: 3, reveal: 'after-last-attempt', retryCredit: 0.5 });
    expect(attemptRules({ ...single, attempts: 2, revealAnswer: 'never' }, quiz)).toMatchObject({
      triesAllowed: 2,
      reveal: 'never',
    });
  });

  it('gives true/false one try whatever the quiz says', () => {
    expect(attemptRules(trueFalse, quiz).triesAllowed).toBe(1);
  });

  it('keeps tries at least 1 and the retry credit within 0–1', () => {
    expect(attemptRules(single, { ...quiz, questionAttempts: 0, retryCredit: 2 })).toMatchObject({
      triesAllowed: 1,
      retryCredit: 1,
    });
    expect(attemptRules(single, { ...quiz, retryCredit: -1 }).retryCredit).toBe(0);
  });
});

describe('a question answered over several tries', () => {
  const rules = attemptRules(single, quiz);

  it('checks only a complete, unchecked response', () => {
    const fresh = freshState();
    expect(canCheck(single, rules, fresh, null)).toBe(false);
    expect(canCheck(single, rules, fresh, 'b')).toBe(true);
    const { state } = check(single, rules, fresh, 'b');
    expect(canCheck(single, rules, state, 'b')).toBe(false);
  });

  it('a wrong try leaves tries, offers a retry and reveals nothing', () => {
    const { state, result } = check(single, rules, respond(freshState(), 'b'), 'b');
    expect(result).toEqual({ success: false, score: { raw: 0, min: 0, max: 1, scaled: 0 } });
    expect(state).toEqual({ response: 'b', tries: 1, checked: true, success: false, score: result.score });
    expect(triesLeft(rules, state)).toBe(2);
    expect(canRetry(rules, state)).toBe(true);
    expect(isFinished(rules, state)).toBe(false);
    expect(isRevealing(rules, state, false)).toBe(false);
    expect(showsItemFeedback(rules, state, false)).toBe(false);
  });

  it('a right retry is a success that earns the retry credit, and finishes the question', () => {
    const first = check(single, rules, freshState(), 'b').state;
    const again = retry(rules, first);
    expect(again).toMatchObject({ checked: false, tries: 1, response: 'b' });
    const { state, result } = check(single, rules, respond(again, 'a'), 'a');
    expect(result.success).toBe(true);
    expect(result.score).toEqual({ raw: 0.5, min: 0, max: 1, scaled: 0.5 });
    expect(state.tries).toBe(2);
    expect(isFinished(rules, state)).toBe(true);
    expect(canRetry(rules, state)).toBe(false);
    expect(isRevealing(rules, state, false)).toBe(true);
  });

  it('credit falls with each try: 1, then retryCredit, retryCredit²; 0 gives no credit after the first try', () => {
    expect([1, 2, 3].map((n) => creditFor(rules, n))).toEqual([1, 0.5, 0.25]);
    const none = attemptRules(single, { ...quiz, retryCredit: 0 });
    expect(creditFor(none, 2)).toBe(0);
    const first = check(single, none, freshState(), 'b').state;
    expect(check(single, none, retry(none, first), 'a').result).toEqual({
      success: true,
      score: { raw: 0, min: 0, max: 1, scaled: 0 },
    });
  });

  it('partial credit is reduced on a retry too', () => {
    const r = attemptRules(multiple, quiz);
    const first = check(multiple, r, freshState(), ['b']).state;
    const { result } = check(multiple, r, retry(r, first), ['a', 'c']);
    expect(result.score.scaled).toBeCloseTo((2 / 3) * 0.5, 5);
  });

  it('never reveals while tries remain, whatever the policy; never reveals with `never`, not even in review', () => {
    const always = attemptRules(single, { ...quiz, revealAnswer: 'always' });
    const wrong = check(single, always, freshState(), 'b').state;
    expect(isRevealing(always, wrong, false)).toBe(false);
    expect(isRevealing(always, wrong, true)).toBe(true);
    const never = attemptRules(single, { ...quiz, questionAttempts: 1, revealAnswer: 'never' });
    const done = check(single, never, freshState(), 'b').state;
    expect(isFinished(never, done)).toBe(true);
    expect(isRevealing(never, done, false)).toBe(false);
    expect(isRevealing(never, done, true)).toBe(false);
  });

  it('out of tries: finished, no retry, answer shown', () => {
    const one = attemptRules(single, { ...quiz, questionAttempts: 1 });
    const state = check(single, one, freshState(), 'b').state;
    expect(triesLeft(one, state)).toBe(0);
    expect(canRetry(one, state)).toBe(false);
    expect(retry(one, state)).toBe(state);
    expect(isRevealing(one, state, false)).toBe(true);
    expect(canCheck(single, one, { ...state, checked: false }, 'a')).toBe(false);
  });

  it('a checked response is locked until a retry', () => {
    const state = check(single, rules, freshState(), 'b').state;
    expect(respond(state, 'a')).toBe(state);
    expect(respond(retry(rules, state), 'a').response).toBe('a');
  });

  it('checkedResult: the saved result, or a re-score for a saved state without one; null while unchecked', () => {
    const saved: QuestionState = { response: 'a', tries: 2, checked: true, success: true, score: null };
    expect(checkedResult(single, saved)).toEqual({ success: true, score: { raw: 1, min: 0, max: 1, scaled: 1 } });
    const kept = check(single, rules, retry(rules, check(single, rules, freshState(), 'b').state), 'a').state;
    expect(checkedResult(single, kept)?.score.scaled).toBe(0.5);
    expect(checkedResult(single, freshState())).toBe(null);
  });
});

describe('isCheckable', () => {
  it('single: a known option id', () => {
    expect(isCheckable(single, 'b')).toBe(true);
    expect(isCheckable(single, 'x')).toBe(false);
    expect(isCheckable(single, null)).toBe(false);
  });

  it('multiple: at least one pick', () => {
    expect(isCheckable(multiple, ['b'])).toBe(true);
    expect(isCheckable(multiple, [])).toBe(false);
    expect(isCheckable(multiple, null)).toBe(false);
  });

  it('true-false: a boolean, false included', () => {
    expect(isCheckable(trueFalse, false)).toBe(true);
    expect(isCheckable(trueFalse, true)).toBe(true);
    expect(isCheckable(trueFalse, null)).toBe(false);
  });

  it('fill-in: some non-space text', () => {
    expect(isCheckable(fillIn, '1')).toBe(true);
    expect(isCheckable(fillIn, ' \u3000 ')).toBe(false);
    expect(isCheckable(fillIn, '')).toBe(false);
  });

  it('sequencing: a complete order of the items', () => {
    expect(isCheckable(sequencing, ['follow', 'solve', 'apologise', 'listen'])).toBe(true);
    expect(isCheckable(sequencing, ['follow', 'solve', 'apologise'])).toBe(false);
    expect(isCheckable(sequencing, ['follow', 'solve', 'apologise', 'apologise'])).toBe(false);
    expect(isCheckable(sequencing, null)).toBe(false);
  });

  it('matching: every source has a target', () => {
    expect(isCheckable(matching, { hall: 'voice', hotline: 'voice', app: 'face' })).toBe(true);
    expect(isCheckable(matching, { hall: 'voice', hotline: 'voice' })).toBe(false);
    expect(isCheckable(matching, { hall: 'voice', hotline: 'voice', app: '' })).toBe(false);
    expect(isCheckable(matching, null)).toBe(false);
  });
});
