import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localized, msg, str } from '@lit/localize';
import '../../components/role-play/define.js';
import { baseStyles } from '../../components/shared/tokens.styles.js';
import { visuallyHidden } from '../../components/shared/visually-hidden.styles.js';
import { analyseRolePlay } from '../../core/roleplay.js';
import type { Outline, RenderRoleplayResponse, RoleplayGraph, YamlPath } from '../../core/studio-api.js';
import type { RolePlay } from '../../core/types.js';
import { callApi, clientOr } from '../editor-support/api.js';
import type { StudioClient } from '../shared/api.js';
import { SaveHistory } from '../shared/save-history.js';
import { editorStyles } from '../editor-support/editor.styles.js';
import { labelOf, pick, renderField, renderProblemList } from '../editor-support/fields.js';
import { DEFAULT_LAYOUT, layoutGraph, type GraphEdge } from '../editor-support/graph-layout.js';
import { freeId } from '../editor-support/question-templates.js';
import { objectFields, type FieldSpec, type JsonSchema } from '../editor-support/schema-fields.js';
import { getAt, setAt, type Plain } from '../editor-support/yaml-edits.js';
import { renderFileBar, renderFileProblems } from '../editor-support/file-chrome.js';
import { YamlFileController } from '../editor-support/yaml-file-controller.js';
import { roleplayEditorStyles } from './roleplay-editor.styles.js';

type PlainObject = { [key: string]: Plain };

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
 * The role-play in the preview. `roleplay` stays the same object for as long as what it plays is the same, so a
 * validation round never disturbs a run; `version` counts the changes that restarted it.
 */
interface PreviewFeed {
  roleplay: RolePlay;
  /** `roleplay` serialised, to tell a changed role-play from a re-render of the same one. */
  json: string;
  run: number;
  version: number;
  /** Why the preview plays an earlier version than the form shows, or null when it plays the edited text. */
  behind: 'errors' | 'missing-node' | null;
  /** Whether the last change of the role-play restarted the run on screen. */
  restarted: boolean;
}

/** What the editor is about to delete, once confirmed. */
type PendingDelete = { kind: 'node'; node: number } | { kind: 'reply'; node: number; reply: number };

/**
 * @summary A role-play file as a dialogue graph: a drawing of the nodes and where each reply leads, the same graph as
 * an outline for keyboard and screen-reader users, forms for the scenario, each node (customer line, narration,
 * mood), reply (text, score, harmful, feedback, rule, next) and ending, and a preview that plays the role-play from
 * any node with the learner's `<role-play>`.
 *
 * The drawing is laid out in layers from the start node (`graph-layout.ts`); it is for pointing (click a node to edit
 * it), and the outline beside it holds the same information for the keyboard and screen readers. Nodes no path reaches
 * and nodes from which no ending can be reached are highlighted, from the build's render (`POST /api/render/roleplay`)
 * and the graph rules in core/roleplay.ts (live, even while the file has other errors); the build's problems are
 * shown at the fields on their lines. A reply's `next` is picked from the nodes; renaming a node renames the
 * references to it. Saves send only the changed values (`PATCH /api/yaml`); a refused save keeps the form.
 *
 * "Play from this node" feeds `<role-play>` the built role-play with `start` set to that node (the component needs no
 * property of its own for it), replies in file order; its course events stay inside the editor. A run goes on while
 * validation rounds bring back the same role-play; a changed one restarts it from that node, with a note on screen and
 * an announcement; while the text has errors the preview keeps the version before them and says so.
 *
 * @fires studio-dirty - `{ path, dirty }` when unsaved changes appear or are saved.
 * @fires studio-draft - `{ path, text }`: the edited text, at each validation (for the shell's problems panel).
 * @fires studio-saved - `{ path, etag, snapshot? }` after each save (and each undone save).
 *
 * @cssprop --course-color-error - Dead ends, harmful replies, problems.
 * @cssprop --course-color-warning - Unreachable nodes.
 */
@localized()
export class StudioRoleplayEditor extends LitElement {
  static override styles = [baseStyles, visuallyHidden, editorStyles, roleplayEditorStyles];

