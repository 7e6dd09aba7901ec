import { StudioApp } from './studio-app.js';

customElements.define('studio-app', StudioApp);

declare global {
  interface HTMLElementTagNameMap {
    'studio-app': StudioApp;
  }
}
