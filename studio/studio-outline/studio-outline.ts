import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Bilingual, Diagnostic, Outline, OutlineItem, OutlineOperation } from '../../core/studio-api.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { emit } from '../shared/emit.js';
import type { StudioConfirmDialog } from '../studio-confirm-dialog/studio-confirm-dialog.js';
import type { StudioNameDialog } from '../studio-name-dialog/studio-name-dialog.js';
import '../studio-confirm-dialog/define.js';
import '../studio-name-dialog/define.js';
import '../studio-problems/define.js';
import { studioOutlineStyles } from './studio-outline.styles.js';

/** What can be dragged or moved: a module among the modules, or an item among its module's items. */
type Movable = { kind: 'module'; id: string; title: string } | { kind: 'item'; module: string; item: OutlineItem };

const keyOf = (m: Movable) => (m.kind === 'module' ? `module:${m.id}` : `item:${m.item.id}`);

/**
 * @summary The course outline as a tree: modules with their pages and role-plays, each module's quiz and the final
 * quiz. Add, rename, delete (after a confirmation), reorder by drag and drop or by keyboard (Alt+↑/↓ on an entry, or
 * its move buttons; each move is announced). Every change is one `POST /api/outline`: validated by the server with the
 * build's rules, refused with its problems (shown here) when the course would break.
 *
 * @fires studio-open - An entry was chosen: the page, role-play, quiz or course settings to open.
 * @fires studio-outline - The outline changed on disk: the server's new outline.
 */
@localized()
export class StudioOutline extends LitElement {
  static override styles = studioOutlineStyles;

  @query('studio-confirm-dialog') private confirmDialog!: StudioConfirmDialog;
  @query('studio-name-dialog') private nameDialog!: StudioNameDialog;

  @state() private announcement = '';
  @state() private refused: { problems: Diagnostic[]; error: Bilingual | null } | null = null;
  @state() private busy = false;
  @state() private dropTarget: { key: string; after: boolean } | null = null;

  /** The course outline from the server. */
  @property({ attribute: false }) outline: Outline | null = null;

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  /** The path of the open file, marked as the current entry. */
  @property() current = '';

  private dragged: Movable | null = null;

