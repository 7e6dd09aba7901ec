/**
 * Test-only support for the question family's browser tests: DOM helpers and sample questions.
 */
import type {
  FillInQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  SequencingQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from '../../core/types.js';

export { deepActiveElement, textOf } from '../shared/test-helpers.js';

export const single: SingleChoiceQuestion = {
  id: 'greeting-first-words',
  type: 'single',
  objective: 'obj-etiquette',
  prompt: '接听客户来电时，第一句话应该怎么说？',
  explanation: '标准开场白包含问候、自报身份和服务意愿。',
  options: [
    { id: 'a', text: '您好，很高兴为您服务，请问有什么可以帮您？', feedback: '问候、热情并主动提供帮助。' },
    { id: 'b', text: '喂，什么事？', feedback: '语气生硬，没有问候。' },
    { id: 'c', text: '请讲。', feedback: '过于简短，显得冷淡。' },
  ],
  answer: 'a',
};

export const multiple: MultipleChoiceQuestion = {
  id: 'mood-before-matter',
  type: 'multiple',
  objective: 'obj-complaints',
  prompt: '以下哪些做法体现了“先处理心情，再处理事情”？',
  weight: 2,
  explanation: '先让客户感到被理解，再解决问题。',
  options: [
    { id: 'a', text: '耐心倾听客户的抱怨', feedback: '倾听让客户感到被重视。' },
    { id: 'b', text: '先向客户解释公司规定', feedback: '此时解释规定会激化情绪。' },
    { id: 'c', text: '对客户的感受表示理解', feedback: '共情能缓和情绪。' },
    { id: 'd', text: '立即打断客户给出方案', feedback: '打断客户会让客户更不满。' },
  ],
  answer: ['a', 'c'],
};

export const trueFalse: TrueFalseQuestion = {
  id: 'first-contact-rule',
  type: 'true-false',
  prompt: '首问负责制是指第一位接待客户的员工要负责跟进，直到问题解决。',
  explanation: '首问责任人不得推诿，要跟进到底。',
  answer: true,
  feedback: { true: '对，首问责任人负责到底。', false: '不对，首问责任人不能把客户推给别人了事。' },
};

export const fillIn: FillInQuestion = {
  id: 'hotline-number',
  type: 'fill-in',
  prompt: '中国移动的客服热线号码是多少？',
  explanation: '10086 是中国移动的全国统一客服热线。',
  answer: ['10086'],
  feedback: { correct: '对，10086 全天候服务。', incorrect: '不对，请记住 10086。' },
};

export const sequencing: SequencingQuestion = {
  id: 'complaint-steps',
  type: 'sequencing',
  objective: 'obj-complaints',
  prompt: '请按正确顺序排列投诉处理的步骤。',
  explanation: '先倾听和致歉，再受理、解决，最后回访。',
  items: [
    { id: 'listen', text: '耐心倾听', feedback: '第一步是倾听，让客户把话说完。' },
    { id: 'apologise', text: '真诚致歉', feedback: '倾听之后先致歉。' },
    { id: 'accept', text: '迅速受理', feedback: '致歉后马上受理。' },
    { id: 'solve', text: '解决问题', feedback: '受理后给出解决方案。' },
    { id: 'follow', text: '跟踪回访', feedback: '最后回访确认满意。' },
  ],
  answer: ['listen', 'apologise', 'accept', 'solve', 'follow'],
  feedback: { correct: '顺序完全正确。', incorrect: '顺序不完全正确。' },
};

export const matching: MatchingQuestion = {
  id: 'channel-traits',
  type: 'matching',
  prompt: '请把服务渠道和它的特点配对。',
  explanation: '营业厅面对面，热线靠语音，App 靠自助。',
  sources: [
    { id: 'hall', text: '营业厅', feedback: '营业厅提供面对面服务。' },
    { id: 'hotline', text: '10086 热线', feedback: '热线提供语音服务。' },
    { id: 'app', text: '手机营业厅 App', feedback: 'App 以自助服务为主。' },
  ],
  targets: [
    { id: 'face', text: '面对面服务' },
    { id: 'voice', text: '语音服务' },
    { id: 'self', text: '自助服务' },
  ],
  answer: { hall: 'face', hotline: 'voice', app: 'self' },
  feedback: { correct: '全部配对正确。', incorrect: '有配对不正确。' },
};
