import type { Question, RolePlay } from '../../core/types.js';
import type { DiagnosticList } from './diagnostics.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

/** Verdicts that say whether the answer was right but not why. */
const BARE_VERDICTS = new Set([
  '正确',
  '错误',
  '对',
  '错',
  '不对',
  '不正确',
  '对了',
  '错了',
  '答对了',
  '答错了',
  '回答正确',
  '回答错误',
  '正确答案',
  '很好',
  '好',
  'correct',
  'wrong',
  'incorrect',
  'right',
  'yes',
  'no',
  'ok',
  'true',
  'false',
]);

/** At least this many letters, digits or CJK characters: enough to give a reason. */
export const MIN_FEEDBACK_CHARS = 6;

/** Why a feedback text gives no reason, or null when it does. */
export function feedbackProblem(text: string): { zh: string; en: string } | null {
  const core = text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
  if (BARE_VERDICTS.has(core)) return { zh: '只说了对错，没有说明为什么', en: 'only a verdict, no reason' };
  if ([...core].length < MIN_FEEDBACK_CHARS)
    return { zh: `太短（不到 ${MIN_FEEDBACK_CHARS} 个字），说不清为什么`, en: `too short to give a reason` };
  return null;
}

/** Every feedback text a question has, with its path in the file and a name for messages. */
export function questionFeedback(q: Question): { path: PathSegment[]; where: string; text: string }[] {
  const out: { path: PathSegment[]; where: string; text: string | undefined }[] = [];
  const outcome = (fb: { correct: string; incorrect: string }): void => {
    out.push({ path: ['feedback', 'correct'], where: ' feedback.correct（答对时）', text: fb.correct });
    out.push({ path: ['feedback', 'incorrect'], where: ' feedback.incorrect（答错时）', text: fb.incorrect });
  };
  switch (q.type) {
    case 'single':
    case 'multiple':
      q.options.forEach((o, i) =>
        out.push({ path: ['options', i, 'feedback'], where: `选项 ${o.id} `, text: o.feedback }),
      );
      break;
    case 'true-false':
      out.push({ path: ['feedback', 'true'], where: ' feedback.true（选“对”时）', text: q.feedback.true });
      out.push({ path: ['feedback', 'false'], where: ' feedback.false（选“错”时）', text: q.feedback.false });
      break;
    case 'fill-in':
      outcome(q.feedback);
      break;
    case 'sequencing':
      q.items.forEach((o, i) =>
        out.push({ path: ['items', i, 'feedback'], where: `排序项 ${o.id} `, text: o.feedback }),
      );
      outcome(q.feedback);
      break;
    case 'matching':
      q.sources.forEach((o, i) =>
        out.push({ path: ['sources', i, 'feedback'], where: `连线项 ${o.id} `, text: o.feedback }),
      );
      outcome(q.feedback);
      break;
  }
  return out.filter((f): f is { path: PathSegment[]; where: string; text: string } => typeof f.text === 'string');
}

const fix = {
  zh: '写清楚为什么对或为什么错，并点出依据（哪条规定、哪个知识点），例如“不对。营业厅是实体网点，源材料没有说它提供 7*24 小时服务。”',
  en: 'Say why the answer is right or wrong and on what rule or fact, e.g. "Not quite: the service hall is a physical outlet; the sources do not say it is open 24/7."',
};

/** The content rule "feedback gives a reason", for a question at `path` in its quiz file. */
export function checkQuestionFeedback(
  q: Question,
  path: PathSegment[],
  source: YamlSource,
  diagnostics: DiagnosticList,
): void {
  for (const f of questionFeedback(q)) {
    const problem = feedbackProblem(f.text);
    if (!problem) continue;
    diagnostics.add(
      source.file,
      source.valueAt([...path, ...f.path]),
      'feedback-no-reason',
      {
        zh: `题目“${q.id}”${f.where}的反馈“${f.text}”${problem.zh}。`,
        en: `The feedback "${f.text}" of question "${q.id}" (${f.path.join('.')}) is ${problem.en}.`,
      },
      fix,
    );
  }
}

/** The same rule for role-play replies: the feedback names why the reply is good or bad. */
export function checkRolePlayFeedback(roleplay: RolePlay, source: YamlSource, diagnostics: DiagnosticList): void {
  roleplay.nodes.forEach((node, n) =>
    (node.replies ?? []).forEach((reply, r) => {
      if (typeof reply.feedback !== 'string') return;
      const problem = feedbackProblem(reply.feedback);
      if (!problem) return;
      diagnostics.add(
        source.file,
        source.valueAt(['nodes', n, 'replies', r, 'feedback']),
        'feedback-no-reason',
        {
          zh: `情景演练“${roleplay.id}”节点 ${node.id} 的回答 ${reply.id} 的点评“${reply.feedback}”${problem.zh}。`,
          en: `The feedback "${reply.feedback}" of reply ${reply.id} at node ${node.id} is ${problem.en}.`,
        },
        fix,
      );
    }),
  );
}
