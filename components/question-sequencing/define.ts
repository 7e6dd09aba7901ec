import { QuestionSequencing } from './question-sequencing.js';

if (!customElements.get('question-sequencing')) customElements.define('question-sequencing', QuestionSequencing);

declare global {
  interface HTMLElementTagNameMap {
    'question-sequencing': QuestionSequencing;
  }
}
