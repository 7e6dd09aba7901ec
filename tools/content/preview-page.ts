/**
 * The trainers' preview (dev server only, never in a build): every page, role-play and quiz in course order with
 * the file it comes from, and every question with its answer and all its feedback, so a new question can be read
 * without waiting for a random draw to pick it.
 */
import type { ModuleItem, Question, Quiz } from '../../core/types.js';
import type { BuiltCourse } from './load-course.js';

export interface Origin {
  file: string;
  line: number;
}

export interface PreviewFilter {
  /** Only this quiz (all its pools). */
  quiz?: string;
  /** Only this question (wherever it appears). */
  question?: string;
}

const TYPE_ZH: Record<Question['type'], string> = {
  single: '单选',
  multiple: '多选',
  'true-false': '判断',
  'fill-in': '填空',
  sequencing: '排序',
  matching: '连线',
};

const esc = (text: string | number | null | undefined): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const at = (origin: Origin | undefined): string =>
  origin ? `<code class="file">${esc(origin.file)}:${origin.line}</code>` : '';

function feedbackRow(label: string, text: string | undefined, correct?: boolean): string {
  const mark = correct === undefined ? '' : correct ? '<span class="ok">✓ 正确答案</span> ' : '';
  return `<li>${mark}<b>${esc(label)}</b>${text ? `<div class="fb">反馈：${esc(text)}</div>` : ''}</li>`;
}

function questionBody(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const answers = q.type === 'single' ? [q.answer] : q.answer;
      return `<ul>${q.options.map((o) => feedbackRow(`${o.id}. ${o.text}`, o.feedback, answers.includes(o.id))).join('')}</ul>`;
    }
    case 'true-false':
      return `<ul>${feedbackRow('对（true）', q.feedback.true, q.answer === true)}${feedbackRow('错（false）', q.feedback.false, q.answer === false)}</ul>`;
    case 'fill-in':
      return `<p>可接受的答案：${q.answer.map((a) => `<kbd>${esc(a)}</kbd>`).join(' ')}</p><ul>${feedbackRow('答对时', q.feedback.correct)}${feedbackRow('答错时', q.feedback.incorrect)}</ul>`;
    case 'sequencing': {
      const byId = new Map(q.items.map((i) => [i.id, i]));
      return `<p>正确顺序：</p><ol>${q.answer.map((id) => feedbackRow(`${id}. ${byId.get(id)?.text ?? ''}`, byId.get(id)?.feedback)).join('')}</ol><ul>${feedbackRow('答对时', q.feedback.correct)}${feedbackRow('答错时', q.feedback.incorrect)}</ul>`;
    }
    case 'matching': {
      const targets = new Map(q.targets.map((t) => [t.id, t.text]));
      return `<p>正确连线：</p><ul>${q.sources.map((s) => feedbackRow(`${s.text} → ${targets.get(q.answer[s.id] ?? '') ?? '（没有答案）'}`, s.feedback)).join('')}</ul><ul>${feedbackRow('答对时', q.feedback.correct)}${feedbackRow('答错时', q.feedback.incorrect)}</ul>`;
    }
  }
}

function questionCard(q: Question, quiz: Quiz, origins: ReadonlyMap<string, Origin>): string {
  const meta = [
    `${TYPE_ZH[q.type]}题`,
    q.objective && `学习目标 ${esc(q.objective)}`,
    q.weight !== undefined && `权重 ${q.weight}`,
    q.tags?.length && `标签 ${q.tags.map(esc).join('、')}`,
  ].filter(Boolean);
  return `<article class="question" id="q-${esc(q.id)}">
<h4><a href="?question=${encodeURIComponent(q.id)}">${esc(q.id)}</a> <small>${meta.join(' · ')}</small> ${at(origins.get(q.id))}</h4>
<p class="prompt">${esc(q.prompt)}</p>
${questionBody(q)}
${q.explanation ? `<p class="explanation">解析：${esc(q.explanation)}</p>` : ''}
<p class="link"><a href="?quiz=${encodeURIComponent(quiz.id)}">只看测验“${esc(quiz.title)}”</a></p>
</article>`;
}

