import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { emit } from '../shared/emit.js';
import { uiLang, uiWithContent } from '../shared/interface-lang.js';
import type { RolePlayState } from '../../core/interactions.js';
import { ReportedState } from '../../core/reported-state.js';
import { restoreRolePlay } from '../../core/roleplay-restore.js';
import type { Mood, Outcome, RolePlay, RolePlayNode, RolePlayRequirement } from '../../core/types.js';
import {
  bestReplies,
  bestScore,
  choiceInteraction,
  choose,
  continueFrom,
  currentNode,
  findNode,
  findReply,
  harmfulSteps,
  isCapped,
  isEnded,
  isHarmful,
  maxScore,
  orderedReplies,
  pathScore,
  replyOrder,
  restart,
  result,
  runSeed,
  startState,
  type ReplyOrder,
} from '../../core/roleplay.js';
import { rolePlayStyles } from './role-play.styles.js';

/** Where focus goes after the next render. */
type FocusTarget = 'feedback' | 'line' | 'ending' | 'first-option';

/** How the last choice is judged in its feedback: the best reply, a weaker one, or a harmful one. */
type ReplyVerdict = 'best' | 'weaker' | 'harmful';

const MOOD_ICONS: Record<Mood, string> = {
  angry: '😠',
  upset: '😞',
  anxious: '😟',
  confused: '😕',
  impatient: '😤',
  neutral: '😐',
  calm: '🙂',
  satisfied: '😊',
};

const OUTCOME_ICONS: Record<Outcome, string> = { good: '★', neutral: '◆', bad: '✕' };

const VERDICT_ICONS: Record<ReplyVerdict, string> = { best: '✓', weaker: '!', harmful: '✕' };

/**
 * A branching role-play checkpoint: the learner answers a customer, reply by reply, sees feedback on each choice
 * and reaches one of several endings. The page renders the title; the component starts with the scenario.
 *
 * The state is owned by the parent: set `state` to restore a saved conversation exactly (path, node on screen,
 * feedback showing, runs, best), and persist what `course-roleplay-state` reports.
 *
 * Replies are shown in an order shuffled per learner (`learnerSeed`) and per run, stable across reloads; see
 * `replyOrder` in core. A harmful reply (marked `harmful` in the file) gets its own verdict, and a run that took one
 * cannot reach a good outcome: its good ending is shown as capped, without the good ending's debrief.
 *
 * Keyboard: the replies are a native radio group (Tab into it, arrow keys to choose, Tab to 确定 and Enter or
 * Space). Focus moves to the feedback after a choice, to the customer's new line after 继续, and to the ending's
 * heading at an ending.
 *
 * @summary Branching customer conversation with per-choice feedback, scoring and endings.
 *
 * @fires course-interaction - On each choice: an InteractionRecord (type `choice`, id `<roleplay id>.<node id>`).
 * @fires course-roleplay-state - On every state change (choice, 继续, 重新开始): `{ roleplayId, state }`.
 * @fires course-roleplay-complete - When a choice reaches an ending: the run's RolePlayResult.
 *
 * @csspart base - The wrapper of everything.
 * @csspart scenario - The scenario: situation, customer and the learner's role.
 * @csspart transcript - The list of messages of the conversation so far.
 * @csspart message - Every message of the transcript (also `customer`, `learner` or `narration`).
 * @csspart customer - A customer message.
 * @csspart learner - A message of the learner (a chosen reply).
 * @csspart narration - A narration line.
 * @csspart mood - The customer's mood (icon and text).
 * @csspart replies - The form with the candidate replies.
 * @csspart option - One candidate reply (label with its radio button).
 * @csspart feedback - The feedback on the last choice; focus moves to it (it is not also a live region, so it is read
 *   once).
 * @csspart score - The running or final score.
 * @csspart button - Every button (also `submit`, `continue` or `restart`).
 * @csspart submit - The 确定 button.
 * @csspart continue - The 继续 button.
 * @csspart restart - The 重新开始 button.
 * @csspart ending - The ending: outcome, debrief, score, requirement and path taken.
 * @csspart outcome - The outcome badge of the ending.
 * @csspart path - The numbered list of the choices made.
 *
 * @cssprop --course-color-primary - Buttons, the learner's messages, the selected reply (default #0b5cad).
 * @cssprop --course-color-success - Best replies, good endings, requirement met (default #1b7f3b).
 * @cssprop --course-color-error - Bad endings, harmful replies, requirement not met, errors (default #b3261e).
 * @cssprop --course-color-warning - Replies that could be better, neutral endings (default #8a5300).
 * @cssprop --course-radius - Corner radius (default 8px).
 * @cssprop --course-space - Base spacing (default 1rem).
 */
