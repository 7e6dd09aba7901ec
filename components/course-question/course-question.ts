import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { emit } from '../shared/emit.js';
import { uiLang } from '../shared/interface-lang.js';
import { formatPoints, verdictOf, VERDICT_ICON } from '../shared/verdict.js';
import type { QuestionResponse, QuestionState, Score } from '../../core/interactions.js';
import { choiceIds, questionMarks, type Mark, type Marks } from '../../core/marks.js';
import {
  DEFAULT_RETRY_CREDIT,
  attemptRules,
  canCheck,
  canRetry,
  check,
  checkedResult,
  creditFor,
  freshState,
  isRevealing,
  respond,
  retry,
  showsItemFeedback,
  triesLeft,
  type AttemptRules,
} from '../../core/question-attempt.js';
import { questionOrder, type DisplayItem, type QuestionOrder } from '../../core/question-order.js';
import { ReportedState } from '../../core/reported-state.js';
import { interactionRecord, type ScoreResult } from '../../core/scoring.js';
import type { Question, QuestionType, RevealPolicy } from '../../core/types.js';
import '../question-choice/define.js';
import '../question-fill-in/define.js';
import '../question-matching/define.js';
import '../question-sequencing/define.js';
import { renderMark } from '../question-shared/question-shared.js';
import { sharedStyles } from '../question-shared/question-shared.styles.js';
import { styles } from './course-question.styles.js';

/** The input element of any question type: what `<course-question>` reads and focuses. */
type QuestionInput = HTMLElement & { value: unknown };

/**
 * @summary One question of any type, as a quiz shows it: the prompt as the label of a fieldset, the input of the
 * question's type, 检查答案, the tries left, feedback for what was picked, 再试一次 after a wrong check with tries
 * left, and — per the reveal policy — the correct answer and the explanation. In `review` it is read-only and shows
 * the learner's response, right/wrong per option, the feedback and the correct answer; a response that was not
 * checked gets no verdict of its own but says what the quiz counted for it (0, or the last check's score).
 *
 * A question never talks to a tracker or the player: it only emits course events, and is restored from `state`.
 *
 * - The attempt rules (tries, what a retry earns, when the answer shows) are `core/question-attempt.ts`: tries are
 *   `question.attempts`, else `maxTries` (one for true/false); a right answer on try n earns retryCredit^(n−1) of
 *   the marks; the answer, the explanation and where each item belongs are never shown while tries remain, and
 *   `never` hides them even in review.
 * - Options (choice), items (sequencing), sources and targets (matching) are shuffled with a seed derived from
 *   `seed` and the question id when `shuffle` is on, so a reload shows the same order. A sequencing question never
 *   starts in the correct order; its starting order is checkable, but `state.response` stays null (and review says
 *   未作答) until the learner moves an item or checks.
 * - After 再试一次 the response is kept for the learner to change; `durationMs` counts from when the question was
 *   shown, reset or retried.
 *
 * @fires course-interaction - on each check: a complete InteractionRecord (structured response, score, try).
 * @fires course-question-state - on every change (answer, check, retry, reset): `{ questionId, state }`; pass `state`
 *   back to restore the question exactly. Not fired when `state` is set from outside.
 * @csspart fieldset - the group around prompt and input
 * @csspart prompt - the prompt (the fieldset's legend)
 * @csspart tries - the tries-left line
 * @csspart check - the 检查答案 button
 * @csspart retry - the 再试一次 button
 * @csspart feedback - verdict, feedback, correct answer and explanation; not a live region: after a check focus moves
 *   to 再试一次 (described by the feedback) or to the feedback itself, so a screen reader reads it once
 * @csspart mark - the ✓ / ✗ verdict next to each picked option or misplaced item in the feedback
 */
@localized()
export class CourseQuestion extends LitElement {
  static override styles = [sharedStyles, styles];

  @query('.input') private input?: QuestionInput;
  @query('.retry') private retryButton?: HTMLButtonElement;
  @query('.feedback') private feedbackRegion?: HTMLElement;

  /** The question's state as the learner left it: response, tries, checked, last result. */
  @state() private attempt: QuestionState = freshState();
  /** Display orders, by question part, computed from seed and shuffle. */
  private order: QuestionOrder = { options: [], sequencingStart: [], sources: [], targets: [] };
  /** When the current try started (show, reset or retry), for `durationMs`. */
  private startedAt = Date.now();
  /** The state this element last reported: a parent handing it back is not a restore. */
  private readonly reported = new ReportedState<QuestionState>();

