import { CoursePage } from './course-page.js';

customElements.define('course-page', CoursePage);

declare global {
  interface HTMLElementTagNameMap {
    'course-page': CoursePage;
  }
}
