import { msg, str, localized } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  courseStatus,
  doneItemIds,
  finalAssessmentAccess,
  moduleStatus,
  type FinalAssessmentAccess,
  type LearnerProgress,
  type ModuleStatus,
} from '../../core/completion.js';
import type { QuizAttemptState, RolePlayState } from '../../core/interactions.js';
import {
  ProgressStore,
  type KeyValueStorage,
  type ProgressStorage,
  type SavedProgress,
} from '../../core/progress-store.js';
import { locate, parseHash, readingSequence, toHash, type Location } from '../../core/route.js';
import type { CourseIndex, ModuleItem } from '../../core/types.js';
import { LOCALE_NAMES, getLocale, initialLocale, setLocale, type CourseLocale } from '../../locales/localization.js';
import '../course-page/define.js';
import '../course-toc/define.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import { CourseData, type CourseFileLoader } from './course-data.js';
import { coursePlayerStyles } from './course-player.styles.js';

/** Interactive items are loaded only when a learner reaches one, keeping the first page light. */
const loadRenderer = {
  quiz: () => import('../course-quiz/define.js'),
  roleplay: () => import('../role-play/define.js'),
} as const;

/**
 * @summary The course player: table of contents with module status, the current page, quiz or role-play with
 * previous/next, a progress indicator, and resume where the learner stopped.
 *
 * Navigation is by `#/module/item` hash, so links, reloads and the browser's back button all work. Quiz and role-play
 * states arrive as events from the items and are persisted here; the items never call the player.
 *
 * The build renders the course's first page into the player's light DOM (`first-page.ts`), so its text paints before
 * any JavaScript runs. The player shows it through its slot until it can render the current item itself (index and
 * that item's module loaded), then replaces it in one frame: same markup and styles, so nothing moves.
 *
 * The page's `<html lang>` follows the interface language the learner picks; course content carries the course's
 * own language, so a screen reader reads each in the right voice. The document title names the current item.
 *
 * @slot - the prerendered first page (`[data-first-page]`), shown until the player has rendered the current item
 * @csspart toc - the table of contents landmark
 * @csspart content - the article holding the current item
 *
 * Design tokens (defaults in components/shared/tokens.styles.ts; set them on `<course-player>` or an ancestor):
 * @cssprop [--course-color-primary=#0b5cad] - Buttons, links, selection and progress
 * @cssprop [--course-color-on-primary=#fff] - Text on the primary colour and in the header
 * @cssprop [--course-color-primary-soft=#e7f0fa] - Background of a selected option
 * @cssprop [--course-color-header=#0b4a8b] - Header background
 * @cssprop [--course-color-strong=#0f2f57] - Emphasised text in pages
 * @cssprop [--course-color-text=#1d232a] - Body text
 * @cssprop [--course-color-muted=#5c6670] - Secondary text (meta lines, hints); ≥4.5:1 on the surfaces
 * @cssprop [--course-color-bg=#f4f6f9] - Page background
 * @cssprop [--course-color-surface=#fff] - Cards, options and panels
 * @cssprop [--course-color-surface-alt=#eef4fb] - Current item in the contents; customer speech
 * @cssprop [--course-color-surface-muted=#f3f4f6] - Disabled or read-only areas
 * @cssprop [--course-color-border=#8a939e] - Borders of controls (≥3:1 on white)
 * @cssprop [--course-color-border-muted=#d8dee6] - Dividers and disabled controls
 * @cssprop [--course-color-success=#1b7f3b] - Right answers, completed items
 * @cssprop [--course-color-error=#b3261e] - Wrong answers, errors
 * @cssprop [--course-color-warning=#8a5300] - Partly right answers, better replies
 * @cssprop [--course-color-focus=#b35c00] - Focus ring (≥3:1 on white and on the page background)
 * @cssprop [--course-font=system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif] - Font family
 * @cssprop [--course-font-size=1rem] - Base font size of questions and pages
 * @cssprop [--course-radius=8px] - Corner radius
 * @cssprop [--course-space=1rem] - Base spacing unit
 */
@localized()
export class CoursePlayer extends LitElement {
  static override styles = [visuallyHidden, coursePlayerStyles];

