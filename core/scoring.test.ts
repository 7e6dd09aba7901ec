import { describe, expect, it } from 'vitest';
import type { InteractionRecord, QuestionResponse } from './interactions.js';
import {
  asComponents,
  correctResponses,
  interactionComponents,
  interactionRecord,
  interactionResponse,
  interactionTiming,
  interactionType,
  scoreOf,
  scoreResponse,
} from './scoring.js';
import { fillIn, matching, multiple, sequencing, single, trueFalse } from './testing/questions.fixture.js';
import type { Question } from './types.js';

describe('scoreOf', () => {
  it('uses the weight as max and default 1', () => {
    expect(scoreOf(single, 1)).toEqual({ raw: 1, min: 0, max: 1, scaled: 1 });
    expect(scoreOf(multiple, 0.5)).toEqual({ raw: 1, min: 0, max: 2, scaled: 0.5 });
  });

  it('clamps to 0–1 and removes floating-point noise', () => {
    expect(scoreOf(single, -0.5).scaled).toBe(0);
    expect(scoreOf(single, 1.5).scaled).toBe(1);
    expect(scoreOf({ ...single, weight: 3 }, 0.1).raw).toBe(0.3);
  });
});

describe('scoreResponse', () => {
  it('single: all or nothing', () => {
    expect(scoreResponse(single, 'a')).toEqual({ score: { raw: 1, min: 0, max: 1, scaled: 1 }, success: true });
    expect(scoreResponse(single, 'b')).toEqual({ score: { raw: 0, min: 0, max: 1, scaled: 0 }, success: false });
    expect(scoreResponse(single, null).success).toBe(false);
    expect(scoreResponse(single, ['a']).success).toBe(false);
  });

  it('multiple: all right picks and no wrong picks is full marks', () => {
    const result = scoreResponse(multiple, ['d', 'a', 'c']);
    expect(result.success).toBe(true);
    expect(result.score).toEqual({ raw: 2, min: 0, max: 2, scaled: 1 });
  });

  it('multiple: partly right = (right − wrong) / correct options', () => {
    const twoOfThree = scoreResponse(multiple, ['a', 'c']);
    expect(twoOfThree.success).toBe(false);
    expect(twoOfThree.score.scaled).toBeCloseTo(2 / 3, 5);
    expect(twoOfThree.score.raw).toBeCloseTo(4 / 3, 5);

    const allRightOneWrong = scoreResponse(multiple, ['a', 'b', 'c', 'd']);
    expect(allRightOneWrong.success).toBe(false);
    expect(allRightOneWrong.score.scaled).toBeCloseTo(2 / 3, 5);

    const oneRightOneWrong = scoreResponse(multiple, ['a', 'b']);
    expect(oneRightOneWrong.score.scaled).toBe(0);
  });

  it('multiple: never below zero, duplicates count once', () => {
    expect(scoreResponse(multiple, ['b']).score.raw).toBe(0);
    expect(scoreResponse(multiple, ['a', 'a', 'a']).score.scaled).toBeCloseTo(1 / 3, 5);
    expect(scoreResponse(multiple, []).score.raw).toBe(0);
  });

  it('true-false: all or nothing, only a boolean counts', () => {
    expect(scoreResponse(trueFalse, true).success).toBe(true);
    expect(scoreResponse(trueFalse, false).success).toBe(false);
    expect(scoreResponse(trueFalse, 'true').success).toBe(false);
    expect(scoreResponse({ ...trueFalse, answer: false }, false).score.raw).toBe(1);
  });

  it('fill-in: normalised comparison against every accepted variant', () => {
    expect(scoreResponse(fillIn, '１００８６').success).toBe(true);
    expect(scoreResponse(fillIn, ' 一零零八六。').success).toBe(true);
    expect(scoreResponse(fillIn, '10010')).toEqual({ score: { raw: 0, min: 0, max: 1, scaled: 0 }, success: false });
    expect(scoreResponse(fillIn, null).success).toBe(false);
  });

  it('sequencing: items in the right position / items', () => {
    expect(scoreResponse(sequencing, ['listen', 'apologise', 'solve', 'follow'])).toEqual({
      score: { raw: 4, min: 0, max: 4, scaled: 1 },
      success: true,
    });
    const half = scoreResponse(sequencing, ['listen', 'apologise', 'follow', 'solve']);
    expect(half.success).toBe(false);
    expect(half.score).toEqual({ raw: 2, min: 0, max: 4, scaled: 0.5 });
    expect(scoreResponse(sequencing, ['follow', 'listen', 'apologise', 'solve']).score.raw).toBe(0);
    expect(scoreResponse(sequencing, ['apologise', 'listen', 'solve', 'follow']).score.scaled).toBe(0.5);
  });

  it('matching: right pairs / pairs', () => {
    expect(scoreResponse(matching, { hall: 'face', hotline: 'voice', app: 'self' }).success).toBe(true);
    const one = scoreResponse(matching, { hall: 'face', hotline: 'self', app: 'voice' });
    expect(one.success).toBe(false);
    expect(one.score.scaled).toBeCloseTo(1 / 3, 5);
    expect(scoreResponse(matching, { hall: 'face' }).score.scaled).toBeCloseTo(1 / 3, 5);
    expect(scoreResponse(matching, {}).score.raw).toBe(0);
    expect(scoreResponse(matching, ['face']).score.raw).toBe(0);
  });
});

