import { localized, msg, str } from '@lit/localize';
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Marks } from '../../core/marks.js';
import type { DisplayItem } from '../../core/question-order.js';
import { renderUiText, uiLang, uiWithContent, withContent } from '../shared/interface-lang.js';
import { QUESTION_CHANGE, notify, renderMark } from '../question-shared/question-shared.js';
import { sharedStyles } from '../question-shared/question-shared.styles.js';
import { styles } from './question-sequencing.styles.js';

type Direction = 'up' | 'down';

/**
 * @summary An ordered list the learner puts in order, three ways: the 上移 / 下移 buttons of each item; the keyboard
 * (focus an item, Space or Enter to pick it up, arrow keys, Home or End to move it, Space or Enter to drop it, Escape to
 * cancel); or pointer drag and drop. Every move is announced in a polite live region, e.g.
 * “已将「迅速受理」移到第 2 位，共 5 位”.
 *
 * @fires question-change - (internal, not composed) the order changed; read `value`.
 * @csspart item - each list item
 * @csspart handle - the item's button that picks it up (shows its position and text)
 * @csspart move - the 上移 / 下移 buttons
 * @csspart mark - the ✓ / ✗ verdict of an item's position after a check
 */
@localized()
export class QuestionSequencing extends LitElement {
  static override styles = [sharedStyles, styles];

  /** Id of the item picked up with the keyboard, if any. */
  @state() private grabbed: string | null = null;
  /** Where the picked-up item was, so Escape can put it back. */
  private grabbedFrom = -1;
  /** Id of the item being dragged with a pointer, if any. */
  @state() private dragging: string | null = null;
  /** The live region's message (made with `withContent`: the item's text keeps the course's language). */
  @state() private announcement = '';
  /** True while focus is moved by code after a move, so the focus change does not drop the picked-up item. */
  private refocusing = false;

  /** The items to order (any order; looked up by id). */
  @property({ attribute: false }) items: readonly DisplayItem[] = [];

  /** Item ids in the learner's current order. */
  @property({ attribute: false }) value: readonly string[] = [];