  // Controllers

  private readonly file = new YamlFileController(this, (text) => this.renderBuilt(text));

  // Queries

  @query('dialog') private dialog?: HTMLDialogElement;

  // Private state

  @state() private schema: JsonSchema | null = null;
  /** Index of the node being edited. */
  @state() private selected: number | null = null;
  /** The built role-play of the edited text; null while it has errors. */
  @state() private built: RolePlay | null = null;
  /** Counts the build's renders, so that an answer for an older text arriving late is dropped. */
  private renderRound = 0;
  /** What the preview plays: see {@link updateFeed}. */
  private feed: PreviewFeed | null = null;
  @state() private graph: RoleplayGraph = { unreachable: [], deadEnds: [] };
  /** The edited data the build's graph was computed for: after a change it is stale until the next render. */
  private graphData: Plain = null;
  /** The node the preview plays from, and a counter so that pressing play again starts afresh. */
  @state() private playing: { node: string; run: number } | null = null;
  @state() private pendingDelete: PendingDelete | null = null;
  @state() private announcement = '';
  private fallbackClient: StudioClient | null = null;

  // Public properties

  /** The role-play file, relative to the course root (e.g. `modules/01-x/10-y.roleplay.yaml`). */
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schemaBase')) void this.loadSchema();
    if (changed.has('path') && this.path) {
      this.selected = null;
      this.playing = null;
      this.built = null;
      void this.file.load(this.path);
    }
    // Private state is not in PropertyValues<this>: read its keys from the plain map.
    const changedState = changed as Map<PropertyKey, unknown>;
    if (changedState.has('built') || changedState.has('playing')) this.updateFeed();
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

  private onAddNode(ending: boolean): void {
    const ids = new Set(this.nodes().map((n) => text(n['id'])));
    const id = freeId(ending ? 'end-new' : 'n-new', ids);
    const node: PlainObject = ending
      ? { id, ending: { outcome: 'neutral', title: '结局标题', debrief: '结局点评' } }
      : {
          id,
          line: '客户说的话',
          replies: [
            { id: `${id}-a`, text: '回答一', score: 1, feedback: '反馈', next: '' },
            { id: `${id}-b`, text: '回答二', score: 0, feedback: '反馈', next: '' },
          ],
        };
    this.file.change((draft) => setAt(draft, ['nodes'], [...asList(getAt(draft, ['nodes'])), node]));
    this.select(this.nodes().length - 1);
    this.announcement = msg(str`已添加节点 ${id}。`);
  }

  private onAddReply(node: number): void {
    const replies = asList(getAt(this.file.data, ['nodes', node, 'replies'])).map(asObject);
    const nodeId = text(asObject(getAt(this.file.data, ['nodes', node]))['id']);
    const id = freeId(`${nodeId}-r${replies.length + 1}`, new Set(replies.map((r) => text(r['id']))));
    this.set(['nodes', node, 'replies'], [...replies, { id, text: '', score: 0, feedback: '', next: '' }]);
    this.announcement = msg(str`已添加回答 ${id}。`);
  }

  /** Turns a dialogue node into an ending, or back; the other kind's parts leave the file. */
  private onToggleEnding(node: number, ending: boolean): void {
    this.file.change((draft) => {
      const n = asObject(getAt(draft, ['nodes', node]));
      if (ending) {
        delete n['replies'];
        delete n['line'];
        delete n['mood'];
        n['ending'] = { outcome: 'neutral', title: '结局标题', debrief: '结局点评' };
      } else {
        delete n['ending'];
        n['line'] = '客户说的话';
        n['replies'] = [
          { id: `${text(n['id'])}-a`, text: '回答一', score: 1, feedback: '反馈', next: '' },
          { id: `${text(n['id'])}-b`, text: '回答二', score: 0, feedback: '反馈', next: '' },
        ];
      }
    });
  }

  private async onAskDelete(pending: PendingDelete): Promise<void> {
    this.pendingDelete = pending;
    await this.updateComplete;
    this.dialog?.showModal();
  }

