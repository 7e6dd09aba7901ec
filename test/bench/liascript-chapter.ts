/**
 * Writes bench/fixtures/liascript/chapter.md: the course's introduction (whose first page is the welcome page) and
 * first chapter (service-concepts: nine pages, the weather-forecast role-play and the chapter quiz) converted into
 * LiaScript markdown, the same text and the same questions, for the side-by-side benchmark. Rerun after the content
 * changes: `npx tsx test/bench/liascript-chapter.ts`; the output is committed so the bench reads a fixed file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'bench/fixtures/liascript/chapter.md');

interface Option {
  id: string;
  text: string;
  feedback?: string;
}
interface Question {
  id: string;
  type: 'single' | 'multiple' | 'fill-in' | 'true-false' | 'matching' | 'sequencing';
  prompt: string;
  options?: Option[];
  items?: Option[];
  sources?: Option[];
  targets?: Option[];
  answer: unknown;
  feedback?: Record<string, string>;
  explanation?: string;
}
interface Reply {
  id: string;
  text: string;
  score: number;
  feedback: string;
  rule?: string;
  next: string;
}
interface Node {
  id: string;
  narration?: string;
  line: string;
  replies?: Reply[];
  ending?: { outcome: string; title: string; debrief: string };
}

const HEADER = `<!--
author:   电信客户服务基础（课程组）
language: zh
mode:     Textbook
comment:  The course's introduction and first chapter, converted for the benchmark side by side with LiaScript.
-->

<!--
Converted from modules/00-introduction, modules/01-service-concepts and quizzes/service-concepts.yaml by
test/bench/liascript-chapter.ts (do not edit by hand). Same text, same questions. What LiaScript cannot express:
- Pages: LiaScript makes a section of every heading, so a page's own "##" headings become sub-sections of it.
- Quiz: our quiz draws 10 of these 22 questions at random, shuffles them, allows 2 tries a question and counts a
  pass mark (80); LiaScript shows every question in order with unlimited tries and no quiz score or pass mark.
- Feedback per option, per wrong answer and per try: LiaScript has hints and one solution text shown after the
  question is solved or given up; each option's feedback is put in that solution text, after the explanation.
- Fill-in with several accepted answers: a check script accepts the same list.
- True/false: a single-choice question with the two answers 正确 / 错误.
- Matching and sequencing: a single-choice matrix (one row per item; the columns are the targets, or the positions).
- The role-play branches on each reply (and scores the path); LiaScript has no branching, so every step of it is a
  single-choice question in the order written (best replies marked right), each reply's feedback in the solution
  text, and the endings are listed after it.
-->
`;

function pageBody(file: string): { title: string; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const meta = parse(match[1]!) as { title: string };
  // The page's own headings go one level down, under the page's title.
  const body = match[2]!.trim().replace(/^(#{1,5}) /gm, '#$1 ');
  return { title: meta.title, body };
}

const solution = (lines: (string | undefined)[]): string => {
  const text = lines.filter((l): l is string => !!l).join('\n\n');
  return text
    ? `\n****************************************\n\n${text}\n\n****************************************\n`
    : '';
};

const feedbackLines = (options: Option[] | undefined): string[] =>
  (options ?? []).filter((o) => o.feedback).map((o) => `- ${o.text}：${o.feedback}`);

function matrix(columns: string[], rows: { text: string; column: number }[]): string {
  const head = `[${columns.map((c) => `(${c})`).join(' ')}]`;
  const body = rows.map((r) => `[${columns.map((_, i) => (i === r.column ? '(X)' : '( )')).join(' ')}] ${r.text}`);
  return [head, ...body].join('\n');
}

function question(q: Question, n: number): string {
  const title = `### 第 ${n} 题\n\n${q.prompt}\n\n`;
  const general = [
    q.feedback?.correct && `答对时：${q.feedback.correct}`,
    q.feedback?.incorrect && `答错时：${q.feedback.incorrect}`,
  ];
  switch (q.type) {
    case 'single': {
      const quiz = q.options!.map((o) => `[(${o.id === q.answer ? 'X' : ' '})] ${o.text}`).join('\n');
      return title + quiz + solution([q.explanation, ...general, ...feedbackLines(q.options)]);
    }
    case 'multiple': {
      const answer = q.answer as string[];
      const quiz = q.options!.map((o) => `[[${answer.includes(o.id) ? 'X' : ' '}]] ${o.text}`).join('\n');
      return title + quiz + solution([q.explanation, ...general, ...feedbackLines(q.options)]);
    }
    case 'true-false': {
      const quiz = `[(${q.answer === true ? 'X' : ' '})] 正确\n[(${q.answer === false ? 'X' : ' '})] 错误`;
      const tf = [
        q.feedback?.true && `选“正确”时：${q.feedback.true}`,
        q.feedback?.false && `选“错误”时：${q.feedback.false}`,
      ];
      return title + quiz + solution([q.explanation, ...tf]);
    }
    case 'fill-in': {
      const answers = q.answer as string[];
      const check = `<script>\n  ${JSON.stringify(answers)}.includes("@input".trim())\n</script>`;
      return title + `[[${answers[0]}]]\n${check}` + solution([q.explanation, ...general]);
    }
    case 'matching': {
      const targets = q.targets!;
      const answer = q.answer as Record<string, string>;
      const quiz = matrix(
        targets.map((t) => t.text),
        q.sources!.map((s) => ({ text: s.text, column: targets.findIndex((t) => t.id === answer[s.id]) })),
      );
      return title + quiz + solution([q.explanation, ...general, ...feedbackLines(q.sources)]);
    }
    case 'sequencing': {
      const order = q.answer as string[];
      const quiz = matrix(
        order.map((_, i) => `第${i + 1}步`),
        q.items!.map((item) => ({ text: item.text, column: order.indexOf(item.id) })),
      );
      return title + quiz + solution([q.explanation, ...general, ...feedbackLines(q.items)]);
    }
  }
}

function rolePlay(file: string): string {
  const rp = parse(readFileSync(file, 'utf8')) as {
    title: string;
    scenario: string;
    customer: { name: string; description: string };
    learnerRole: string;
    nodes: Node[];
  };
  const parts = [
    `## 情景演练：${rp.title}`,
    rp.scenario,
    `**客户：**${rp.customer.name}。${rp.customer.description}`,
    `**你的角色：**${rp.learnerRole}`,
  ];
  let step = 0;
  for (const node of rp.nodes.filter((n) => n.replies)) {
    const best = Math.max(...node.replies!.map((r) => r.score));
    parts.push(
      `### 第 ${++step} 步`,
      ...(node.narration ? [`*${node.narration}*`] : []),
      `> ${rp.customer.name}：${node.line}`,
      node.replies!.map((r) => `[(${r.score === best ? 'X' : ' '})] ${r.text}`).join('\n') +
        solution(node.replies!.map((r) => `- ${r.text}\n\n  点评：${r.feedback}${r.rule ? `（${r.rule}）` : ''}`)),
    );
  }
  parts.push('### 结局');
  for (const node of rp.nodes.filter((n) => n.ending)) {
    parts.push(
      `**${node.ending!.title}**`,
      ...(node.narration ? [`*${node.narration}*`] : []),
      `> ${rp.customer.name}：${node.line}`,
      node.ending!.debrief,
    );
  }
  return parts.join('\n\n');
}

function chapter(dir: string, firstLevel: '#' | '##'): string[] {
  const module = parse(readFileSync(join(root, 'modules', dir, 'module.yaml'), 'utf8')) as {
    title: string;
    description: string;
  };
  const parts: string[] = [];
  const files = readdirSync(join(root, 'modules', dir))
    .filter((f) => /^\d+-.*\.(md|roleplay\.yaml)$/.test(f))
    .sort();
  for (const f of files) {
    if (f.endsWith('.md')) {
      const { title, body } = pageBody(join(root, 'modules', dir, f));
      parts.push(`${firstLevel} ${title}\n\n${body}`);
    } else parts.push(rolePlay(join(root, 'modules', dir, f)));
  }
  return [`# ${module.title}\n\n${module.description}`, ...parts];
}

const intro = chapter('00-introduction', '#').slice(1);
const concepts = chapter('01-service-concepts', '##');
const quiz = parse(readFileSync(join(root, 'quizzes/service-concepts.yaml'), 'utf8')) as {
  title: string;
  intro: string;
  pools: { questions: Question[] }[];
};
const questions = quiz.pools.flatMap((p) => p.questions);
const quizPart = [`## ${quiz.title}\n\n${quiz.intro}`, ...questions.map((q, i) => question(q, i + 1))];
writeFileSync(out, `${HEADER}\n${[...intro, ...concepts, ...quizPart].join('\n\n')}\n`);
console.log(`wrote ${out}: ${questions.length} questions`);