  /** Locks the list (after a check or in review). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Verdicts of each item's position, by item id. */
  @property({ attribute: false }) marks: Marks = {};

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('disabled') && this.disabled) {
      this.grabbed = null;
      this.dragging = null;
    }
  }

  private text(id: string): string {
    return this.items.find((item) => item.id === id)?.text ?? id;
  }

  private announce(message: string): void {
    // Alternate a trailing no-break space so that the same message twice in a row is still a change to announce.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  /** Moves item `id` to `to` (0-based), announces it and reports the change. */
  private move(id: string, to: number): void {
    const order = [...this.value];
    const from = order.indexOf(id);
    const target = Math.max(0, Math.min(order.length - 1, to));
    if (from < 0 || from === target) return;
    order.splice(from, 1);
    order.splice(target, 0, id);
    this.value = order;
    this.announce(
      withContent((text) => msg(str`已将「${text}」移到第 ${target + 1} 位，共 ${order.length} 位`), this.text(id)),
    );
    notify(this, QUESTION_CHANGE);
  }

  private async refocus(selector: string): Promise<void> {
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!element) return;
    this.refocusing = true;
    try {
      element.focus();
    } finally {
      this.refocusing = false;
    }
  }

  private grab(id: string): void {
    this.grabbed = id;
    this.grabbedFrom = this.value.indexOf(id);
    const position = this.grabbedFrom + 1;
    const total = this.value.length;
    this.announce(
      withContent(
        (text) =>
          msg(
            str`已拿起「${text}」，当前第 ${position} 位，共 ${total} 位。按上下方向键移动，按空格键或回车键放下，按 Esc 键取消。`,
          ),
        this.text(id),
      ),
    );
  }

  private drop(): void {
    const id = this.grabbed;
    if (id === null) return;
    this.grabbed = null;
    const position = this.value.indexOf(id) + 1;
    this.announce(
      withContent((text) => msg(str`已放下「${text}」，第 ${position} 位，共 ${this.value.length} 位`), this.text(id)),
    );
  }

  private cancel(): void {
    const id = this.grabbed;
    if (id === null) return;
    this.grabbed = null;
    const order = [...this.value];
    const from = order.indexOf(id);
    if (from !== this.grabbedFrom && from >= 0) {
      order.splice(from, 1);
      order.splice(this.grabbedFrom, 0, id);
      this.value = order;
      notify(this, QUESTION_CHANGE);
    }
    this.announce(
      withContent(
        (text) => msg(str`已取消移动，「${text}」回到第 ${this.grabbedFrom + 1} 位，共 ${order.length} 位`),
        this.text(id),
      ),
    );
    void this.refocus(`[data-handle="${id}"]`);
  }

  private onHandleClick(id: string): void {
    if (this.disabled) return;
    if (this.grabbed === id) this.drop();
    else this.grab(id);
  }

  private onHandleKeyDown(event: KeyboardEvent, id: string): void {
    if (this.disabled) return;
    const index = this.value.indexOf(id);
    const last = this.value.length - 1;
    let to: number | null = null;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowLeft':
        to = index - 1;
        break;
      case 'ArrowDown':
      case 'ArrowRight':
        to = index + 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = last;
        break;
      case 'Escape':
        if (this.grabbed === id) {
          event.preventDefault();
          this.cancel();
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    to = Math.max(0, Math.min(last, to));
    if (this.grabbed === id) {
      this.move(id, to);
      void this.refocus(`[data-handle="${id}"]`);
    } else {
      // Not picked up: the arrow keys walk the list.
      const next = this.value[to];
      if (next !== undefined) void this.refocus(`[data-handle="${next}"]`);
    }
  }

  private onFocusOut(event: FocusEvent): void {
    if (this.grabbed === null || this.refocusing) return;
    const next = event.relatedTarget as HTMLElement | null;
    if (next?.dataset['handle'] === this.grabbed) return;
    this.drop();
  }

  private onMoveClick(id: string, direction: Direction): void {
    const index = this.value.indexOf(id);
    const to = direction === 'up' ? index - 1 : index + 1;
    this.move(id, to);
    // Keep focus on the moved item: on the same button, or on the other one once it reaches an end of the list.
    const atEnd = direction === 'up' ? to <= 0 : to >= this.value.length - 1;
    const keep = atEnd ? (direction === 'up' ? 'down' : 'up') : direction;
    void this.refocus(`[data-move="${keep}"][data-for="${id}"]`);
  }

  private onDragStart(event: DragEvent, id: string): void {
    if (this.disabled) return;
    this.dragging = id;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  private onDragOver(event: DragEvent): void {
    if (this.dragging === null) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
  }

  private onDrop(event: DragEvent, index: number): void {
    if (this.dragging === null) return;
    event.preventDefault();
    this.move(this.dragging, index);
    this.dragging = null;
  }

  private onDragEnd(): void {
    this.dragging = null;
  }

  /** Moves focus to the first item. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-handle]')?.focus(options);
  }

  override render() {
    const total = this.value.length;
    return html`
      <p id="instructions" class="hint" lang=${uiLang()}>
        ${msg('选中一项后按空格键拿起，用上下方向键移动，再按空格键或回车键放下，按 Esc 键取消；也可以用“上移”“下移”按钮或直接拖动。')}
      </p>
      <ol class="list" @focusout=${this.onFocusOut}>
        ${this.value.map((id, index) => {
          const text = this.text(id);
          const mark = this.marks[id];
          const grabbed = this.grabbed === id;
          return html`
            <li
              part="item"
              class="item animated ${grabbed ? 'grabbed' : ''} ${this.dragging === id ? 'dragging' : ''} ${
                mark ? `marked-${mark}` : ''
              }"
              draggable=${this.disabled ? 'false' : 'true'}
              @dragstart=${(event: DragEvent) => this.onDragStart(event, id)}
              @dragover=${this.onDragOver}
              @drop=${(event: DragEvent) => this.onDrop(event, index)}
              @dragend=${this.onDragEnd}
            >
              <button
                type="button"
                part="handle"
                class="handle"
                data-handle=${id}
                aria-pressed=${grabbed ? 'true' : 'false'}
                aria-describedby="instructions"
                ?disabled=${this.disabled}
                @click=${() => this.onHandleClick(id)}
                @keydown=${(event: KeyboardEvent) => this.onHandleKeyDown(event, id)}
              >
                <span class="position" aria-hidden="true">${index + 1}</span>
                <span class="visually-hidden" lang=${uiLang()}>${msg(str`第 ${index + 1} 位：`)}</span>
                <span class="text">${text}</span>
              </button>
              ${renderMark(mark)}
              <span class="moves">
                <button
                  type="button"
                  part="move"
                  class="move"
                  data-move="up"
                  data-for=${id}
                  ?disabled=${this.disabled || index === 0}
                  @click=${() => this.onMoveClick(id, 'up')}
                >
                  <span aria-hidden="true" title=${msg('上移')} lang=${uiLang()}>↑</span
                  ><span class="visually-hidden">${uiWithContent((item) => msg(str`上移「${item}」`), text)}</span>
                </button>
                <button
                  type="button"
                  part="move"
                  class="move"
                  data-move="down"
                  data-for=${id}
                  ?disabled=${this.disabled || index === total - 1}
                  @click=${() => this.onMoveClick(id, 'down')}
                >
                  <span aria-hidden="true" title=${msg('下移')} lang=${uiLang()}>↓</span
                  ><span class="visually-hidden">${uiWithContent((item) => msg(str`下移「${item}」`), text)}</span>
                </button>
              </span>
            </li>
          `;
        })}
      </ol>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${renderUiText(this.announcement)}
      </div>
    `;
  }
}
