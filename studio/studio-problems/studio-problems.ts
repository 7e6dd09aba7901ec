import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Diagnostic } from '../../core/studio-api.js';
import { token } from '../../components/shared/tokens.styles.js';
import { bilingual, viewOfPath } from '../shared/bilingual.js';
import { emit } from '../shared/emit.js';
import { studioStyles } from '../shared/studio.styles.js';

/**
 * @summary The build's problems as a list: where (file and line, a button that opens it), what is wrong and how to
 * fix it, exactly in the build's words (Chinese; English too when the interface is English).
 *
 * @fires studio-open - The trainer chose a problem's place: the file to open, at its line.
 * @csspart list - The list of problems.
 */
@localized()
export class StudioProblems extends LitElement {
  static override styles = [
    studioStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border-inline-start: 4px solid ${token('color-error')};
        background: ${token('color-surface')};
        padding: 0.4rem 0.6rem;
        border-radius: 0 calc(${token('radius')} / 2) calc(${token('radius')} / 2) 0;
      }
      li.warning {
        border-color: ${token('color-warning')};
      }
      .where {
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
      }
      .where button {
        min-height: 1.75rem;
        padding: 0 0.4rem;
      }
      .fix {
        color: ${token('color-muted')};
      }
      .none {
        color: ${token('color-success')};
        margin: 0;
      }
    `,
  ];

  /** The problems to show, as the server sent them. */
  @property({ attribute: false }) problems: Diagnostic[] = [];

  /** File lines are shown relative to this offset (the page editor shows body lines): file line − offset. */
  @property({ attribute: false }) lineOffset = 0;

  /** Whether a problem's place is a button that opens the file (off inside the file's own editor). */
  @property({ type: Boolean }) linked = false;

  private open(problem: Diagnostic): void {
    const view = viewOfPath(problem.file, problem.line);
    if (view) emit(this, 'studio-open', view);
  }

  private where(problem: Diagnostic) {
    const line = problem.line - this.lineOffset;
    const label = line > 0 ? msg(str`${problem.file} 第 ${line} 行`) : problem.file;
    return this.linked && viewOfPath(problem.file)
      ? html`<button type="button" @click=${() => this.open(problem)}>${label}</button>`
      : html`<span>${label}</span>`;
  }

  override render() {
    if (!this.problems.length) return html`<p class="none">${msg('没有发现问题。')}</p>`;
    return html`<ul part="list">
      ${this.problems.map(
        (p) =>
          html`<li class=${p.severity === 'warning' ? 'warning' : 'error'}>
            <div class="where">
              <strong>${p.severity === 'warning' ? msg('警告') : msg('错误')}</strong> ${this.where(p)}
            </div>
            <div>${bilingual(p.message)}</div>
            ${p.fix.zh ? html`<div class="fix">${msg('修改方法：')}${bilingual(p.fix)}</div>` : nothing}
          </li>`,
      )}
    </ul>`;
  }
}
