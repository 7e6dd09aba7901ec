import { StudioSnapshots } from './studio-snapshots.js';

customElements.define('studio-snapshots', StudioSnapshots);

declare global {
  interface HTMLElementTagNameMap {
    'studio-snapshots': StudioSnapshots;
  }
}
