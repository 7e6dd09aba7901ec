import { CourseToc } from './course-toc.js';

customElements.define('course-toc', CourseToc);

declare global {
  interface HTMLElementTagNameMap {
    'course-toc': CourseToc;
  }
}
