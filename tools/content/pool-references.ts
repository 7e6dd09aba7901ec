import { closest, distance } from 'fastest-levenshtein';
import type { Question, QuestionPool, Quiz } from '../../core/types.js';
import type { DiagnosticList } from './diagnostics.js';
import type { YamlSource } from './yaml-source.js';

/**
 * A pool as written: its own questions, and/or questions it takes by reference from other pools or quizzes
 * (`from`), optionally only those carrying every tag in `tags`. `tags` without `from` takes from every module quiz.
 */
export interface PoolFile {
  id: string;
  title?: string;
  draw?: number;
  questions?: Question[];
  from?: string[];
  tags?: string[];
}

export interface QuizEntry {
  quiz: Quiz;
  source: YamlSource;
}

/**
 * Resolves every pool's references into its `questions`, so the player and scoring see plain pools, then checks
 * each draw against the resolved size. A reference is reported when it names nothing, names its own quiz or
 * forms a cycle, or when its tags select no question.
 */
export function resolvePoolReferences(quizzes: readonly QuizEntry[], diagnostics: DiagnosticList): void {
  const pools = new Map<string, { entry: QuizEntry; index: number }>();
  const quizzesById = new Map<string, QuizEntry>();
  for (const entry of quizzes) {
    quizzesById.set(entry.quiz.id, entry);
    entry.quiz.pools.forEach((pool, index) => pools.set(pool.id, { entry, index }));
  }
  const resolved = new Map<string, Question[]>();
  const resolving = new Set<string>();

  const resolve = (entry: QuizEntry, index: number): Question[] => {
    const pool = entry.quiz.pools[index] as QuestionPool & PoolFile;
    const done = resolved.get(pool.id);
    if (done) return done;
    const own = pool.questions ?? [];
    if (!pool.from && !pool.tags) {
      resolved.set(pool.id, own);
      return own;
    }
    resolving.add(pool.id);
    const { source } = entry;
    const taken: Question[] = [];
    let badReference = false;
    const refs = pool.from ?? quizzes.filter((q) => !q.quiz.final && q !== entry).map((q) => q.quiz.id);
    (pool.from ?? []).forEach((ref, r) => {
      const at = source.valueAt(['pools', index, 'from', r]);
      if (ref === entry.quiz.id || ref === pool.id || resolving.has(ref)) {
        badReference = true;
        diagnostics.add(
          source.file,
          at,
          'pool-reference-cycle',
          {
            zh: `题池“${pool.id}”引用了“${ref}”，而“${ref}”就是它自己（或又引用回了它），题目会无穷无尽地互相引用。`,
            en: `Pool "${pool.id}" refers to "${ref}", which is itself or refers back to it.`,
          },
          {
            zh: 'from 中只写其他测验或题池的 id（它们要有自己的 questions）。',
            en: 'In from, name other quizzes or pools that hold questions of their own.',
          },
        );
        return;
      }
      if (!pools.has(ref) && !quizzesById.has(ref)) {
        badReference = true;
        const known = [...quizzesById.keys(), ...pools.keys()].filter((id) => id !== entry.quiz.id);
        const guess = known.length ? closest(ref, known) : undefined;
        const near = guess !== undefined && distance(ref, guess) <= Math.max(2, Math.floor(ref.length / 3));
        diagnostics.add(
          source.file,
          at,
          'unknown-pool-reference',
          {
            zh: `题池“${pool.id}”引用的“${ref}”既不是测验 id，也不是题池 id。${near ? `是不是想写“${guess}”？` : ''}`,
            en: `Pool "${pool.id}" refers to "${ref}", which is neither a quiz nor a pool id.${near ? ` Did you mean "${guess}"?` : ''}`,
          },
          {
            zh: `改成已有的测验 id（引用整套测验的题）或题池 id：${known.join('、')}。`,
            en: `Use an existing quiz id (all its questions) or pool id: ${known.join(', ')}.`,
          },
        );
      }
    });
    for (const ref of refs) {
      if (ref === entry.quiz.id || ref === pool.id || resolving.has(ref)) continue;
      const target = pools.get(ref);
      if (target) taken.push(...resolve(target.entry, target.index));
      const quiz = quizzesById.get(ref);
      if (quiz) quiz.quiz.pools.forEach((_, i) => taken.push(...resolve(quiz, i)));
    }
    const tags = pool.tags ?? [];
    const selected = taken.filter((q) => tags.every((t) => q.tags?.includes(t)));
    if (!badReference && !selected.length) {
      diagnostics.add(
        source.file,
        source.valueAt(['pools', index, pool.tags ? 'tags' : 'from']),
        'pool-reference-empty',
        {
          zh: `题池“${pool.id}”引用的题目中${tags.length ? `没有一道同时带有标签 ${tags.join('、')}` : '一道题也没有'}。`,
          en: `Pool "${pool.id}" selects no question${tags.length ? ` tagged ${tags.join(', ')}` : ''}.`,
        },
        {
          zh: '检查 from 和 tags 的拼写，或者给要引用的题目加上 tags: [标签]。',
          en: 'Check the spelling of from and tags, or add tags to the questions meant.',
        },
      );
    }
    const seen = new Set(own.map((q) => q.id));
    const questions = [...own, ...selected.filter((q) => !seen.has(q.id) && (seen.add(q.id), true))];
    resolving.delete(pool.id);
    resolved.set(pool.id, questions);
    return questions;
  };

  for (const entry of quizzes) {
    entry.quiz.pools = entry.quiz.pools.map((pool, index) => {
      const { id, title, draw } = pool as PoolFile;
      const questions = resolve(entry, index);
      if (draw !== undefined && questions.length && draw > questions.length) {
        diagnostics.add(
          entry.source.file,
          entry.source.valueAt(['pools', index, 'draw']),
          'draw-too-large',
          {
            zh: `题池“${id}”要求每次抽取 ${draw} 题，但只有 ${questions.length} 题。`,
            en: `Pool "${id}" draws ${draw} questions but holds only ${questions.length}.`,
          },
          {
            zh: `把 draw 改为不超过 ${questions.length}，或增加题目。`,
            en: `Set draw to at most ${questions.length}, or add questions.`,
          },
        );
      }
      return { id, ...(title !== undefined ? { title } : {}), ...(draw !== undefined ? { draw } : {}), questions };
    });
  }
}
