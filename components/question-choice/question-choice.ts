import { localized } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Marks } from '../../core/marks.js';
import type { DisplayItem } from '../../core/question-order.js';
import { uiLang } from '../shared/interface-lang.js';
import { QUESTION_CHANGE, notify, renderMark } from '../question-shared/question-shared.js';
import { sharedStyles } from '../question-shared/question-shared.styles.js';
import { styles } from './question-choice.styles.js';

/**
 * @summary The options of a choice question: a radio group (single choice, true/false) or a checkbox group (multiple
 * choice), built from native inputs so arrow keys, Space and screen readers work as everywhere else.
 *
 * It has no group label of its own: `<course-question>` puts it inside a `<fieldset>` whose `<legend>` is the prompt.
 *
 * @fires question-change - (internal, not composed) the learner changed the selection; read `value`.
 * @csspart option - each option's label (the whole row is clickable, at least 44 px high)
 * @csspart mark - the ✓ / ✗ verdict shown next to an option after a check
 */
@localized()
export class QuestionChoice extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The options in display order. */
  @property({ attribute: false }) options: readonly DisplayItem[] = [];

  /** Checkboxes (any number of picks) instead of radios (one pick). */
  @property({ type: Boolean }) multiple = false;

  /** Ids of the selected options. */
  @property({ attribute: false }) value: readonly string[] = [];

  /**
   * The options are interface words (true/false's 对 / 错), not course text: they are marked with the interface
   * language instead of keeping the course's.
   */
  @property({ type: Boolean, attribute: 'ui-options' }) uiOptions = false;

  /** Locks the options (after a check or in review). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Verdicts to show next to options, by option id. */
  @property({ attribute: false }) marks: Marks = {};

  private onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.value;
    if (this.multiple) {
      const picked = new Set(this.value);
      if (input.checked) picked.add(id);
      else picked.delete(id);
      // Keep display order so the value does not depend on the order of clicks.
      this.value = this.options.map((option) => option.id).filter((optionId) => picked.has(optionId));
    } else {
      this.value = [id];
    }
    notify(this, QUESTION_CHANGE);
  }

  /** Moves focus to the first selected option, or the first option. */
  override focus(options?: FocusOptions): void {
    const inputs = [...(this.renderRoot.querySelectorAll<HTMLInputElement>('input') ?? [])];
    (inputs.find((input) => input.checked) ?? inputs[0])?.focus(options);
  }

  override render() {
    const type = this.multiple ? 'checkbox' : 'radio';
    return html`
      <div class="options">
        ${this.options.map((option) => {
          const mark = this.marks[option.id];
          const selected = this.value.includes(option.id);
          return html`
            <label part="option" class="option animated ${selected ? 'selected' : ''} ${mark ? `marked-${mark}` : ''}">
              <input
                type=${type}
                name="choice"
                value=${option.id}
                .checked=${live(selected)}
                ?disabled=${this.disabled}
                @change=${this.onChange}
              />
              <span class="text" lang=${this.uiOptions ? uiLang() : nothing}>${option.text}</span>
              ${renderMark(mark)}
            </label>
          `;
        })}
      </div>
    `;
  }
}
