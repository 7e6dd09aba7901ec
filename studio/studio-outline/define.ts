import { StudioOutline } from './studio-outline.js';

customElements.define('studio-outline', StudioOutline);

declare global {
  interface HTMLElementTagNameMap {
    'studio-outline': StudioOutline;
  }
}
