import type { Position } from './diagnostics.js';
import { checkQuestionFeedback } from './check-feedback.js';
import { normaliseFillIn } from '../../core/normalise.js';
import { attemptRules, DEFAULT_RETRY_CREDIT } from '../../core/question-attempt.js';
import type { Question, Quiz } from '../../core/types.js';
import type { DiagnosticList } from './diagnostics.js';
import type { IdRegistry } from './ids.js';
import type { PoolFile } from './pool-references.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

export interface QuizContext {
  source: YamlSource;
  diagnostics: DiagnosticList;
  ids: IdRegistry;
  /** Objective ids the quiz's questions may name. */
  objectives: Set<string>;
}

/**
 * Cross-checks a schema-valid quiz: ids, answer keys against options, objectives, feedback (draws: pool-references),
 * and the attempt rules (a true/false has one try; feedback shown after a wrong try never gives the answer away).
 */
export function checkQuiz(quiz: Quiz, ctx: QuizContext): void {
  const { source, diagnostics, ids } = ctx;
  ids.claim(quiz.id, 'quiz', source.file, source.valueAt(['id']));
  quiz.pools.forEach((pool, p) => {
    ids.claim(pool.id, 'pool', source.file, source.valueAt(['pools', p, 'id']));
    const { questions, from, tags } = pool as PoolFile;
    if (!questions && !from && !tags) {
      diagnostics.add(
        source.file,
        source.valueAt(['pools', p]),
        'missing-field',
        {
          zh: `题池“${pool.id}”没有题目：既没有 questions，也没有用 from / tags 引用其他题池。`,
          en: `Pool "${pool.id}" has no questions: neither questions nor a from / tags reference.`,
        },
        {
          zh: '加上 questions（题目列表），或写 from: [测验或题池 id] 引用已有的题目。',
          en: 'Add questions, or from: [quiz or pool id] to take existing ones.',
        },
      );
    }
    (questions ?? []).forEach((question, q) => {
      const path: PathSegment[] = ['pools', p, 'questions', q];
      ids.claim(question.id, 'question', source.file, source.valueAt([...path, 'id']));
      if (question.objective !== undefined && !ctx.objectives.has(question.objective)) {
        diagnostics.add(
          source.file,
          source.valueAt([...path, 'objective']),
          'unknown-objective',
          {
            zh: `题目“${question.id}”引用的学习目标“${question.objective}”不存在。`,
            en: `Question "${question.id}" names the objective "${question.objective}", which does not exist.`,
          },
          {
            zh: `使用所属章节 module.yaml 中的目标 id：${[...ctx.objectives].join('、')}。`,
            en: `Use an objective id from the module's module.yaml: ${[...ctx.objectives].join(', ')}.`,
          },
        );
      }
      checkAnswerKey(question, path, ctx);
      checkQuestionFeedback(question, path, source, diagnostics);
      checkTries(quiz, question, path, ctx);
    });
  });
  if (quiz.final) checkFinalAssessment(quiz, ctx);
  checkLongestIsCorrect(quiz, ctx);
}

/**
 * Test-wise learners pick the longest option. When it is the right one in most single-answer questions of a bank,
 * the score measures that habit, not the learner's judgement: warn, naming the questions.
 */
function checkLongestIsCorrect(quiz: Quiz, ctx: QuizContext): void {
  const singles = quiz.pools.flatMap((pool) => pool.questions ?? []).filter((q) => q.type === 'single');
  if (singles.length < 4) return;
  const length = (text: string) => [...text].length;
  const longest = singles.filter((q) => {
    const answer = q.options.find((o) => o.id === q.answer);
    return answer !== undefined && q.options.every((o) => o === answer || length(o.text) < length(answer.text));
  });
  if (longest.length * 2 <= singles.length) return;
  const ids = longest.map((q) => q.id).join('、');
  ctx.diagnostics.warn(
    ctx.source.file,
    ctx.source.valueAt(['id']),
    'correct-longest',
    {
      zh: `本题库 ${singles.length} 道单选题中有 ${longest.length} 道的正确选项是最长的（${ids}）：学员只要挑最长的选项就能得分。`,
      en: `In ${longest.length} of ${singles.length} single-answer questions of this bank the correct option is the longest (${ids}): picking the longest option scores.`,
    },
    {
      zh: '改写其中一些题：让错误选项也写得具体、像新员工真会犯的错，或把正确选项写得更简洁。',
      en: 'Rewrite some of them: make wrong options as specific as a mistake a new employee would make, or the right one more concise.',
    },
  );
}