  private readonly indexTask = new Task(this, {
    task: ([data], { signal }) => data.index(signal),
    args: () => [this.data] as const,
  });

  private readonly moduleTask = new Task(this, {
    task: ([data, href]) => (href ? data.module(href) : Promise.resolve(null)),
    // The course data is an argument too: a changed `src` reloads the module instead of showing the old one.
    args: () => [this.data, this.currentModuleHref] as const,
  });

  @query('h1') private heading?: HTMLElement | null;
  @query('#toc-heading') private tocHeading?: HTMLElement | null;
  @query('.menu-toggle') private menuToggle?: HTMLButtonElement | null;

  @state() private location: Location | null = null;
  @state() private saved: SavedProgress | null = null;
  @state() private tocOpen = false;
  /** The browser refused to store progress (storage full or blocked): the learner is told, not left to find out. */
  @state() private storageFailed = false;
  /** A `#/…` address that names no item (a stale bookmark, a typo): the learner is told and offered the contents. */
  @state() private unknownAddress: string | null = null;
  /** Where progress is loaded from and saved to, fixed when the course starts. */
  private store: ProgressStorage | null = null;
  private data = new CourseData(new URL('content/course.json', document.baseURI));
  private focusHeadingOnRender = false;
  /** The first page the build rendered into the light DOM; dropped once the player shows the item itself. */
  private firstPage: Element | null = null;
  /**
   * One visit to an item: its number, and the state bound to the item's element. Restoring happens once per visit:
   * the element is created with the saved state, and from then on the binding holds the very state the element last
   * reported, so re-rendering hands it back its own state, never an older one. (Lit sets object bindings on every
   * render: binding the state saved at the start of the visit put the item back on each event and froze it.)
   */
  private visit: { count: number; quiz: QuizAttemptState | null; roleplay: RolePlayState | null } = {
    count: 0,
    quiz: null,
    roleplay: null,
  };

  /** URL of the built course index. */
  @property() src = 'content/course.json';

  /**
   * Where the learner's progress is loaded from and saved to (an LMS-backed one from the tracking layer). Read once,
   * when the course starts; when not set, this browser's storage, keyed by the course id.
   */
  @property({ attribute: false }) progressStorage: ProgressStorage | null = null;

