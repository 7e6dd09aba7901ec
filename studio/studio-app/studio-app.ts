import { LitElement, html } from 'lit';
import { localized, msg } from '@lit/localize';
import { baseStyles } from '../../components/shared/tokens.styles.js';

/**
 * @summary The authoring studio's shell: token, course outline, editors, export and snapshots.
 */
@localized()
export class StudioApp extends LitElement {
  static override styles = [baseStyles];

  override render() {
    return html`<main><h1>${msg('创作工作室')}</h1></main>`;
  }
}
