import { StudioQuizEditor } from './quiz-editor.js';

if (!customElements.get('studio-quiz-editor')) customElements.define('studio-quiz-editor', StudioQuizEditor);

declare global {
  interface HTMLElementTagNameMap {
    'studio-quiz-editor': StudioQuizEditor;
  }
}

export { StudioQuizEditor };
