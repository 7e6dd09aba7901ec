import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { EditorView } from '@codemirror/view';
import type { Bilingual, Diagnostic, Outline } from '../../core/studio-api.js';
import { getLocale } from '../../locales/localization.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { emit } from '../shared/emit.js';
import { SaveHistory } from '../shared/save-history.js';
import type { StudioMediaDialog } from '../studio-media-dialog/studio-media-dialog.js';
import '../../components/course-page/define.js';
import '../studio-media-dialog/define.js';
import '../studio-problems/define.js';
import {
  fieldAtLine,
  joinPage,
  moduleObjectives,
  readFields,
  splitPage,
  writeField,
  type FrontMatterFields,
} from './front-matter.js';
import { createMarkdownEditor, goToLine, insertAtCursor, markLines, replaceText } from './markdown-editor.js';
import { pageEditorStyles } from './page-editor.styles.js';

const PREVIEW_DELAY_MS = 400;

/**
 * @summary Edits one markdown page: the front matter as form fields (title, objectives picked from the module's,
 * minutes, sources picked from the seed list), the body in CodeMirror with the build's rendered preview beside it, an
 * image upload that inserts its markdown at the cursor. Saving (button or Ctrl+S) is `PUT /api/file`: a refused save
 * (422) shows the build's problems next to the field or line and keeps every keystroke in the editor. Undo saves the
 * text before the last save back.
 *
 * @fires studio-saved - The page was saved (or an earlier text saved back).
 * @fires studio-draft - The unsaved text changed (for the live problems panel).
 * @fires studio-outline - Saving changed the page title: the outline should be read again.
 */
@localized()
export class StudioPageEditor extends LitElement {
  static override styles = pageEditorStyles;

  @query('.editor') private editorHost!: HTMLElement;
  @query('studio-media-dialog') private mediaDialog!: StudioMediaDialog;

  @state() private loadError: Bilingual | null = null;
  @state() private frontMatter: string | null = null;
  @state() private fields: FrontMatterFields = { id: '', title: '', objectives: [], minutes: null, sources: [] };
  @state() private objectives: { id: string; text: string }[] = [];
  @state() private previewHtml = '';
  @state() private previewProblems: Diagnostic[] = [];
  @state() private saveProblems: Diagnostic[] = [];
  @state() private saveError: Bilingual | null = null;
  @state() private status = '';
  @state() private dirty = false;
  @state() private busy = false;

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  /** The page's path from the course root, e.g. `modules/01-service-concepts/01-what-is-service.md`. */
  @property() path = '';

  /** The course outline (the page's module, the seed list). */
  @property({ attribute: false }) outline: Outline | null = null;

  /** Earlier saved texts of each file in this session (shared by the studio's editors). */
  @property({ attribute: false }) history = new SaveHistory();

  /** A file line to put the cursor on once the page is loaded (a problem chosen in the problems panel). */
  @property({ type: Number }) line = 0;