describe('interactionType', () => {
  it.each<[Question, string]>([
    [single, 'choice'],
    [multiple, 'choice'],
    [trueFalse, 'true-false'],
    [fillIn, 'fill-in'],
    [sequencing, 'sequencing'],
    [matching, 'matching'],
  ])('%#: maps %s', (question, type) => {
    expect(interactionType(question)).toBe(type);
  });
});

describe('interactionResponse', () => {
  it('single: the option id', () => {
    expect(interactionResponse(single, 'b')).toEqual({ type: 'choice', choiceIds: ['b'] });
    expect(interactionResponse(single, null)).toEqual({ type: 'choice', choiceIds: [] });
  });

  it('multiple: picked ids in option order', () => {
    expect(interactionResponse(multiple, ['d', 'a'])).toEqual({ type: 'choice', choiceIds: ['a', 'd'] });
    expect(interactionResponse(multiple, [])).toEqual({ type: 'choice', choiceIds: [] });
  });

  it('true-false: the boolean', () => {
    expect(interactionResponse(trueFalse, true)).toEqual({ type: 'true-false', value: true });
    expect(interactionResponse(trueFalse, false)).toEqual({ type: 'true-false', value: false });
  });

  it('fill-in: the text as typed', () => {
    expect(interactionResponse(fillIn, '１００８６ ')).toEqual({ type: 'fill-in', text: '１００８６ ' });
  });

  it('sequencing: ids in the learner order', () => {
    expect(interactionResponse(sequencing, ['solve', 'listen', 'apologise', 'follow'])).toEqual({
      type: 'sequencing',
      itemIds: ['solve', 'listen', 'apologise', 'follow'],
    });
  });

  it('matching: pairs in source order, unpaired sources left out', () => {
    expect(interactionResponse(matching, { app: 'self', hall: 'voice', hotline: 'face' })).toEqual({
      type: 'matching',
      pairs: [
        { source: 'hall', target: 'voice' },
        { source: 'hotline', target: 'face' },
        { source: 'app', target: 'self' },
      ],
    });
    expect(interactionResponse(matching, { app: 'self' })).toEqual({
      type: 'matching',
      pairs: [{ source: 'app', target: 'self' }],
    });
  });

  it("holds no standard's notation", () => {
    const all = [multiple, sequencing, matching].map((q) => JSON.stringify(correctResponses(q)));
    for (const text of all) expect(text).not.toMatch(/\[[,.]\]|case_matters/);
  });
});

