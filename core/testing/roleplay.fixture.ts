import type { RolePlay } from '../types.js';

/**
 * Sample role-play used by the tests: an angry customer disputing a bill.
 * - Decision points on the longest path: start → doubt → verify → explain → offer (5).
 * - Endings: resolved (good), follow-up (neutral), escalated (bad).
 * - Branches rejoin: doubt → verify; both verify replies → explain; both explain replies → offer.
 * - 26 simple paths; the best total is 11 (greet-sorry, verify-safe, explain-clear, offer-waive).
 */
export const sampleRolePlay: RolePlay = {
  id: 'bill-dispute',
  title: '话费争议：王先生的 80 元',
  scenario: '王先生打进 10086 热线，说这个月话费比平时多了 80 元，语气很冲。',
  customer: { name: '王先生', description: '老客户，套餐用了五年，平时很少打客服电话。' },
  learnerRole: '10086 热线客服代表',
  start: 'start',
  required: { outcome: 'good', minScore: 8 },
  nodes: [
    {
      id: 'start',
      narration: '电话接通，王先生没等你说完开场白就开口了。',
      line: '你们又乱扣我钱！这个月话费多了 80 块，怎么回事？',
      mood: 'angry',
      replies: [
        {
          id: 'greet-sorry',
          text: '王先生，非常抱歉让您着急了，我马上帮您查一下这 80 元的明细。',
          score: 3,
          feedback: '先安抚情绪，再承诺行动，客户感到被重视。',
          rule: '先处理心情，再处理事情',
          next: 'verify',
        },
        {
          id: 'greet-deny',
          text: '系统扣费都是准确的，不会乱扣。',
          score: 0,
          feedback: '直接否定客户，只会让对方更生气。',
          rule: '不与客户争辩',
          next: 'doubt',
        },
        {
          id: 'greet-deflect',
          text: '这个我们这边查不了，您去营业厅问吧。',
          score: 0,
          feedback: '推诿是投诉升级的主要原因，热线能查的问题要当场查。',
          rule: '首问负责制',
          next: 'escalated',
        },
      ],
    },
    {
      id: 'doubt',
      line: '准确？那你说说多出来的钱是哪来的！',
      mood: 'impatient',
      replies: [
        {
          id: 'doubt-apologise',
          text: '对不起，是我刚才说得不好。我现在就帮您逐项核对。',
          score: 2,
          feedback: '及时认错并回到解决问题上，挽回了客户的信任。',
          rule: '先处理心情，再处理事情',
          next: 'verify',
        },
        {
          id: 'doubt-blame',
          text: '您自己不看短信提醒，这不能怪我们。',
          score: 0,
          feedback: '指责客户让矛盾升级。',
          rule: '不与客户争辩',
          next: 'escalated',
        },
      ],
    },
    {
      id: 'verify',
      line: '那你快点查，我还急着用呢。',
      mood: 'anxious',
      replies: [
        {
          id: 'verify-safe',
          text: '好的。为了保护您的账户安全，请告诉我机主姓名和身份证号后四位。',
          score: 2,
          feedback: '只核对必要信息，既保护账户安全也不让客户为难。',
          rule: '最少必要信息',
          next: 'explain',
        },
        {
          id: 'verify-password',
          text: '请把完整身份证号和服务密码都报给我。',
          score: 0,
          feedback: '客服不得索要服务密码，这会带来信息泄露风险。',
          rule: '不索要服务密码',
          next: 'explain',
        },
      ],
    },
    {
      id: 'explain',
      line: '核实好了吧？到底是什么费用？',
      mood: 'confused',
      replies: [
        {
          id: 'explain-clear',
          text: '查到了：5 号您在外地产生了 80 元的套餐外流量费。我把明细发到您手机上，您可以对照看看。',
          score: 3,
          feedback: '说清时间、原因、金额，并给出可核对的明细。',
          rule: '解释要具体可核对',
          next: 'offer',
        },
        {
          id: 'explain-vague',
          text: '是流量超出套餐了，您自己用的。',
          score: 1,
          feedback: '信息正确，但语气生硬且没有明细，客户难以接受。',
          rule: '解释要具体可核对',
          next: 'offer',
        },
      ],
    },
    {
      id: 'offer',
      line: '可我根本没收到提醒啊，这钱我不认。',
      mood: 'upset',
      replies: [
        {
          id: 'offer-waive',
          text: '理解您的心情。我帮您申请这次流量费的一次性减免，并开通流量提醒，以后快用完时会短信通知您。',
          score: 3,
          feedback: '在权限内解决问题，并预防再次发生。',
          rule: '解决问题并预防复发',
          next: 'resolved',
        },
        {
          id: 'offer-refuse',
          text: '规定就是这样，费用不能退。',
          score: 0,
          feedback: '只讲规定不讲方案，客户会选择投诉。',
          rule: '给出可行方案',
          next: 'escalated',
        },
        {
          id: 'offer-later',
          text: '我先帮您登记，48 小时内给您回复处理结果。',
          score: 1,
          feedback: '有跟进，但本可以当场解决的问题拖到了以后。',
          rule: '能当场解决的不拖延',
          next: 'follow-up',
        },
      ],
    },
    {
      id: 'resolved',
      line: '行，这样处理我能接受，谢谢你。',
      mood: 'satisfied',
      ending: {
        outcome: 'good',
        title: '问题当场解决',
        debrief: '你先安抚了情绪，再核实、解释并给出方案，客户满意地挂断了电话。',
      },
    },
    {
      id: 'follow-up',
      line: '好吧，那我等你们电话。',
      mood: 'neutral',
      ending: {
        outcome: 'neutral',
        title: '等待回访',
        debrief: '客户暂时接受了，但问题没有当场解决，仍有投诉风险。',
      },
    },
    {
      id: 'escalated',
      narration: '王先生挂断了电话，随后拨打了投诉热线。',
      ending: {
        outcome: 'bad',
        title: '客户投诉',
        debrief: '争辩、推诿或只讲规定，让一通普通的咨询变成了投诉。',
      },
    },
  ],
};