  private onConfirmDelete(): void {
    const pending = this.pendingDelete;
    this.pendingDelete = null;
    this.dialog?.close();
    if (!pending) return;
    if (pending.kind === 'node') {
      const id = text(this.nodes()[pending.node]?.['id']);
      this.file.change((draft) => asList(getAt(draft, ['nodes'])).splice(pending.node, 1));
      this.selected = null;
      this.playing = null;
      this.announcement = msg(str`已删除节点 ${id}。`);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-node')?.focus());
    } else {
      this.file.change((draft) => asList(getAt(draft, ['nodes', pending.node, 'replies'])).splice(pending.reply, 1));
      this.announcement = msg('已删除回答。');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-reply')?.focus());
    }
  }

  private onDialogClose(): void {
    this.pendingDelete = null;
  }

  private onPlay(nodeId: string): void {
    this.playing = { node: nodeId, run: (this.playing?.run ?? 0) + 1 };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#play-heading')?.focus());
  }

  private select(index: number): void {
    this.selected = index;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#node-heading')?.focus());
  }

  // Private helpers

  private async loadSchema(): Promise<void> {
    try {
      const response = await fetch(`${this.schemaBase}roleplay.schema.json`);
      this.schema = (await response.json()) as JsonSchema;
    } catch {
      this.schema = null;
    }
  }

  private async renderBuilt(text: string): Promise<void> {
    const data = this.file.data;
    const round = ++this.renderRound;
    try {
      const answer = await callApi<RenderRoleplayResponse>(this.api, 'POST', '/api/render/roleplay', {
        path: this.path,
        text,
      });
      if (round !== this.renderRound) return;
      this.built = answer.roleplay;
      this.graph = answer.graph;
      this.graphData = data;
    } catch {
      if (round === this.renderRound) this.built = null;
    }
  }

  /**
   * Decides what the preview plays after a render of the build or a press of play. The same role-play (a validation
   * round answers with a new but equal object) keeps the very object, so the trainer's run goes on. A changed one
   * restarts the run, said on screen and to screen readers. While the text has errors, or no longer has the node
   * played from, the preview keeps playing the version before and says so, rather than vanishing mid-run.
   */
  private updateFeed(): void {
    const play = this.playing;
    if (!play) {
      this.feed = null;
      return;
    }
    const previous = this.feed?.run === play.run ? this.feed : null;
    const built = this.built;
    const playable = built?.nodes.some((n) => n.id === play.node) ? built : null;
    if (!playable) {
      this.feed = previous && { ...previous, behind: built ? 'missing-node' : 'errors', restarted: false };
      return;
    }
    const roleplay: RolePlay = { ...playable, start: play.node };
    const json = JSON.stringify(roleplay);
    if (previous?.json === json) {
      if (previous.behind) this.feed = { ...previous, behind: null };
      return;
    }
    const version = (previous?.version ?? 0) + (previous ? 1 : 0);
    this.feed = { roleplay, json, run: play.run, version, behind: null, restarted: previous !== null };
    if (previous) this.announcement = msg(str`对话已修改，试玩从节点 ${play.node} 重新开始。`);
  }

  private nodes(): PlainObject[] {
    return asList(getAt(this.file.data, ['nodes'])).map(asObject);
  }

  private set(path: YamlPath, value: Plain | undefined): void {
    this.file.change((draft) => setAt(draft, path, value));
  }

  private field(spec: FieldSpec, path: YamlPath): TemplateResult {
    return renderField(spec, {
      path,
      value: getAt(this.file.data, path),
      problems: this.file.problemsAt(path, true),
      set: (value) => this.set(path, value),
    });
  }

  /** Renames a node and every reference to it (`start`, replies' `next`). */
  private renameNode(index: number, id: string | undefined): void {
    this.file.change((draft) => {
      const old = text(asObject(getAt(draft, ['nodes', index]))['id']);
      setAt(draft, ['nodes', index, 'id'], id ?? '');
      if (!id || old === '' || old === id) return;
      if (getAt(draft, ['start']) === old) setAt(draft, ['start'], id);
      for (const node of asList(getAt(draft, ['nodes'])).map(asObject)) {
        for (const reply of asList(node['replies']).map(asObject)) if (reply['next'] === old) reply['next'] = id;
      }
    });
  }

