import { describe, expect, it } from 'vitest';
import { choiceIds, questionMarks } from './marks.js';
import { fillIn, matching, multiple, sequencing, single, trueFalse } from './testing/questions.fixture.js';

describe('choiceIds', () => {
  it('a choice response as the selected ids of a choice input', () => {
    expect(choiceIds('a')).toEqual(['a']);
    expect(choiceIds(['a', 'c'])).toEqual(['a', 'c']);
    expect(choiceIds(true)).toEqual(['true']);
    expect(choiceIds(false)).toEqual(['false']);
    expect(choiceIds(null)).toEqual([]);
    expect(choiceIds({ hall: 'face' })).toEqual([]);
  });
});

describe('questionMarks', () => {
  it('single: the pick right or wrong; the correct option only when revealing', () => {
    expect(questionMarks(single, 'a', false)).toEqual({ a: 'correct' });
    expect(questionMarks(single, 'a', true)).toEqual({ a: 'correct' });
    expect(questionMarks(single, 'b', false)).toEqual({ b: 'incorrect' });
    expect(questionMarks(single, 'b', true)).toEqual({ b: 'incorrect', a: 'answer' });
  });

  it('single: a pick that is not an option gets no mark', () => {
    expect(questionMarks(single, 'z', false)).toEqual({});
  });

  it('multiple: every pick right or wrong; correct options not picked only when revealing', () => {
    expect(questionMarks(multiple, ['a', 'b'], false)).toEqual({ a: 'correct', b: 'incorrect' });
    expect(questionMarks(multiple, ['a', 'b'], true)).toEqual({
      a: 'correct',
      b: 'incorrect',
      c: 'answer',
      d: 'answer',
    });
    expect(questionMarks(multiple, ['a', 'c', 'd'], true)).toEqual({ a: 'correct', c: 'correct', d: 'correct' });
  });

  it('true-false: the pick as `true` / `false`; the right one only when revealing', () => {
    expect(questionMarks(trueFalse, true, false)).toEqual({ true: 'correct' });
    expect(questionMarks(trueFalse, false, false)).toEqual({ false: 'incorrect' });
    expect(questionMarks(trueFalse, false, true)).toEqual({ false: 'incorrect', true: 'answer' });
    expect(questionMarks({ ...trueFalse, answer: false }, false, true)).toEqual({ false: 'correct' });
  });

  it('choice without a response: only the revealed answer', () => {
    expect(questionMarks(single, null, false)).toEqual({});
    expect(questionMarks(single, null, true)).toEqual({ a: 'answer' });
    expect(questionMarks(trueFalse, null, true)).toEqual({ true: 'answer' });
  });

  it('fill-in: no marks, whatever the response', () => {
    expect(questionMarks(fillIn, '10086', true)).toEqual({});
    expect(questionMarks(fillIn, 'wrong', false)).toEqual({});
  });

  it('sequencing: each item right or wrong by its position, revealing or not', () => {
    const expected = { apologise: 'incorrect', listen: 'incorrect', solve: 'correct', follow: 'correct' };
    expect(questionMarks(sequencing, ['apologise', 'listen', 'solve', 'follow'], false)).toEqual(expected);
    expect(questionMarks(sequencing, ['apologise', 'listen', 'solve', 'follow'], true)).toEqual(expected);
    expect(questionMarks(sequencing, ['listen', 'apologise', 'solve', 'follow'], false)).toEqual({
      listen: 'correct',
      apologise: 'correct',
      solve: 'correct',
      follow: 'correct',
    });
    expect(questionMarks(sequencing, null, true)).toEqual({});
  });

  it('matching: every source right or wrong, an unpaired source wrong', () => {
    expect(questionMarks(matching, { hall: 'face', hotline: 'self', app: 'voice' }, false)).toEqual({
      hall: 'correct',
      hotline: 'incorrect',
      app: 'incorrect',
    });
    expect(questionMarks(matching, { hall: 'face' }, true)).toEqual({
      hall: 'correct',
      hotline: 'incorrect',
      app: 'incorrect',
    });
    expect(questionMarks(matching, null, false)).toEqual({ hall: 'incorrect', hotline: 'incorrect', app: 'incorrect' });
  });
});
