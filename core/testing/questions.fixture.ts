/**
 * One question of each type, shared by the unit tests of core/scoring.ts, core/marks.ts and core/question-order.ts.
 */
import type {
  FillInQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  SequencingQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from '../types.js';

export const single: SingleChoiceQuestion = {
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

export const multiple: MultipleChoiceQuestion = {
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

export const trueFalse: TrueFalseQuestion = {
  id: 'q-tf',
  type: 'true-false',
  prompt: '客户投诉时应先处理心情，再处理事情。',
  answer: true,
  feedback: { true: '正确', false: '错误' },
};

export const fillIn: FillInQuestion = {
  id: 'q-fill',
  type: 'fill-in',
  prompt: '中国移动客服热线是＿＿。',
  answer: ['10086', '一零零八六'],
  feedback: { correct: '对', incorrect: '错' },
};

export const sequencing: SequencingQuestion = {
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

export const matching: MatchingQuestion = {
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
