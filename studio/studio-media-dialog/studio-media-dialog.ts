import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Bilingual, MediaResponse } from '../../core/studio-api.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { studioStyles } from '../shared/studio.styles.js';
import { dialogActions } from '../shared/dialog-actions.js';

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * @summary Uploads an image into a module's `media/` folder with its alt text (required: what the image shows, for
 * those who cannot see it). The server checks the file (images only, by content; at most 2 MB; SVG sanitized) and
 * answers the markdown to insert.
 */
@localized()
export class StudioMediaDialog extends LitElement {
  static override styles = studioStyles;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  @state() private fileError = '';
  @state() private altError = '';
  @state() private serverError: Bilingual | null = null;
  @state() private busy = false;

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  private module = '';
  private resolve: ((answer: MediaResponse | null) => void) | null = null;
  private answer: MediaResponse | null = null;
  private returnFocus: HTMLElement | null = null;

  private async onSubmit(event: SubmitEvent): Promise<void> {
    if ((event.submitter as HTMLButtonElement | null)?.value === 'cancel') return;
    event.preventDefault();
    const file = this.form.querySelector<HTMLInputElement>('#file')!.files?.[0];
    const alt = this.form.querySelector<HTMLInputElement>('#alt')!.value.trim();
    this.fileError = !file
      ? msg('请选择一张图片。')
      : file.size > MAX_BYTES
        ? msg('图片不能超过 2 MB。请先压缩或缩小图片。')
        : '';
    this.altError = alt ? '' : msg('请填写替代文字：用一句话说明图片的内容，看不到图片的学员靠它理解。');
    this.serverError = null;
    if (this.fileError || this.altError || !file || !this.client) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    const answer = await this.client.uploadMedia(this.module, file.name, alt, file);
    this.busy = false;
    if (!answer.ok) {
      this.serverError = answer.error ?? { zh: '上传失败。', en: 'The upload failed.' };
      return;
    }
    this.answer = answer.data;
    this.dialog.close('ok');
  }

  private onClose(): void {
    this.resolve?.(this.answer);
    this.resolve = null;
    this.returnFocus?.focus();
  }

  /** Opens the form for module `module`; resolves with the server's answer, or null when cancelled. */
  async ask(module: string, returnFocus?: HTMLElement | null): Promise<MediaResponse | null> {
    this.module = module;
    this.answer = null;
    this.fileError = this.altError = '';
    this.serverError = null;
    this.returnFocus = returnFocus ?? null;
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
    this.form.querySelector<HTMLInputElement>('#file')?.focus();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  override render() {
    return html`<dialog aria-labelledby="heading" @close=${this.onClose}>
      <form method="dialog" novalidate @submit=${this.onSubmit}>
        <h2 id="heading">${msg('插入图片')}</h2>
        <div class="field">
          <label for="file">${msg('图片文件')}</label>
          <input
            id="file"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
            aria-describedby="file-hint file-error"
            aria-invalid=${this.fileError ? 'true' : 'false'}
          />
          <span id="file-hint" class="hint">${msg('PNG、JPEG、GIF、WebP 或 SVG，最大 2 MB。')}</span>
          <span id="file-error" class="error">${this.fileError || nothing}</span>
        </div>
        <div class="field">
          <label for="alt">${msg('替代文字（必填）')}</label>
          <input
            id="alt"
            required
            autocomplete="off"
            aria-describedby="alt-error"
            aria-invalid=${this.altError ? 'true' : 'false'}
          />
          <span id="alt-error" class="error">${this.altError || nothing}</span>
        </div>
        <p role="alert" class="error">${bilingual(this.serverError)}</p>
        ${dialogActions({ label: msg('上传并插入'), value: 'upload', kind: 'primary', disabled: this.busy })}
      </form>
    </dialog>`;
  }
}
