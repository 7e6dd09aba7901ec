/**
 * The order in which a question shows its options, items, sources and targets: shuffled with a seed when the quiz
 * shuffles, so a reload shows the same order, and never a sequencing question that starts solved. No DOM.
 */
import { seededShuffle } from './shuffle.js';
import type { Question } from './types.js';

/** Something an input displays: an option, an item to order, a source or a target. */
export interface DisplayItem {
  id: string;
  text: string;
}

/** The display orders of one question; the parts the question type does not have are empty. */
export interface QuestionOrder {
  /** Options of a single or multiple choice question. */
  options: DisplayItem[];
  /** Item ids of a sequencing question in their starting order: never the correct order (with two items or more). */
  sequencingStart: string[];
  /** Sources and targets of a matching question. */
  sources: DisplayItem[];
  targets: DisplayItem[];
}

/** `order` unless it is `answer` (then rotated left by one), so a sequencing question never starts solved. */
export function unsolvedStart(order: readonly string[], answer: readonly string[]): string[] {
  const start = [...order];
  if (start.length > 1 && start.every((id, index) => answer[index] === id)) start.push(start.shift()!);
  return start;
}

/**
 * The display orders of a question. With `shuffle`, each part is shuffled with the seed `<seed>|<question id>|<part>`
 * (part: `options`, `items`, `sources`, `targets`); without, the file order is kept. Either way a sequencing question
 * that would start in the correct order is rotated by one.
 */
export function questionOrder(question: Question, seed: string, shuffle: boolean): QuestionOrder {
  const order = <T>(items: readonly T[], part: string): T[] =>
    shuffle ? seededShuffle(items, `${seed}|${question.id}|${part}`) : [...items];
  const pick = ({ id, text }: DisplayItem): DisplayItem => ({ id, text });
  const ids = (items: readonly DisplayItem[]): string[] => items.map((item) => item.id);
  return {
    options: 'options' in question ? order(question.options.map(pick), 'options') : [],
    sequencingStart:
      question.type === 'sequencing' ? unsolvedStart(order(ids(question.items), 'items'), question.answer) : [],
    sources: question.type === 'matching' ? order(question.sources.map(pick), 'sources') : [],
    targets: question.type === 'matching' ? order(question.targets.map(pick), 'targets') : [],
  };
}
