import { StudioRoleplayEditor } from './roleplay-editor.js';

if (!customElements.get('studio-roleplay-editor'))
  customElements.define('studio-roleplay-editor', StudioRoleplayEditor);

declare global {
  interface HTMLElementTagNameMap {
    'studio-roleplay-editor': StudioRoleplayEditor;
  }
}

export { StudioRoleplayEditor };
