import { QuestionFillIn } from './question-fill-in.js';

if (!customElements.get('question-fill-in')) customElements.define('question-fill-in', QuestionFillIn);

declare global {
  interface HTMLElementTagNameMap {
    'question-fill-in': QuestionFillIn;
  }
}