describe('correctResponses', () => {
  it('single, multiple and true-false: one entry', () => {
    expect(correctResponses(single)).toEqual([{ type: 'choice', choiceIds: ['a'] }]);
    expect(correctResponses(multiple)).toEqual([{ type: 'choice', choiceIds: ['a', 'c', 'd'] }]);
    expect(correctResponses(trueFalse)).toEqual([{ type: 'true-false', value: true }]);
    expect(correctResponses({ ...trueFalse, answer: false })).toEqual([{ type: 'true-false', value: false }]);
  });

  it('fill-in: one entry per accepted answer', () => {
    expect(correctResponses(fillIn)).toEqual([
      { type: 'fill-in', text: '10086' },
      { type: 'fill-in', text: '一零零八六' },
    ]);
  });

  it('sequencing: the right order; matching: the right pairs in source order', () => {
    expect(correctResponses(sequencing)).toEqual([
      { type: 'sequencing', itemIds: ['listen', 'apologise', 'solve', 'follow'] },
    ]);
    expect(correctResponses(matching)).toEqual([
      {
        type: 'matching',
        pairs: [
          { source: 'hall', target: 'face' },
          { source: 'hotline', target: 'voice' },
          { source: 'app', target: 'self' },
        ],
      },
    ]);
  });
});

describe('interactionComponents', () => {
  it('choice: choices with id and option text', () => {
    expect(interactionComponents(single)).toEqual({
      choices: [
        { id: 'a', description: '您好，很高兴为您服务' },
        { id: 'b', description: '喂？' },
        { id: 'c', description: '有什么事？' },
      ],
    });
    expect(interactionComponents(multiple).choices).toHaveLength(4);
  });

  it('sequencing: the items as choices', () => {
    expect(interactionComponents(sequencing).choices?.map((c) => c.id)).toEqual([
      'listen',
      'apologise',
      'solve',
      'follow',
    ]);
  });

  it('matching: source and target', () => {
    const components = interactionComponents(matching);
    expect(components.source?.map((c) => c.description)).toEqual(['营业厅', '热线', 'App']);
    expect(components.target?.map((c) => c.id)).toEqual(['face', 'voice', 'self']);
    expect(components.choices).toBeUndefined();
  });

  it('true-false and fill-in: none', () => {
    expect(interactionComponents(trueFalse)).toEqual({});
    expect(interactionComponents(fillIn)).toEqual({});
  });
});

describe('asComponents', () => {
  it('anything with an id and a text as id and description, in order, without other fields', () => {
    expect(asComponents(single.options)).toEqual([
      { id: 'a', description: '您好，很高兴为您服务' },
      { id: 'b', description: '喂？' },
      { id: 'c', description: '有什么事？' },
    ]);
    expect(asComponents([])).toEqual([]);
  });
});

describe('interactionTiming', () => {
  const now = new Date('2024-05-01T08:00:00.000Z');

  it('whole milliseconds, never below 0, and the time in ISO 8601', () => {
    expect(interactionTiming(1234.4, now)).toEqual({ durationMs: 1234, timestamp: '2024-05-01T08:00:00.000Z' });
    expect(interactionTiming(1234.5, now).durationMs).toBe(1235);
    expect(interactionTiming(-20, now).durationMs).toBe(0);
  });
});

