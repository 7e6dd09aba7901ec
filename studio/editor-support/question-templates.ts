import type { QuestionType } from '../../core/types.js';
import type { Plain } from './yaml-edits.js';

type PlainObject = { [key: string]: Plain };

/** Keys every question type shares; the rest belong to one type. */
const COMMON = ['id', 'type', 'objective', 'prompt', 'weight', 'explanation', 'tags', 'attempts', 'revealAnswer'];

const option = (id: string, text: string, feedback: string): PlainObject => ({ id, text, feedback });
const outcome = (): PlainObject => ({ correct: '回答正确。', incorrect: '回答不正确。' });

/** The parts of a new question of `type` beyond the common keys: a small valid example the trainer rewrites. */
function typeParts(type: QuestionType): PlainObject {
  switch (type) {
    case 'single':
      return {
        options: [option('a', '选项一', '为什么对或错'), option('b', '选项二', '为什么对或错')],
        answer: 'a',
      };
    case 'multiple':
      return {
        options: [option('a', '选项一', '为什么对或错'), option('b', '选项二', '为什么对或错')],
        answer: ['a'],
      };
    case 'true-false':
      return { answer: true, feedback: { true: '选“对”时的反馈', false: '选“错”时的反馈' } };
    case 'fill-in':
      return { answer: ['答案'], feedback: outcome() };
    case 'sequencing':
      return {
        items: [option('first', '第一步', '为什么在这里'), option('second', '第二步', '为什么在这里')],
        answer: ['first', 'second'],
        feedback: outcome(),
      };
    case 'matching':
      return {
        sources: [option('s1', '左一', '为什么对应'), option('s2', '左二', '为什么对应')],
        targets: [
          { id: 't1', text: '右一' },
          { id: 't2', text: '右二' },
        ],
        answer: { s1: 't1', s2: 't2' },
        feedback: outcome(),
      };
  }
}

/** A new question of `type` with id `id`, valid as it stands. */
export function newQuestion(type: QuestionType, id: string): PlainObject {
  return { id, type, prompt: '题干', ...typeParts(type) };
}

/**
 * The question turned into another type: the common fields kept (prompt, objective, explanation…), choice options
 * kept between single and multiple (the answer adapted), the other type's parts replaced by the new type's example.
 */
export function convertQuestion(question: PlainObject, type: QuestionType): PlainObject {
  const kept: PlainObject = {};
  for (const key of COMMON) if (question[key] !== undefined) kept[key] = question[key];
  kept['type'] = type;
  const from = question['type'];
  const choice = (t: unknown): boolean => t === 'single' || t === 'multiple';
  if (choice(from) && choice(type) && Array.isArray(question['options'])) {
    const answer = question['answer'];
    const ids = Array.isArray(answer) ? answer.map(String) : typeof answer === 'string' ? [answer] : [];
    return {
      ...kept,
      options: question['options'],
      answer: type === 'single' ? (ids[0] ?? '') : ids,
    };
  }
  return { ...kept, ...typeParts(type) };
}

/** An id not in `taken`, from `base` (`base`, `base-2`, `base-3`…). */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