  private view: EditorView | null = null;
  private etag = '';
  private savedText = '';
  private bodyLine = 1;
  private previewTimer = 0;
  private loaded: Promise<void> = Promise.resolve();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.previewTimer);
    this.view?.destroy();
    this.view = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path') || changed.has('client')) this.loaded = this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('path') || changed.has('client')) return;
    if (changed.has('line') && this.line && this.view) goToLine(this.view, this.line - this.bodyLine + 1);
  }

  private onBodyChange(): void {
    this.dirty = this.text() !== this.savedText;
    this.schedulePreview();
  }

  private onField<K extends keyof FrontMatterFields>(key: K, value: FrontMatterFields[K]): void {
    this.fields = { ...this.fields, [key]: value };
    this.frontMatter = writeField(this.frontMatter, key, value);
    this.onBodyChange();
  }

  private onToggle(key: 'objectives' | 'sources', id: string, on: boolean): void {
    const list = this.fields[key].filter((x) => x !== id);
    this.onField(key, on ? [...list, id] : list);
  }

  private async onInsertImage(event: Event): Promise<void> {
    const module = this.module();
    if (!module) return;
    const answer = await this.mediaDialog.ask(module.id, event.currentTarget as HTMLElement);
    if (answer && this.view) {
      insertAtCursor(this.view, answer.markdown);
      this.status = msg(str`已上传 ${answer.path} 并插入图片。`);
    }
  }

  private onProblemsOpen(event: CustomEvent<{ kind: string; path?: string; line?: number }>): void {
    // A problem in this page: move the cursor there instead of reopening the file.
    if (event.detail.path !== this.path || !this.view) return;
    event.stopPropagation();
    if (event.detail.line && event.detail.line >= this.bodyLine)
      goToLine(this.view, event.detail.line - this.bodyLine + 1);
  }

  /** The file's text as it would be saved now. */
  text(): string {
    return joinPage(this.frontMatter, this.view?.state.doc.toString() ?? '');
  }

  /** Resolves once the page is loaded into the editor (tests and the shell wait on it). */
  get ready(): Promise<void> {
    return this.loaded;
  }

  /** Saves the current text (`PUT /api/file`); refused saves keep the text and show why. */
  async save(text = this.text(), { undo = false } = {}): Promise<boolean> {
    if (!this.client || this.busy) return false;
    this.busy = true;
    this.status = msg('正在保存……');
    const before = this.savedText;
    const answer = await this.client.putFile({ path: this.path, text, etag: this.etag });
    this.busy = false;
    if (!answer.ok) {
      this.saveProblems = answer.problems;
      this.saveError = answer.status === 409 ? CHANGED_ON_DISK : answer.error;
      this.status = msg('没有保存。');
      this.showMarks(answer.problems);
      return false;
    }
    if (undo) this.history.drop(this.path);
    else this.history.push(this.path, before);
    this.etag = answer.data.etag;
    this.savedText = text;
    this.dirty = text !== this.text();
    this.saveProblems = [];
    this.saveError = null;
    this.showMarks([]);
    this.status = undo ? msg('已撤销上次保存。') : msg('已保存。');
    const oldTitle = readFields(splitPage(before).frontMatter).title;
    emit(this, 'studio-saved', { path: this.path, etag: answer.data.etag });
    if (oldTitle !== this.fields.title && this.outline) emit(this, 'studio-outline', { outline: this.outline });
    return true;
  }

  /** Saves the text before the last save back, and shows it. */
  async undo(): Promise<void> {
    const earlier = this.history.peek(this.path);
    if (earlier === undefined) return;
    if (await this.save(earlier, { undo: true })) this.show(earlier);
  }

  private module() {
    return this.outline?.modules.find((m) => m.items.some((item) => item.path === this.path)) ?? null;
  }

  private async load(): Promise<void> {
    if (!this.client || !this.path) return;
    this.loadError = null;
    this.saveProblems = [];
    this.saveError = null;
    this.status = '';
    const [file, objectives] = await Promise.all([this.client.file(this.path), this.loadObjectives()]);
    this.objectives = objectives;
    if (!file.ok) {
      this.loadError = file.error;
      return;
    }
    this.etag = file.data.etag;
    this.savedText = file.data.text;
    await this.updateComplete;
    this.show(file.data.text);
    this.dirty = false;
    if (this.line && this.view) goToLine(this.view, this.line - this.bodyLine + 1);
  }

  private async loadObjectives(): Promise<{ id: string; text: string }[]> {
    const module = this.module();
    if (!module || !this.client) return [];
    const answer = await this.client.file(module.path);
    return answer.ok ? moduleObjectives(answer.data.text) : [];
  }

  /** Puts a whole file's text into the form and the editor. */
  private show(text: string): void {
    const parts = splitPage(text);
    this.frontMatter = parts.frontMatter;
    this.fields = readFields(parts.frontMatter);
    this.bodyLine = parts.bodyLine;
    if (!this.view) {
      this.view = createMarkdownEditor({
        parent: this.editorHost,
        root: this.shadowRoot!,
        doc: parts.body,
        label: msg('页面正文（Markdown）'),
        onChange: () => this.onBodyChange(),
        onSave: () => void this.save(),
      });
    } else replaceText(this.view, parts.body);
    this.schedulePreview(0);
  }

  private schedulePreview(delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = window.setTimeout(() => void this.preview(), delay);
  }

  private async preview(): Promise<void> {
    if (!this.client) return;
    const text = this.text();
    emit(this, 'studio-draft', { path: this.path, text });
    const answer = await this.client.renderPage(this.path, text);
    if (text !== this.text()) return; // typed on meanwhile: a newer preview is coming
    if (answer.ok) {
      this.previewHtml = answer.data.html;
      this.previewProblems = answer.data.problems;
    } else this.previewProblems = answer.problems;
  }

  private showMarks(problems: Diagnostic[]): void {
    if (!this.view) return;
    const english = getLocale() === 'en';
    markLines(
      this.view,
      problems
        .filter((p) => p.file === this.path && p.line >= this.bodyLine)
        .map((p) => ({
          line: p.line - this.bodyLine + 1,
          message: english ? `${p.message.zh} ${p.message.en}` : p.message.zh,
        })),
    );
  }

  /** Problems of this page's front matter field `key` (from the refused save, else from the live preview). */
  private fieldProblems(key: string) {
    const problems = (this.saveProblems.length ? this.saveProblems : this.previewProblems).filter(
      (p) => p.file === this.path && p.line < this.bodyLine && fieldAtLine(this.frontMatter, p.line) === key,
    );
    return problems.length
      ? html`<span class="error" id=${`${key}-error`}>${problems.map((p) => html`${bilingual(p.message)} `)}</span>`
      : nothing;
  }

  private renderFields() {
    const seeds = this.outline?.seeds ?? [];
    const invalid = (key: string) => (this.fieldProblems(key) === nothing ? 'false' : 'true');
    const describedBy = (key: string) => (this.fieldProblems(key) === nothing ? nothing : `${key}-error`);
    return html`<details class="fields" open>
      <summary>${msg('页面信息')}</summary>
      <div class="grid">
        <div class="field">
          <label for="title">${msg('标题')}</label>
          <input
            id="title"
            .value=${this.fields.title}
            aria-invalid=${invalid('title')}
            aria-describedby=${describedBy('title')}
            @input=${(e: Event) => this.onField('title', (e.target as HTMLInputElement).value)}
          />
          ${this.fieldProblems('title')}
        </div>
        <div class="field">
          <label for="minutes">${msg('学习时长（分钟）')}</label>
          <input
            id="minutes"
            type="number"
            min="1"
            step="1"
            .value=${this.fields.minutes === null ? '' : String(this.fields.minutes)}
            aria-invalid=${invalid('minutes')}
            aria-describedby=${describedBy('minutes')}
            @input=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              this.onField('minutes', value === '' ? null : Number(value));
            }}
          />
          ${this.fieldProblems('minutes')}
        </div>
        <fieldset aria-describedby=${describedBy('objectives')}>
          <legend>${msg('本页对应的学习目标')}</legend>
          ${this.objectives.map(
            (o) =>
              html`<label
                ><input
                  type="checkbox"
                  .checked=${this.fields.objectives.includes(o.id)}
                  @change=${(e: Event) => this.onToggle('objectives', o.id, (e.target as HTMLInputElement).checked)}
                />${o.text} <span class="hint">${o.id}</span></label
              >`,
          )}
          ${this.fields.objectives
            .filter((id) => !this.objectives.some((o) => o.id === id))
            .map(
              (id) =>
                html`<label
                  ><input
                    type="checkbox"
                    checked
                    @change=${(e: Event) => this.onToggle('objectives', id, (e.target as HTMLInputElement).checked)}
                  />${id}</label
                >`,
            )}
          ${this.fieldProblems('objectives')}
        </fieldset>
        <fieldset aria-describedby=${describedBy('sources')}>
          <legend>${msg('资料来源（种子文档）')}</legend>
          ${seeds.map(
            (seed) =>
              html`<label
                ><input
                  type="checkbox"
                  .checked=${this.fields.sources.includes(seed)}
                  @change=${(e: Event) => this.onToggle('sources', seed, (e.target as HTMLInputElement).checked)}
                />${seed}</label
              >`,
          )}
          ${this.fieldProblems('sources')}
        </fieldset>
      </div>
    </details>`;
  }

  override render() {
    if (this.loadError) return html`<p role="alert" class="error">${bilingual(this.loadError)}</p>`;
    const undoCount = this.history.count(this.path);
    const refused = this.saveProblems.length > 0 || this.saveError !== null;
    return html`
      <header>
        <div>
          <h2 id="heading" tabindex="-1">${msg(str`编辑页面：${this.fields.title}`)}</h2>
          <span class="path">${this.path}</span>
        </div>
        <div class="actions">
          <button type="button" @click=${this.onInsertImage}>${msg('插入图片')}</button>
          <button type="button" ?disabled=${undoCount === 0 || this.busy} @click=${() => this.undo()}>
            ${msg(str`撤销上次保存（${undoCount}）`)}
          </button>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save()}>
            ${this.dirty ? msg('保存（有未保存的修改）') : msg('保存')}
          </button>
        </div>
      </header>
      <p class="status" role="status">
        <span class=${refused ? 'error' : 'saved'}>${this.status}</span>
      </p>
      <div role="alert" class="problems" @studio-open=${this.onProblemsOpen}>
        ${
          refused
            ? html`<p class="error">
                  <strong>${msg('这次保存被拒绝，文件没有改动；编辑器里的内容都还在。')}</strong>
                  ${bilingual(this.saveError)}
                </p>
                <studio-problems linked .problems=${this.saveProblems} .lineOffset=${0}></studio-problems>`
            : nothing
        }
      </div>
      ${this.renderFields()}
      <div class="panes">
        <div class="pane">
          <h3 id="editor-heading">${msg('正文（Markdown）')}</h3>
          <div class="editor"></div>
        </div>
        <div class="pane">
          <h3 id="preview-heading">${msg('预览（学员看到的样子）')}</h3>
          <div class="preview" tabindex="0" role="region" aria-labelledby="preview-heading" lang="zh-CN">
            <course-page .html=${this.previewHtml}></course-page>
          </div>
          ${
            this.previewProblems.length && !refused
              ? html`<h3>${msg('预览发现的问题')}</h3>
                  <studio-problems
                    linked
                    .problems=${this.previewProblems}
                    @studio-open=${this.onProblemsOpen}
                  ></studio-problems>`
              : nothing
          }
        </div>
      </div>
      <studio-media-dialog .client=${this.client}></studio-media-dialog>
    `;
  }
}

const CHANGED_ON_DISK: Bilingual = {
  zh: '文件在磁盘上已被修改（可能在别的编辑器里）。请复制你的修改，重新打开页面后再保存。',
  en: 'The file changed on disk (perhaps in another editor). Copy your changes, reopen the page, then save.',
};
