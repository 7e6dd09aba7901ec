import { describe, expect, it } from 'vitest';
import type { TrackedInteraction } from '../interaction.js';
import { fillInKeys, delimiterSafeText, truncate } from './fill-in.js';
import { positionChar, scorm12Identifier, scorm12Interaction, scorm12Score } from './scorm12.js';
import { scorm2004Interaction, scorm2004Score } from './scorm2004.js';
import { centiseconds, isoDuration, isoTimestamp, scorm12TimeOfDay, scorm12Timespan } from './time.js';
import {
  interactionActivity,
  interactionActivityId,
  interactionResult,
  itemActivity,
  itemActivityId,
  moduleActivity,
  moduleActivityId,
} from './xapi.js';

const zh = { language: 'zh-CN' };
const ids = { courseIri: 'https://training.example.com/courses/c', language: 'zh-CN' };
const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, description: `选项 ${id}` }));

function record(overrides: Partial<TrackedInteraction>): TrackedInteraction {
  return {
    id: 'q1',
    parentId: 'quiz-1',
    parentKind: 'quiz',
    type: 'choice',
    description: '问题',
    response: { type: 'choice', choiceIds: ['b'] },
    correctResponses: [{ type: 'choice', choiceIds: ['a', 'c'] }],
    success: false,
    score: { raw: 0, min: 0, max: 2, scaled: 0 },
    durationMs: 181,
    attempt: 1,
    timestamp: '2026-11-27T08:30:12.345Z',
    choices: options,
    ...overrides,
  };
}