  /**
   * How course files are loaded. The page hands in the loader the tracker uses, so course.json and each module
   * download once per page load; when not set, the browser's fetch.
   */
  @property({ attribute: false }) loadCourseFile: CourseFileLoader | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.firstPage ??= this.querySelector(':scope > [data-first-page]');
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('loadCourseFile')) {
      this.data = new CourseData(new URL(this.src, document.baseURI), this.loadCourseFile ?? undefined);
    }
    const index = this.index;
    if (index && !this.store) this.start(index);
  }

  protected override updated(): void {
    // The render that has just happened showed the item itself: the prerendered page is no longer needed.
    if (this.firstPage && this.canTakeOver()) {
      this.firstPage.remove();
      this.firstPage = null;
    }
    document.documentElement.lang = getLocale();
    const index = this.index;
    const entry = index && this.location ? locate(index, this.location)?.entry : undefined;
    if (index) document.title = entry ? `${entry.item.title} · ${index.title}` : index.title;
    // The heading comes from the index, so focus moves at once, even while the module's content is still loading.
    if (this.focusHeadingOnRender && this.heading) {
      this.focusHeadingOnRender = false;
      this.heading.focus();
    }
  }

  private get index(): CourseIndex | undefined {
    return this.indexTask.value;
  }

  private get currentModuleHref(): string | null {
    const index = this.index;
    if (!index || !this.location) return null;
    return locate(index, this.location)?.entry.module.href ?? null;
  }

  /** Whether a render now shows what the learner should see (the item, or an error), not a loading state. */
  private canTakeOver(): boolean {
    if (this.indexTask.status === TaskStatus.ERROR) return true;
    if (this.indexTask.status !== TaskStatus.COMPLETE || !this.saved) return false;
    if (!this.location) return true;
    return this.moduleTask.status === TaskStatus.COMPLETE || this.moduleTask.status === TaskStatus.ERROR;
  }

  private get currentItem(): ModuleItem | null {
    const data = this.moduleTask.value;
    if (!data || data.id !== this.location?.moduleId) return null;
    return data.items.find((item) => item.id === this.location!.itemId) ?? null;
  }

  /** First render with the index: restore progress, language and where the learner was. */
  private start(index: CourseIndex): void {
    this.store = this.progressStorage ?? new ProgressStore(index.id, browserStorage());
    this.saved = this.store.load();
    const locale = initialLocale(this.saved.locale, index.language);
    if (locale !== getLocale()) void setLocale(locale);
    const fromHash = parseHash(location.hash);
    if (location.hash.startsWith('#/') && !(fromHash && locate(index, fromHash))) this.unknownAddress = location.hash;
    const target =
      (fromHash && locate(index, fromHash) ? fromHash : null) ??
      (this.saved.location && locate(index, this.saved.location) ? this.saved.location : null) ??
      readingSequence(index)[0] ??
      null;
    if (target) this.go(target, false);
  }

  private go(target: Location, moveFocus: boolean): void {
    if (location.hash !== toHash(target)) history.replaceState(null, '', toHash(target));
    const progress = this.saved!.progress;
    const entry = locate(this.index!, target)?.entry;
    this.visit = {
      count: this.visit.count + 1,
      quiz: entry?.item.kind === 'quiz' ? (progress.quizzes[target.itemId] ?? null) : null,
      roleplay: entry?.item.kind === 'roleplay' ? (progress.roleplays[target.itemId] ?? null) : null,
    };
    if (entry && entry.item.kind !== 'page') void loadRenderer[entry.item.kind]();
    this.location = target;
    this.focusHeadingOnRender = moveFocus;
    this.saved = {
      ...this.saved!,
      location: target,
      progress: { ...progress, visited: { ...progress.visited, [target.itemId]: true } },
    };
    this.persist();
  }

  private persist(): void {
    if (this.saved && this.store) this.storageFailed = !this.store.save(this.saved);
  }

  private readonly onHashChange = (): void => {
    const target = parseHash(location.hash);
    if (!this.index) return;
    if (!target || !locate(this.index, target)) {
      if (location.hash.startsWith('#/')) this.unknownAddress = location.hash;
      return;
    }
    this.unknownAddress = null;
    this.tocOpen = false;
    this.go(target, true);
  };

  private onQuizState(event: HTMLElementEventMap['course-quiz-state']): void {
    this.recordState('quizzes', event.detail.quizId, event.detail.state);
  }

  private onRolePlayState(event: HTMLElementEventMap['course-roleplay-state']): void {
    this.recordState('roleplays', event.detail.roleplayId, event.detail.state);
  }

  private recordState<K extends 'quizzes' | 'roleplays'>(kind: K, id: string, value: LearnerProgress[K][string]): void {
    const progress = this.saved!.progress;
    this.saved = { ...this.saved!, progress: { ...progress, [kind]: { ...progress[kind], [id]: value } } };
    if (id === this.location?.itemId) this.visit = { ...this.visit, [kind === 'quizzes' ? 'quiz' : 'roleplay']: value };
    this.persist();
  }

  private async onLocaleChange(event: Event): Promise<void> {
    const locale = (event.target as HTMLSelectElement).value as CourseLocale;
    await setLocale(locale);
    this.saved = { ...this.saved!, locale };
    this.persist();
  }

  private async showContents(): Promise<void> {
    if (!this.tocOpen && getComputedStyle(this.menuToggle ?? document.body).display !== 'none') {
      await this.toggleToc();
      return;
    }
    this.tocHeading?.focus();
  }

  private onSkipToContent(event: Event): void {
    event.preventDefault();
    this.heading?.focus();
  }

  private async toggleToc(): Promise<void> {
    this.tocOpen = !this.tocOpen;
    await this.updateComplete;
    // Opening moves focus (and the view) into the contents; closing returns it to the toggle.
    if (this.tocOpen) this.tocHeading?.focus();
    else this.menuToggle?.focus();
  }

  private onTocKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.tocOpen) void this.toggleToc();
  }

  private renderHeader(index: CourseIndex, progressPercent: number) {
    return html`<header>
      <a class="skip-link" href="#main" @click=${this.onSkipToContent}>${msg('跳到正文')}</a>
      <button
        class="menu-toggle"
        lang=${getLocale()}
        aria-expanded=${this.tocOpen ? 'true' : 'false'}
        aria-controls="toc"
        @click=${this.toggleToc}
      >
        ${this.tocOpen ? msg('关闭目录') : msg('目录')}
      </button>
      <p class="course-title" lang=${index.language}>${index.title}</p>
      <div class="progress">
        <progress id="course-progress" max="100" .value=${progressPercent} aria-label=${msg('课程进度')}></progress>
        <span aria-hidden="true">${progressPercent}%</span>
      </div>
      <label>
        <span class="visually-hidden">${msg('界面语言')}</span>
        <select @change=${this.onLocaleChange} aria-label=${msg('界面语言')}>
          ${(Object.entries(LOCALE_NAMES) as [CourseLocale, string][]).map(
            ([code, name]) =>
              html`<option value=${code} ?selected=${getLocale() === code} lang=${code}>${name}</option>`,
          )}
        </select>
      </label>
    </header>`;
  }

  private renderCourseStatus(index: CourseIndex) {
    const status = courseStatus(index, this.saved!.progress);
    if (!status.completed && status.passed === null) return nothing;
    const score = status.score ? Math.round(status.score.scaled * 100) : null;
    return html`<p class="course-status" role="status">
      ${status.completed ? msg('课程已完成') : msg('课程尚未完成')}${
        status.passed === true
          ? msg(str`，期末测验已通过（${score} 分）`)
          : status.passed === false
            ? msg(str`，期末测验未通过（${score} 分，需 ${index.passingScore} 分）`)
            : nothing
      }
    </p>`;
  }

  /**
   * The item's renderer, a fresh element per visit: one quiz's or role-play's state never leaks into the next, and
   * coming back restores the item from what was saved.
   */
  private renderItem(item: ModuleItem) {
    return keyed(`${this.visit.count}:${item.id}`, this.renderItemContent(item));
  }

  private renderItemContent(item: ModuleItem) {
    switch (item.kind) {
      case 'page':
        return html`<course-page lang=${this.index!.language} .html=${item.html}></course-page>`;
      case 'quiz':
        return html`<course-quiz
          lang=${this.index!.language}
          .quiz=${item.quiz}
          .state=${this.visit.quiz}
          .learnerSeed=${this.saved!.learnerSeed}
          @course-quiz-state=${this.onQuizState}
        ></course-quiz>`;
      case 'roleplay':
        return html`<role-play
          lang=${this.index!.language}
          .roleplay=${item.roleplay}
          .state=${this.visit.roleplay}
          .learnerSeed=${this.saved!.learnerSeed}
          @course-roleplay-state=${this.onRolePlayState}
        ></role-play>`;
    }
  }

  /** In place of a final assessment that is not open yet: why, and the modules still to complete. */
  private renderLocked(index: CourseIndex, access: FinalAssessmentAccess) {
    const modules = index.modules.filter((m) => access.modulesToComplete.includes(m.id));
    return html`<div class="notice locked">
      <p>${msg('期末测验尚未开放：学完全部章节后才能参加。还需完成：')}</p>
      <ul>
        ${modules.map((m) => {
          const first = m.items[0];
          return html`<li>
            ${first ? html`<a href=${toHash({ moduleId: m.id, itemId: first.id })}>${m.title}</a>` : m.title}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderMain(index: CourseIndex) {
    const where = this.location && locate(index, this.location);
    if (!where) return html`<main id="main"><p class="notice">${msg('课程中没有内容。')}</p></main>`;
    const { entry, previous, next, position, total } = where;
    const item = this.currentItem;
    const access = finalAssessmentAccess(index, this.saved!.progress);
    const locked = !access.open && entry.module.id === index.finalAssessment?.id;
    const body = locked
      ? this.renderLocked(index, access)
      : this.moduleTask.render({
          pending: () => html`<p role="status">${msg('正在加载…')}</p>`,
          error: () =>
            html`<div class="notice" role="alert">
              <p>${msg('内容加载失败，请检查网络后重试。')}</p>
              <button @click=${() => this.moduleTask.run()}>${msg('重试')}</button>
            </div>`,
          complete: () => (item ? this.renderItem(item) : nothing),
        });
    const minutes = entry.item.kind === 'page' && entry.item.minutes ? entry.item.minutes : null;
    const content = index.language;
    return html`<main id="main">
      ${this.unknownAddress ? this.renderUnknownAddress(this.unknownAddress) : nothing}
      <article part="content" aria-labelledby="page-title">
        <p class="eyebrow" lang=${content}>${entry.module.title}</p>
        <h1 id="page-title" tabindex="-1" lang=${content}>${entry.item.title}</h1>
        <p class="meta" lang=${getLocale()}>
          ${msg(str`第 ${position + 1} 项，共 ${total} 项`)}${minutes ? msg(str` · 约 ${minutes} 分钟`) : nothing}
        </p>
        ${body}
      </article>
      <nav class="pager" aria-label=${msg('翻页')}>
        ${
          previous
            ? html`<a class="previous" href=${toHash(previous)} rel="prev"
                ><small>${msg('上一项')}</small><span lang=${content}>${previous.item.title}</span></a
              >`
            : nothing
        }
        ${
          next
            ? html`<a class="next" href=${toHash(next)} rel="next"
                ><small>${msg('下一项')}</small><span lang=${content}>${next.item.title}</span></a
              >`
            : html`<p class="end-note" lang=${getLocale()}>${msg('已到课程末尾。')}</p>`
        }
      </nav>
    </main>`;
  }

  private renderUnknownAddress(address: string) {
    return html`<div class="notice unknown-address" role="alert">
      <p>${msg(str`课程中没有这个地址：${address}。下面是你上次学习的内容，也可以从课程目录中选择。`)}</p>
      <button type="button" @click=${this.showContents}>${msg('打开课程目录')}</button>
    </div>`;
  }

  override render() {
    if (this.firstPage && !this.canTakeOver()) return html`<slot></slot>`;
    return this.indexTask.render({
      pending: () => html`<p class="notice" role="status">${msg('正在加载课程…')}</p>`,
      error: () =>
        html`<div class="notice" role="alert">
          <p>${msg('课程加载失败，请检查网络后重试。')}</p>
          <button @click=${() => this.indexTask.run()}>${msg('重试')}</button>
        </div>`,
      complete: (index) => {
        if (!this.saved) return nothing;
        const progress = this.saved.progress;
        const modules = index.finalAssessment ? [...index.modules, index.finalAssessment] : index.modules;
        const statuses: Record<string, ModuleStatus> = Object.fromEntries(
          modules.map((m) => [m.id, moduleStatus(index, m.id, progress)]),
        );
        const percent = Math.round(courseStatus(index, progress).progress * 100);
        return html`${this.renderHeader(index, percent)}
          ${
            this.storageFailed
              ? html`<p class="storage-warning" role="alert">
                  ${msg('浏览器无法保存你的学习进度（存储空间已满或被禁用）。你可以继续学习，但关闭页面后进度可能丢失。')}
                </p>`
              : nothing
          }
          <div class="layout">
            <nav
              id="toc"
              part="toc"
              class="toc ${this.tocOpen ? 'open' : ''}"
              aria-labelledby="toc-heading"
              @keydown=${this.onTocKeydown}
            >
              <h2 id="toc-heading" class="toc-heading" tabindex="-1" lang=${getLocale()}>${msg('课程目录')}</h2>
              ${this.renderCourseStatus(index)}
              <course-toc
                lang=${index.language}
                .modules=${modules}
                .locked=${finalAssessmentAccess(index, progress).open || !index.finalAssessment ? new Set<string>() : new Set([index.finalAssessment.id])}
                .statuses=${statuses}
                .done=${doneItemIds(index, progress)}
                .current=${this.location}
              ></course-toc>
            </nav>
            ${this.renderMain(index)}
          </div>`;
      },
    });
  }
}

function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