@localized()
export class RolePlayElement extends LitElement {
  static override styles = rolePlayStyles;

  // Queries

  @query('.feedback') private feedbackRegion?: HTMLElement;
  @query('#current-line') private currentLine?: HTMLElement;
  @query('#ending-heading') private endingHeading?: HTMLElement;
  @query('input[name="reply"]') private firstOption?: HTMLInputElement;

  // Private state

  /** The reply selected in the radio group, not yet confirmed. */
  @state() private selected: string | null = null;
  /** Whether 确定 was pressed with nothing selected. */
  @state() private missingChoice = false;
  /** The state rendered: `state`, or a fresh one when it is null or does not fit the role-play. */
  private view: RolePlayState | null = null;
  /** The state this element last reported: a parent handing it back is not a restore. */
  private readonly reported = new ReportedState<RolePlayState>();
  /** Identifies the screen on display, to notice when a new node is shown. */
  private screenKey = '';
  /** When the node on screen was shown (ms since epoch), for an interaction's duration. */
  private nodeShownAt = Date.now();
  /** When this run started (or was restored), for the result's duration. */
  private runStartedAt = Date.now();
  private pendingFocus: FocusTarget | null = null;
  /** The reply order of the run on screen, and the seed it was made from. */
  private order: ReplyOrder = {};
  private orderSeed: string | null = null;

  // Public properties

  /** The role-play to render. */
  @property({ attribute: false }) roleplay!: RolePlay;

  /**
   * The learner's progress. Null starts afresh; a saved state is restored exactly. A state that does not fit the
   * role-play (saved for older content) is replaced by a fresh start keeping `runs` and `best`. The component sets
   * this property itself on every change and reports it with `course-roleplay-state`.
   */
  @property({ attribute: false }) state: RolePlayState | null = null;

  /** A stable per-learner string (e.g. the LMS learner id) that, with the run number, seeds the reply order. */
  @property({ attribute: 'learner-seed' }) learnerSeed = '';

  /** Whether to shuffle the replies (on by default: in file order the best reply is easy to guess). */
  @property({ type: Boolean }) shuffle = true;

  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A parent that reuses this element for another role-play without setting `state` (a binding that stays null
    // while this element reports its own states) leaves the previous role-play's state here: never carry it over.
    const previous = changed.get('roleplay') as RolePlay | undefined;
    if (previous && previous.id !== this.roleplay?.id && !changed.has('state')) this.state = null;
    if ((changed.has('roleplay') || changed.has('state')) && this.roleplay) {
      const restoring = changed.has('roleplay') || this.reported.isRestore(this.state);
      this.view = restoring || !this.state ? restoreRolePlay(this.roleplay, this.state) : this.state;
      const key = `${this.roleplay.id}|${this.view.path.length}|${this.view.nodeId}|${this.view.showingFeedback}`;
      if (key !== this.screenKey) {
        const fresh = this.screenKey === '' || this.view.path.length === 0;
        this.screenKey = key;
        this.selected = null;
        this.missingChoice = false;
        this.nodeShownAt = Date.now();
        if (fresh) this.runStartedAt = this.nodeShownAt;
      }
    }
    if (this.roleplay && this.view) {
      const seed = this.shuffle ? runSeed(this.learnerSeed, this.roleplay.id, this.view.runs + 1) : '';
      const key = `${this.roleplay.id}|${seed}`;
      if (key !== this.orderSeed) {
        this.orderSeed = key;
        this.order = this.shuffle ? replyOrder(this.roleplay, seed) : {};
      }
    }
  }

  protected override updated(): void {
    const target = this.pendingFocus;
    if (target === null) return;
    this.pendingFocus = null;
    const element = {
      feedback: this.feedbackRegion,
      line: this.currentLine ?? this.firstOption,
      ending: this.endingHeading,
      'first-option': this.firstOption,
    }[target];
    element?.focus();
  }

  // Private handlers

