import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Bilingual, Diagnostic, ExportedPackage, PackageKind } from '../../core/studio-api.js';
import { token } from '../../components/shared/tokens.styles.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { studioStyles } from '../shared/studio.styles.js';
import '../studio-problems/define.js';

const KIND_NAMES: Record<PackageKind, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 (4th edition)',
  cmi5: 'cmi5',
  xapi: 'xAPI (Tin Can)',
};

/** Bytes for people: "812 KB", "1.4 MB" (1 KB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * @summary One button that builds the four LMS packages (`POST /api/export`) and lists them with their sizes and
 * download links. A course that cannot be packaged shows the packager's message.
 */
@localized()
export class StudioExport extends LitElement {
  static override styles = [
    studioStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-top: 1rem;
      }
      th,
      td {
        text-align: start;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid ${token('color-border-muted')};
      }
      td.size {
        font-variant-numeric: tabular-nums;
      }
      a {
        color: ${token('color-primary')};
      }
    `,
  ];

  @state() private packages: ExportedPackage[] = [];
  @state() private problems: Diagnostic[] = [];
  @state() private error: Bilingual | null = null;
  @state() private status = '';
  @state() private busy = false;

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  /** Builds the packages; resolves once they are listed (or refused). */
  async exportPackages(): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = true;
    this.packages = [];
    this.problems = [];
    this.error = null;
    this.status = msg('正在生成课程包，可能需要一分钟……');
    const answer = await this.client.exportPackages();
    this.busy = false;
    if (!answer.ok) {
      this.problems = answer.problems;
      this.error = answer.error;
      this.status = msg('没有生成课程包。');
      return;
    }
    this.packages = answer.data.packages;
    this.problems = answer.data.problems;
    this.status = msg(str`已生成 ${answer.data.packages.length} 个课程包。`);
  }

  override render() {
    return html`<h2 id="heading" tabindex="-1">${msg('导出课程包')}</h2>
      <p>${msg('生成可以上传到任何 LMS 的四种课程包：SCORM 1.2、SCORM 2004、cmi5 和 xAPI。')}</p>
      <button
        class="primary"
        type="button"
        ?disabled=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => this.exportPackages()}
      >
        ${msg('生成课程包')}
      </button>
      <p role="status">${this.status}</p>
      ${
        this.packages.length
          ? html`<table>
              <caption class="visually-hidden">
                ${msg('课程包')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('标准')}</th>
                  <th scope="col">${msg('文件')}</th>
                  <th scope="col">${msg('大小')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.packages.map(
                  (p) =>
                    html`<tr>
                      <th scope="row">${KIND_NAMES[p.kind]}</th>
                      <td><a href=${p.url} download=${p.file}>${msg(str`下载 ${p.file}`)}</a></td>
                      <td class="size">
                        ${formatBytes(p.bytes)} <span class="hint">(${p.bytes.toLocaleString('en')} B)</span>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
      <div role="alert">
        ${
          this.error || this.problems.length
            ? html`<p class="error">${bilingual(this.error)}</p>
                <studio-problems linked .problems=${this.problems}></studio-problems>`
            : nothing
        }
      </div>`;
  }
}
