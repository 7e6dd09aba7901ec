import { CourseQuestion } from './course-question.js';

if (!customElements.get('course-question')) customElements.define('course-question', CourseQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'course-question': CourseQuestion;
  }
}