  /** Unreachable nodes and dead ends: the build's graph, and the graph rules on the edited data meanwhile. */
  private flags(): { unreachable: Set<string>; deadEnds: Set<string> } {
    const current = this.graphData === this.file.data;
    const unreachable = new Set(current ? this.graph.unreachable : []);
    const deadEnds = new Set(current ? this.graph.deadEnds : []);
    for (const problem of analyseRolePlay(this.file.data as unknown as RolePlay)) {
      if (problem.kind === 'unreachable') unreachable.add(problem.nodeId);
      if (problem.kind === 'dead-end' || problem.kind === 'no-exit-cycle') deadEnds.add(problem.nodeId);
    }
    return { unreachable, deadEnds };
  }

  private nodeSummary(node: PlainObject): string {
    const ending = asObject(node['ending']);
    if (node['ending']) return `${msg('结局')}：${text(ending['title'])}`;
    return text(node['line']) || text(node['narration']);
  }

  private outcomeLabel(outcome: string): string {
    const labels: Record<string, string> = { good: msg('好结局'), neutral: msg('一般结局'), bad: msg('差结局') };
    return labels[outcome] ?? outcome;
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
    const fields = objectFields(schema, schema);
    const ids = this.nodes().map((n) => text(n['id']));
    return html`<section aria-labelledby="settings-heading">
      <h3 id="settings-heading">${msg('情景设置')}</h3>
      ${fields.map((spec) => {
        if (spec.key === 'nodes') return nothing;
        if (spec.key === 'start') return this.field({ ...spec, kind: 'choice', options: ids }, ['start']);
        if (spec.kind === 'object' && spec.schema) {
          return html`<fieldset class="group">
            <legend>${spec.key === 'customer' ? msg('客户') : labelOf(spec)}</legend>
            ${objectFields(schema, spec.schema).map((sub) => this.field(sub, [spec.key, sub.key]))}
          </fieldset>`;
        }
        return this.field(spec, [spec.key]);
      })}
    </section>`;
  }

