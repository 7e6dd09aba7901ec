/**
 * The right-or-wrong marks a checked question shows next to each option, item or pair. Plain functions without DOM:
 * `<course-question>` computes them here and hands them to its input component, which only renders them.
 */
import type { QuestionResponse } from './interactions.js';
import type { Question } from './types.js';

/**
 * The verdict shown next to an option, item or pair after a check:
 * - `correct`: the learner's pick / position / pair is right;
 * - `incorrect`: it is wrong;
 * - `answer`: not picked by the learner but part of the correct answer (only when the answer is revealed).
 */
export type Mark = 'correct' | 'incorrect' | 'answer';

/** Marks by option, item or source id; absent ids show no mark. */
export type Marks = Readonly<Record<string, Mark>>;

/** The ids of the true-false "options", in display order. */
const TRUE_FALSE_IDS = ['true', 'false'];

/** A response as the selected ids of a choice input: `true` / `false` for true-false, none when there is none. */
export function choiceIds(response: QuestionResponse | null): string[] {
  if (typeof response === 'boolean') return [String(response)];
  if (typeof response === 'string') return [response];
  if (Array.isArray(response)) return response;
  return [];
}

/**
 * The marks of a checked response, per question type:
 * - choice and true-false: each picked option `correct` or `incorrect`; with `reveal`, each correct option not picked
 *   `answer`;
 * - sequencing: each item of the response `correct` when in its right position, else `incorrect`;
 * - matching: each source `correct` when paired with its target, else `incorrect` (also when unpaired);
 * - fill-in: none (the verdict is the question's own).
 */
export function questionMarks(question: Question, response: QuestionResponse | null, reveal: boolean): Marks {
  const marks: Record<string, Mark> = {};
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'true-false': {
      const picked = new Set(choiceIds(response));
      const correct = new Set<string>(
        question.type === 'multiple'
          ? question.answer
          : [question.type === 'single' ? question.answer : String(question.answer)],
      );
      const ids = question.type === 'true-false' ? TRUE_FALSE_IDS : question.options.map((option) => option.id);
      for (const id of ids) {
        if (picked.has(id)) marks[id] = correct.has(id) ? 'correct' : 'incorrect';
        else if (correct.has(id) && reveal) marks[id] = 'answer';
      }
      break;
    }
    case 'sequencing': {
      const order = Array.isArray(response) ? response : [];
      order.forEach((id, index) => (marks[id] = question.answer[index] === id ? 'correct' : 'incorrect'));
      break;
    }
    case 'matching': {
      const pairs = (response ?? {}) as Record<string, string>;
      for (const source of question.sources) {
        marks[source.id] = pairs[source.id] === question.answer[source.id] ? 'correct' : 'incorrect';
      }
      break;
    }
    case 'fill-in':
      break;
  }
  return marks;
}
