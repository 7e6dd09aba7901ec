import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import { emit } from '../shared/emit.js';
import { uiLang } from '../shared/interface-lang.js';
import { formatPoints, verdictOf, VERDICT_ICON } from '../shared/verdict.js';
import type { QuestionState, QuizAttemptState } from '../../core/interactions.js';
import {
  attemptsLeft,
  bestResult,
  canStartAttempt,
  finishAttempt,
  goToQuestion,
  lastResult,
  newAttempt,
  questionsOf,
  quizScore,
  setAnswer,
  startAttempt,
  unansweredIds,
} from '../../core/quiz.js';
import { answersVisible, canRetake, feedbackMode, markOnSubmit, withoutResponse } from '../../core/quiz-mode.js';
import type { Question, Quiz } from '../../core/types.js';
import '../course-question/define.js';
import { styles } from './course-quiz.styles.js';

/** A scaled score (0–1) as a whole percentage, rounded down so that a shown 80% always means at least 80%. */
function percent(scaled: number): number {
  return Math.floor(scaled * 100 + 1e-9);
}

/**
 * A quiz: an intro, one drawn question at a time, the scored result and a read-only review, with retries up to the
 * quiz's attempt limit. Each attempt draws its questions from the quiz's pools with a seed derived from
 * `learnerSeed`, so a restored `state` shows the same questions, in the same order, with the same answers.
 *
 * The page shows the quiz's title; the quiz renders `<h2>` headings below it.
 *
 * A quiz with `feedback: after-submit` (the final assessment's default) shows no right or wrong until it is
 * submitted: its questions only collect responses, and submitting marks them all (firing one `course-interaction`
 * per answered question). The review with the correct answers opens only when the quiz's `showAnswers` allows it
 * (for the final assessment: once the learner has passed or has no attempts left).
 *
 * Questions are `<course-question>` elements. Their `course-question-state` events are folded into the attempt
 * state (and stopped here: the quiz's state is what the parent persists); their `course-interaction` events bubble
 * on untouched for a tracker.
 *
 * @summary Runs a quiz: intro, drawn questions, submission, result, review and retries.
 *
 * @fires course-quiz-state - `{ quizId, state }` whenever the attempt state changes (start, answer, navigation,
 *   submission, review, retry); the parent persists `state` and passes it back to restore.
 * @fires course-quiz-complete - `QuizResult` when an attempt is submitted and scored.
 * @fires course-interaction - With `feedback: after-submit`, on submission: one per answered question (otherwise
 *   the questions fire their own on each check).
 *
 * @csspart intro - The intro screen.
 * @csspart facts - The list of facts on the intro screen (questions, pass mark, attempts left).
 * @csspart progress - "第 3 题，共 10 题" and its progress bar.
 * @csspart question - The `<course-question>` of the current question (and of each question in review).
 * @csspart nav - The previous / next / submit buttons.
 * @csspart button - Every button.
 * @csspart result - The result screen.
 * @csspart score - The score in percent.
 * @csspart verdict - Passed or not, with the pass mark.
 * @csspart summary - The per-question list of the result.
 * @csspart review - The review screen.
 * @csspart dialog - The confirmation shown when submitting with unanswered questions.
 *
 * @cssprop --course-color-primary - Buttons and the progress bar (default #0b5cad).
 * @cssprop --course-color-success - Passed and correct (default #1b7f3b).
 * @cssprop --course-color-error - Failed and incorrect (default #b3261e).
 * @cssprop --course-color-warning - Partly correct (default #8a5a00).
 * @cssprop --course-radius - Corner radius (default 8px).
 * @cssprop --course-space - Base spacing (default 1rem).
 */
@localized()
export class CourseQuiz extends LitElement {
  static override styles = styles;

  @query('dialog') private confirmDialog!: HTMLDialogElement | null;

  /**
   * Where to move focus after the next update: a screen's heading, or the "第 n 题，共 m 题" heading right above the
   * question, so a screen reader announces the position and then reads on into the prompt.
   */
  private pendingFocus: 'question' | 'heading' | null = null;

  /** The first attempt this element drew itself (state was null); redrawn if `quiz` or `learnerSeed` change first. */
  private draft: QuizAttemptState | null = null;

  /** The quiz to run. */
  @property({ attribute: false }) quiz!: Quiz;

  /**
   * The learner's attempt state: restored exactly when set (e.g. from storage); created with the first attempt's
   * draw when null. Updated by the quiz as the learner works; every change fires `course-quiz-state`.
   */
  @property({ attribute: false }) state: QuizAttemptState | null = null;