/**
 * A final assessment measures what was learnt: limited attempts, no right/wrong before submission, no answers shown
 * while the learner may still try again.
 */
function checkFinalAssessment(quiz: Quiz, ctx: QuizContext): void {
  const { source, diagnostics } = ctx;
  /** Where the setting is, or the `final: true` line when the file leaves it out. */
  const setting = (key: string): Position => {
    const at = source.keyAt([], key);
    const root = source.valueAt([]);
    return at.line === root.line && at.column === root.column ? source.keyAt([], 'final') : at;
  };
  if (quiz.attempts === 0) {
    diagnostics.add(
      source.file,
      setting('attempts'),
      'final-unlimited-attempts',
      {
        zh: '期末测验没有限制作答次数（attempts 为 0 或没有写）：学员可以反复重做，直到碰对答案。',
        en: 'The final assessment does not limit attempts (attempts is 0 or missing): a learner could retry until the answers are guessed.',
      },
      { zh: '写上“attempts: 3”（或其他正整数）。', en: 'Add "attempts: 3" (or another positive number).' },
    );
  }
  if (quiz.feedback === 'each-question') {
    diagnostics.add(
      source.file,
      setting('feedback'),
      'final-feedback-before-submit',
      {
        zh: '期末测验设置为每题检查答案后立即显示对错（feedback: each-question），学员提交前就能知道答案。',
        en: 'The final assessment shows right or wrong at each question (feedback: each-question), before it is submitted.',
      },
      {
        zh: '改为“feedback: after-submit”，或删除这一行（期末测验默认提交后才显示）。',
        en: 'Use "feedback: after-submit", or remove the line (the final assessment default).',
      },
    );
  }
  if (quiz.showAnswers === 'after-each-attempt') {
    diagnostics.add(
      source.file,
      setting('showAnswers'),
      'final-answers-too-early',
      {
        zh: '期末测验每次提交后都显示正确答案（showAnswers: after-each-attempt），学员下一次作答就能照抄。',
        en: 'The final assessment shows the correct answers after every attempt (showAnswers: after-each-attempt); the next attempt could copy them.',
      },
      {
        zh: '改为“showAnswers: after-pass-or-last-attempt”（通过或用完全部次数后才显示），或删除这一行。',
        en: 'Use "showAnswers: after-pass-or-last-attempt", or remove the line (the final assessment default).',
      },
    );
  }
}

function checkAnswerKey(question: Question, path: PathSegment[], ctx: QuizContext): void {
  const { source, diagnostics } = ctx;
  const notAmong = (value: string, at: PathSegment[], listName: string, valid: string[]): void =>
    diagnostics.add(
      source.file,
      source.valueAt(at),
      'answer-not-option',
      {
        zh: `题目“${question.id}”的答案“${value}”不在 ${listName} 的 id 中。`,
        en: `The answer "${value}" of question "${question.id}" is not one of its ${listName} ids.`,
      },
      {
        zh: `答案只能写 ${listName} 里已有的 id：${valid.join('、')}。`,
        en: `Use one of the ${listName} ids: ${valid.join(', ')}.`,
      },
    );
  const duplicates = (list: { id: string }[], listName: string): void => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        diagnostics.add(
          source.file,
          source.valueAt([...path, listName, i, 'id']),
          'duplicate-option',
          {
            zh: `题目“${question.id}”的 ${listName} 中 id“${item.id}”重复。`,
            en: `Question "${question.id}" repeats the id "${item.id}" in ${listName}.`,
          },
          {
            zh: '同一道题里每个选项的 id 必须不同，例如 a、b、c、d。',
            en: 'Each option of a question needs its own id, e.g. a, b, c, d.',
          },
        );
      }
      seen.add(item.id);
    });
  };

  switch (question.type) {
    case 'single':
    case 'multiple': {
      duplicates(question.options, 'options');
      const valid = question.options.map((o) => o.id);
      const answers = question.type === 'single' ? [question.answer] : question.answer;
      answers.forEach((a, i) => {
        if (!valid.includes(a))
          notAmong(a, question.type === 'single' ? [...path, 'answer'] : [...path, 'answer', i], 'options', valid);
      });
      break;
    }
    case 'sequencing': {
      duplicates(question.items, 'items');
      const valid = question.items.map((o) => o.id);
      question.answer.forEach((a, i) => {
        if (!valid.includes(a)) notAmong(a, [...path, 'answer', i], 'items', valid);
      });
      const missing = valid.filter((id) => !question.answer.includes(id));
      if (missing.length) {
        diagnostics.add(
          source.file,
          source.valueAt([...path, 'answer']),
          'answer-incomplete',
          {
            zh: `排序题“${question.id}”的答案漏掉了：${missing.join('、')}。`,
            en: `The answer of sequencing question "${question.id}" leaves out: ${missing.join(', ')}.`,
          },
          {
            zh: 'answer 要按正确顺序列出 items 中的每一个 id。',
            en: 'List every item id in answer, in the correct order.',
          },
        );
      }
      break;
    }
    case 'matching': {
      duplicates(question.sources, 'sources');
      duplicates(question.targets, 'targets');
      const sources = question.sources.map((o) => o.id);
      const targets = question.targets.map((o) => o.id);
      for (const [from, to] of Object.entries(question.answer)) {
        if (!sources.includes(from)) notAmong(from, [...path, 'answer', from], 'sources', sources);
        if (!targets.includes(to)) notAmong(to, [...path, 'answer', from], 'targets', targets);
      }
      const missing = sources.filter((id) => !(id in question.answer));
      if (missing.length) {
        diagnostics.add(
          source.file,
          source.valueAt([...path, 'answer']),
          'answer-incomplete',
          {
            zh: `连线题“${question.id}”没有给出这些项的答案：${missing.join('、')}。`,
            en: `Matching question "${question.id}" has no answer for: ${missing.join(', ')}.`,
          },
          {
            zh: 'answer 中为 sources 的每一项写出“左侧 id: 右侧 id”。',
            en: 'Give "source id: target id" in answer for every source.',
          },
        );
      }
      break;
    }
    default:
  }
}