  private onSelect(event: Event): void {
    this.selected = (event.target as HTMLInputElement).value;
    this.missingChoice = false;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.selected === null) {
      this.missingChoice = true;
      this.pendingFocus = 'first-option';
      return;
    }
    this.choose(this.selected);
  }

  private onContinue(): void {
    const view = this.view;
    if (!view?.showingFeedback) return;
    const next = continueFrom(view);
    this.pendingFocus = isEnded(this.roleplay, next) ? 'ending' : 'line';
    this.commit(next);
  }

  private onRestart(): void {
    this.restart();
    this.pendingFocus = 'line';
  }

  private choose(replyId: string): void {
    const rp = this.roleplay;
    const before = this.view;
    if (!before || before.showingFeedback || isEnded(rp, before)) return;
    const node = currentNode(rp, before);
    const reply = findReply(node, replyId);
    if (!node || !reply) return;
    const now = Date.now();
    const runDuration = now - this.runStartedAt;
    const record = choiceInteraction(rp, before, replyId, now - this.nodeShownAt, new Date(now));
    const next = choose(rp, before, replyId, runDuration);
    this.pendingFocus = 'feedback';
    emit(this, 'course-interaction', record);
    this.commit(next);
    if (isEnded(rp, next)) emit(this, 'course-roleplay-complete', result(rp, next, runDuration));
  }

  /** Takes a new state and reports it. */
  private commit(next: RolePlayState): void {
    this.state = this.reported.report(next);
    emit(this, 'course-roleplay-state', { roleplayId: this.roleplay.id, state: next });
  }

  // Private rendering helpers

  private moodTemplate(mood: Mood | undefined): TemplateResult | typeof nothing {
    if (!mood) return nothing;
    const labels: Record<Mood, string> = {
      angry: msg('生气'),
      upset: msg('不满'),
      anxious: msg('焦急'),
      confused: msg('困惑'),
      impatient: msg('不耐烦'),
      neutral: msg('语气平常'),
      calm: msg('平静'),
      satisfied: msg('满意'),
    };
    return html`<span class="mood" part="mood" lang=${uiLang()}
      ><span class="visually-hidden">${msg('情绪：')}</span
      ><span aria-hidden="true">${MOOD_ICONS[mood] ?? ''}</span>${labels[mood] ?? mood}</span
    >`;
  }

  /**
   * A node's turn in the transcript: its narration and the customer's line, in one list item. The current node's
   * turn is where focus goes after 继续, so both are read together.
   */
  private turnTemplate(node: RolePlayNode | undefined, current: boolean): TemplateResult | typeof nothing {
    if (!node || (!node.narration && !node.line)) return nothing;
    return html`<li
      class="turn ${current ? 'current' : ''}"
      id=${current ? 'current-line' : nothing}
      tabindex=${current ? '-1' : nothing}
    >
      ${
        node.narration
          ? html`<p class="narration" part="message narration">
              <span class="visually-hidden" lang=${uiLang()}>${msg('旁白：')}</span>${node.narration}
            </p>`
          : nothing
      }
      ${
        node.line
          ? html`<div class="msg customer" part="message customer">
              <p class="speaker">${this.roleplay.customer.name}${this.moodTemplate(node.mood)}</p>
              <p class="text">${node.line}</p>
            </div>`
          : nothing
      }
    </li>`;
  }

  private transcriptTemplate(view: RolePlayState): TemplateResult {
    const rp = this.roleplay;
    const items: (TemplateResult | typeof nothing)[] = [];
    for (const step of view.path) {
      const node = findNode(rp, step.nodeId);
      items.push(this.turnTemplate(node, false));
      const reply = findReply(node, step.replyId);
      items.push(
        html`<li class="turn">
          <div class="msg learner" part="message learner">
            <p class="speaker" lang=${uiLang()}>${msg('你')}</p>
            <p class="text">${reply?.text ?? ''}</p>
          </div>
        </li>`,
      );
    }
    if (!view.showingFeedback) {
      const ended = isEnded(rp, view);
      items.push(this.turnTemplate(currentNode(rp, view), !ended));
    }
    return html`<section class="dialogue" aria-labelledby="dialogue-heading">
      <h2 id="dialogue-heading" lang=${uiLang()}>${msg('对话')}</h2>
      <ol class="transcript" part="transcript">
        ${items}
      </ol>
    </section>`;
  }

  private requirementText(required: RolePlayRequirement): string {
    const parts: string[] = [];
    if (required.outcome === 'good') parts.push(msg('达到好结局'));
    else if (required.outcome === 'neutral') parts.push(msg('达到一般结局或好结局'));
    else if (required.outcome === 'bad') parts.push(msg('完成演练'));
    if (required.minScore !== undefined) parts.push(msg(str`得分不低于 ${required.minScore} 分`));
    return parts.join(msg('，且'));
  }

  private scenarioTemplate(): TemplateResult {
    const rp = this.roleplay;
    return html`<section class="scenario" part="scenario" aria-labelledby="scenario-heading">
      <h2 id="scenario-heading" lang=${uiLang()}>${msg('情景')}</h2>
      <p>${rp.scenario}</p>
      <dl class="facts">
        <div>
          <dt lang=${uiLang()}>${msg('客户')}</dt>
          <dd>${rp.customer.name}${rp.customer.description ? html`，${rp.customer.description}` : nothing}</dd>
        </div>
        <div>
          <dt lang=${uiLang()}>${msg('你的角色')}</dt>
          <dd>${rp.learnerRole}</dd>
        </div>
        ${
          rp.required
            ? html`<div lang=${uiLang()}>
                <dt>${msg('达标要求')}</dt>
                <dd>${this.requirementText(rp.required)}</dd>
              </div>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private questionTemplate(node: RolePlayNode): TemplateResult {
    return html`<form part="replies" @submit=${this.onSubmit} novalidate>
      <fieldset>
        <legend lang=${uiLang()}>${msg('你会怎么回答？')}</legend>
        ${orderedReplies(node, this.order).map(
          (reply) =>
            html`<label class="option" part="option">
              <input
                type="radio"
                name="reply"
                .value=${reply.id}
                .checked=${this.selected === reply.id}
                @change=${this.onSelect}
                aria-describedby=${this.missingChoice ? 'reply-error' : nothing}
              />
              <span>${reply.text}</span>
            </label>`,
        )}
      </fieldset>
      ${
        this.missingChoice
          ? html`<p id="reply-error" class="error" role="alert" lang=${uiLang()}>${msg('请先选择一个回答。')}</p>`
          : nothing
      }
      <div class="actions" lang=${uiLang()}>
        <button type="submit" part="button submit">${msg('确定')}</button>
      </div>
    </form>`;
  }

  /** Content of the feedback area: the feedback on the last choice, while it is showing. */
  private feedbackContent(view: RolePlayState): TemplateResult | typeof nothing {
    const step = view.path[view.path.length - 1];
    const verdict = this.verdictOf(view);
    if (!step || !verdict) return nothing;
    const node = findNode(this.roleplay, step.nodeId);
    const reply = findReply(node, step.replyId);
    const best = bestScore(node);
    const total = pathScore(view.path);
    const max = maxScore(this.roleplay);
    const headings: Record<ReplyVerdict, string> = {
      best: msg(str`最佳回答，得 ${step.score} 分`),
      weaker: msg(str`还有更好的回答，得 ${step.score} 分（最高 ${best} 分）`),
      harmful: msg(str`有害的回答，得 ${step.score} 分：这样说会伤害客户，本次演练不能再得到好结局`),
    };
    return html`<h3 id="feedback-heading" tabindex="-1" class="verdict" lang=${uiLang()}>
        <span aria-hidden="true">${VERDICT_ICONS[verdict]}</span>
        ${headings[verdict]}
      </h3>
      <p>${reply?.feedback ?? ''}</p>
      ${reply?.rule ? html`<p class="rule">${uiWithContent((rule) => msg(str`规则：${rule}`), reply.rule)}</p>` : nothing}
      <p class="score" part="score" lang=${uiLang()}>${msg(str`当前得分 ${total} / 满分 ${max}`)}</p>`;
  }

  private endingTemplate(view: RolePlayState): TemplateResult | typeof nothing {
    const rp = this.roleplay;
    const node = currentNode(rp, view);
    const ending = node?.ending;
    if (!node || !ending) return nothing;
    const outcomeLabels: Record<Outcome, string> = {
      good: msg('好结局'),
      neutral: msg('一般结局'),
      bad: msg('差结局'),
    };
    const run = result(rp, view, 0);
    const best = view.best;
    const capped = isCapped(rp, view);
    const harmful = harmfulSteps(rp, view.path).length;
    return html`<section class="ending ${run.outcome}" part="ending" aria-labelledby="ending-heading">
      <h2 id="ending-heading" tabindex="-1">
        <span class="badge" part="outcome" lang=${uiLang()}
          ><span aria-hidden="true">${OUTCOME_ICONS[run.outcome] ?? ''}</span>${
            outcomeLabels[run.outcome] ?? run.outcome
          }</span
        >
        <span class="visually-hidden" lang=${uiLang()}>${msg('：')}</span>${ending.title}
      </h2>
      ${
        capped
          ? html`<p class="capped" lang=${uiLang()}>
              ${msg(
                str`对话虽然走到了好结局，但你说过 ${harmful} 句有害的话（见下方“你的选择”中标为有害的回答），所以本次只能算一般结局。重新开始，试试不否认、不争辩、不推诿的说法。`,
              )}
            </p>`
          : html`<p>${ending.debrief}</p>`
      }
      <p class="score" part="score" lang=${uiLang()}>${msg(str`最终得分 ${run.score.raw} / 满分 ${run.score.max}`)}</p>
      ${
        rp.required
          ? html`<p class="met ${run.met ? '' : 'not-met'}" lang=${uiLang()}>
              <span aria-hidden="true">${run.met ? '✓' : '✕'}</span>
              ${
                run.met
                  ? msg(str`已达标（要求：${this.requirementText(rp.required)}）`)
                  : msg(str`未达标（要求：${this.requirementText(rp.required)}）`)
              }
            </p>`
          : nothing
      }
      <h3 lang=${uiLang()}>${msg('你的选择')}</h3>
      <ol class="path" part="path">
        ${view.path.map((step) => {
          const stepNode = findNode(rp, step.nodeId);
          const reply = findReply(stepNode, step.replyId);
          const isBest = bestReplies(stepNode).includes(step.replyId);
          const points = isBest
            ? msg(str`得 ${step.score} 分（最佳回答）`)
            : isHarmful(reply)
              ? msg(str`得 ${step.score} 分（有害的回答）`)
              : msg(str`得 ${step.score} 分`);
          return html`<li class=${isHarmful(reply) ? 'harmful' : ''}>
            <span class="reply">${reply?.text ?? step.replyId}</span>
            <span class="points" lang=${uiLang()}>${points}</span>
          </li>`;
        })}
      </ol>
      ${
        best && view.runs > 1
          ? html`<p class="best" lang=${uiLang()}>
              ${msg(str`已完成 ${view.runs} 次；最佳成绩：${outcomeLabels[best.outcome]}，${best.score.raw} / ${best.score.max} 分`)}
            </p>`
          : nothing
      }
      <div class="actions" lang=${uiLang()}>
        <button type="button" part="button restart" @click=${this.onRestart}>${msg('重新开始')}</button>
      </div>
    </section>`;
  }

  /** The verdict on the last choice while its feedback shows; null otherwise. */
  private verdictOf(view: RolePlayState): ReplyVerdict | null {
    const step = view.path[view.path.length - 1];
    if (!view.showingFeedback || !step) return null;
    const node = findNode(this.roleplay, step.nodeId);
    if (isHarmful(findReply(node, step.replyId))) return 'harmful';
    return bestReplies(node).includes(step.replyId) ? 'best' : 'weaker';
  }

  // Public methods

  /** Starts another run from the beginning, keeping `runs` and `best`; reports the new state. */
  restart(): void {
    if (!this.roleplay) return;
    this.commit(restart(this.roleplay, this.view ?? startState(this.roleplay)));
  }

  // Rendering

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!this.roleplay || !view) return nothing;
    const node = currentNode(this.roleplay, view);
    const ended = isEnded(this.roleplay, view);
    const verdict = this.verdictOf(view);
    return html`<div class="base" part="base">
      ${this.scenarioTemplate()} ${this.transcriptTemplate(view)}
      <div
        class="feedback ${verdict ? `is-${verdict}` : ''}"
        part="feedback"
        tabindex=${view.showingFeedback ? '-1' : nothing}
      >
        ${this.feedbackContent(view)}
      </div>
      ${
        view.showingFeedback
          ? html`<div class="actions" lang=${uiLang()}>
              <button type="button" part="button continue" @click=${this.onContinue}>${msg('继续')}</button>
            </div>`
          : ended
            ? this.endingTemplate(view)
            : node
              ? this.questionTemplate(node)
              : nothing
      }
    </div>`;
  }
}
