import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Bilingual, Diagnostic, FileChange, Outline } from '../../core/studio-api.js';
import { LOCALE_NAMES, getLocale, setLocale, type CourseLocale } from '../../locales/localization.js';
import { StudioClient, type FetchLike } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import type { StudioView } from '../shared/emit.js';
import { SaveHistory } from '../shared/save-history.js';
import { forgetToken, storeToken, takeToken } from '../shared/token.js';
import type { StudioPageEditor } from '../page-editor/page-editor.js';
import '../page-editor/define.js';
import '../quiz-editor/define.js';
import '../roleplay-editor/define.js';
import '../studio-course-settings/define.js';
import '../studio-export/define.js';
import '../studio-outline/define.js';
import '../studio-problems/define.js';
import '../studio-snapshots/define.js';
import { studioAppStyles } from './studio-app.styles.js';

const LOCALE_KEY = 'studio-locale';
const VALIDATE_DELAY_MS = 600;

/**
 * @summary The authoring studio's shell: asks for the token the server printed (kept for the tab in sessionStorage,
 * removed from the address bar), then shows the course outline (navigation), the open screen (a page, a quiz, a
 * role-play, the course settings, export, snapshots) and the course's live problems. Chinese interface, English on
 * request. Moves focus to the heading of each screen it opens.
 *
 * Quizzes and role-plays open `<studio-quiz-editor>` and `<studio-roleplay-editor>` (studio-editors' components), given
 * `client`, `outline`, `history` and `path` like the page editor.
 */
@localized()
export class StudioApp extends LitElement {
  static override styles = studioAppStyles;

  @state() private client: StudioClient | null = null;
  @state() private outline: Outline | null = null;
  @state() private view: StudioView = { kind: 'home' };
  @state() private problems: Diagnostic[] = [];
  @state() private tokenError: Bilingual | null = null;
  @state() private loadError: Bilingual | null = null;
  @state() private checking = false;

  /** The HTTP function the client uses (tests answer with a stub; the studio uses the browser's fetch). */
  fetchImpl: FetchLike | undefined = undefined;

