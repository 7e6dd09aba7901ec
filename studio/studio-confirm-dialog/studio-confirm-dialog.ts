import { LitElement, html } from 'lit';
import { query, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { studioStyles } from '../shared/studio.styles.js';
import { dialogActions } from '../shared/dialog-actions.js';

/**
 * @summary A modal question before something that cannot be taken back in one step (deleting, restoring): the
 * browser's own `<dialog>` (focus kept inside, Escape cancels), the safe answer focused first, focus returned to where
 * the trainer was.
 */
@localized()
export class StudioConfirmDialog extends LitElement {
  static override styles = studioStyles;

  @query('dialog') private dialog!: HTMLDialogElement;

  @state() private heading = '';
  @state() private message = '';
  @state() private confirmLabel = '';

  private resolve: ((answer: boolean) => void) | null = null;
  private returnFocus: HTMLElement | null = null;

  private onClose(): void {
    this.resolve?.(this.dialog.returnValue === 'confirm');
    this.resolve = null;
    this.returnFocus?.focus();
  }

  /** Asks; resolves true when the trainer confirms, false on cancel or Escape. */
  async ask(
    heading: string,
    message: string,
    confirmLabel: string,
    returnFocus?: HTMLElement | null,
  ): Promise<boolean> {
    this.heading = heading;
    this.message = message;
    this.confirmLabel = confirmLabel;
    this.returnFocus = returnFocus ?? null;
    await this.updateComplete;
    this.dialog.returnValue = '';
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button[value="cancel"]')?.focus();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  override render() {
    return html`<dialog aria-labelledby="heading" aria-describedby="message" @close=${this.onClose}>
      <form method="dialog">
        <h2 id="heading">${this.heading}</h2>
        <p id="message">${this.message}</p>
        ${dialogActions({ label: this.confirmLabel, value: 'confirm', kind: 'danger' })}
      </form>
    </dialog>`;
  }
}
