import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { parse } from 'yaml';
import '../../components/course-question/define.js';
import { baseStyles } from '../../components/shared/tokens.styles.js';
import { visuallyHidden } from '../../components/shared/visually-hidden.styles.js';
import type { FileResponse, Outline, RenderQuizResponse, YamlPath } from '../../core/studio-api.js';
import type { Objective, Question, QuestionType, Quiz } from '../../core/types.js';
import { callApi, clientOr } from '../editor-support/api.js';
import type { StudioClient } from '../shared/api.js';
import { SaveHistory } from '../shared/save-history.js';
import { editorStyles } from '../editor-support/editor.styles.js';
import { fieldId, labelOf, pick, renderField, renderProblemList } from '../editor-support/fields.js';
import { convertQuestion, freeId, newQuestion } from '../editor-support/question-templates.js';
import {
  objectFields,
  questionFields,
  questionTypes,
  type FieldSpec,
  type JsonSchema,
} from '../editor-support/schema-fields.js';
import { getAt, setAt, type Plain } from '../editor-support/yaml-edits.js';
import { renderFileBar, renderFileProblems } from '../editor-support/file-chrome.js';
import { YamlFileController } from '../editor-support/yaml-file-controller.js';
import { quizEditorStyles } from './quiz-editor.styles.js';

type PlainObject = { [key: string]: Plain };

/** Where a question is: its pool and its place in the pool. */
interface QuestionRef {
  pool: number;
  index: number;
}

/** The list fields of questions whose entries have their own fields (id, text, feedback). */
const ENTRY_LISTS = new Set(['options', 'items', 'sources', 'targets']);

