import { msg, localized } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ModuleStatus, ModuleState } from '../../core/completion.js';
import { toHash, type Location } from '../../core/route.js';
import type { ItemKind, ModuleSummary } from '../../core/types.js';
import { getLocale } from '../../locales/localization.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import { courseTocStyles } from './course-toc.styles.js';

/**
 * @summary The table of contents: every module with its status, and its items as links.
 *
 * Links are plain `#/module/item` hashes, so they work with a keyboard, in a new tab and after a reload. A locked
 * module (the final assessment before the chapters are complete) says so, and why; its link still opens its page,
 * which explains what is left to do.
 * @csspart module - a module's `<details>` group
 */
@localized()
export class CourseToc extends LitElement {
  static override styles = [visuallyHidden, courseTocStyles];

  /** Modules in order, the final assessment last if the course has one. */
  @property({ attribute: false }) modules: ModuleSummary[] = [];

  /** Status per module id. */
  @property({ attribute: false }) statuses: Record<string, ModuleStatus> = {};

  /** Ids of items the learner has done (page seen, quiz passed, checkpoint met). */
  @property({ attribute: false }) done: ReadonlySet<string> = new Set();

  /** Ids of modules not open yet (the final assessment before every chapter is complete). */
  @property({ attribute: false }) locked: ReadonlySet<string> = new Set();

  /** Where the learner is. */
  @property({ attribute: false }) current: Location | null = null;

  private statusLabel(state: ModuleState): string {
    switch (state) {
      case 'completed':
        return msg('已完成');
      case 'in-progress':
        return msg('学习中');
      default:
        return msg('未开始');
    }
  }

  private kindLabel(kind: ItemKind): string | typeof nothing {
    if (kind === 'quiz') return msg('测验');
    if (kind === 'roleplay') return msg('情景演练');
    return nothing;
  }

  override render() {
    return html`<ol>
      ${this.modules.map((module) => {
        const status = this.statuses[module.id]?.status ?? 'not-started';
        const isCurrent = this.current?.moduleId === module.id;
        return html`<li>
          <details part="module" ?open=${isCurrent}>
            <summary>
              <span class="module-title">${module.title}</span>
              ${
                this.locked.has(module.id)
                  ? html`<span class="status locked" lang=${getLocale()}
                      ><span aria-hidden="true">🔒</span>${msg('未开放')}<span class="visually-hidden"
                        >${msg('（学完全部章节后开放）')}</span
                      ></span
                    >`
                  : html`<span class="status ${status}" lang=${getLocale()}>${this.statusLabel(status)}</span>`
              }
            </summary>
            <ol class="items">
              ${module.items.map((item) => {
                const here = isCurrent && this.current?.itemId === item.id;
                const done = this.done.has(item.id);
                return html`<li>
                  <a href=${toHash({ moduleId: module.id, itemId: item.id })} aria-current=${here ? 'page' : 'false'}>
                    <span class="mark ${done ? 'done' : ''}" aria-hidden="true">${done ? '✓' : '○'}</span>
                    <span class="label"
                      >${item.title}${done ? html`<span class="visually-hidden" lang=${getLocale()}>（${msg('已完成')}）</span>` : nothing}</span
                    >
                    <span class="kind" lang=${getLocale()}>${this.kindLabel(item.kind)}</span>
                  </a>
                </li>`;
              })}
            </ol>
          </details>
        </li>`;
      })}
    </ol>`;
  }
}
