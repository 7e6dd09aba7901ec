import type { Quiz } from '../../core/types.js';

/**
 * Sample quiz used by the tests: two pools, mixed question types and weights.
 * - Pool `basics` draws 2 of 3: a single choice (weight 1), a true-false (weight 1), a multiple choice (weight 2).
 * - Pool `practice` has no `draw`, so both questions are asked: a fill-in (weight 1) and a single choice (weight 2).
 * - 4 questions per attempt; pass mark 70 %; 2 attempts; one try per question.
 */
export const sampleQuiz: Quiz = {
  id: 'sample-quiz',
  title: '服务理念小测验',
  module: 'service-concepts',
  intro: '本测验检查你对服务理念的理解。每道题只能作答一次，提交后可以查看答题情况。',
  passingScore: 70,
  attempts: 2,
  questionAttempts: 1,
  revealAnswer: 'after-last-attempt',
  shuffle: true,
  pools: [
    {
      id: 'basics',
      title: '基础',
      draw: 2,
      questions: [
        {
          id: 'sq-first-contact',
          type: 'single',
          prompt: '客户来电咨询的问题不属于你的岗位职责，你应该怎么做？',
          options: [
            { id: 'a', text: '告诉客户打别的电话', feedback: '推诿会让客户反复奔波。' },
            { id: 'b', text: '记录问题并负责联系相关部门，跟进到底', feedback: '这就是首问负责制。' },
            { id: 'c', text: '请客户稍后再打来', feedback: '没有解决问题，客户还得再来。' },
          ],
          answer: 'b',
          explanation: '首问负责制：第一个接待客户的人负责到底。',
        },
        {
          id: 'sq-mood-first',
          type: 'true-false',
          prompt: '面对情绪激动的客户，应先安抚情绪，再处理问题。',
          answer: true,
          feedback: { true: '对：先处理心情，再处理事情。', false: '不对：情绪不平复，客户听不进解释。' },
        },
        {
          id: 'sq-listening',
          type: 'multiple',
          prompt: '下面哪些是积极倾听的做法？',
          weight: 2,
          options: [
            { id: 'a', text: '复述客户的要点', feedback: '复述让客户知道你听懂了。' },
            { id: 'b', text: '在客户说话时打断并纠正', feedback: '打断会让客户觉得不被尊重。' },
            { id: 'c', text: '适时回应“嗯”“明白”', feedback: '回应表示你在认真听。' },
          ],
          answer: ['a', 'c'],
        },
      ],
    },
    {
      id: 'practice',
      title: '实践',
      questions: [
        {
          id: 'sq-hotline',
          type: 'fill-in',
          prompt: '中国移动的客服热线号码是多少？',
          answer: ['10086'],
          feedback: { correct: '正确。', incorrect: '客服热线是 10086。' },
        },
        {
          id: 'sq-promise',
          type: 'single',
          prompt: '客户要求的处理时限你无法保证时，应该：',
          weight: 2,
          options: [
            { id: 'a', text: '先答应下来，让客户满意', feedback: '做不到的承诺会引发二次投诉。' },
            { id: 'b', text: '如实说明能做到的时限，并主动跟进', feedback: '诚实的承诺才能兑现。' },
          ],
          answer: 'b',
        },
      ],
    },
  ],
};