  /** The drawing: boxes in layers, arrows for replies. Pointer users click a box to edit it. */
  private renderDrawing(): TemplateResult {
    const nodes = this.nodes();
    const ids = nodes.map((n) => text(n['id']));
    const edges: (GraphEdge & { harmful: boolean })[] = nodes.flatMap((n) =>
      asList(n['replies'])
        .map(asObject)
        .map((r) => ({ from: text(n['id']), to: text(r['next']), harmful: r['harmful'] === true })),
    );
    const layout = layoutGraph(ids, edges, text(getAt(this.file.data, ['start'])));
    const { nodeWidth: w, nodeHeight: h } = DEFAULT_LAYOUT;
    const { unreachable, deadEnds } = this.flags();
    const margin = 16;
    const harmful = new Set(edges.filter((e) => e.harmful).map((e) => `${e.from}→${e.to}`));
    const edgeMarks: SVGTemplateResult[] = layout.edges.map((e) => {
      const cls = `edge ${harmful.has(`${e.from}→${e.to}`) ? 'harmful' : ''} ${e.back ? 'back' : ''}`;
      if (!e.back)
        return svg`<line class=${cls} x1=${e.x1} y1=${e.y1} x2=${e.x2} y2=${e.y2} marker-end="url(#arrow)"></line>`;
      // A loop back up: a curve out to the right of both boxes.
      const x = Math.max(e.x1, e.x2) + w / 2 + 12;
      return svg`<path class=${cls} d="M ${e.x1 + w / 2} ${e.y1 - h / 2} C ${x} ${e.y1 - h / 2}, ${x} ${e.y2 + h / 2}, ${e.x2 + w / 2} ${e.y2 + h / 2}" marker-end="url(#arrow)"></path>`;
    });
    const boxes = layout.nodes.map((p) => {
      const index = ids.indexOf(p.id);
      const node = nodes[index] ?? {};
      const ending = asObject(node['ending']);
      const cls = [
        'node',
        node['ending'] ? `ending ${text(ending['outcome'])}` : '',
        unreachable.has(p.id) ? 'unreachable' : '',
        deadEnds.has(p.id) ? 'dead-end' : '',
        index === this.selected ? 'selected' : '',
        this.file.problemsAt(['nodes', index]).length > 0 ? 'has-problems' : '',
      ].join(' ');
      const summary = this.nodeSummary(node);
      return svg`<g class=${cls} transform="translate(${p.x} ${p.y})" @click=${() => this.select(index)}>
        <rect width=${w} height=${h} rx="8"></rect>
        <text x="8" y="20" class="node-id">${p.id}</text>
        <text x="8" y="40" class="node-text">${summary.length > 11 ? `${summary.slice(0, 11)}…` : summary}</text>
      </g>`;
    });
    // The drawing is a tab stop only so that it can be scrolled; its description sends keyboard and screen-reader
    // users on to the node list, the next tab stop, which holds the same graph as buttons.
    return html`<div
      class="drawing"
      tabindex="0"
      role="group"
      aria-labelledby="graph-heading"
      aria-describedby="drawing-route"
    >
      <p class="route" id="drawing-route">
        ${msg('用键盘或读屏软件时，请用“节点列表”（按 Tab 即到）：同一张图，每个节点是一个按钮。')}
      </p>
      <svg
        aria-hidden="true"
        width=${layout.width + 2 * margin + w / 2}
        height=${layout.height + 2 * margin}
        viewBox="${-margin} ${-margin} ${layout.width + 2 * margin + w / 2} ${layout.height + 2 * margin}"
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z"></path>
          </marker>
        </defs>
        ${edgeMarks}${boxes}
      </svg>
      <p class="legend">
        <span class="key unreachable">${msg('虚线框：从开始走不到')}</span>
        <span class="key dead-end">${msg('红框：走不到任何结局')}</span>
        <span class="key harmful">${msg('红色虚线：有害回答')}</span>
      </p>
    </div>`;
  }

  /** The same graph as nested lists: each node, its state, and where each reply leads. */
  private renderOutline(): TemplateResult {
    const nodes = this.nodes();
    const start = text(getAt(this.file.data, ['start']));
    const { unreachable, deadEnds } = this.flags();
    return html`<ol class="outline" aria-labelledby="outline-heading">
      ${nodes.map((node, i) => {
        const id = text(node['id']);
        const tags = [
          id === start ? msg('开始') : '',
          node['ending'] ? this.outcomeLabel(text(asObject(node['ending'])['outcome'])) : '',
          unreachable.has(id) ? msg('从开始走不到') : '',
          deadEnds.has(id) ? msg('走不到任何结局') : '',
        ].filter(Boolean);
        const problems = this.file.problemsAt(['nodes', i]).length;
        return html`<li class=${unreachable.has(id) || deadEnds.has(id) ? 'flagged' : ''}>
          <button
            type="button"
            id="node-${i}-open"
            aria-current=${i === this.selected ? 'true' : 'false'}
            @click=${() => this.select(i)}
          >
            ${id}${tags.length ? html` <span class="tags">（${tags.join('，')}）</span>` : nothing}
            ${problems > 0 ? html` <span class="badge">${msg(str`${problems} 个问题`)}</span>` : nothing}
          </button>
          <span class="summary">${this.nodeSummary(node)}</span>
          ${
            asList(node['replies']).length > 0
              ? html`<ul>
                  ${asList(node['replies'])
                    .map(asObject)
                    .map(
                      (r) =>
                        html`<li>
                          ${text(r['id'])} → ${text(r['next']) || msg('（未连接）')} ·
                          ${msg(str`${Number(r['score'] ?? 0)} 分`)}${r['harmful'] === true ? html` · <span class="harmful-text">${msg('有害')}</span>` : nothing}
                        </li>`,
                    )}
                </ul>`
              : nothing
          }
        </li>`;
      })}
    </ol>`;
  }

