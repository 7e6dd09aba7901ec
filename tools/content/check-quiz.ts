import { normaliseFillIn } from '../../core/normalise.js';
import { attemptRules, DEFAULT_RETRY_CREDIT } from '../../core/question-attempt.js';
import type { Question, Quiz } from '../../core/types.js';
import type { DiagnosticList } from './diagnostics.js';
import type { IdRegistry } from './ids.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

export interface QuizContext {
  source: YamlSource;
  diagnostics: DiagnosticList;
  ids: IdRegistry;
  /** Objective ids the quiz's questions may name. */
  objectives: Set<string>;
}

/**
 * Cross-checks a schema-valid quiz: ids, answer keys against options, draws against pool sizes, objectives, and the
 * attempt rules (a true/false has one try; feedback shown after a wrong try never gives the answer away).
 */
export function checkQuiz(quiz: Quiz, ctx: QuizContext): void {
  const { source, diagnostics, ids } = ctx;
  ids.claim(quiz.id, 'quiz', source.file, source.valueAt(['id']));
  quiz.pools.forEach((pool, p) => {
    ids.claim(pool.id, 'pool', source.file, source.valueAt(['pools', p, 'id']));
    if (pool.draw !== undefined && pool.draw > pool.questions.length) {
      diagnostics.add(
        source.file,
        source.valueAt(['pools', p, 'draw']),
        'draw-too-large',
        {
          zh: `题池“${pool.id}”要求每次抽取 ${pool.draw} 题，但只有 ${pool.questions.length} 题。`,
          en: `Pool "${pool.id}" draws ${pool.draw} questions but holds only ${pool.questions.length}.`,
        },
        {
          zh: `把 draw 改为不超过 ${pool.questions.length}，或增加题目。`,
          en: `Set draw to at most ${pool.questions.length}, or add questions.`,
        },
      );
    }
    pool.questions.forEach((question, q) => {
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
      checkTries(quiz, question, path, ctx);
    });
  });
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
