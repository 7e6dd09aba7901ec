import { QuestionMatching } from './question-matching.js';

if (!customElements.get('question-matching')) customElements.define('question-matching', QuestionMatching);

declare global {
  interface HTMLElementTagNameMap {
    'question-matching': QuestionMatching;
  }
}