  private readonly history = new SaveHistory();
  private drafts = new Map<string, string>();
  private validateTimer = 0;
  private focusHeading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved && saved !== getLocale() && saved in LOCALE_NAMES) void this.chooseLocale(saved as CourseLocale);
    const found = takeToken();
    if (found) this.start(found);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.validateTimer);
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('view') || !this.focusHeading) return;
    this.focusHeading = false;
    void this.focusScreen();
  }

  /** Moves focus to the open screen's heading, once it is rendered (a page: once it is loaded). */
  private async focusScreen(): Promise<void> {
    const screen = this.renderRoot.querySelector('main > *');
    if (!screen) return;
    await (screen as LitElement).updateComplete;
    if (this.view.kind === 'page') await (screen as StudioPageEditor).ready;
    const heading =
      (screen.shadowRoot ?? screen).querySelector<HTMLElement>('#heading, h2') ??
      this.renderRoot.querySelector<HTMLElement>('main');
    heading?.focus();
  }

  private onTokenSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#token')!;
    const value = input.value.trim();
    if (!value) {
      this.tokenError = { zh: '请填写令牌。', en: 'Please enter the token.' };
      input.focus();
      return;
    }
    storeToken(value);
    this.start(value);
  }

  private onOpen(event: CustomEvent<StudioView>): void {
    this.open(event.detail);
  }

  private onOutline(event: CustomEvent<{ outline: Outline }>): void {
    this.outline = event.detail.outline;
    this.problems = event.detail.outline.problems;
    // A deleted file closes its screen.
    const view = this.view;
    if ('path' in view && !this.pathExists(view.path)) this.view = { kind: 'home' };
    void this.loadOutline();
  }

  private onSaved(event: CustomEvent<{ path: string }>): void {
    this.drafts.delete(event.detail.path);
    void this.loadOutline();
  }

  private onDraft(event: CustomEvent<{ path: string; text: string }>): void {
    this.drafts.set(event.detail.path, event.detail.text);
    clearTimeout(this.validateTimer);
    this.validateTimer = window.setTimeout(() => void this.validate(), VALIDATE_DELAY_MS);
  }

  private onUnauthorized(): void {
    forgetToken();
    this.client = null;
    this.outline = null;
    this.tokenError = {
      zh: '令牌不对或已过期（每次运行 npm start 都会换一个）。请输入终端里显示的最新令牌。',
      en: 'The token is wrong or out of date (each npm start prints a new one). Enter the latest one from the terminal.',
    };
  }

  /** Opens a screen and moves focus to its heading. */
  open(view: StudioView): void {
    this.focusHeading = true;
    this.view = view;
  }

  /** Switches the interface language (remembered in this browser). */
  async chooseLocale(locale: CourseLocale): Promise<void> {
    localStorage.setItem(LOCALE_KEY, locale);
    await setLocale(locale);
    document.documentElement.lang = locale;
  }

  private start(token: string): void {
    this.tokenError = null;
    this.client = new StudioClient(token, () => this.onUnauthorized(), this.fetchImpl);
    void this.loadOutline();
  }

  private async loadOutline(): Promise<void> {
    if (!this.client) return;
    const answer = await this.client.outline();
    if (!answer.ok) {
      if (answer.status !== 401) this.loadError = answer.error;
      return;
    }
    this.loadError = null;
    this.outline = answer.data;
    await this.validate();
  }

  /** The course's problems with the unsaved drafts overlaid (nothing written). */
  private async validate(): Promise<void> {
    if (!this.client) return;
    this.checking = true;
    const changes: FileChange[] = [...this.drafts].map(([path, text]) => ({ path, text }));
    const answer = await this.client.validate(changes);
    this.checking = false;
    if (answer.ok) this.problems = answer.data.problems;
  }

  private pathExists(path: string): boolean {
    const outline = this.outline;
    if (!outline) return false;
    return (
      outline.finalQuiz?.path === path ||
      outline.modules.some((m) => m.quiz?.path === path || m.items.some((item) => item.path === path))
    );
  }

  private currentPath(): string {
    const view = this.view;
    if ('path' in view) return view.path;
    return view.kind === 'settings' ? 'course.yaml' : '';
  }

  private renderScreen() {
    const view = this.view;
    const common = { client: this.client, outline: this.outline };
    switch (view.kind) {
      case 'home':
        return html`<div>
          <h2 id="heading" tabindex="-1">${msg('欢迎使用创作工作室')}</h2>
          <p>${msg('在左侧的课程大纲中选择一个页面、测验或角色扮演进行编辑，或者添加新的章节。')}</p>
          <p>${msg('每次保存都会先按构建规则检查；会让课程出错的修改不会写入文件。每次保存都会留下快照。')}</p>
        </div>`;
      case 'settings':
        return html`<studio-course-settings
          .client=${common.client}
          .outline=${common.outline}
        ></studio-course-settings>`;
      case 'export':
        return html`<studio-export .client=${common.client}></studio-export>`;
      case 'snapshots':
        return html`<studio-snapshots .client=${common.client}></studio-snapshots>`;
      case 'page':
        return html`<studio-page-editor
          .client=${common.client}
          .outline=${common.outline}
          .history=${this.history}
          .line=${view.line ?? 0}
          path=${view.path}
        ></studio-page-editor>`;
      case 'quiz':
        return html`<studio-quiz-editor
          .client=${common.client}
          .outline=${common.outline}
          .history=${this.history}
          .path=${view.path}
        ></studio-quiz-editor>`;
      case 'roleplay':
        return html`<studio-roleplay-editor
          .client=${common.client}
          .outline=${common.outline}
          .history=${this.history}
          .path=${view.path}
        ></studio-roleplay-editor>`;
    }
  }

  private renderTokenForm() {
    return html`<main class="token">
      <h1>${msg('创作工作室')}</h1>
      <form @submit=${this.onTokenSubmit} novalidate>
        <div class="field">
          <label for="token">${msg('访问令牌')}</label>
          <input
            id="token"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="token-hint"
            aria-invalid=${this.tokenError ? 'true' : 'false'}
          />
          <span id="token-hint" class="hint"
            >${msg('运行 npm start 时，终端会显示工作室的地址和令牌（token= 后面的部分）。')}</span
          >
        </div>
        <p role="alert" class="error">${bilingual(this.tokenError)}</p>
        <button class="primary">${msg('进入工作室')}</button>
      </form>
    </main>`;
  }

  override render() {
    if (!this.client) return this.renderTokenForm();
    const kind = this.view.kind;
    const navButton = (target: 'export' | 'snapshots', label: string) =>
      html`<button
        type="button"
        aria-current=${kind === target ? 'page' : 'false'}
        @click=${() => this.open({ kind: target })}
      >
        ${label}
      </button>`;
    const errors = this.problems.filter((p) => p.severity !== 'warning').length;
    return html`
      <button class="skip" type="button" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>
        ${msg('跳到编辑区')}
      </button>
      <header class="banner">
        <h1>${msg('创作工作室')}</h1>
        <span class="course" lang="zh-CN">${this.outline?.course.title ?? ''}</span>
        <nav aria-label=${msg('工作室')} class="actions">
          ${navButton('export', msg('导出课程包'))} ${navButton('snapshots', msg('快照'))}
        </nav>
        <div class="actions" role="group" aria-label=${msg('界面语言')}>
          ${(Object.keys(LOCALE_NAMES) as CourseLocale[]).map(
            (locale) =>
              html`<button
                type="button"
                lang=${locale}
                aria-pressed=${getLocale() === locale ? 'true' : 'false'}
                @click=${() => this.chooseLocale(locale)}
              >
                ${LOCALE_NAMES[locale]}
              </button>`,
          )}
        </div>
      </header>
      <div
        class="layout"
        @studio-open=${this.onOpen}
        @studio-outline=${this.onOutline}
        @studio-saved=${this.onSaved}
        @studio-draft=${this.onDraft}
      >
        <nav class="outline" aria-label=${msg('课程大纲')}>
          <h2>${msg('课程大纲')}</h2>
          ${this.loadError ? html`<p role="alert" class="error">${bilingual(this.loadError)}</p>` : nothing}
          <studio-outline
            .outline=${this.outline}
            .client=${this.client}
            current=${this.currentPath()}
          ></studio-outline>
        </nav>
        <div>
          <main id="main" tabindex="-1">${this.renderScreen()}</main>
          <aside class="problems" aria-labelledby="problems-heading">
            <header>
              <h2 id="problems-heading">${errors ? msg(str`课程问题（${errors} 个错误）`) : msg('课程问题')}</h2>
              <button type="button" ?disabled=${this.checking} @click=${() => this.validate()}>
                ${msg('重新检查')}
              </button>
            </header>
            <studio-problems linked .problems=${this.problems}></studio-problems>
          </aside>
        </div>
      </div>
    `;
  }
}
