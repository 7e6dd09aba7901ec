/** The report's words in Chinese and English, and the formatting both outputs share. */
export type ReportLang = 'zh-CN' | 'en';

const ZH = {
  title: '学习情况报告',
  generated: '生成时间',
  statements: '学习记录条数',
  completionTitle: '完成情况（每位学员一行）',
  itemsTitle: '题目分析',
  decisionsTitle: '角色扮演：每个决策点的选择',
  endingsTitle: '角色扮演：到达的结局',
  name: '姓名',
  identifier: '账号或邮箱',
  registrations: '注册号',
  modules: '完成模块',
  courseCompleted: '课程完成',
  passed: '是否通过',
  best: '最高分',
  last: '最近得分',
  attempts: '测评次数',
  time: '学习时长',
  first: '首次学习',
  lastActivity: '最近学习',
  yes: '是',
  no: '否',
  pass: '通过',
  fail: '未通过',
  none: '未参加',
  kind: '类别',
  question: '题目',
  decision: '角色扮演决策',
  ending: '角色扮演结局',
  id: 'ID',
  quiz: '测验',
  prompt: '题干 / 客户说的话',
  answered: '作答次数',
  firstTries: '首次作答数',
  firstTryCorrect: '首次答对率',
  topWrong: '最常见的错误答案',
  replies: '各回答被选次数',
  reached: '到达次数',
  roleplay: '角色扮演',
  outcome: '结果',
  funnelChart: '各模块完成人数',
  scoreChart: '最终测评最高分分布',
  difficultyChart: '题目难度：首次答对率',
  pathsChart: '角色扮演：各回答被选比例',
  dataTable: '图表数据',
  sortHint: '点击列标题排序',
  learners: '学员数',
  scoreBand: '分数段',
  share: '比例',
  reply: '回答',
  harmful: '（有害）',
  good: '好',
  neutral: '一般',
  bad: '差',
  count: '次数',
  skip: '跳到完成情况',
  empty: '暂无数据',
};

export type Labels = Record<keyof typeof ZH, string>;

const EN: Labels = {
  title: 'Learning report',
  generated: 'Generated',
  statements: 'Statements',
  completionTitle: 'Completion (one row per learner)',
  itemsTitle: 'Question analysis',
  decisionsTitle: 'Role-plays: choices at each decision',
  endingsTitle: 'Role-plays: endings reached',
  name: 'Name',
  identifier: 'Account or email',
  registrations: 'Registrations',
  modules: 'Modules completed',
  courseCompleted: 'Course completed',
  passed: 'Passed',
  best: 'Best score',
  last: 'Last score',
  attempts: 'Attempts',
  time: 'Total time',
  first: 'First activity',
  lastActivity: 'Last activity',
  yes: 'yes',
  no: 'no',
  pass: 'passed',
  fail: 'failed',
  none: 'not taken',
  kind: 'Kind',
  question: 'question',
  decision: 'role-play decision',
  ending: 'role-play ending',
  id: 'ID',
  quiz: 'Quiz',
  prompt: "Prompt / customer's line",
  answered: 'Times answered',
  firstTries: 'First tries',
  firstTryCorrect: 'Correct on first try',
  topWrong: 'Most chosen wrong answers',
  replies: 'Times each reply was taken',
  reached: 'Times reached',
  roleplay: 'Role-play',
  outcome: 'Outcome',
  funnelChart: 'Learners who completed each module',
  scoreChart: 'Best final-assessment scores',
  difficultyChart: 'Question difficulty: correct on the first try',
  pathsChart: 'Role-plays: share of each reply',
  dataTable: 'Chart data',
  sortHint: 'Select a column heading to sort',
  learners: 'Learners',
  scoreBand: 'Score band',
  share: 'Share',
  reply: 'Reply',
  harmful: ' (harmful)',
  good: 'good',
  neutral: 'neutral',
  bad: 'bad',
  count: 'Count',
  skip: 'Skip to completion',
  empty: 'No data yet',
};

export const LABELS: Record<ReportLang, Labels> = { 'zh-CN': ZH, en: EN };

/** Milliseconds as `H:MM:SS`. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** An ISO time in the report's time zone as `YYYY-MM-DD HH:MM` (default China Standard Time, which HR reads). */
export function formatTime(iso: string, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function formatPercent(share: number | null): string {
  return share === null ? '' : `${Math.round(share * 1000) / 10}%`;
}

export function formatScore(score: number | null): string {
  return score === null ? '' : String(Math.round(score * 10) / 10);
}

/** The completion table's columns, in order: one list for the CSV and the HTML page. */
export function completionHeaders(L: Labels): string[] {
  return [
    L.name,
    L.identifier,
    L.registrations,
    L.modules,
    L.courseCompleted,
    L.passed,
    L.best,
    L.last,
    L.attempts,
    L.time,
    L.first,
    L.lastActivity,
  ];
}

/** A learner's result in words: passed, failed, or not taken yet. */
export function passedLabel(L: Labels, passed: boolean | null): string {
  return passed === null ? L.none : passed ? L.pass : L.fail;
}
