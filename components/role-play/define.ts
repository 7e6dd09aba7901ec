import { RolePlayElement } from './role-play.js';

if (!customElements.get('role-play')) customElements.define('role-play', RolePlayElement);

declare global {
  interface HTMLElementTagNameMap {
    'role-play': RolePlayElement;
  }
}

export { RolePlayElement };
