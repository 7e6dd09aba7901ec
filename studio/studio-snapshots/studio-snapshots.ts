import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Bilingual, Outline, Snapshot } from '../../core/studio-api.js';
import { token } from '../../components/shared/tokens.styles.js';
import { getLocale } from '../../locales/localization.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { emit } from '../shared/emit.js';
import { studioStyles } from '../shared/studio.styles.js';
import type { StudioConfirmDialog } from '../studio-confirm-dialog/studio-confirm-dialog.js';
import '../studio-confirm-dialog/define.js';

/**
 * @summary The course's snapshots, newest first (every save is one), each restorable after a confirmation. A restore
 * is itself a new snapshot: history is never rewritten.
 *
 * @fires studio-saved - A snapshot was restored (files changed on disk).
 * @fires studio-outline - The outline after a restore, when the server sent it.
 */
@localized()
export class StudioSnapshots extends LitElement {
  static override styles = [
    studioStyles,
    css`
      :host {
        display: block;
        max-width: 52rem;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        gap: 1rem;
        justify-content: space-between;
        align-items: center;
        padding: 0.5rem 0;
        border-bottom: 1px solid ${token('color-border-muted')};
      }
      .files {
        color: ${token('color-muted')};
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @query('studio-confirm-dialog') private confirmDialog!: StudioConfirmDialog;

  @state() private snapshots: Snapshot[] | null = null;
  @state() private error: Bilingual | null = null;
  @state() private status = '';

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) void this.reload();
  }

  private async onRestore(snapshot: Snapshot, opener: HTMLElement): Promise<void> {
    const when = this.formatTime(snapshot.time);
    const ok = await this.confirmDialog.ask(
      msg(str`恢复到 ${when} 的快照？`),
      msg('课程文件会回到那时的内容。恢复本身也会记为一个新快照，随时可以再恢复回来。'),
      msg('恢复'),
      opener,
    );
    if (!ok || !this.client) return;
    const answer = await this.client.restore(snapshot.id);
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    this.status = msg(str`已恢复到 ${when} 的快照。`);
    const outline = (answer.data as { outline?: Outline }).outline;
    if (outline) emit(this, 'studio-outline', { outline });
    emit(this, 'studio-saved', { path: '', etag: '' });
    await this.reload();
  }

  /** Reads the list again. */
  async reload(): Promise<void> {
    if (!this.client) return;
    const answer = await this.client.snapshots();
    if (answer.ok) this.snapshots = answer.data;
    else this.error = answer.error;
  }

  private formatTime(iso: string): string {
    return new Date(iso).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
  }

  override render() {
    return html`<h2 id="heading" tabindex="-1">${msg('快照')}</h2>
      <p>${msg('每次保存都会留下一个快照。恢复会把课程文件改回那时的内容。')}</p>
      <p role="status">${this.status}</p>
      <p role="alert" class="error">${bilingual(this.error)}</p>
      ${
        this.snapshots === null
          ? html`<p>${msg('正在读取快照……')}</p>`
          : this.snapshots.length === 0
            ? html`<p>${msg('还没有快照。')}</p>`
            : html`<ol>
                ${this.snapshots.map(
                  (s) =>
                    html`<li>
                      <div>
                        <div><time datetime=${s.time}>${this.formatTime(s.time)}</time> · ${s.message}</div>
                        <div class="files">${s.files.join('、')}</div>
                      </div>
                      <button
                        type="button"
                        aria-label=${msg(str`恢复到 ${this.formatTime(s.time)} 的快照`)}
                        @click=${(e: Event) => this.onRestore(s, e.currentTarget as HTMLElement)}
                      >
                        ${msg('恢复')}
                      </button>
                    </li>`,
                )}
              </ol>`
      }
      ${nothing}
      <studio-confirm-dialog></studio-confirm-dialog>`;
  }
}
