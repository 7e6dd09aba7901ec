import { StudioNameDialog } from './studio-name-dialog.js';

customElements.define('studio-name-dialog', StudioNameDialog);

declare global {
  interface HTMLElementTagNameMap {
    'studio-name-dialog': StudioNameDialog;
  }
}
