/**
 * Language marking for interface words inside course content. Content elements (`<course-quiz>`, `<role-play>`, …)
 * carry the course's language (`lang` on their host, set by the player); their buttons, headings, status lines and
 * labels are interface words in the learner's chosen language. Those get `lang=${uiLang()}` on the element that holds
 * them, so a screen reader reads them with the right voice; course text is never put inside such an element and so
 * keeps the course's language. The table of contents does the same (`course-toc.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { getLocale } from '../../locales/localization.js';

/** The interface language, for `lang` on interface words. */
export function uiLang(): string {
  return getLocale();
}

// Private-use characters that frame a piece of course text inside an interface message.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PIECE = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`);

/**
 * An interface message with course text inside it (`规则：${rule}`), as a string that remembers which parts are course
 * text: pass the message as a function of its course-text placeholders, e.g.
 * `withContent((rule) => msg(str`规则：${rule}`), reply.rule)`. Render it with `renderUiText`; its `textContent` there
 * is the plain message.
 */
export function withContent(message: (...content: string[]) => string, ...content: string[]): string {
  return message(...content.map((text) => `${OPEN}${text}${CLOSE}`));
}

/**
 * Renders a message made with `withContent` (or a plain interface string): interface words in spans marked with the
 * interface language, course text unmarked so that it keeps the course's language of the element around it.
 */
export function renderUiText(text: string): TemplateResult {
  const pieces = text.split(PIECE);
  // split() with a capturing group alternates: interface words, course text, interface words, …
  return html`${pieces.map((piece, i) =>
    i % 2 === 1 ? piece : piece === '' ? nothing : html`<span lang=${uiLang()}>${piece}</span>`,
  )}`;
}

/** `renderUiText(withContent(message, ...content))`. */
export function uiWithContent(message: (...content: string[]) => string, ...content: string[]): TemplateResult {
  return renderUiText(withContent(message, ...content));
}
