import { describe, expect, it } from 'vitest';
import {
  correctResponsesPattern,
  interactionComponents,
  interactionType,
  isAnswered,
  responsePattern,
  scoreOf,
  scoreResponse,
} from './scoring.js';
import type {
  FillInQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  Question,
  SequencingQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from './types.js';

const single: SingleChoiceQuestion = {
  id: 'q-single',
  type: 'single',
  prompt: '客户来电时，第一句应该说什么？',
  options: [
    { id: 'a', text: '您好，很高兴为您服务', feedback: '对' },
    { id: 'b', text: '喂？', feedback: '不礼貌' },
    { id: 'c', text: '有什么事？', feedback: '生硬' },
  ],
  answer: 'a',
};

const multiple: MultipleChoiceQuestion = {
  id: 'q-multiple',
  type: 'multiple',
  prompt: '哪些属于服务礼仪？',
  weight: 2,
  options: [
    { id: 'a', text: '微笑', feedback: '是' },
    { id: 'b', text: '打断客户', feedback: '不是' },
    { id: 'c', text: '使用敬语', feedback: '是' },
    { id: 'd', text: '站立迎客', feedback: '是' },
  ],
  answer: ['a', 'c', 'd'],
};

const trueFalse: TrueFalseQuestion = {
  id: 'q-tf',
  type: 'true-false',
  prompt: '客户投诉时应先处理心情，再处理事情。',
  answer: true,
  feedback: { true: '正确', false: '错误' },
};

const fillIn: FillInQuestion = {
  id: 'q-fill',
  type: 'fill-in',
  prompt: '中国移动客服热线是＿＿。',
  answer: ['10086', '一零零八六'],
  feedback: { correct: '对', incorrect: '错' },
};

const sequencing: SequencingQuestion = {
  id: 'q-seq',
  type: 'sequencing',
  prompt: '排列投诉处理步骤',
  weight: 4,
  items: [
    { id: 'listen', text: '倾听' },
    { id: 'apologise', text: '致歉' },
    { id: 'solve', text: '解决' },
    { id: 'follow', text: '回访' },
  ],
  answer: ['listen', 'apologise', 'solve', 'follow'],
  feedback: { correct: '对', incorrect: '错' },
};

const matching: MatchingQuestion = {
  id: 'q-match',
  type: 'matching',
  prompt: '把渠道和特点连起来',
  sources: [
    { id: 'hall', text: '营业厅' },
    { id: 'hotline', text: '热线' },
    { id: 'app', text: 'App' },
  ],
  targets: [
    { id: 'face', text: '面对面' },
    { id: 'voice', text: '语音' },
    { id: 'self', text: '自助' },
  ],
  answer: { hall: 'face', hotline: 'voice', app: 'self' },
  feedback: { correct: '对', incorrect: '错' },
};

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

describe('isAnswered', () => {
  it('single: a known option id', () => {
    expect(isAnswered(single, 'b')).toBe(true);
    expect(isAnswered(single, 'x')).toBe(false);
    expect(isAnswered(single, null)).toBe(false);
  });

  it('multiple: at least one pick', () => {
    expect(isAnswered(multiple, ['b'])).toBe(true);
    expect(isAnswered(multiple, [])).toBe(false);
    expect(isAnswered(multiple, null)).toBe(false);
  });

  it('true-false: a boolean, false included', () => {
    expect(isAnswered(trueFalse, false)).toBe(true);
    expect(isAnswered(trueFalse, true)).toBe(true);
    expect(isAnswered(trueFalse, null)).toBe(false);
  });

  it('fill-in: some non-space text', () => {
    expect(isAnswered(fillIn, '1')).toBe(true);
    expect(isAnswered(fillIn, ' \u3000 ')).toBe(false);
    expect(isAnswered(fillIn, '')).toBe(false);
  });

  it('sequencing: a complete order of the items', () => {
    expect(isAnswered(sequencing, ['follow', 'solve', 'apologise', 'listen'])).toBe(true);
    expect(isAnswered(sequencing, ['follow', 'solve', 'apologise'])).toBe(false);
    expect(isAnswered(sequencing, ['follow', 'solve', 'apologise', 'apologise'])).toBe(false);
    expect(isAnswered(sequencing, null)).toBe(false);
  });

  it('matching: every source has a target', () => {
    expect(isAnswered(matching, { hall: 'voice', hotline: 'voice', app: 'face' })).toBe(true);
    expect(isAnswered(matching, { hall: 'voice', hotline: 'voice' })).toBe(false);
    expect(isAnswered(matching, { hall: 'voice', hotline: 'voice', app: '' })).toBe(false);
    expect(isAnswered(matching, null)).toBe(false);
  });
});

describe('responsePattern', () => {
  it('single: the option id', () => {
    expect(responsePattern(single, 'b')).toBe('b');
    expect(responsePattern(single, null)).toBe('');
  });

  it('multiple: picked ids in option order joined by [,]', () => {
    expect(responsePattern(multiple, ['d', 'a'])).toBe('a[,]d');
    expect(responsePattern(multiple, ['c'])).toBe('c');
    expect(responsePattern(multiple, [])).toBe('');
  });

  it('true-false: true or false', () => {
    expect(responsePattern(trueFalse, true)).toBe('true');
    expect(responsePattern(trueFalse, false)).toBe('false');
    expect(responsePattern(trueFalse, null)).toBe('');
  });

  it('fill-in: the text as typed', () => {
    expect(responsePattern(fillIn, '１００８６ ')).toBe('１００８６ ');
  });

  it('sequencing: ids in the learner order joined by [,]', () => {
    expect(responsePattern(sequencing, ['solve', 'listen', 'apologise', 'follow'])).toBe(
      'solve[,]listen[,]apologise[,]follow',
    );
  });

  it('matching: source[.]target pairs in source order joined by [,]', () => {
    expect(responsePattern(matching, { app: 'self', hall: 'voice', hotline: 'face' })).toBe(
      'hall[.]voice[,]hotline[.]face[,]app[.]self',
    );
    expect(responsePattern(matching, { app: 'self' })).toBe('app[.]self');
  });
});

describe('correctResponsesPattern', () => {
  it('single: the answer id', () => {
    expect(correctResponsesPattern(single)).toEqual(['a']);
  });

  it('multiple: all correct ids joined by [,] in one pattern', () => {
    expect(correctResponsesPattern(multiple)).toEqual(['a[,]c[,]d']);
  });

  it('true-false', () => {
    expect(correctResponsesPattern(trueFalse)).toEqual(['true']);
    expect(correctResponsesPattern({ ...trueFalse, answer: false })).toEqual(['false']);
  });

  it('fill-in: one case-insensitive entry per accepted variant', () => {
    expect(correctResponsesPattern(fillIn)).toEqual(['{case_matters=false}10086', '{case_matters=false}一零零八六']);
  });

  it('sequencing: the right order joined by [,]', () => {
    expect(correctResponsesPattern(sequencing)).toEqual(['listen[,]apologise[,]solve[,]follow']);
  });

  it('matching: the right pairs in source order', () => {
    expect(correctResponsesPattern(matching)).toEqual(['hall[.]face[,]hotline[.]voice[,]app[.]self']);
  });

  it('the correct response scores full marks when fed back as a response', () => {
    expect(scoreResponse(single, correctResponsesPattern(single)[0]!).success).toBe(true);
    expect(scoreResponse(multiple, correctResponsesPattern(multiple)[0]!.split('[,]')).success).toBe(true);
    expect(scoreResponse(sequencing, correctResponsesPattern(sequencing)[0]!.split('[,]')).success).toBe(true);
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
    expect(interactionComponents(sequencing).choices?.map((c) => c.id)).toEqual(['listen', 'apologise', 'solve', 'follow']);
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
