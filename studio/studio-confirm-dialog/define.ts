import { StudioConfirmDialog } from './studio-confirm-dialog.js';

customElements.define('studio-confirm-dialog', StudioConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'studio-confirm-dialog': StudioConfirmDialog;
  }
}