  private renderNodeForm(schema: JsonSchema, index: number): TemplateResult {
    const nodeSpec = objectFields(schema, schema).find((f) => f.key === 'nodes')?.schema ?? {};
    const fields = objectFields(schema, nodeSpec);
    const node = this.nodes()[index] ?? {};
    const path: YamlPath = ['nodes', index];
    const id = text(node['id']);
    const isEnding = node['ending'] !== undefined;
    const ids = this.nodes().map((n) => text(n['id']));
    const spec = (key: string): FieldSpec | undefined => fields.find((f) => f.key === key);
    const idSpec = spec('id');
    return html`<section class="node-form" aria-labelledby="node-heading">
      <h3 id="node-heading" tabindex="-1">${msg(str`编辑节点 ${id}`)}</h3>
      ${renderProblemList(this.file.problemsAt(path).filter((p) => p.path.length <= path.length))}
      ${
        idSpec
          ? renderField(idSpec, {
              path: [...path, 'id'],
              value: node['id'],
              problems: this.file.problemsAt([...path, 'id'], true),
              set: (value) => this.renameNode(index, typeof value === 'string' ? value : undefined),
            })
          : nothing
      }
      <label class="choice-row">
        <input
          type="checkbox"
          .checked=${isEnding}
          @change=${(e: Event) => this.onToggleEnding(index, (e.target as HTMLInputElement).checked)}
        />
        <span>${msg('这是结局节点')}</span>
      </label>
      ${fields
        .filter((f) =>
          isEnding ? f.key === 'ending' || f.key === 'narration' : !['id', 'ending', 'replies'].includes(f.key),
        )
        .map((f) =>
          f.kind === 'object' && f.schema
            ? html`<fieldset class="group">
                <legend>${msg('结局')}</legend>
                ${objectFields(schema, f.schema).map((sub) => this.field(sub, [...path, f.key, sub.key]))}
              </fieldset>`
            : this.field(f, [...path, f.key]),
        )}
      ${isEnding ? nothing : this.renderReplies(schema, spec('replies'), index, ids)}
      <div class="actions">
        <button type="button" class="primary" id="play" ?disabled=${!this.built} @click=${() => this.onPlay(id)}>
          ${msg('从这个节点试玩')}
        </button>
        <button type="button" class="danger" @click=${() => void this.onAskDelete({ kind: 'node', node: index })}>
          ${msg('删除节点')}
        </button>
      </div>
      ${this.built ? nothing : html`<p class="hint">${msg('改正文件中的错误后才能试玩。')}</p>`}
    </section>`;
  }

  private renderReplies(schema: JsonSchema, spec: FieldSpec | undefined, node: number, ids: string[]): TemplateResult {
    const replies = asList(getAt(this.file.data, ['nodes', node, 'replies'])).map(asObject);
    const fields = spec?.schema ? objectFields(schema, spec.schema) : [];
    return html`<fieldset class="group">
      <legend>${msg('学员可选的回答')}</legend>
      ${renderProblemList(this.file.problemsAt(['nodes', node, 'replies'], true))}
      <ol class="entries">
        ${replies.map((reply, r) => {
          const at: YamlPath = ['nodes', node, 'replies', r];
          return html`<li>
            <fieldset>
              <legend>${msg(str`回答 ${r + 1}`)} · ${text(reply['id'])}</legend>
              ${fields.map((f) =>
                f.key === 'next'
                  ? this.field({ ...f, kind: 'choice', options: ids }, [...at, 'next'])
                  : this.field(f, [...at, f.key]),
              )}
              <button
                type="button"
                class="danger"
                @click=${() => void this.onAskDelete({ kind: 'reply', node, reply: r })}
              >
                ${msg(str`删除回答 ${r + 1}`)}
              </button>
            </fieldset>
          </li>`;
        })}
      </ol>
      <button type="button" id="add-reply" @click=${() => this.onAddReply(node)}>${msg('添加回答')}</button>
    </fieldset>`;
  }