function quizSection(quiz: Quiz, origins: ReadonlyMap<string, Origin>, filter: PreviewFilter): string {
  const pools = quiz.pools
    .map((pool) => {
      const questions = pool.questions.filter((q) => !filter.question || q.id === filter.question);
      if (!questions.length) return '';
      const draw =
        pool.draw === undefined
          ? `全部 ${pool.questions.length} 题都出`
          : `每次从 ${pool.questions.length} 题中抽 ${pool.draw} 题`;
      return `<section class="pool"><h3>题池 ${esc(pool.id)}${pool.title ? `：${esc(pool.title)}` : ''} <small>${draw}</small> ${at(origins.get(pool.id))}</h3>
${questions.map((q) => questionCard(q, quiz, origins)).join('\n')}</section>`;
    })
    .join('\n');
  if (!pools.trim()) return '';
  return `<section class="quiz"><h2>测验：${esc(quiz.title)} <small>${esc(quiz.id)} · 及格 ${quiz.passingScore} 分</small> ${at(origins.get(quiz.id))}</h2>${pools}</section>`;
}

function itemRow(moduleId: string, item: ModuleItem, origins: ReadonlyMap<string, Origin>): string {
  const kind = item.kind === 'page' ? '页面' : item.kind === 'roleplay' ? '情景演练' : '测验';
  const href = item.kind === 'quiz' ? `?quiz=${encodeURIComponent(item.id)}` : `/#/${moduleId}/${item.id}`;
  return `<li>${kind}：<a href="${esc(href)}">${esc(item.title)}</a> <small>${esc(item.id)}</small> ${at(origins.get(item.id))}</li>`;
}

/** The preview page: the course's contents with source files, then the questions the filter selects. */
export function renderPreview(
  course: BuiltCourse,
  origins: ReadonlyMap<string, Origin>,
  filter: PreviewFilter = {},
): string {
  const quizzes = course.modules
    .flatMap((m) => m.items)
    .flatMap((i) => (i.kind === 'quiz' ? [i.quiz] : []))
    .filter((q) => !filter.quiz || q.id === filter.quiz);
  const contents =
    filter.quiz || filter.question
      ? '<p><a href="?">← 全部内容</a></p>'
      : `<nav><h2>课程内容和文件</h2><ol>${course.index.modules
          .map((m) => {
            const items = course.modules.find((x) => x.id === m.id)?.items ?? [];
            return `<li><b>${esc(m.title)}</b> <small>${esc(m.id)}</small> ${at(origins.get(m.id))}<ul>${items.map((i) => itemRow(m.id, i, origins)).join('')}</ul></li>`;
          })
          .join(
            '',
          )}${course.index.finalAssessment ? `<li><b>${esc(course.index.finalAssessment.title)}</b> ${at(origins.get(course.index.finalAssessment.id))} <a href="?quiz=${encodeURIComponent(course.index.finalAssessment.id)}">看全部题目</a></li>` : ''}</ol></nav>`;
  const sections = quizzes.map((q) => quizSection(q, origins, filter)).join('\n');
  const nothing =
    (filter.quiz || filter.question) && !sections.trim()
      ? `<p class="missing">没有找到${filter.question ? `题目“${esc(filter.question)}”` : `测验“${esc(filter.quiz)}”`}。</p>`
      : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>题目预览 / Question preview – ${esc(course.index.title)}</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1d232a;line-height:1.6}
small{color:#5c6670}code.file{font-size:.85em;background:#eef4fb;padding:0 .3em;border-radius:4px}
.question{border:1px solid #d8dee6;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}.question h4{margin:.3rem 0}
.prompt{font-weight:600}.fb{color:#37414b}.ok{color:#1b7f3b;font-weight:700}.explanation{background:#f4f6f9;padding:.4rem .6rem}
.link{font-size:.9em}.missing{color:#b3261e}</style></head>
<body><main><h1>题目预览：${esc(course.index.title)}</h1>
<p>本页只在预览（npm start）中提供，学员看不到。每道题列出正确答案和全部反馈，以及它所在的文件和行号。</p>
${contents}${nothing}${sections}</main></body></html>`;
}
