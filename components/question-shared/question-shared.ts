/**
 * What the question input components share with `<course-question>`: the internal events they fire and how they
 * render a mark after a check (the marks and the display items themselves are computed in core/marks.ts and
 * core/question-order.ts). These events bubble but are not composed: they stop at the `<course-question>` shadow
 * root, so only course events (see core/events.ts and components/shared/emit.ts) ever leave a question.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Mark } from '../../core/marks.js';
import { uiLang } from '../shared/interface-lang.js';

/** Fired by an input component (on itself) whenever the learner changes the response; read it from `.value`. */
export const QUESTION_CHANGE = 'question-change';
/** Fired by an input component when the learner asks to check the answer from the keyboard (Enter in fill-in). */
export const QUESTION_SUBMIT = 'question-submit';

/** Fires one of the internal question events from an input component. */
export function notify(source: EventTarget, name: typeof QUESTION_CHANGE | typeof QUESTION_SUBMIT): void {
  source.dispatchEvent(new Event(name, { bubbles: true, composed: false }));
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

/** Renders a mark as icon plus words (`✓ 正确`) in the interface language, or nothing. */
export function renderMark(mark: Mark | undefined): TemplateResult | typeof nothing {
  if (!mark) return nothing;
  return html`<span class="mark mark-${mark}" part="mark" lang=${uiLang()}
    ><span class="mark-icon" aria-hidden="true">${markIcon(mark)}</span>${markText(mark)}</span
  >`;
}