describe('time', () => {
  it('rounds to hundredths everywhere', () => {
    expect(centiseconds(181)).toBe(18);
    expect(isoDuration(181)).toBe('PT0.18S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(scorm12Timespan(3_723_456)).toBe('0001:02:03.46');
    expect(scorm12Timespan(-5)).toBe('0000:00:00.00');
    expect(scorm12Timespan(1e15)).toBe('9999:59:59.99');
    expect(isoTimestamp(new Date('2026-11-27T08:30:12.345Z'))).toBe('2026-11-27T08:30:12.34Z');
    expect(scorm12TimeOfDay(new Date(2026, 10, 27, 8, 5, 9))).toBe('08:05:09');
  });
});

describe('fill-in', () => {
  it('patterns are the distinct normalised accepted answers', () => {
    const answers = ['5～6', '5~6', '5-6', '五到六'].map((text) => ({ type: 'fill-in' as const, text }));
    // Ranges keep their sign (5～6 is not 56): every way of writing one range is one pattern.
    expect(fillInKeys(answers)).toEqual(['5~6', '五到六']);
  });
  it('typed text is made delimiter-safe and cut by code points', () => {
    expect(delimiterSafeText('{x}[,]y', 250)).toBe('｛x}[，]y');
    expect(truncate('😀😀😀', 2)).toBe('😀😀');
  });
});

describe('SCORM 1.2', () => {
  it('identifiers keep only letters, digits, _ and -, within 255', () => {
    expect(scorm12Identifier('rp-x.n-open')).toBe('rp-x_n-open');
    const long = scorm12Identifier('x'.repeat(300));
    expect(long.length).toBe(255);
    expect(long).not.toBe(scorm12Identifier('x'.repeat(301)));
  });
  it('options become positions: a–z then 0–9', () => {
    expect(positionChar(options, 'c')).toBe('c');
    const many = Array.from({ length: 36 }, (_, i) => ({ id: `o${i}`, description: '' }));
    expect(positionChar(many, 'o26')).toBe('0');
    expect(() => positionChar(many, 'nope')).toThrow(RangeError);
  });
  it('choice, true-false, sequencing and matching in single characters', () => {
    expect(scorm12Interaction(record({}))).toMatchObject({
      student_response: 'b',
      correct_responses: ['a,c'],
      result: 'wrong',
      latency: '0000:00:00.18',
    });
    const items = ['loyal', 'valued', 'first'].map((id) => ({ id, description: id }));
    const seq = record({
      type: 'sequencing',
      choices: items,
      response: { type: 'sequencing', itemIds: ['first', 'valued', 'loyal'] },
      correctResponses: [{ type: 'sequencing', itemIds: ['first', 'loyal', 'valued'] }],
    });
    expect(scorm12Interaction(seq)).toMatchObject({ student_response: 'c,b,a', correct_responses: ['c,a,b'] });
    const { choices: _none, ...noChoices } = record({
      type: 'true-false',
      response: { type: 'true-false', value: true },
    });
    const tf: TrackedInteraction = noChoices;
    expect(
      scorm12Interaction({ ...tf, correctResponses: [{ type: 'true-false', value: false }], success: true }),
    ).toMatchObject({
      student_response: 't',
      correct_responses: ['f'],
      result: 'correct',
    });
    const matching = record({
      type: 'matching',
      source: [
        { id: 'hall', description: '' },
        { id: 'app', description: '' },
      ],
      target: [
        { id: 'face', description: '' },
        { id: 'self', description: '' },
      ],
      response: { type: 'matching', pairs: [{ source: 'app', target: 'face' }] },
      correctResponses: [
        {
          type: 'matching',
          pairs: [
            { source: 'hall', target: 'face' },
            { source: 'app', target: 'self' },
          ],
        },
      ],
    });
    expect(scorm12Interaction(matching)).toMatchObject({ student_response: 'b.a', correct_responses: ['a.a,b.b'] });
  });
  it('fill-in: text within 255, patterns without {case_matters}', () => {
    const fill = record({
      type: 'fill-in',
      response: { type: 'fill-in', text: '长'.repeat(300) },
      correctResponses: [{ type: 'fill-in', text: 'ABC。' }],
    });
    const out = scorm12Interaction(fill);
    expect(out.student_response).toHaveLength(255);
    expect(out.correct_responses).toEqual(['abc']);
  });
  it('scores on 0–100: 19 of 20 is 95', () => {
    expect(scorm12Score({ raw: 19, min: 0, max: 20, scaled: 0.95 })).toEqual({ raw: '95', min: '0', max: '100' });
    expect(scorm12Score({ raw: 2, min: 0, max: 3, scaled: 2 / 3 }).raw).toBe('66.67');
  });
});

describe('SCORM 2004', () => {
  it('[,] lists, {lang} descriptions, incorrect, ISO latency', () => {
    expect(scorm2004Interaction(record({}), zh)).toMatchObject({
      description: '{lang=zh-CN}问题',
      learner_response: 'b',
      correct_responses: ['a[,]c'],
      result: 'incorrect',
      latency: 'PT0.18S',
      timestamp: '2026-11-27T08:30:12.34Z',
    });
  });
  it('fill-in: response safe and within 250, patterns case-insensitive', () => {
    const fill = record({
      type: 'fill-in',
      response: { type: 'fill-in', text: `{${'x'.repeat(300)}` },
      correctResponses: [{ type: 'fill-in', text: 'ABC' }],
    });
    const out = scorm2004Interaction(fill, zh);
    expect(out.learner_response).toBe(`{lang=zh-CN}｛${'x'.repeat(249)}`);
    expect(out.correct_responses).toEqual(['{case_matters=false}abc']);
  });
  it('each best role-play reply is its own pattern', () => {
    const rp = record({
      id: 'rp-1.n-open',
      parentId: 'rp-1',
      parentKind: 'roleplay',
      correctResponses: [
        { type: 'choice', choiceIds: ['a'] },
        { type: 'choice', choiceIds: ['c'] },
      ],
    });
    expect(scorm2004Interaction(rp, zh).correct_responses).toEqual(['a', 'c']);
  });
  it('score: scaled with raw, min, max', () => {
    expect(scorm2004Score({ raw: 19, min: 0, max: 20, scaled: 0.95 })).toEqual({
      scaled: '0.95',
      raw: '19',
      min: '0',
      max: '20',
    });
  });
});

describe('xAPI', () => {
  it('activity ids come from the course IRI', () => {
    expect(moduleActivityId(ids, 'service-concepts')).toBe(`${ids.courseIri}/modules/service-concepts`);
    expect(itemActivityId(ids, 'quiz', 'final')).toBe(`${ids.courseIri}/quizzes/final`);
    expect(interactionActivityId(ids, record({}))).toBe(`${ids.courseIri}/questions/q1`);
    const rp = record({ id: 'rp-1.n-open', parentId: 'rp-1', parentKind: 'roleplay' });
    expect(interactionActivityId(ids, rp)).toBe(`${ids.courseIri}/roleplays/rp-1/nodes/n-open`);
  });
  it('each item is reported as what it is: page, assessment or simulation', () => {
    expect(itemActivity(ids, 'page', 'welcome', '欢迎')).toEqual({
      objectType: 'Activity',
      id: `${ids.courseIri}/pages/welcome`,
      definition: { type: 'http://activitystrea.ms/schema/1.0/page', name: { 'zh-CN': '欢迎' } },
    });
    expect(itemActivity(ids, 'quiz', 'final')).toEqual({
      objectType: 'Activity',
      id: `${ids.courseIri}/quizzes/final`,
      definition: { type: 'http://adlnet.gov/expapi/activities/assessment' },
    });
    expect(itemActivity(ids, 'roleplay', 'rp 1').id).toBe(`${ids.courseIri}/roleplays/rp%201`);
    expect(itemActivity(ids, 'roleplay', 'rp-1').definition.type).toBe(
      'http://adlnet.gov/expapi/activities/simulation',
    );
    expect(moduleActivity(ids, 'm1', '第一章')).toEqual({
      objectType: 'Activity',
      id: `${ids.courseIri}/modules/m1`,
      definition: { type: 'http://adlnet.gov/expapi/activities/module', name: { 'zh-CN': '第一章' } },
    });
  });
  it('definition with language maps and patterns; result in hundredths', () => {
    const activity = interactionActivity(ids, record({}));
    expect(activity.definition).toMatchObject({
      description: { 'zh-CN': '问题' },
      interactionType: 'choice',
      correctResponsesPattern: ['a[,]c'],
    });
    expect(activity.definition.choices?.[0]).toEqual({ id: 'a', description: { 'zh-CN': '选项 a' } });
    expect(interactionResult(record({}), zh)).toEqual({
      success: false,
      response: 'b',
      duration: 'PT0.18S',
      score: { scaled: 0, raw: 0, min: 0, max: 2 },
    });
  });
});
