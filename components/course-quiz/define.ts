import { CourseQuiz } from './course-quiz.js';

if (!customElements.get('course-quiz')) customElements.define('course-quiz', CourseQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'course-quiz': CourseQuiz;
  }
}

export { CourseQuiz };