/**
 * The attempt rules a trainer can break: a true/false with more than one try (two options: the second try is a given),
 * and feedback shown after a wrong try that contains an accepted answer while tries remain (the next try copies it).
 */
function checkTries(quiz: Quiz, question: Question, path: PathSegment[], ctx: QuizContext): void {
  const { source, diagnostics } = ctx;
  if (question.type === 'true-false' && (question.attempts ?? 1) > 1) {
    diagnostics.add(
      source.file,
      source.valueAt([...path, 'attempts']),
      'true-false-tries',
      {
        zh: `判断题“${question.id}”设置了 ${question.attempts} 次尝试机会；判断题只有两个选项，第二次必然答对。`,
        en: `True/false question "${question.id}" allows ${question.attempts} tries; with two options the second try is a given.`,
      },
      {
        zh: '删除这道题的 attempts，或改为 attempts: 1。判断题总是只有 1 次机会。',
        en: 'Remove attempts from this question, or set attempts: 1. A true/false question always has one try.',
      },
    );
  }
  const rules = attemptRules(question, { ...quiz, retryCredit: quiz.retryCredit ?? DEFAULT_RETRY_CREDIT });
  if (rules.triesAllowed < 2) return;
  const revealing = (text: string | undefined, answers: readonly string[]): string | undefined => {
    const shown = normaliseFillIn(text ?? '');
    return answers.find((answer) => {
      const key = normaliseFillIn(answer);
      return key.length >= 2 && shown.includes(key);
    });
  };
  const report = (at: PathSegment[], answer: string): void =>
    diagnostics.add(
      source.file,
      source.valueAt(at),
      'answer-in-feedback',
      {
        zh: `题目“${question.id}”答错后显示的反馈包含正确答案“${answer}”，而学员还有机会再试，下一次照抄即可。`,
        en: `The feedback question "${question.id}" shows after a wrong try contains the answer "${answer}", while the learner may still try again and copy it.`,
      },
      {
        zh: '改写这段反馈：提示思路或出处，但不写出答案；答案会在用完尝试次数后显示，也可以写在 explanation 中。',
        en: 'Rewrite this feedback to hint at the reasoning or the source without the answer; the answer is shown once tries run out, and explanation may state it.',
      },
    );
  switch (question.type) {
    case 'fill-in': {
      const answer = revealing(question.feedback.incorrect, question.answer);
      if (answer !== undefined) report([...path, 'feedback', 'incorrect'], answer);
      break;
    }
    case 'single':
    case 'multiple': {
      const right = new Set(question.type === 'single' ? [question.answer] : question.answer);
      const answers = question.options.filter((option) => right.has(option.id)).map((option) => option.text);
      question.options.forEach((option, i) => {
        if (right.has(option.id)) return;
        const answer = revealing(option.feedback, answers);
        if (answer !== undefined) report([...path, 'options', i, 'feedback'], answer);
      });
      break;
    }
    default:
  }
}