function asObject(value: Plain | undefined): PlainObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function asList(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

function text(value: Plain | undefined): string {
  return typeof value === 'string' ? value : '';
}

/**
 * @summary A quiz file as forms: the quiz settings, its pools and questions (every type, with options, feedback and
 * answers picked from the options), live validation with the build's own messages on each field, minimal saves, and
 * a preview of the selected question as a learner sees it.
 *
 * The forms are described by the build's schema (`quiz.schema.json`, fetched from `schema-base`): labels, hints,
 * limits and choices come from it. Every change is validated with the whole course after a short pause (`POST
 * /api/validate`), and each problem is shown at the field on its line. 保存 (or Ctrl+S) sends only the changed values
 * (`PATCH /api/yaml`); a refused save shows the build's problems and keeps the form as it is. 撤销 undoes the last
 * form change. The preview is the learner's `<course-question>` fed with the built quiz (`POST /api/render/quiz`);
 * its course events stay inside the editor.
 *
 * Keyboard: every control is native; questions are reordered with 上移 / 下移, deleted after a confirmation dialog.
 *
 * @fires studio-dirty - `{ path, dirty }` when unsaved changes appear or are saved.
 * @fires studio-draft - `{ path, text }`: the edited text, at each validation (for the shell's problems panel).
 * @fires studio-saved - `{ path, etag, snapshot? }` after each save (and each undone save).
 *
 * @cssprop --course-color-primary - Primary buttons and the selected question.
 * @cssprop --course-color-error - Problems and the delete buttons.
 */
@localized()
export class StudioQuizEditor extends LitElement {
  static override styles = [baseStyles, visuallyHidden, editorStyles, quizEditorStyles];

  // Controllers

  private readonly file = new YamlFileController(this, (text) => this.renderPreview(text));

  // Queries

  @query('dialog') private dialog?: HTMLDialogElement;

  // Private state

  @state() private schema: JsonSchema | null = null;
  @state() private selected: QuestionRef | null = null;
  @state() private objectives: Objective[] = [];
  /** The built quiz of the edited text, for the preview; null while it has errors. */
  @state() private preview: Quiz | null = null;
  @state() private showAllFeedback = false;
  @state() private pendingDelete: QuestionRef | null = null;
  @state() private newType: QuestionType = 'single';
  /** A short message for screen readers after an action (moved, added, saved). */
  @state() private announcement = '';
  private fallbackClient: StudioClient | null = null;

  // Public properties

  /** The quiz file, relative to the course root (e.g. `quizzes/service-concepts.yaml`). */
  @property() path = '';

  /** Where the build's JSON Schemas are served (the studio bundle ships them under `/studio/schemas/`). */
  @property({ attribute: 'schema-base' }) schemaBase = '/studio/schemas/';

  /** The shell's API client (token, 401 handling); without one, a client with this tab's token. */
  @property({ attribute: false }) client: StudioClient | null = null;

  /** The course outline, when the shell has it (saves a request for the module's objectives). */
  @property({ attribute: false }) outline: Outline | null = null;

  /** The session's earlier saved texts, shared with the other editors: 撤销上次保存 saves one back. */
  @property({ attribute: false }) history = new SaveHistory();

  /** The client requests go through. */
  get api(): StudioClient {
    this.fallbackClient ??= clientOr(null);
    return this.client ?? this.fallbackClient;
  }

  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schemaBase')) void this.loadSchema();
    if (changed.has('path') && this.path) {
      this.selected = null;
      this.preview = null;
      void this.file.load(this.path).then(() => this.afterLoad());
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
  }

  // Private handlers

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void this.onSave();
    }
  };

  private async onSave(): Promise<void> {
    const saved = await this.file.save();
    this.announcement = saved ? msg('已保存。') : '';
  }

  private async onUndoSave(): Promise<void> {
    const undone = await this.file.undoSave();
    this.announcement = undone ? msg('已撤销上次保存。') : '';
  }

  private onUndo(): void {
    this.file.undo();
    this.announcement = msg('已撤销上一次修改。');
  }

  private onAddQuestion(pool: number): void {
    const id = freeId(`${text(asObject(this.file.data)['id']).replace(/-quiz$/, '')}-q`, this.questionIds());
    this.file.change((draft) => {
      const questions = asList(getAt(draft, ['pools', pool, 'questions']));
      setAt(draft, ['pools', pool, 'questions'], [...questions, newQuestion(this.newType, id)]);
    });
    const index = this.questionsOf(pool).length - 1;
    this.select({ pool, index });
    this.announcement = msg(str`已添加第 ${index + 1} 题。`);
  }

  private onDuplicate(ref: QuestionRef): void {
    const original = asObject(getAt(this.file.data, this.questionPath(ref)));
    const id = freeId(`${text(original['id'])}-copy`, this.questionIds());
    this.file.change((draft) => {
      asList(getAt(draft, ['pools', ref.pool, 'questions'])).splice(ref.index + 1, 0, { ...original, id });
    });
    this.select({ pool: ref.pool, index: ref.index + 1 });
    this.announcement = msg(str`已复制为第 ${ref.index + 2} 题。`);
  }

  private onMove(ref: QuestionRef, by: number): void {
    const to = ref.index + by;
    if (to < 0 || to >= this.questionsOf(ref.pool).length) return;
    this.file.change((draft) => {
      const list = asList(getAt(draft, ['pools', ref.pool, 'questions']));
      const [moved] = list.splice(ref.index, 1);
      if (moved !== undefined) list.splice(to, 0, moved);
    });
    if (this.selected?.pool === ref.pool && this.selected.index === ref.index) this.selected = { ...ref, index: to };
    this.announcement = msg(str`已移到第 ${to + 1} 题。`);
    // Keep focus on the same button of the moved question, so repeated presses keep moving it.
    // At either end that button is disabled: the other one takes focus.
    void this.updateComplete.then(() => {
      const buttons = ['up', 'down'].map((b) =>
        this.renderRoot.querySelector<HTMLButtonElement>(`#q-${ref.pool}-${to}-${b}`),
      );
      const [first, second] = by < 0 ? buttons : buttons.reverse();
      (first && !first.disabled ? first : second)?.focus();
    });
  }

  private async onAskDelete(ref: QuestionRef): Promise<void> {
    this.pendingDelete = ref;
    await this.updateComplete;
    this.dialog?.showModal();
  }

  private onConfirmDelete(): void {
    const ref = this.pendingDelete;
    this.dialog?.close();
    if (!ref) return;
    this.file.change((draft) => {
      asList(getAt(draft, ['pools', ref.pool, 'questions'])).splice(ref.index, 1);
    });
    this.pendingDelete = null;
    this.selected = null;
    this.announcement = msg(str`已删除第 ${ref.index + 1} 题。`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#pool-${ref.pool}-add`)?.focus());
  }

  private onDialogClose(): void {
    const ref = this.pendingDelete;
    this.pendingDelete = null;
    if (ref) this.renderRoot.querySelector<HTMLElement>(`#q-${ref.pool}-${ref.index}-delete`)?.focus();
  }

  private select(ref: QuestionRef): void {
    this.selected = ref;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-heading')?.focus());
  }

  // Private helpers

  private async loadSchema(): Promise<void> {
    try {
      const response = await fetch(`${this.schemaBase}quiz.schema.json`);
      this.schema = (await response.json()) as JsonSchema;
    } catch {
      this.schema = null;
    }
  }

  /** Loads the objectives questions may assess: the quiz's module's, or every module's for the final quiz. */
  private async afterLoad(): Promise<void> {
    const module = text(asObject(this.file.data)['module']);
    try {
      const outline = this.outline ?? (await callApi<Outline>(this.api, 'GET', '/api/outline'));
      const modules = outline.modules.filter((m) => !module || m.id === module);
      const files = await Promise.all(
        modules.map((m) => callApi<FileResponse>(this.api, 'GET', `/api/file?path=${encodeURIComponent(m.path)}`)),
      );
      this.objectives = files.flatMap((f) => (parse(f.text) as { objectives?: Objective[] }).objectives ?? []);
    } catch {
      this.objectives = [];
    }
  }

  private async renderPreview(text: string): Promise<void> {
    try {
      const answer = await callApi<RenderQuizResponse>(this.api, 'POST', '/api/render/quiz', { path: this.path, text });
      this.preview = answer.quiz;
    } catch {
      this.preview = null;
    }
  }

  private questionPath(ref: QuestionRef): YamlPath {
    return ['pools', ref.pool, 'questions', ref.index];
  }

  private questionsOf(pool: number): PlainObject[] {
    return asList(getAt(this.file.data, ['pools', pool, 'questions'])).map(asObject);
  }

  private questionIds(): Set<string> {
    const pools = asList(getAt(this.file.data, ['pools']));
    return new Set(pools.flatMap((_p, i) => this.questionsOf(i).map((q) => text(q['id']))));
  }

  private set(path: YamlPath, value: Plain | undefined): void {
    this.file.change((draft) => setAt(draft, path, value));
  }

  private typeLabel(type: string): string {
    const labels: Record<string, string> = {
      single: msg('单选'),
      multiple: msg('多选'),
      'true-false': msg('判断'),
      'fill-in': msg('填空'),
      sequencing: msg('排序'),
      matching: msg('连线'),
    };
    return labels[type] ?? type;
  }

  /** A field of the quiz at `path`, with its problems. */
  private field(spec: FieldSpec, path: YamlPath, extra: { optionLabel?: (v: string) => string } = {}): TemplateResult {
    return renderField(spec, {
      path,
      value: getAt(this.file.data, path),
      problems: this.file.problemsAt(path, true),
      set: (value) => this.set(path, value),
      ...extra,
    });
  }

  /** Changes an entry's id and the answer's references to it together. */
  private renameEntry(question: YamlPath, list: string, index: number, id: string | undefined): void {
    this.file.change((draft) => {
      const q = asObject(getAt(draft, question));
      const old = text(asObject(asList(q[list])[index])['id']);
      setAt(draft, [...question, list, index, 'id'], id ?? '');
      const answer = q['answer'];
      if (!id || old === id) return;
      if (typeof answer === 'string' && answer === old) q['answer'] = id;
      else if (Array.isArray(answer)) q['answer'] = answer.map((a) => (a === old ? id : a));
      else if (answer && typeof answer === 'object') {
        const pairs = Object.entries(answer).map(([s, t]) => [s === old ? id : s, t === old ? id : t] as const);
        q['answer'] = Object.fromEntries(pairs);
      }
    });
  }

  /** Adds an entry to a question's options/items/sources/targets, keeping a sequencing answer complete. */
  private addEntry(question: YamlPath, list: string): void {
    const q = asObject(getAt(this.file.data, question));
    const taken = new Set(asList(q[list]).map((e) => text(asObject(e)['id'])));
    const id = freeId(
      list === 'options' ? String.fromCharCode(97 + taken.size) : `${list.slice(0, 1)}${taken.size + 1}`,
      taken,
    );
    const entry: PlainObject = list === 'targets' ? { id, text: '' } : { id, text: '', feedback: '' };
    this.file.change((draft) => {
      const d = asObject(getAt(draft, question));
      d[list] = [...asList(d[list]), entry];
      if (d['type'] === 'sequencing' && list === 'items') d['answer'] = [...asList(d['answer']), id];
    });
  }

  private removeEntry(question: YamlPath, list: string, index: number): void {
    this.file.change((draft) => {
      const d = asObject(getAt(draft, question));
      const entries = asList(d[list]);
      const id = text(asObject(entries[index])['id']);
      entries.splice(index, 1);
      const answer = d['answer'];
      if (answer === id) d['answer'] = '';
      else if (Array.isArray(answer)) d['answer'] = answer.filter((a) => a !== id);
      else if (answer && typeof answer === 'object')
        d['answer'] = Object.fromEntries(Object.entries(answer).filter(([s, t]) => s !== id && t !== id));
    });
  }

  // Rendering helpers

  private renderBar(): TemplateResult {
    return renderFileBar(this.file, this.path, {
      onUndo: () => this.onUndo(),
      onUndoSave: () => void this.onUndoSave(),
      onSave: () => void this.onSave(),
    });
  }

  private renderProblems(): TemplateResult {
    return renderFileProblems(this.file, this.path);
  }

  private renderSettings(schema: JsonSchema): TemplateResult {
    const fields = objectFields(schema, schema).filter((f) => f.kind !== 'list');
    return html`<section aria-labelledby="settings-heading">
      <h3 id="settings-heading">${msg('测验设置')}</h3>
      ${fields.map((spec) => this.field(spec, [spec.key]))}
    </section>`;
  }

  private renderPools(schema: JsonSchema): TemplateResult[] {
    const poolSpec = objectFields(schema, schema).find((f) => f.key === 'pools');
    const poolFields = poolSpec?.schema
      ? objectFields(schema, poolSpec.schema).filter((f) => f.key !== 'questions')
      : [];
    return asList(getAt(this.file.data, ['pools'])).map((_pool, p) => {
      const questions = this.questionsOf(p);
      return html`<section aria-labelledby="pool-${p}-heading">
        <h3 id="pool-${p}-heading">${msg(str`题池 ${p + 1}`)}</h3>
        ${poolFields.map((spec) => this.field(spec, ['pools', p, spec.key]))}
        <h4 id="pool-${p}-questions">${msg(str`题目（${questions.length}）`)}</h4>
        <ol class="entries questions" aria-labelledby="pool-${p}-questions">
          ${questions.map((q, i) => this.renderQuestionItem(q, { pool: p, index: i }, questions.length))}
        </ol>
        <div class="actions add">
          <label for="pool-${p}-type">${msg('新题型')}</label>
          <select
            id="pool-${p}-type"
            @change=${(e: Event) => (this.newType = (e.target as HTMLSelectElement).value as QuestionType)}
          >
            ${questionTypes(schema).map((t) => html`<option value=${t} ?selected=${t === this.newType}>${this.typeLabel(t)}</option>`)}
          </select>
          <button type="button" id="pool-${p}-add" @click=${() => this.onAddQuestion(p)}>${msg('添加题目')}</button>
        </div>
      </section>`;
    });
  }

  private renderQuestionItem(q: PlainObject, ref: QuestionRef, count: number): TemplateResult {
    const current = this.selected?.pool === ref.pool && this.selected.index === ref.index;
    const problems = this.file.problemsAt(this.questionPath(ref)).length;
    const n = ref.index + 1;
    const base = `q-${ref.pool}-${ref.index}`;
    return html`<li class="question-item ${current ? 'current' : ''}">
      <button
        type="button"
        class="open"
        id="${base}-open"
        aria-current=${current ? 'true' : 'false'}
        @click=${() => this.select(ref)}
      >
        <span>${n}. [${this.typeLabel(text(q['type']))}] ${text(q['prompt']).slice(0, 40)}</span>
        ${problems > 0 ? html`<span class="badge">${msg(str`${problems} 个问题`)}</span>` : nothing}
      </button>
      <span class="entry-actions">
        <button
          type="button"
          id="${base}-up"
          aria-label=${msg(str`上移第 ${n} 题`)}
          ?disabled=${ref.index === 0}
          @click=${() => this.onMove(ref, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          id="${base}-down"
          aria-label=${msg(str`下移第 ${n} 题`)}
          ?disabled=${ref.index === count - 1}
          @click=${() => this.onMove(ref, 1)}
        >
          ↓
        </button>
        <button type="button" aria-label=${msg(str`复制第 ${n} 题`)} @click=${() => this.onDuplicate(ref)}>
          ${msg('复制')}
        </button>
        <button
          type="button"
          class="danger"
          id="${base}-delete"
          aria-label=${msg(str`删除第 ${n} 题`)}
          @click=${() => void this.onAskDelete(ref)}
        >
          ${msg('删除')}
        </button>
      </span>
    </li>`;
  }

  private renderQuestionForm(schema: JsonSchema, ref: QuestionRef): TemplateResult {
    const path = this.questionPath(ref);
    const q = asObject(getAt(this.file.data, path));
    const type = text(q['type']);
    const fields = questionFields(schema, type);
    return html`<section class="question-form" aria-labelledby="question-heading">
      <h3 id="question-heading" tabindex="-1">${msg(str`编辑第 ${ref.index + 1} 题`)} · ${text(q['id'])}</h3>
      ${renderProblemList(this.file.problemsAt(path).filter((p) => p.path.length <= path.length))}
      ${fields.map((spec) => this.renderQuestionField(spec, path, q))}
    </section>`;
  }

  private renderQuestionField(spec: FieldSpec, path: YamlPath, q: PlainObject): TemplateResult {
    const at = [...path, spec.key];
    if (spec.key === 'type') {
      return renderField(spec, {
        path: at,
        value: q['type'],
        problems: this.file.problemsAt(at, true),
        optionLabel: (t) => this.typeLabel(t),
        set: (value) => {
          if (typeof value === 'string')
            this.file.change((draft) =>
              setAt(draft, path, convertQuestion(asObject(getAt(draft, path)), value as QuestionType)),
            );
        },
      });
    }
    if (spec.key === 'objective') return this.renderObjective(spec, at);
    if (spec.key === 'answer') return this.renderAnswer(spec, path, q);
    if (ENTRY_LISTS.has(spec.key) && spec.schema) return this.renderEntries(spec, path, q);
    if (spec.kind === 'object' && spec.schema) {
      return html`<fieldset class="group">
        <legend>${labelOf(spec)}</legend>
        ${objectFields(this.schema ?? {}, spec.schema).map((sub) => this.field(sub, [...at, sub.key]))}
      </fieldset>`;
    }
    return this.field(spec, at);
  }

  private renderObjective(spec: FieldSpec, at: YamlPath): TemplateResult {
    const current = text(getAt(this.file.data, at));
    const known = this.objectives.some((o) => o.id === current);
    const choices: FieldSpec = {
      ...spec,
      kind: 'choice',
      options: [...this.objectives.map((o) => o.id), ...(current && !known ? [current] : [])],
    };
    const label = (id: string): string => {
      const objective = this.objectives.find((o) => o.id === id);
      return objective ? `${id}：${objective.text}` : id;
    };
    return this.field(choices, at, { optionLabel: label });
  }

  /** The answer, picked from the question's own options, items or targets (never typed), per type. */
  private renderAnswer(spec: FieldSpec, path: YamlPath, q: PlainObject): TemplateResult {
    const at = [...path, 'answer'];
    const answer = q['answer'];
    const problems = this.file.problemsAt(at, true);
    const id = fieldId(at);
    const entries = (list: string): PlainObject[] => asList(q[list]).map(asObject);
    const legend = html`<legend id="${id}-legend">${labelOf(spec)}<span class="required"> *</span></legend>`;
    const hint = spec.hint ? html`<small class="hint">${pick(spec.hint)}</small>` : nothing;
    const wrap = (content: TemplateResult): TemplateResult =>
      html`<fieldset class="answer ${problems.length ? 'invalid' : ''}" id=${id} data-field=${at.join('.')}>
        ${legend}${hint}${content}${renderProblemList(problems)}
      </fieldset>`;
    switch (q['type']) {
      case 'single':
      case 'multiple': {
        const multiple = q['type'] === 'multiple';
        const chosen = new Set(Array.isArray(answer) ? answer.map(String) : [text(answer)]);
        return wrap(
          html`${entries('options').map((o) => {
            const optionId = text(o['id']);
            return html`<label class="choice-row">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name="${id}-pick"
                .checked=${chosen.has(optionId)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  if (!multiple) this.set(at, optionId);
                  else {
                    const ids = entries('options')
                      .map((x) => text(x['id']))
                      .filter((x) => (x === optionId ? on : chosen.has(x)));
                    this.set(at, ids);
                  }
                }}
              />
              <span>${optionId}. ${text(o['text'])}</span>
            </label>`;
          })}`,
        );
      }
      case 'true-false':
        return wrap(
          html`${[true, false].map(
            (value) =>
              html`<label class="choice-row">
                <input
                  type="radio"
                  name="${id}-pick"
                  .checked=${answer === value}
                  @change=${() => this.set(at, value)}
                />
                <span>${value ? msg('对') : msg('错')}</span>
              </label>`,
          )}`,
        );
      case 'sequencing': {
        const order = asList(answer).map(String);
        const items = entries('items');
        const name = (itemId: string): string => text(items.find((i) => i['id'] === itemId)?.['text']) || itemId;
        return wrap(
          html`<ol class="entries">
            ${order.map(
              (itemId, i) =>
                html`<li class="choice-row">
                  <span>${name(itemId)}</span>
                  <button
                    type="button"
                    aria-label=${msg(str`上移“${name(itemId)}”`)}
                    ?disabled=${i === 0}
                    @click=${() => this.set(at, swap(order, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label=${msg(str`下移“${name(itemId)}”`)}
                    ?disabled=${i === order.length - 1}
                    @click=${() => this.set(at, swap(order, i, i + 1))}
                  >
                    ↓
                  </button>
                </li>`,
            )}
          </ol>`,
        );
      }
      case 'matching': {
        const pairs = asObject(answer);
        return wrap(
          html`${entries('sources').map((s) => {
            const sourceId = text(s['id']);
            const selectId = `${id}-${sourceId}`;
            return html`<div class="field">
              <label for=${selectId}>${text(s['text']) || sourceId}</label>
              <select
                id=${selectId}
                @change=${(e: Event) => this.set([...at, sourceId], (e.target as HTMLSelectElement).value || undefined)}
              >
                <option value="" ?selected=${!pairs[sourceId]}>${msg('（未选）')}</option>
                ${entries('targets').map((t) => html`<option value=${text(t['id'])} ?selected=${pairs[sourceId] === t['id']}>${text(t['text']) || text(t['id'])}</option>`)}
              </select>
            </div>`;
          })}`,
        );
      }
      default:
        // fill-in: the accepted variants, one per line.
        return this.field({ ...spec, kind: 'words' }, at);
    }
  }

  private renderEntries(spec: FieldSpec, path: YamlPath, q: PlainObject): TemplateResult {
    const list = asList(q[spec.key]).map(asObject);
    const fields = objectFields(this.schema ?? {}, spec.schema ?? {});
    const label = labelOf(spec);
    return html`<fieldset class="group">
      <legend>${spec.key === 'options' ? msg('选项') : label}</legend>
      ${renderProblemList(this.file.problemsAt([...path, spec.key], true))}
      <ol class="entries">
        ${list.map((entry, i) => {
          const at = [...path, spec.key, i];
          return html`<li>
            <fieldset>
              <legend>${msg(str`第 ${i + 1} 项`)} · ${text(entry['id'])}</legend>
              ${fields.map((sub) =>
                sub.key === 'id'
                  ? renderField(sub, {
                      path: [...at, 'id'],
                      value: entry['id'],
                      problems: this.file.problemsAt([...at, 'id'], true),
                      set: (value) =>
                        this.renameEntry(path, spec.key, i, typeof value === 'string' ? value : undefined),
                    })
                  : this.field(sub, [...at, sub.key]),
              )}
              <button type="button" class="danger" @click=${() => this.removeEntry(path, spec.key, i)}>
                ${msg(str`删除第 ${i + 1} 项`)}
              </button>
            </fieldset>
          </li>`;
        })}
      </ol>
      <button type="button" @click=${() => this.addEntry(path, spec.key)}>${msg('添加一项')}</button>
    </fieldset>`;
  }

  private renderPreviewPane(ref: QuestionRef): TemplateResult {
    const id = text(asObject(getAt(this.file.data, this.questionPath(ref)))['id']);
    const quiz = this.preview;
    const question = quiz?.pools.flatMap((p) => p.questions).find((q) => q.id === id);
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">${msg('学员看到的样子')}</h3>
      ${
        quiz && question
          ? html`<div class="learner" lang="zh-CN" @course-interaction=${stop} @course-question-state=${stop}>
                <course-question
                  .question=${question}
                  max-tries=${quiz.questionAttempts}
                  reveal-answer=${quiz.revealAnswer}
                  retry-credit=${quiz.retryCredit ?? 0.5}
                  parent-id=${quiz.id}
                ></course-question>
              </div>
              <label class="choice-row">
                <input
                  type="checkbox"
                  .checked=${this.showAllFeedback}
                  @change=${(e: Event) => (this.showAllFeedback = (e.target as HTMLInputElement).checked)}
                />
                <span>${msg('显示每个选项的反馈')}</span>
              </label>
              ${this.showAllFeedback ? renderAllFeedback(question) : nothing}`
          : html`<p>${msg('改正这道题的错误后即可预览。')}</p>`
      }
    </section>`;
  }

  override render(): TemplateResult {
    const f = this.file;
    if (f.status === 'failed' && f.loadError) return html`<p class="alert" role="alert">${pick(f.loadError)}</p>`;
    if (f.status !== 'ready' || !this.schema) return html`<p role="status">${msg('正在打开…')}</p>`;
    const schema = this.schema;
    const ref = this.selected;
    const exists = ref !== null && getAt(f.data, this.questionPath(ref)) !== undefined;
    return html`
      <h2>${msg('测验')} · ${text(asObject(f.data)['title'])}</h2>
      ${this.renderBar()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <div class="columns">
        <div class="column">${this.renderProblems()} ${this.renderSettings(schema)} ${this.renderPools(schema)}</div>
        <div class="column">
          ${
            ref && exists
              ? html`${this.renderQuestionForm(schema, ref)} ${this.renderPreviewPane(ref)}`
              : html`<p class="placeholder">${msg('在左侧选一道题来编辑和预览。')}</p>`
          }
        </div>
      </div>
      <dialog aria-labelledby="confirm-heading" @close=${this.onDialogClose}>
        <h3 id="confirm-heading">${msg('删除这道题？')}</h3>
        <p>
          ${
            this.pendingDelete
              ? msg(str`第 ${this.pendingDelete.index + 1} 题会从文件中删除（保存后生效，保存前可以撤销）。`)
              : nothing
          }
        </p>
        <div class="actions">
          <button type="button" class="danger" @click=${this.onConfirmDelete}>${msg('删除')}</button>
          <button type="button" @click=${() => this.dialog?.close()}>${msg('取消')}</button>
        </div>
      </dialog>
    `;
  }
}

function stop(event: Event): void {
  event.stopPropagation();
}

function swap(list: readonly string[], a: number, b: number): string[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b] as string, copy[a] as string];
  return copy;
}

/** Every option's (or item's) feedback at once, for the trainer to read them side by side. */
function renderAllFeedback(question: Question): TemplateResult {
  const rows: { label: string; correct?: boolean; feedback: string }[] = [];
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const right = new Set(question.type === 'single' ? [question.answer] : question.answer);
      for (const o of question.options)
        rows.push({ label: `${o.id}. ${o.text}`, correct: right.has(o.id), feedback: o.feedback });
      break;
    }
    case 'true-false':
      rows.push({ label: msg('对'), correct: question.answer, feedback: question.feedback.true });
      rows.push({ label: msg('错'), correct: !question.answer, feedback: question.feedback.false });
      break;
    case 'fill-in':
      rows.push({ label: msg('答对时'), feedback: question.feedback.correct });
      rows.push({ label: msg('答错时'), feedback: question.feedback.incorrect });
      break;
    case 'sequencing':
    case 'matching': {
      const items = question.type === 'sequencing' ? question.items : question.sources;
      for (const i of items) rows.push({ label: i.text, feedback: i.feedback ?? '' });
      rows.push({ label: msg('答对时'), feedback: question.feedback.correct });
      rows.push({ label: msg('答错时'), feedback: question.feedback.incorrect });
      break;
    }
  }
  return html`<dl class="all-feedback">
    ${rows.map(
      (r) =>
        html`<dt>
            ${r.label}${r.correct === undefined ? nothing : r.correct ? html` <span class="right">✓ ${msg('正确')}</span>` : html` <span class="wrong">✗ ${msg('错误')}</span>`}
          </dt>
          <dd>${r.feedback}</dd>`,
    )}
  </dl>`;
}
