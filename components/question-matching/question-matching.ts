import { localized, msg } from '@lit/localize';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Marks } from '../../core/marks.js';
import type { DisplayItem } from '../../core/question-order.js';
import { uiLang } from '../shared/interface-lang.js';
import { QUESTION_CHANGE, notify, renderMark } from '../question-shared/question-shared.js';
import { sharedStyles } from '../question-shared/question-shared.styles.js';
import { styles } from './question-matching.styles.js';

/**
 * @summary The pairs of a matching question: each source is the label of a native `<select>` listing the targets
 * (native selects work with every keyboard and screen reader). A screen reader announces each change once, as the select's label and chosen option: no extra live region.
 *
 * @fires question-change - (internal, not composed) a pairing changed; read `value`.
 * @csspart row - each source with its select
 * @csspart select - each source's target select
 * @csspart mark - the ✓ / ✗ verdict of a pair after a check
 */
@localized()
export class QuestionMatching extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The sources, in display order; each gets a select. */
  @property({ attribute: false }) sources: readonly DisplayItem[] = [];

  /** The targets, in the order their options are listed. */
  @property({ attribute: false }) targets: readonly DisplayItem[] = [];

  /** The learner's pairs: source id → target id. */
  @property({ attribute: false }) value: Readonly<Record<string, string>> = {};

  /** Locks the selects (after a check or in review). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Verdicts of each pair, by source id. */
  @property({ attribute: false }) marks: Marks = {};

  private onChange(event: Event, source: DisplayItem): void {
    const target = (event.target as HTMLSelectElement).value;
    const next: Record<string, string> = { ...this.value };
    if (target) next[source.id] = target;
    else delete next[source.id];
    this.value = next;
    notify(this, QUESTION_CHANGE);
  }

  /** Moves focus to the first select. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('select')?.focus(options);
  }

  override render() {
    return html`
      <div class="rows">
        ${this.sources.map((source) => {
          const chosen = this.value[source.id] ?? '';
          const mark = this.marks[source.id];
          return html`
            <div part="row" class="row animated ${mark ? `marked-${mark}` : ''}">
              <label class="source" for="source-${source.id}">${source.text}</label>
              <span class="arrow" aria-hidden="true">→</span>
              <select
                id="source-${source.id}"
                part="select"
                ?disabled=${this.disabled}
                @change=${(event: Event) => this.onChange(event, source)}
              >
                <option value="" lang=${uiLang()} .selected=${chosen === ''}>${msg('请选择…')}</option>
                ${this.targets.map(
                  (target) =>
                    html`<option value=${target.id} .selected=${chosen === target.id}>${target.text}</option>`,
                )}
              </select>
              ${renderMark(mark)}
            </div>
          `;
        })}
      </div>
    `;
  }
}