  private onKeyDown(event: KeyboardEvent, movable: Movable): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void this.move(movable, event.key === 'ArrowUp' ? -1 : 1);
  }

  private onDragStart(event: DragEvent, movable: Movable): void {
    event.stopPropagation();
    this.dragged = movable;
    event.dataTransfer?.setData('text/plain', keyOf(movable));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    (event.currentTarget as HTMLElement).classList.add('dragging');
  }

  private onDragOver(event: DragEvent, target: Movable): void {
    const dragged = this.dragged;
    const sameList =
      dragged &&
      dragged.kind === target.kind &&
      (dragged.kind === 'module' || (target.kind === 'item' && dragged.module === target.module));
    if (!sameList) return;
    event.preventDefault();
    event.stopPropagation();
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    this.dropTarget = { key: keyOf(target), after: event.clientY > box.top + box.height / 2 };
  }

  private onDrop(event: DragEvent, target: Movable): void {
    const dragged = this.dragged;
    const drop = this.dropTarget;
    if (!dragged || !drop) return;
    event.preventDefault();
    event.stopPropagation();
    const list = this.siblings(dragged);
    const from = list.findIndex((m) => keyOf(m) === keyOf(dragged));
    let to = list.findIndex((m) => keyOf(m) === keyOf(target)) + (drop.after ? 1 : 0);
    if (from < to) to -= 1;
    this.onDragEnd(event);
    if (to !== from) void this.moveTo(dragged, to);
  }

  private onDragEnd(event: DragEvent): void {
    this.dragged = null;
    this.dropTarget = null;
    this.renderRoot.querySelectorAll('.dragging').forEach((el) => el.classList.remove('dragging'));
    event.stopPropagation();
  }

  private async rename(path: string, title: string, opener: EventTarget | null): Promise<void> {
    const answer = await this.nameDialog.ask(msg(str`重命名「${title}」`), {
      withId: false,
      title,
      returnFocus: opener as HTMLElement,
    });
    if (answer && answer.title !== title)
      await this.change({ op: 'renameItem', path, title: answer.title }, msg(str`已改名为「${answer.title}」。`));
  }

  private async confirmDelete(operation: OutlineOperation, title: string, opener: EventTarget | null): Promise<void> {
    const ok = await this.confirmDialog.ask(
      msg(str`删除「${title}」？`),
      msg('文件将从课程文件夹中删除。删除前的内容保存在快照里，可以在“快照”中恢复。'),
      msg('删除'),
      opener as HTMLElement,
    );
    if (ok) await this.change(operation, msg(str`已删除「${title}」。`), '#add-module');
  }

  private async add(kind: 'module' | 'page' | 'roleplay' | 'quiz', module: string, opener: EventTarget | null) {
    const headings = {
      module: msg('添加章节'),
      page: msg('添加页面'),
      roleplay: msg('添加角色扮演'),
      quiz: msg('添加章节测验'),
    };
    const answer = await this.nameDialog.ask(headings[kind], { withId: true, returnFocus: opener as HTMLElement });
    if (!answer) return;
    const done = msg(str`已添加「${answer.title}」。`);
    if (kind === 'module') await this.change({ op: 'addModule', id: answer.id, title: answer.title }, done);
    else if (kind === 'page') await this.change({ op: 'addPage', module, ...answer }, done);
    else if (kind === 'roleplay') await this.change({ op: 'addRoleplay', module, ...answer }, done);
    else await this.change({ op: 'addQuiz', module, ...answer }, done);
  }

  /** The entries `movable` is ordered among. */
  private siblings(movable: Movable): Movable[] {
    const modules = this.outline?.modules ?? [];
    if (movable.kind === 'module') return modules.map((m) => ({ kind: 'module', id: m.id, title: m.title }));
    const items = modules.find((m) => m.id === movable.module)?.items ?? [];
    return items.map((item) => ({ kind: 'item', module: movable.module, item }));
  }

  private async move(movable: Movable, by: -1 | 1): Promise<void> {
    const list = this.siblings(movable);
    const from = list.findIndex((m) => keyOf(m) === keyOf(movable));
    const to = from + by;
    if (to < 0 || to >= list.length) {
      this.announcement = by < 0 ? msg('已经在最前面。') : msg('已经在最后面。');
      return;
    }
    await this.moveTo(movable, to);
  }

  private async moveTo(movable: Movable, to: number): Promise<void> {
    const total = this.siblings(movable).length;
    const title = movable.kind === 'module' ? movable.title : movable.item.title;
    const operation: OutlineOperation =
      movable.kind === 'module'
        ? { op: 'moveModule', id: movable.id, to }
        : { op: 'moveItem', path: movable.item.path, to };
    const moved = await this.change(operation, msg(str`已将「${title}」移到第 ${to + 1} 位，共 ${total} 个。`));
    if (moved) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-key="${keyOf(movable)}"] > .row > .title`)?.focus();
    }
  }

  /** Sends one outline operation; on success announces `done` and hands the new outline up. */
  private async change(operation: OutlineOperation, done: string, focusAfter?: string): Promise<boolean> {
    if (!this.client || this.busy) return false;
    this.busy = true;
    this.refused = null;
    const answer = await this.client.changeOutline(operation);
    this.busy = false;
    if (!answer.ok) {
      this.refused = { problems: answer.problems, error: answer.error };
      this.announcement = '';
      return false;
    }
    this.outline = answer.data.outline;
    this.announcement = done;
    emit(this, 'studio-outline', { outline: answer.data.outline });
    if (focusAfter) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(focusAfter)?.focus();
    }
    return true;
  }

  private open(kind: 'page' | 'roleplay' | 'quiz', path: string): void {
    emit(this, 'studio-open', { kind, path });
  }

  private rowClass(key: string): string {
    if (this.dropTarget?.key !== key) return 'row';
    return this.dropTarget.after ? 'row drop-after' : 'row drop-before';
  }

  private moveButtons(movable: Movable, index: number, count: number, title: string) {
    return html`<button
        class="icon"
        type="button"
        aria-label=${msg(str`上移「${title}」`)}
        title=${msg('上移（Alt+↑）')}
        ?disabled=${index === 0}
        @click=${() => this.move(movable, -1)}
      >
        ↑
      </button>
      <button
        class="icon"
        type="button"
        aria-label=${msg(str`下移「${title}」`)}
        title=${msg('下移（Alt+↓）')}
        ?disabled=${index === count - 1}
        @click=${() => this.move(movable, 1)}
      >
        ↓
      </button>`;
  }

  /** A module or an item in the outline: its row, which can be dragged to another place, and what follows the row. */
  private movableRow(
    movable: Movable,
    className: string,
    row: TemplateResult,
    below: TemplateResult | typeof nothing = nothing,
  ) {
    const key = keyOf(movable);
    return html`<li
      class=${className || nothing}
      data-key=${key}
      draggable="true"
      @dragstart=${(e: DragEvent) => this.onDragStart(e, movable)}
      @dragover=${(e: DragEvent) => this.onDragOver(e, movable)}
      @drop=${(e: DragEvent) => this.onDrop(e, movable)}
      @dragend=${this.onDragEnd}
    >
      <div class=${this.rowClass(key)}>${row}</div>
      ${below}
    </li>`;
  }

  /** ✕ for a module, page, role-play or quiz; asks before it deletes. */
  private deleteButton(label: string, operation: OutlineOperation, title: string) {
    return html`<button
      class="icon"
      type="button"
      aria-label=${label}
      @click=${(e: Event) => this.confirmDelete(operation, title, e.currentTarget)}
    >
      ✕
    </button>`;
  }

  private renderItem(module: string, item: OutlineItem, index: number, count: number) {
    const movable: Movable = { kind: 'item', module, item };
    return this.movableRow(
      movable,
      '',
      html`<button
          class="title"
          type="button"
          aria-current=${this.current === item.path ? 'page' : 'false'}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          @click=${() => this.open(item.kind, item.path)}
          @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, movable)}
        >
          <span class="label">${item.title}</span>
        </button>
        <span class="kind">${item.kind === 'page' ? msg('页面') : msg('角色扮演')}</span>
        ${this.moveButtons(movable, index, count, item.title)}
        <button
          class="icon"
          type="button"
          aria-label=${msg(str`重命名「${item.title}」`)}
          @click=${(e: Event) => this.rename(item.path, item.title, e.currentTarget)}
        >
          ✎
        </button>
        ${this.deleteButton(msg(str`删除「${item.title}」`), { op: 'deleteItem', path: item.path }, item.title)}`,
    );
  }

  override render() {
    const outline = this.outline;
    if (!outline) return html`<p>${msg('正在读取课程大纲……')}</p>`;
    const modules = outline.modules;
    return html`
      <div class="top actions">
        <button
          type="button"
          aria-current=${this.current === 'course.yaml' ? 'page' : 'false'}
          @click=${() => emit(this, 'studio-open', { kind: 'settings' })}
        >
          ${msg('课程设置')}
        </button>
      </div>
      <ol class="modules" aria-label=${msg('章节')}>
        ${modules.map((module, index) => {
          const movable: Movable = { kind: 'module', id: module.id, title: module.title };
          const quiz = module.quiz;
          return this.movableRow(
            movable,
            'module',
            html`<button
                class="title"
                type="button"
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, movable)}
                @click=${(e: Event) => this.rename(module.path, module.title, e.currentTarget)}
                title=${msg('点击重命名；Alt+↑/↓ 移动')}
              >
                <span class="label">${msg(str`第 ${index + 1} 章 ${module.title}`)}</span>
                <span class="visually-hidden">${msg('（点击重命名）')}</span>
              </button>
              ${this.moveButtons(movable, index, modules.length, module.title)}
              ${this.deleteButton(msg(str`删除章节「${module.title}」`), { op: 'deleteModule', id: module.id }, module.title)}`,
            html`<ol class="items" aria-label=${msg(str`「${module.title}」的内容`)}>
                ${module.items.map((item, i) => this.renderItem(module.id, item, i, module.items.length))}
                ${
                  quiz
                    ? html`<li>
                        <div class="row">
                          <button
                            class="title"
                            type="button"
                            aria-current=${this.current === quiz.path ? 'page' : 'false'}
                            @click=${() => this.open('quiz', quiz.path)}
                          >
                            <span class="label">${quiz.title}</span>
                          </button>
                          <span class="kind">${msg('测验')}</span>
                          ${this.deleteButton(msg(str`删除测验「${quiz.title}」`), { op: 'deleteItem', path: quiz.path }, quiz.title)}
                        </div>
                      </li>`
                    : nothing
                }
              </ol>
              <div class="add actions">
                <button type="button" @click=${(e: Event) => this.add('page', module.id, e.currentTarget)}>
                  ${msg('+ 页面')}<span class="visually-hidden">${msg(str`（添加到「${module.title}」）`)}</span>
                </button>
                <button type="button" @click=${(e: Event) => this.add('roleplay', module.id, e.currentTarget)}>
                  ${msg('+ 角色扮演')}<span class="visually-hidden">${msg(str`（添加到「${module.title}」）`)}</span>
                </button>
                ${
                  quiz
                    ? nothing
                    : html`<button type="button" @click=${(e: Event) => this.add('quiz', module.id, e.currentTarget)}>
                        ${msg('+ 测验')}<span class="visually-hidden">${msg(str`（添加到「${module.title}」）`)}</span>
                      </button>`
                }
              </div>`,
          );
        })}
      </ol>
      ${
        outline.finalQuiz
          ? html`<div class="row">
              <button
                class="title"
                type="button"
                aria-current=${this.current === outline.finalQuiz.path ? 'page' : 'false'}
                @click=${() => this.open('quiz', outline.finalQuiz!.path)}
              >
                <span class="label">${outline.finalQuiz.title}</span>
              </button>
              <span class="kind">${msg('期末测验')}</span>
            </div>`
          : nothing
      }
      <div class="actions top">
        <button
          id="add-module"
          type="button"
          ?disabled=${this.busy}
          @click=${(e: Event) => this.add('module', '', e.currentTarget)}
        >
          ${msg('+ 添加章节')}
        </button>
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      <div role="alert" class="refused">
        ${
          this.refused
            ? html`<p class="error"><strong>${msg('这次修改没有保存：')}</strong>${bilingual(this.refused.error)}</p>
                <studio-problems .problems=${this.refused.problems}></studio-problems>`
            : nothing
        }
      </div>
      <studio-confirm-dialog></studio-confirm-dialog>
      <studio-name-dialog></studio-name-dialog>
    `;
  }
}
