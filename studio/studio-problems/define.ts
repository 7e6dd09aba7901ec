import { StudioProblems } from './studio-problems.js';

customElements.define('studio-problems', StudioProblems);

declare global {
  interface HTMLElementTagNameMap {
    'studio-problems': StudioProblems;
  }
}