  /** A stable per-learner string (e.g. the LMS learner id) that seeds the draws and option shuffles. */
  @property({ attribute: 'learner-seed' }) learnerSeed = '';

  override willUpdate(changed: PropertyValues<this>): void {
    // A parent that reuses this element for another quiz without setting `state` (a binding that stays null while
    // this element reports its own states) leaves the previous quiz's attempt here: never carry it over.
    const previous = changed.get('quiz') as Quiz | undefined;
    if (previous && previous.id !== this.quiz?.id && !changed.has('state')) this.state = null;
    const redraw =
      this.state !== null && this.state === this.draft && (changed.has('quiz') || changed.has('learnerSeed'));
    if (this.quiz && (this.state === null || redraw)) {
      // The first attempt's draw, shown on the intro; not fired until the learner starts.
      this.state = this.draft = newAttempt(this.quiz, null, this.learnerSeed);
    }
  }

  override updated(): void {
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = null;
    const selector = target === 'heading' ? '[data-focus-heading]' : '[data-focus-progress]';
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Applies a new state and tells the parent. */
  private commit(next: QuizAttemptState): void {
    this.state = next;
    emit(this, 'course-quiz-state', { quizId: this.quiz.id, state: next });
  }

  private onStart(): void {
    if (!this.state || !canStartAttempt(this.quiz, this.state)) return;
    this.pendingFocus = 'question';
    this.commit(startAttempt(this.state));
  }

  private onPrevious(): void {
    if (!this.state) return;
    this.pendingFocus = 'question';
    this.commit(goToQuestion(this.state, this.state.current - 1));
  }

  private onNext(): void {
    if (!this.state) return;
    this.pendingFocus = 'question';
    this.commit(goToQuestion(this.state, this.state.current + 1));
  }

  private onQuestionState(event: CustomEvent<{ questionId: string; state: QuestionState }>): void {
    event.stopPropagation();
    if (!this.state || this.state.phase !== 'answering') return;
    const { questionId, state } = event.detail;
    if (!this.state.questionIds.includes(questionId)) return;
    this.commit(setAnswer(this.state, questionId, state));
  }

  private onSubmitRequest(): void {
    if (!this.state) return;
    const unanswered = this.deferred ? withoutResponse(this.quiz, this.state) : unansweredIds(this.state);
    if (unanswered.length > 0) {
      this.confirmDialog?.showModal();
      return;
    }
    this.submit();
  }

  private onConfirmSubmit(): void {
    this.confirmDialog?.close();
    this.submit();
  }

  private onCancelSubmit(): void {
    this.confirmDialog?.close();
  }

  /** Whether this quiz marks its questions only on submission. */
  private get deferred(): boolean {
    return feedbackMode(this.quiz) === 'after-submit';
  }

  private submit(): void {
    if (!this.state || this.state.phase !== 'answering') return;
    let answered = this.state;
    if (this.deferred) {
      const marked = markOnSubmit(this.quiz, answered);
      for (const record of marked.records) emit(this, 'course-interaction', record);
      answered = marked.state;
    }
    const next = finishAttempt(this.quiz, answered);
    this.pendingFocus = 'heading';
    this.commit(next);
    emit(this, 'course-quiz-complete', lastResult(next)!);
  }

  private onReview(): void {
    if (!this.state || !answersVisible(this.quiz, this.state)) return;
    this.pendingFocus = 'heading';
    this.commit({ ...this.state, phase: 'review' });
  }

  private onBackToResult(): void {
    if (!this.state) return;
    this.pendingFocus = 'heading';
    this.commit({ ...this.state, phase: 'result' });
  }

  private onRetry(): void {
    if (!this.state || !canRetake(this.quiz, this.state)) return;
    this.pendingFocus = 'question';
    this.commit(newAttempt(this.quiz, this.state, this.learnerSeed));
  }

  private questionTemplate(question: Question, state: QuizAttemptState, review: boolean): TemplateResult {
    return keyed(
      `${state.attempt}:${question.id}`,
      html`<course-question
        part="question"
        .question=${question}
        .state=${state.answers[question.id] ?? null}
        .seed=${state.seed}
        .shuffle=${this.quiz.shuffle}
        .maxTries=${question.attempts ?? this.quiz.questionAttempts}
        .revealAnswer=${question.revealAnswer ?? this.quiz.revealAnswer}
        .retryCredit=${this.quiz.retryCredit}
        .parentId=${this.quiz.id}
        .review=${review}
        .deferred=${this.deferred && !review}
        @course-question-state=${this.onQuestionState}
      ></course-question>`,
    ) as TemplateResult;
  }

  private renderIntro(state: QuizAttemptState): TemplateResult {
    const left = attemptsLeft(this.quiz, state);
    const canStart = canStartAttempt(this.quiz, state);
    return html`<section part="intro" aria-labelledby="intro-heading">
      <h2 id="intro-heading" tabindex="-1" data-focus-heading lang=${uiLang()}>${msg('测验说明')}</h2>
      ${this.quiz.intro ? html`<p>${this.quiz.intro}</p>` : nothing}
      <dl part="facts" class="facts" lang=${uiLang()}>
        <div>
          <dt>${msg('题目数量')}</dt>
          <dd>${msg(str`${state.questionIds.length} 题`)}</dd>
        </div>
        <div>
          <dt>${msg('及格分数')}</dt>
          <dd>${this.quiz.passingScore}%</dd>
        </div>
        <div>
          <dt>${msg('剩余作答次数')}</dt>
          <dd>${left === Infinity ? msg('不限') : left}</dd>
        </div>
        ${
          this.deferred
            ? html`<div>
                <dt>${msg('对错和得分')}</dt>
                <dd>${msg('全部作答并提交后显示')}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        canStart
          ? html`<div class="actions" lang=${uiLang()}>
              <button part="button" class="primary" type="button" @click=${this.onStart}>${msg('开始测验')}</button>
            </div>`
          : html`<p class="note" lang=${uiLang()}>${msg('你已用完全部作答次数。')}</p>`
      }
    </section>`;
  }

  private renderAnswering(state: QuizAttemptState, questions: Question[]): TemplateResult {
    const total = questions.length;
    const index = Math.min(state.current, Math.max(0, total - 1));
    const question = questions[index];
    const last = index >= total - 1;
    const unanswered = this.deferred ? withoutResponse(this.quiz, state).length : unansweredIds(state).length;
    const position = msg(str`第 ${index + 1} 题，共 ${total} 题`);
    return html`<section aria-labelledby="progress-label">
      <div part="progress" class="progress" lang=${uiLang()}>
        <h2 id="progress-label" class="progress-label" tabindex="-1" data-focus-progress>${position}</h2>
        <div class="bar" aria-hidden="true">
          <span style=${styleMap({ width: `${total > 0 ? ((index + 1) / total) * 100 : 0}%` })}></span>
        </div>
      </div>
      ${question ? this.questionTemplate(question, state, false) : nothing}
      <div part="nav" class="actions split" lang=${uiLang()}>
        <button part="button" type="button" ?disabled=${index === 0} @click=${this.onPrevious}>${msg('上一题')}</button>
        ${
          last
            ? html`<button part="button" class="primary" type="button" @click=${this.onSubmitRequest}>
                ${msg('提交测验')}
              </button>`
            : html`<button part="button" class="primary" type="button" @click=${this.onNext}>${msg('下一题')}</button>`
        }
      </div>
      <dialog part="dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-text" lang=${uiLang()}>
        <h2 id="confirm-heading">${msg('确定提交测验吗？')}</h2>
        <p id="confirm-text">
          ${
            this.deferred
              ? msg(str`还有 ${unanswered} 题未作答，这些题目计 0 分。`)
              : msg(str`还有 ${unanswered} 题未作答或未检查答案，这些题目计 0 分。`)
          }
        </p>
        <div class="actions">
          <button part="button" type="button" @click=${this.onCancelSubmit}>${msg('返回作答')}</button>
          <button part="button" class="primary" type="button" @click=${this.onConfirmSubmit}>${msg('确定提交')}</button>
        </div>
      </dialog>
    </section>`;
  }

  private renderResult(state: QuizAttemptState, questions: Question[]): TemplateResult {
    const result = lastResult(state) ?? quizScore(this.quiz, state);
    const best = bestResult(state);
    const score = percent(result.score.scaled);
    const correct = result.questions.filter((q) => q.success).length;
    const prompts = new Map(questions.map((q) => [q.id, q.prompt]));
    const canRetry = canRetake(this.quiz, state);
    const left = attemptsLeft(this.quiz, state);
    const reviewable = answersVisible(this.quiz, state);
    return html`<section part="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1" data-focus-heading lang=${uiLang()}>${msg('测验结果')}</h2>
      <p part="score" class="score" lang=${uiLang()}>
        <span>${msg('得分')}</span>
        <strong class="percent">${score}%</strong>
      </p>
      <p part="verdict" class="verdict ${result.passed ? 'passed' : 'failed'}" lang=${uiLang()}>
        <span class="icon" aria-hidden="true"><span>${result.passed ? '✓' : '✕'}</span></span>
        <span>
          ${
            result.passed
              ? msg(str`通过（及格分数 ${this.quiz.passingScore}%）`)
              : msg(str`未通过（及格分数 ${this.quiz.passingScore}%）`)
          }
        </span>
      </p>
      <p lang=${uiLang()}>${msg(str`答对 ${correct} 题，共 ${result.questions.length} 题`)}</p>
      ${
        best && state.results.length > 1 && best !== result
          ? html`<p class="note" lang=${uiLang()}>${msg(str`历次最高分：${percent(best.score.scaled)}%`)}</p>`
          : nothing
      }
      <span id="summary-label" hidden lang=${uiLang()}>${msg('各题得分')}</span>
      <ol part="summary" class="summary-list" aria-labelledby="summary-label">
        ${result.questions.map((q, i) => {
          const verdict = verdictOf(q.success, q.score.scaled);
          const label = verdict === 'correct' ? msg('正确') : verdict === 'partial' ? msg('部分正确') : msg('错误');
          const icon = VERDICT_ICON[verdict];
          return html`<li class=${verdict}>
            <span class="status" lang=${uiLang()}
              ><span aria-hidden="true">${icon}</span>${msg(str`第 ${i + 1} 题：${label}`)}</span
            >
            <span class="prompt">${prompts.get(q.id) ?? q.id}</span>
            <span class="points" lang=${uiLang()}
              >${msg(str`得分 ${formatPoints(q.score.raw)} / ${formatPoints(q.score.max)}`)}</span
            >
          </li>`;
        })}
      </ol>
      ${
        reviewable
          ? nothing
          : html`<p class="note answers-hidden" lang=${uiLang()}>
              ${msg('通过测验或用完全部作答机会后，可以查看正确答案和解析。')}
            </p>`
      }
      <div class="actions" lang=${uiLang()}>
        ${
          reviewable
            ? html`<button part="button" type="button" @click=${this.onReview}>${msg('查看答题情况')}</button>`
            : nothing
        }
        ${
          canRetry
            ? html`<button part="button" class="primary" type="button" @click=${this.onRetry}>
                ${msg('重新测验')}
              </button>`
            : nothing
        }
      </div>
      ${canRetry && left !== Infinity ? html`<p class="note" lang=${uiLang()}>${msg(str`还可以再作答 ${left} 次。`)}</p>` : nothing}
      ${
        !canRetry && this.quiz.attempts > 0 && left === 0
          ? html`<p class="note" lang=${uiLang()}>${msg(str`你已用完全部 ${this.quiz.attempts} 次作答机会。`)}</p>`
          : nothing
      }
    </section>`;
  }

  private renderReview(state: QuizAttemptState, questions: Question[]): TemplateResult {
    return html`<section part="review" aria-labelledby="review-heading">
      <h2 id="review-heading" tabindex="-1" data-focus-heading lang=${uiLang()}>${msg('答题情况')}</h2>
      <ol class="review-list">
        ${questions.map(
          (question, i) =>
            html`<li>
              <h3 class="review-label" lang=${uiLang()}>${msg(str`第 ${i + 1} 题，共 ${questions.length} 题`)}</h3>
              ${this.questionTemplate(question, state, true)}
            </li>`,
        )}
      </ol>
      <div class="actions" lang=${uiLang()}>
        <button part="button" class="primary" type="button" @click=${this.onBackToResult}>
          ${msg('返回测验结果')}
        </button>
      </div>
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    const state = this.state;
    if (!this.quiz || !state) return nothing;
    const questions = questionsOf(this.quiz, state);
    switch (state.phase) {
      case 'intro':
        return this.renderIntro(state);
      case 'answering':
        return this.renderAnswering(state, questions);
      case 'result':
        return this.renderResult(state, questions);
      case 'review':
        // A review saved before the answers were hidden (e.g. the quiz's settings changed) shows the result instead.
        return answersVisible(this.quiz, state)
          ? this.renderReview(state, questions)
          : this.renderResult(state, questions);
    }
  }
}
