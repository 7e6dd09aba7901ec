// UI strings of the preview LMS pages, Chinese and English. Every value is inserted with textContent, never as HTML.
const STRINGS = {
  'zh-CN': {
    appTitle: '预览 LMS',
    tagline: '在本机按真实 LMS 的方式启动课程，并查看它发送的每一条记录。',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    course: '课程',
    passMark: '及格分数',
    package: '课程包',
    notBuilt: '课程尚未生成。请运行 npm run build（npm start 会自动生成）。',
    launchHeading: '启动课程',
    learnerName: '学员姓名',
    account: '学员账号',
    accountHint: '例如工号，只能包含字母、数字和 . _ @ -',
    standard: '启动标准',
    cmi5: 'cmi5',
    xapi: 'xAPI（TinCan 启动）',
    scorm12: 'SCORM 1.2',
    scorm2004: 'SCORM 2004 第 4 版',
    launchMode: 'cmi5 启动模式',
    Normal: '正常（记录成绩）',
    Browse: '浏览（不记录成绩）',
    Review: '复习（不记录成绩）',
    newRegistration: '重新开始（新的注册，不接续上次的学习）',
    launch: '启动课程',
    launching: '正在准备启动…',
    launchesHeading: '最近的启动',
    noLaunches: '还没有启动记录。',
    learner: '学员',
    time: '时间',
    registration: '注册 ID',
    records: '查看记录',
    reportLink: '学习情况报告（cmi5 / xAPI 学员）',
    studioLink: '创作工作室（修改课程）',
    relaunch: '再次启动',
    recordsHeading: '学习记录',
    back: '返回启动页',
    live: '实时更新中：课程发送的记录会自动出现在这里。',
    liveLost: '与服务器的实时连接已断开，正在重试…',
    noStatements: '还没有记录。',
    verb: '动作',
    object: '对象',
    result: '结果',
    score: '分数',
    success: '是否通过',
    completion: '是否完成',
    duration: '用时',
    response: '作答',
    yes: '是',
    no: '否',
    rawJson: '完整 JSON',
    scormData: 'SCORM 数据模型（最近一次提交）',
    noScormData: '课程还没有提交过数据。',
    element: '数据元素',
    value: '值',
    error: '出错了：',
    statementCount: (n) => `共 ${n} 条记录`,
    scormPlayerTitle: 'SCORM 课程播放器',
    scormFrameTitle: '课程内容',
    scormLoading: '正在加载课程…',
    scormFailed: '无法加载 SCORM 启动信息：',
  },
  en: {
    appTitle: 'Preview LMS',
    tagline: 'Launch the course on this machine the way a real LMS does, and see every record it sends.',
    switchLanguage: '中文',
    switchLanguageLabel: '切换到中文',
    course: 'Course',
    passMark: 'Pass mark',
    package: 'Package',
    notBuilt: 'The course is not built yet. Run npm run build (npm start does it for you).',
    launchHeading: 'Launch the course',
    learnerName: 'Learner name',
    account: 'Learner account',
    accountHint: 'For example a staff number: letters, digits and . _ @ - only',
    standard: 'Launch standard',
    cmi5: 'cmi5',
    xapi: 'xAPI (TinCan launch)',
    scorm12: 'SCORM 1.2',
    scorm2004: 'SCORM 2004 4th edition',
    launchMode: 'cmi5 launch mode',
    Normal: 'Normal (results recorded)',
    Browse: 'Browse (no results recorded)',
    Review: 'Review (no results recorded)',
    newRegistration: 'Start over (new registration instead of continuing the last one)',
    launch: 'Launch',
    launching: 'Preparing the launch…',
    launchesHeading: 'Recent launches',
    noLaunches: 'No launches yet.',
    learner: 'Learner',
    time: 'Time',
    registration: 'Registration',
    records: 'View records',
    reportLink: 'Learning report (cmi5 / xAPI learners)',
    studioLink: 'Authoring studio (edit the course)',
    relaunch: 'Launch again',
    recordsHeading: 'Learning records',
    back: 'Back to the launcher',
    live: 'Live: records the course sends appear here as they arrive.',
    liveLost: 'Lost the live connection to the server; retrying…',
    noStatements: 'No records yet.',
    verb: 'Verb',
    object: 'Object',
    result: 'Result',
    score: 'Score',
    success: 'Passed',
    completion: 'Completed',
    duration: 'Duration',
    response: 'Response',
    yes: 'yes',
    no: 'no',
    rawJson: 'Full JSON',
    scormData: 'SCORM data model (last commit)',
    noScormData: 'The course has not committed any data yet.',
    element: 'Element',
    value: 'Value',
    error: 'Something went wrong: ',
    statementCount: (n) => `${n} record${n === 1 ? '' : 's'}`,
    scormPlayerTitle: 'SCORM course player',
    scormFrameTitle: 'Course content',
    scormLoading: 'Loading the course…',
    scormFailed: 'Could not load the SCORM launch: ',
  },
};

/** The page language: ?lang=, then the saved choice, then the browser's; Chinese by default. */
export function currentLanguage() {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('preview-lms-lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  return navigator.language?.toLowerCase().startsWith('zh') === false && navigator.language ? 'en' : 'zh-CN';
}

export function t(key, ...args) {
  const value = STRINGS[currentLanguage()][key] ?? STRINGS['zh-CN'][key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/** Fills every [data-i18n] element's text, sets <html lang>, and wires the language switch button. */
export function applyLanguage(onChange) {
  const lang = currentLanguage();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const button = document.getElementById('language');
  if (button) {
    button.textContent = t('switchLanguage');
    button.setAttribute('aria-label', t('switchLanguageLabel'));
    button.lang = lang === 'en' ? 'zh-CN' : 'en';
    button.onclick = () => {
      localStorage.setItem('preview-lms-lang', lang === 'en' ? 'zh-CN' : 'en');
      const url = new URL(location.href);
      url.searchParams.delete('lang');
      history.replaceState(null, '', url);
      applyLanguage(onChange);
      onChange?.();
    };
  }
}

/** The best string of an xAPI language map for the page language. */
export function pickLanguage(map) {
  if (!map || typeof map !== 'object') return '';
  const lang = currentLanguage().toLowerCase();
  const keys = Object.keys(map);
  const hit =
    keys.find((k) => k.toLowerCase() === lang) ??
    keys.find((k) => k.toLowerCase().split('-')[0] === lang.split('-')[0]) ??
    keys.find((k) => k.toLowerCase().startsWith('en')) ??
    keys[0];
  return hit === undefined ? '' : String(map[hit]);
}

/** Creates an element with text content only (never markup from data). */
export function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}
