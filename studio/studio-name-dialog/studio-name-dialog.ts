import { LitElement, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { studioStyles } from '../shared/studio.styles.js';
import { dialogActions } from '../shared/dialog-actions.js';

/** What the trainer typed: the id (for something new) and the title. */
export interface NameAnswer {
  id: string;
  title: string;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * @summary A modal form for a name: the title, and for something new its id (lower-case letters, digits and hyphens,
 * used in file names and reports). Checked before it is sent; the server checks again with the build's rules.
 */
@localized()
export class StudioNameDialog extends LitElement {
  static override styles = studioStyles;

  @query('dialog') private dialog!: HTMLDialogElement;

  @state() private heading = '';
  @state() private withId = false;
  @state() private idError = '';
  @state() private titleError = '';

  private resolve: ((answer: NameAnswer | null) => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private answer: NameAnswer | null = null;

  private onSubmit(event: SubmitEvent): void {
    const form = event.target as HTMLFormElement;
    if ((event.submitter as HTMLButtonElement | null)?.value === 'cancel') return;
    const data = new FormData(form);
    const id = (data.get('id') as string | null)?.trim() ?? '';
    const title = (data.get('title') as string | null)?.trim() ?? '';
    this.idError =
      this.withId && !ID_PATTERN.test(id) ? msg('编号只能用小写英文字母、数字和连字符，例如 new-module。') : '';
    this.titleError = title ? '' : msg('请填写标题。');
    if (this.idError || this.titleError) {
      event.preventDefault();
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    this.answer = { id, title };
  }

  private onClose(): void {
    this.resolve?.(this.answer);
    this.resolve = null;
    this.returnFocus?.focus();
  }

  /** Asks for a title (and an id when `withId`); resolves null on cancel. */
  async ask(heading: string, options: { withId: boolean; title?: string; returnFocus?: HTMLElement | null }) {
    this.heading = heading;
    this.withId = options.withId;
    this.idError = this.titleError = '';
    this.answer = null;
    this.returnFocus = options.returnFocus ?? null;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form')!;
    form.reset();
    const title = form.querySelector<HTMLInputElement>('#title')!;
    title.value = options.title ?? '';
    this.dialog.showModal();
    form.querySelector<HTMLInputElement>('input')?.focus();
    return new Promise<NameAnswer | null>((resolve) => (this.resolve = resolve));
  }

  override render() {
    return html`<dialog aria-labelledby="heading" @close=${this.onClose}>
      <form method="dialog" novalidate @submit=${this.onSubmit}>
        <h2 id="heading">${this.heading}</h2>
        ${
          this.withId
            ? html`<div class="field">
                <label for="id">${msg('编号')}</label>
                <input
                  id="id"
                  name="id"
                  autocomplete="off"
                  spellcheck="false"
                  aria-describedby="id-hint id-error"
                  aria-invalid=${this.idError ? 'true' : 'false'}
                />
                <span id="id-hint" class="hint">${msg('小写英文字母、数字和连字符，保存后不再改动。')}</span>
                <span id="id-error" class="error">${this.idError || nothing}</span>
              </div>`
            : nothing
        }
        <div class="field">
          <label for="title">${msg('标题')}</label>
          <input
            id="title"
            name="title"
            autocomplete="off"
            aria-describedby="title-error"
            aria-invalid=${this.titleError ? 'true' : 'false'}
          />
          <span id="title-error" class="error">${this.titleError || nothing}</span>
        </div>
        ${dialogActions({ label: msg('确定'), value: 'ok', kind: 'primary' })}
      </form>
    </dialog>`;
  }
}