  /** The input component for each question type. */
  private readonly inputRenderers: Record<QuestionType, (question: Question, locked: boolean) => TemplateResult> = {
    single: (_question, locked) => this.renderChoice(this.order.options, false, locked),
    multiple: (_question, locked) => this.renderChoice(this.order.options, true, locked),
    'true-false': (_question, locked) => this.renderChoice(this.trueFalseOptions(), false, locked),
    'fill-in': (_question, locked) => {
      const result = this.checkedResult;
      const mark: Mark | null = result ? (result.success ? 'correct' : 'incorrect') : null;
      return html`<question-fill-in
        class="input"
        .value=${typeof this.response === 'string' ? this.response : ''}
        .mark=${mark}
        ?disabled=${locked}
        @question-change=${this.onInputChange}
        @question-submit=${this.onInputSubmit}
      ></question-fill-in>`;
    },
    sequencing: (question, locked) =>
      html`<question-sequencing
        class="input"
        .items=${question.type === 'sequencing' ? question.items : []}
        .value=${Array.isArray(this.response) ? this.response : this.order.sequencingStart}
        .marks=${this.marks()}
        ?disabled=${locked}
        @question-change=${this.onInputChange}
      ></question-sequencing>`,
    matching: (_question, locked) =>
      html`<question-matching
        class="input"
        .sources=${this.order.sources}
        .targets=${this.order.targets}
        .value=${this.response && typeof this.response === 'object' && !Array.isArray(this.response) ? this.response : {}}
        .marks=${this.marks()}
        ?disabled=${locked}
        @question-change=${this.onInputChange}
      ></question-matching>`,
  };

  /** The question to show. */
  @property({ attribute: false }) question?: Question;

  /** A saved state to restore exactly (response, tries, checked state, feedback); null for a fresh question. */
  @property({ attribute: false }) state: QuestionState | null = null;

  /** Seed for the option order (e.g. the quiz attempt's seed); combined with the question id. */
  @property() seed = '';

  /** Whether to shuffle options, items, sources and targets. */
  @property({ type: Boolean }) shuffle = false;

  /** Tries allowed when the question does not set `attempts`. */
  @property({ type: Number, attribute: 'max-tries' }) maxTries = 1;

  /** When to show the correct answer when the question does not set `revealAnswer`. */
  @property({ attribute: 'reveal-answer' }) revealAnswer: RevealPolicy = 'after-last-attempt';

  /** Share of the marks a right answer keeps on each try after the first (the quiz's `retryCredit`). */
  @property({ type: Number, attribute: 'retry-credit' }) retryCredit: number | undefined = DEFAULT_RETRY_CREDIT;

  /** Id of the quiz this question belongs to, copied into InteractionRecord.parentId. */
  @property({ attribute: 'parent-id' }) parentId = '';

  /** Read-only review: the learner's response, right/wrong marks, feedback and the correct answer. */
  @property({ type: Boolean, reflect: true }) review = false;