describe('interactionRecord', () => {
  const now = new Date('2024-05-01T08:00:00.000Z');
  const context = { parentId: 'quiz-1', attempt: 2, durationMs: 4500, now };
  const record = (question: Question, response: QuestionResponse | null) =>
    interactionRecord(question, response, scoreResponse(question, response), context);
  const common = {
    parentId: 'quiz-1',
    parentKind: 'quiz' as const,
    attempt: 2,
    durationMs: 4500,
    timestamp: '2024-05-01T08:00:00.000Z',
  };

  /** What every record of `question` has: where and when, the question's id and prompt, and its components. */
  const base = (question: Question) => ({
    ...common,
    id: question.id,
    description: question.prompt,
    ...interactionComponents(question),
  });
  const full = { raw: 1, min: 0, max: 1, scaled: 1 };
  const none = { raw: 0, min: 0, max: 1, scaled: 0 };

  it.each<[string, Question, QuestionResponse, Partial<InteractionRecord>]>([
    [
      'single: the option id and the answer, every option a choice',
      single,
      'b',
      {
        type: 'choice',
        response: { type: 'choice', choiceIds: ['b'] },
        correctResponses: [{ type: 'choice', choiceIds: ['a'] }],
        success: false,
        score: none,
      },
    ],
    [
      'multiple: the picks in option order; all correct options one pattern, as they are chosen together',
      multiple,
      ['d', 'c', 'a'],
      {
        type: 'choice',
        response: { type: 'choice', choiceIds: ['a', 'c', 'd'] },
        correctResponses: [{ type: 'choice', choiceIds: ['a', 'c', 'd'] }],
        success: true,
        score: { ...full, raw: 2, max: 2 },
      },
    ],
    [
      'true-false: `true` / `false`, without components',
      trueFalse,
      false,
      {
        type: 'true-false',
        response: { type: 'true-false', value: false },
        correctResponses: [{ type: 'true-false', value: true }],
        success: false,
        score: none,
      },
    ],
    [
      'fill-in: the text as typed, and each accepted answer a correct response of its own',
      fillIn,
      ' 一零零八六 ',
      {
        type: 'fill-in',
        response: { type: 'fill-in', text: ' 一零零八六 ' },
        correctResponses: [
          { type: 'fill-in', text: '10086' },
          { type: 'fill-in', text: '一零零八六' },
        ],
        success: true,
        score: full,
      },
    ],
    [
      'sequencing: the learner order and the right order, the items as choices',
      sequencing,
      ['apologise', 'listen', 'solve', 'follow'],
      {
        type: 'sequencing',
        response: { type: 'sequencing', itemIds: ['apologise', 'listen', 'solve', 'follow'] },
        correctResponses: [{ type: 'sequencing', itemIds: ['listen', 'apologise', 'solve', 'follow'] }],
        success: false,
        score: { raw: 2, min: 0, max: 4, scaled: 0.5 },
      },
    ],
    [
      'matching: the pairs and the right pairs in source order, sources and targets',
      matching,
      { app: 'self', hall: 'face', hotline: 'voice' },
      {
        type: 'matching',
        response: {
          type: 'matching',
          pairs: [
            { source: 'hall', target: 'face' },
            { source: 'hotline', target: 'voice' },
            { source: 'app', target: 'self' },
          ],
        },
        correctResponses: [
          {
            type: 'matching',
            pairs: [
              { source: 'hall', target: 'face' },
              { source: 'hotline', target: 'voice' },
              { source: 'app', target: 'self' },
            ],
          },
        ],
        success: true,
        score: full,
      },
    ],
  ])('%s', (_name, question, response, expected) => {
    expect(record(question, response)).toEqual({ ...base(question), ...expected });
  });

  it('multiple: partial credit as scored', () => {
    const partly = record(multiple, ['c', 'a']);
    expect(partly).toMatchObject({ response: { type: 'choice', choiceIds: ['a', 'c'] }, success: false });
    expect(partly.score.scaled).toBeCloseTo(2 / 3, 5);
  });

  it('copies the objective when the question has one, and only then', () => {
    expect(record({ ...single, objective: 'greet' }, 'a').objective).toBe('greet');
    expect(record(single, 'a')).not.toHaveProperty('objective');
  });

  it('reports the result it is given (a saved score), not a new one', () => {
    const saved = { score: { raw: 0.5, min: 0, max: 1, scaled: 0.5 }, success: false };
    expect(interactionRecord(single, 'a', saved, context)).toMatchObject(saved);
  });

  it('rounds the duration to whole milliseconds, never below 0', () => {
    const result = scoreResponse(single, 'a');
    expect(interactionRecord(single, 'a', result, { ...context, durationMs: 99.6 }).durationMs).toBe(100);
    expect(interactionRecord(single, 'a', result, { ...context, durationMs: -5 }).durationMs).toBe(0);
  });
});
