import { QuestionChoice } from './question-choice.js';

if (!customElements.get('question-choice')) customElements.define('question-choice', QuestionChoice);

declare global {
  interface HTMLElementTagNameMap {
    'question-choice': QuestionChoice;
  }
}
