import { StudioExport } from './studio-export.js';

customElements.define('studio-export', StudioExport);

declare global {
  interface HTMLElementTagNameMap {
    'studio-export': StudioExport;
  }
}
