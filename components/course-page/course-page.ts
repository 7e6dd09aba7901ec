import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { coursePageStyles } from './course-page.styles.js';

/**
 * @summary A page of reading content. The HTML is rendered from markdown and sanitized at build time against an
 * allow-list, so it is trusted here; nothing is parsed as markdown in the learner's browser.
 */
export class CoursePage extends LitElement {
  static override styles = coursePageStyles;

  /** Sanitized HTML of the page body, from the built module data. */
  @property({ attribute: false }) html = '';

  override render() {
    return html`${unsafeHTML(this.html)}`;
  }
}
