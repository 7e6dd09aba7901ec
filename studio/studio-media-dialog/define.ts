import { StudioMediaDialog } from './studio-media-dialog.js';

customElements.define('studio-media-dialog', StudioMediaDialog);

declare global {
  interface HTMLElementTagNameMap {
    'studio-media-dialog': StudioMediaDialog;
  }
}
