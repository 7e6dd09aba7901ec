import { StudioPageEditor } from './page-editor.js';

customElements.define('studio-page-editor', StudioPageEditor);

declare global {
  interface HTMLElementTagNameMap {
    'studio-page-editor': StudioPageEditor;
  }
}