  private renderPlay(): TemplateResult | typeof nothing {
    const play = this.playing;
    const feed = this.feed;
    if (!play || !feed) return nothing;
    const notes: Record<NonNullable<PreviewFeed['behind']>, string> = {
      errors: msg('文件现在有错误：试玩的还是出错之前的版本，改正后会按新内容重新开始。'),
      'missing-node': msg(str`文件里已经没有节点 ${play.node}：试玩的还是之前的版本。请选一个节点重新试玩。`),
    };
    const note = feed.behind
      ? notes[feed.behind]
      : feed.restarted
        ? msg(str`对话已修改，试玩从节点 ${play.node} 重新开始。`)
        : '';
    return html`<section class="play" aria-labelledby="play-heading">
      <h3 id="play-heading" tabindex="-1">${msg(str`从节点 ${play.node} 试玩`)}</h3>
      ${note ? html`<p class="play-note ${feed.behind ? 'behind' : ''}">${note}</p>` : nothing}
      <div
        class="learner"
        lang="zh-CN"
        @course-interaction=${stop}
        @course-roleplay-state=${stop}
        @course-roleplay-complete=${stop}
      >
        ${keyed(
          `${play.node}|${play.run}|${feed.version}`,
          html`<role-play .roleplay=${feed.roleplay} .shuffle=${false}></role-play>`,
        )}
      </div>
    </section>`;
  }

  private renderDialog(): TemplateResult {
    const pending = this.pendingDelete;
    let message: string | typeof nothing = nothing;
    if (pending?.kind === 'node') {
      const id = text(this.nodes()[pending.node]?.['id']);
      const incoming = this.nodes()
        .flatMap((n) => asList(n['replies']).map(asObject))
        .filter((r) => r['next'] === id).length;
      message =
        incoming > 0
          ? msg(str`节点 ${id} 会被删除；有 ${incoming} 个回答指向它，之后需要重新连接。`)
          : msg(str`节点 ${id} 会被删除。`);
    } else if (pending?.kind === 'reply') {
      message = msg(str`回答 ${pending.reply + 1} 会被删除。`);
    }
    return html`<dialog aria-labelledby="confirm-heading" @close=${this.onDialogClose}>
      <h3 id="confirm-heading">${pending?.kind === 'reply' ? msg('删除这个回答？') : msg('删除这个节点？')}</h3>
      <p>${message} ${msg('保存前可以撤销。')}</p>
      <div class="actions">
        <button type="button" class="danger" @click=${this.onConfirmDelete}>${msg('删除')}</button>
        <button type="button" @click=${() => this.dialog?.close()}>${msg('取消')}</button>
      </div>
    </dialog>`;
  }

  override render(): TemplateResult {
    const f = this.file;
    if (f.status === 'failed' && f.loadError) return html`<p class="alert" role="alert">${pick(f.loadError)}</p>`;
    if (f.status !== 'ready' || !this.schema) return html`<p role="status">${msg('正在打开…')}</p>`;
    const schema = this.schema;
    const selected = this.selected !== null && this.nodes()[this.selected] ? this.selected : null;
    return html`
      <h2>${msg('情景演练')} · ${text(getAt(f.data, ['title']))}</h2>
      ${this.renderBar()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.renderProblems()}
      <section aria-labelledby="graph-heading">
        <h3 id="graph-heading">${msg('对话图')}</h3>
        <div class="actions">
          <button type="button" id="add-node" @click=${() => this.onAddNode(false)}>${msg('添加对话节点')}</button>
          <button type="button" @click=${() => this.onAddNode(true)}>${msg('添加结局')}</button>
        </div>
        <div class="graph">
          ${this.renderDrawing()}
          <div>
            <h4 id="outline-heading">${msg('节点列表')}</h4>
            ${this.renderOutline()}
          </div>
        </div>
      </section>
      <div class="columns">
        <div class="column">${this.renderSettings(schema)}</div>
        <div class="column">
          ${
            selected !== null
              ? this.renderNodeForm(schema, selected)
              : html`<p class="placeholder">${msg('在图中或节点列表里选一个节点来编辑。')}</p>`
          }
          ${this.renderPlay()}
        </div>
      </div>
      ${this.renderDialog()}
    `;
  }
}

function stop(event: Event): void {
  event.stopPropagation();
}
