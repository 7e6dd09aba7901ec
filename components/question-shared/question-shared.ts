/**
 * What the question input components share with `<course-question>`: the internal events they fire, the marks they
 * show after a check, and their display items. These events bubble but are not composed: they stop at the
 * `<course-question>` shadow root, so only course events (see core/events.ts) ever leave a question.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/** Fired by an input component (on itself) whenever the learner changes the response; read it from `.value`. */
export const QUESTION_CHANGE = 'question-change';
/** Fired by an input component when the learner asks to check the answer from the keyboard (Enter in fill-in). */
export const QUESTION_SUBMIT = 'question-submit';

/** Fires one of the internal question events from an input component. */
export function notify(source: EventTarget, name: typeof QUESTION_CHANGE | typeof QUESTION_SUBMIT): void {
  source.dispatchEvent(new Event(name, { bubbles: true, composed: false }));
}

/**
 * The verdict shown next to an option, item or pair after a check:
 * - `correct`: the learner's pick / position / pair is right;
 * - `incorrect`: it is wrong;
 * - `answer`: not picked by the learner but part of the correct answer (only when the answer is revealed).
 */
export type Mark = 'correct' | 'incorrect' | 'answer';

/** Marks by option, item or source id; absent ids show no mark. */
export type Marks = Readonly<Record<string, Mark>>;

/** Something an input displays: an option, an item to order, a source or a target. */
export interface DisplayItem {
  id: string;
  text: string;
}

/** The icon of a mark: never colour alone. */
function markIcon(mark: Mark): string {
  return mark === 'incorrect' ? '✗' : '✓';
}

/** The words of a mark, read by screen readers and shown next to the icon. */
function markText(mark: Mark): string {
  switch (mark) {
    case 'correct':
      return msg('正确');
    case 'incorrect':
      return msg('不正确');
    case 'answer':
      return msg('正确答案');
  }
}

/** Renders a mark as icon plus words (`✓ 正确`), or nothing. */
export function renderMark(mark: Mark | undefined): TemplateResult | typeof nothing {
  if (!mark) return nothing;
  return html`<span class="mark mark-${mark}" part="mark"
    ><span class="mark-icon" aria-hidden="true">${markIcon(mark)}</span>${markText(mark)}</span
  >`;
}
