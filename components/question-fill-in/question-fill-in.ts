import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Mark } from '../../core/marks.js';
import { uiLang } from '../shared/interface-lang.js';
import { QUESTION_CHANGE, QUESTION_SUBMIT, notify, renderMark } from '../question-shared/question-shared.js';
import { sharedStyles } from '../question-shared/question-shared.styles.js';
import { styles } from './question-fill-in.styles.js';

/**
 * @summary The text box of a fill-in question: a labelled native text input. Enter asks to check the answer, except
 * while an input method is composing (Enter then confirms the Chinese characters, as learners expect).
 *
 * @fires question-change - (internal, not composed) the text changed; read `value`.
 * @fires question-submit - (internal, not composed) Enter was pressed outside IME composition.
 * @csspart input - the text input
 * @csspart mark - the ✓ / ✗ verdict shown after a check
 */
@localized()
export class QuestionFillIn extends LitElement {
  static override styles = [sharedStyles, styles];

  @query('input') private input?: HTMLInputElement;

  /** The learner's text, as typed. */
  @property() value = '';

  /** Visible label of the input, in the course's language; defaults to 你的答案 (in the interface language). */
  @property() label = '';

  /** Locks the input (after a check or in review). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Verdict shown next to the input. */
  @property({ attribute: false }) mark: Mark | null = null;

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    notify(this, QUESTION_CHANGE);
  }

  private onKeyDown(event: KeyboardEvent): void {
    // keyCode 229: the key went to an input method (older browsers do not set isComposing).
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    notify(this, QUESTION_SUBMIT);
  }

  /** Moves focus to the text input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override render() {
    return html`
      <label for="answer" lang=${this.label ? nothing : uiLang()}>${this.label || msg('你的答案')}</label>
      <div class="row">
        <input
          id="answer"
          part="input"
          class="animated ${this.mark ? `marked-${this.mark}` : ''}"
          type="text"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="done"
          .value=${live(this.value)}
          ?disabled=${this.disabled}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
        ${renderMark(this.mark ?? undefined)}
      </div>
    `;
  }
}