  /**
   * Collects the response without checking it, for a quiz that marks every question on submission (a final
   * assessment): no 检查答案, no tries, no feedback; the quiz marks the reported response.
   */
  @property({ type: Boolean }) deferred = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.startedAt = Date.now();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const questionChanged = changed.has('question');
    if (this.question && (questionChanged || changed.has('seed') || changed.has('shuffle'))) {
      this.order = questionOrder(this.question, this.seed, this.shuffle);
    }
    if (changed.has('state') && this.reported.isRestore(this.state)) {
      this.restore(this.state);
    } else if (questionChanged) {
      this.restore(null);
      this.startedAt = Date.now();
    }
  }

  private get rules(): AttemptRules {
    // A quiz without `retryCredit` (made by hand, not by the loader) gets the default.
    const retryCredit = this.retryCredit ?? DEFAULT_RETRY_CREDIT;
    const settings = { questionAttempts: this.maxTries, revealAnswer: this.revealAnswer, retryCredit };
    return this.question
      ? attemptRules(this.question, settings)
      : { triesAllowed: 1, reveal: this.revealAnswer, retryCredit };
  }

  private get checked(): boolean {
    return this.attempt.checked;
  }

  /** The response shown: the learner's, else sequencing's starting order (checkable, but not an answer yet). */
  private get response(): QuestionResponse | null {
    // The same array on every render: a new one would make the sequencing input start over.
    return this.attempt.response ?? (this.question?.type === 'sequencing' ? this.order.sequencingStart : null);
  }

  /** The verdict of the checked response, as saved; null while unchecked. */
  private get checkedResult(): ScoreResult | null {
    return this.question ? checkedResult(this.question, this.attempt) : null;
  }

  /** A wrong check with tries left, outside review: 再试一次 is offered. */
  private get canRetry(): boolean {
    return !this.review && canRetry(this.rules, this.attempt);
  }

  /** Whether the correct answer and the explanation are shown. */
  private get revealing(): boolean {
    return isRevealing(this.rules, this.attempt, this.review);
  }

  private restore(saved: QuestionState | null): void {
    this.attempt = saved ?? freshState();
  }

  /** Takes `next` as the question's state and reports it. */
  private reportState(next: QuestionState): void {
    if (!this.question) return;
    this.attempt = next;
    this.state = this.reported.report(next);
    emit(this, 'course-question-state', { questionId: this.question.id, state: next });
  }

  private responseFromInput(value: unknown): QuestionResponse | null {
    switch (this.question?.type) {
      case 'single': {
        const [id] = value as string[];
        return id ?? null;
      }
      case 'multiple': {
        const ids = value as string[];
        return ids.length > 0 ? [...ids] : null;
      }
      case 'true-false': {
        const [id] = value as string[];
        return id === undefined ? null : id === 'true';
      }
      case 'fill-in': {
        const text = value as string;
        return text === '' ? null : text;
      }
      case 'sequencing':
        return [...(value as string[])];
      case 'matching': {
        const pairs = value as Record<string, string>;
        return Object.keys(pairs).length > 0 ? { ...pairs } : null;
      }
      default:
        return null;
    }
  }

  private onInputChange(event: Event): void {
    event.stopPropagation();
    if (this.review || this.checked) return;
    this.reportState(respond(this.attempt, this.responseFromInput((event.currentTarget as QuestionInput).value)));
  }

  private onInputSubmit(event: Event): void {
    event.stopPropagation();
    if (this.deferred) return;
    void this.check();
  }

  private onRetry(): void {
    if (!this.canRetry) return;
    this.startedAt = Date.now();
    this.reportState(retry(this.rules, this.attempt));
    void this.updateComplete.then(() => this.input?.focus());
  }

  /** Checks the current response: scores it, shows feedback and reports the interaction. */
  private async check(): Promise<void> {
    const question = this.question;
    const response = this.response;
    if (!question || this.review || !canCheck(question, this.rules, this.attempt, response)) return;
    const { state, result } = check(question, this.rules, this.attempt, response);
    const now = new Date();
    const context = { parentId: this.parentId, attempt: state.tries, durationMs: now.getTime() - this.startedAt, now };
    emit(this, 'course-interaction', interactionRecord(question, response, result, context));
    this.reportState(state);
    await this.updateComplete;
    // The check button is gone: keep focus on what comes next.
    (this.retryButton ?? this.feedbackRegion)?.focus();
  }

  /** Marks per option / item / source for the checked response (also in review); none while unchecked. */
  private marks(): Marks {
    const question = this.question;
    if (!question || !this.checked) return {};
    return questionMarks(question, this.response, this.revealing);
  }

  /** The current response as the selected ids of `<question-choice>`. */
  private choiceValue(): string[] {
    return choiceIds(this.response);
  }

  private trueFalseOptions(): DisplayItem[] {
    return [
      { id: 'true', text: msg('对') },
      { id: 'false', text: msg('错') },
    ];
  }

  private typeHint(type: QuestionType): string {
    switch (type) {
      case 'single':
        return msg('单选题');
      case 'multiple':
        return msg('多选题，请选出所有正确的选项');
      case 'true-false':
        return msg('判断题');
      case 'fill-in':
        return msg('填空题');
      case 'sequencing':
        return msg('排序题，请按正确的顺序排列');
      case 'matching':
        return msg('配对题，请为每一项选择对应的内容');
    }
  }

  /** Clears the response, tries and feedback, as for a fresh question (the quiz calls it on a new attempt). */
  reset(): void {
    this.startedAt = Date.now();
    this.reportState(freshState());
  }

  /** Moves focus to the question's input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  private renderChoice(options: DisplayItem[], multiple: boolean, locked: boolean): TemplateResult {
    return html`<question-choice
      class="input"
      .options=${options}
      .multiple=${multiple}
      .uiOptions=${this.question?.type === 'true-false'}
      .value=${this.choiceValue()}
      .marks=${this.marks()}
      ?disabled=${locked}
      @question-change=${this.onInputChange}
    ></question-choice>`;
  }

  private renderVerdict(success: boolean, score: Score): TemplateResult {
    const kind = verdictOf(success, score.scaled);
    const icon = VERDICT_ICON[kind];
    const text = { correct: msg('回答正确'), partial: msg('部分正确'), incorrect: msg('回答不正确') }[kind];
    return html`<p class="verdict verdict-${kind}" lang=${uiLang()}>
      <span class="verdict-icon" aria-hidden="true">${icon}</span>
      <span>${text}</span>
      <span class="score">${msg(str`得分：${formatPoints(score.raw)} / ${formatPoints(score.max)}`)}</span>
    </p>`;
  }

  /** Between an option and its feedback: read aloud too, so the two do not run together. */
  private separator(): TemplateResult {
    return html`<span lang=${uiLang()}>${msg('：')}</span>`;
  }

  /** Feedback for what the learner picked or entered. */
  private renderResponseFeedback(question: Question, success: boolean): TemplateResult | typeof nothing {
    const marks = this.marks();
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const chosen = this.choiceValue();
        const byId = new Map(question.options.map((option) => [option.id, option]));
        const picked = this.order.options.filter((item) => chosen.includes(item.id)).map((item) => byId.get(item.id)!);
        return html`<ul class="option-feedback">
          ${picked.map(
            (option) =>
              html`<li>
                ${renderMark(marks[option.id])}<span class="picked">${option.text}${this.separator()}</span
                >${option.feedback}
              </li>`,
          )}
        </ul>`;
      }
      case 'true-false': {
        const picked = typeof this.response === 'boolean' ? this.response : null;
        if (picked === null) return nothing;
        const id = String(picked);
        return html`<ul class="option-feedback">
          <li>
            ${renderMark(marks[id])}<span class="picked"
              ><span lang=${uiLang()}>${picked ? msg('对') : msg('错')}</span>${this.separator()}</span
            >${picked ? question.feedback.true : question.feedback.false}
          </li>
        </ul>`;
      }
      case 'fill-in':
        return html`<p class="outcome-feedback">
          ${success ? question.feedback.correct : question.feedback.incorrect}
        </p>`;
      case 'sequencing':
      case 'matching': {
        const items = question.type === 'sequencing' ? question.items : question.sources;
        // Item feedback says where an item belongs: not while the learner may try again.
        const itemFeedback = showsItemFeedback(this.rules, this.attempt, this.review);
        const wrong = itemFeedback ? items.filter((item) => marks[item.id] === 'incorrect' && item.feedback) : [];
        return html`<p class="outcome-feedback">${success ? question.feedback.correct : question.feedback.incorrect}</p>
          ${
            wrong.length > 0
              ? html`<ul class="option-feedback">
                  ${wrong.map(
                    (item) =>
                      html`<li>
                        ${renderMark('incorrect')}<span class="picked">${item.text}${this.separator()}</span
                        >${item.feedback}
                      </li>`,
                  )}
                </ul>`
              : nothing
          }`;
      }
    }
  }

  private renderCorrectAnswer(question: Question): TemplateResult {
    let answer: TemplateResult;
    switch (question.type) {
      case 'single':
        answer = html`<span>${question.options.find((option) => option.id === question.answer)?.text ?? ''}</span>`;
        break;
      case 'multiple':
        answer = html`<ul>
          ${this.order.options.filter((o) => question.answer.includes(o.id)).map((option) => html`<li>${option.text}</li>`)}
        </ul>`;
        break;
      case 'true-false':
        answer = html`<span lang=${uiLang()}>${question.answer ? msg('对') : msg('错')}</span>`;
        break;
      case 'fill-in':
        answer = html`<span>${question.answer.join(' / ')}</span>`;
        break;
      case 'sequencing':
        answer = html`<ol>
          ${question.answer.map((id) => html`<li>${question.items.find((item) => item.id === id)?.text ?? id}</li>`)}
        </ol>`;
        break;
      case 'matching':
        answer = html`<ul>
          ${this.order.sources.map(
            (source) =>
              html`<li>
                ${source.text}<span aria-hidden="true"> → </span
                ><span class="visually-hidden" lang=${uiLang()}>${msg('对应')}</span
                >${question.targets.find((target) => target.id === question.answer[source.id])?.text ?? ''}
              </li>`,
          )}
        </ul>`;
        break;
    }
    return html`<div class="correct-answer">
      <span class="label" lang=${uiLang()}>${msg('正确答案：')}</span>${answer}
    </div>`;
  }

  private renderFeedback(question: Question): TemplateResult | typeof nothing {
    const result = this.checkedResult;
    if (!result) return this.review ? this.renderUncheckedReview() : nothing;
    return html`
      ${this.renderVerdict(result.success, result.score)} ${this.renderResponseFeedback(question, result.success)}
      ${
        this.canRetry
          ? html`<p class="tries-note" lang=${uiLang()}>
              ${msg(str`还有 ${triesLeft(this.rules, this.attempt)} 次机会，可以再试一次。`)} ${this.retryCreditNote()}
            </p>`
          : nothing
      }
    `;
  }

  /** What a right answer on the next try still earns, so the learner is not surprised by the score. */
  private retryCreditNote(): string {
    const credit = creditFor(this.rules, this.attempt.tries + 1);
    if (credit >= 1) return '';
    if (credit <= 0) return msg('再次答对不再得分。');
    return msg(str`再次答对可得本题 ${Math.round(credit * 100)}% 的分数。`);
  }

  /** Review without a checked response: nothing entered, never checked, or not checked again after 再试一次. */
  private renderUncheckedReview(): TemplateResult {
    const counted = this.attempt.tries > 0 ? this.attempt.score : null;
    const text =
      this.attempt.response === null
        ? msg('未作答')
        : counted
          ? msg(
              str`再试一次后的答案未检查，本题按上次检查的结果计分：${formatPoints(counted.raw)} / ${formatPoints(counted.max)}`,
            )
          : msg('答案未检查，本题计 0 分');
    return html`<p class="verdict verdict-incorrect" lang=${uiLang()}>${text}</p>`;
  }

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const locked = this.review || this.checked;
    const checkable = canCheck(question, this.rules, this.attempt, this.response);
    const revealing = this.revealing;
    return html`
      <fieldset part="fieldset" class="question question-${question.type}">
        <legend part="prompt" class="prompt">
          <span class="prompt-text">${question.prompt}</span>
          <span class="type-hint" lang=${uiLang()}>${this.typeHint(question.type)}</span>
        </legend>
        ${this.inputRenderers[question.type](question, locked)}
      </fieldset>
      ${
        this.review || this.deferred
          ? nothing
          : html`<div class="actions" lang=${uiLang()}>
              ${
                this.checked
                  ? nothing
                  : html`<button type="button" part="check" class="check" ?disabled=${!checkable} @click=${this.check}>
                      ${msg('检查答案')}
                    </button>`
              }
              ${
                this.canRetry
                  ? html`<button
                      type="button"
                      part="retry"
                      class="retry"
                      aria-describedby="feedback"
                      @click=${this.onRetry}
                    >
                      ${msg('再试一次')}
                    </button>`
                  : nothing
              }
              <p part="tries" class="tries">
                ${msg(str`剩余尝试次数：${triesLeft(this.rules, this.attempt)} / ${this.rules.triesAllowed}`)}
              </p>
            </div>`
      }
      <div
        id="feedback"
        part="feedback"
        class="feedback ${this.checked || this.review || revealing ? 'filled' : ''}"
        tabindex="-1"
      >
        ${this.renderFeedback(question)} ${revealing ? this.renderCorrectAnswer(question) : nothing}
        ${
          revealing && question.explanation
            ? html`<p class="explanation">
                <span class="label" lang=${uiLang()}>${msg('解析：')}</span>${question.explanation}
              </p>`
            : nothing
        }
      </div>
    `;
  }
}
