import { TrackingStatus } from './tracking-status.js';

customElements.define('tracking-status', TrackingStatus);

declare global {
  interface HTMLElementTagNameMap {
    'tracking-status': TrackingStatus;
  }
}
