import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { LaunchKind } from '../launch.js';
import type { SaveState } from '../tracker.js';

/**
 * @summary What the learner is told about their progress: in standalone mode, that it stays in this browser (and
 * whose it is, with a way to switch learner); with an LMS or LRS, saved / saving / offline, and a warning when
 * progress cannot be saved.
 *
 * @fires tracking-learner - the learner entered or changed their name (detail: the name)
 * @fires tracking-exit - the learner asked to leave the course (cmi5: the session ends and the LMS page returns)
 * @csspart notice - the standalone notice
 */
@localized()
export class TrackingStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.875rem;
    }
    .notice,
    .warning,
    form {
      margin: 0;
      padding: 0.5rem 1rem;
      background: var(--course-color-surface-alt, #eef4fb);
      border-bottom: 1px solid var(--course-color-border, #d8dee6);
    }
    .warning {
      color: var(--course-color-error, #b3261e);
      background: var(--course-color-surface, #fff);
    }
    .state {
      margin: 0;
      padding: 0.25rem 1rem;
      color: var(--course-color-muted, #5c6670);
    }
    button {
      font: inherit;
      margin-inline-start: 0.5rem;
    }
    input {
      font: inherit;
      margin: 0 0.5rem;
    }
    /* Always in reach, above the player's sticky header, wherever the learner has scrolled to. */
    .exit {
      position: fixed;
      inset-block-end: 0.75rem;
      inset-inline-end: 0.75rem;
      z-index: 20;
      min-height: 44px;
      padding: 0 1rem;
      margin: 0;
      border: 1px solid var(--course-color-border, #d8dee6);
      border-radius: 0.5rem;
      background: var(--course-color-surface, #fff);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
    }
  `;

  @query('input') private input?: HTMLInputElement | null;

  @state() private asking = false;

  /** The standard in use. */
  @property() kind: LaunchKind | null = null;
  @property() state: SaveState = 'saved';
  /** Standalone mode: whose progress this is. */
  @property() learner = '';
  /** Offer 退出课程 (the LMS gave a page to return to). */
  @property({ type: Boolean }) canExit = false;

  /** Standalone mode: asks for the learner's name and resolves with it. */
  askLearner(): Promise<string> {
    this.asking = true;
    return new Promise((resolve) => {
      this.addEventListener('tracking-learner', (e) => resolve((e as CustomEvent<string>).detail), { once: true });
    });
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    const name = this.input?.value.trim() ?? '';
    if (!name) return;
    this.asking = false;
    this.learner = name;
    this.dispatchEvent(new CustomEvent('tracking-learner', { detail: name, bubbles: true, composed: true }));
  };

  private switchLearner = (): void => {
    // A new learner starts from a fresh page so nothing of the previous learner stays on screen.
    sessionStorage.removeItem('course-learner');
    location.reload();
  };

  private exit = (): void => {
    this.dispatchEvent(new CustomEvent('tracking-exit', { bubbles: true, composed: true }));
  };

  private renderState() {
    switch (this.state) {
      case 'saving':
        return html`<p class="state" role="status">${msg('正在保存进度…')}</p>`;
      case 'offline':
        return html`<p class="state" role="status">${msg('网络已断开，进度暂存在本机，恢复联网后会自动上传。')}</p>`;
      case 'failed':
        return html`<p class="warning" role="alert">
          ${msg('学习进度暂时无法保存到学习平台，课程会自动重试。请先不要关闭页面。')}
        </p>`;
      case 'saved':
        return html`<p class="state" role="status">${msg('进度已保存')}</p>`;
      default:
        return nothing;
    }
  }

  override render() {
    if (this.asking) {
      return html`<form @submit=${this.onSubmit}>
        <label
          >${msg('本机学习记录按学员分开保存。请输入你的姓名或工号：')}<input autocomplete="username" required
        /></label>
        <button type="submit">${msg('开始学习')}</button>
      </form>`;
    }
    if (this.kind === 'standalone') {
      return html`<p class="notice" part="notice" role="note">
          ${msg(str`未连接学习平台：你的学习进度只保存在这台设备的浏览器中（学员：${this.learner}）。`)}
          <button type="button" @click=${this.switchLearner}>${msg('切换学员')}</button>
        </p>
        ${this.state === 'failed' ? this.renderState() : nothing}`;
    }
    return html`${this.renderState()}${
      this.canExit ? html`<button class="exit" type="button" @click=${this.exit}>${msg('退出课程')}</button>` : nothing
    }`;
  }
}
