import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CourseQuiz } from './course-quiz.js';
import { sampleQuiz } from './course-quiz.fixture.js';
import type { CourseEventMap } from '../../core/events.js';
import type { InteractionRecord, QuestionState, QuizAttemptState, QuizResult } from '../../core/interactions.js';
import { attemptSeed, drawQuestions, finishAttempt, newAttempt, startAttempt } from '../../core/quiz.js';
import type { Question, Quiz } from '../../core/types.js';
import type { CourseQuestion } from '../course-question/course-question.js';
import { deepActiveElement } from '../shared/test-helpers.js';

/** Weights from the fixture, hard-coded so the component's arithmetic is checked, not repeated. */
const WEIGHTS: Record<string, number> = {
  'sq-first-contact': 1,
  'sq-mood-first': 1,
  'sq-listening': 2,
  'sq-hotline': 1,
  'sq-promise': 2,
};

const SEED = 'learner-42';

interface Mounted {
  el: CourseQuiz;
  states: CourseEventMap['course-quiz-state'][];
  completes: QuizResult[];
  interactions: InteractionRecord[];
  questionStates: CourseEventMap['course-question-state'][];
}

async function mount(state: QuizAttemptState | null = null, quiz: Quiz = sampleQuiz): Promise<Mounted> {
  const states: Mounted['states'] = [];
  const completes: QuizResult[] = [];
  const interactions: InteractionRecord[] = [];
  const questionStates: Mounted['questionStates'] = [];
  const main = await fixture<HTMLElement>(
    html`<main
      @course-quiz-state=${(e: CustomEvent<CourseEventMap['course-quiz-state']>) => states.push(e.detail)}
      @course-quiz-complete=${(e: CustomEvent<QuizResult>) => completes.push(e.detail)}
      @course-interaction=${(e: CustomEvent<InteractionRecord>) => interactions.push(e.detail)}
      @course-question-state=${(e: CustomEvent<CourseEventMap['course-question-state']>) => questionStates.push(e.detail)}
    >
      <h1>${quiz.title}</h1>
      <course-quiz .quiz=${quiz} .state=${state} .learnerSeed=${SEED}></course-quiz>
    </main>`,
  );
  const el = main.querySelector('course-quiz')!;
  await settle(el);
  return { el, states, completes, interactions, questionStates };
}

const root = (el: CourseQuiz) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttons = (el: CourseQuiz) => [...root(el).querySelectorAll('button')].filter((b) => !b.closest('dialog'));
const buttonTexts = (el: CourseQuiz) => buttons(el).map(text);
const questionEl = (el: CourseQuiz) => root(el).querySelector('course-question') as CourseQuestion;
const questionEls = (el: CourseQuiz) => [...root(el).querySelectorAll('course-question')] as CourseQuestion[];

/** Waits for the quiz, its questions and their inputs to finish rendering. */
async function settle(el: CourseQuiz): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const q of questionEls(el)) {
      await q.updateComplete;
      for (const input of q.shadowRoot?.querySelectorAll('.input') ?? [])
        await (input as CourseQuestion).updateComplete;
    }
    await aTimeout(0);
  }
}

/** The focused element, looking through shadow roots. */

async function press(el: CourseQuiz, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
}

/** Presses Tab until the focused element matches. */
async function tabTo(el: CourseQuiz, matches: (e: Element) => boolean, what: string): Promise<HTMLElement> {
  for (let i = 0; i < 40; i++) {
    const active = deepActiveElement();
    if (active && matches(active)) return active as HTMLElement;
    await press(el, 'Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActiveElement()?.outerHTML}`);
}

const isButton = (label: string) => (e: Element) => e.tagName === 'BUTTON' && text(e) === label;
const isInput = (type: string) => (e: Element) => e instanceof HTMLInputElement && e.type === type;

/** Tabs to a button by its label and presses Enter on it. */
async function activate(el: CourseQuiz, label: string): Promise<void> {
  await tabTo(el, isButton(label), label);
  await press(el, 'Enter');
}

/** Option ids in display order. */
function displayedIds(question: CourseQuestion): string[] {
  const choice = question.shadowRoot!.querySelector('question-choice')!;
  return [...choice.shadowRoot!.querySelectorAll('input')].map((input) => input.value);
}

/** Answers the question on screen with the keyboard only (right or wrong) and checks it. */
async function answerByKeyboard(el: CourseQuiz, correct: boolean): Promise<Question> {
  const cq = questionEl(el);
  const q = cq.question!;
  switch (q.type) {
    case 'single':
    case 'true-false': {
      const ids = displayedIds(cq);
      const right = q.type === 'single' ? q.answer : String(q.answer);
      const target = correct ? right : ids.find((id) => id !== right)!;
      await tabTo(el, isInput('radio'), 'the first option');
      const index = ids.indexOf(target);
      if (index === 0) await press(el, 'Space');
      for (let i = 0; i < index; i++) await press(el, 'ArrowDown');
      break;
    }
    case 'multiple': {
      const ids = displayedIds(cq);
      const wanted = new Set(correct ? q.answer : ids.filter((id) => !q.answer.includes(id)));
      await tabTo(el, isInput('checkbox'), 'the first option');
      for (let i = 0; i < ids.length; i++) {
        expect((deepActiveElement() as HTMLInputElement).value).to.equal(ids[i]);
        if (wanted.has(ids[i]!)) await press(el, 'Space');
        if (i < ids.length - 1) await press(el, 'Tab');
      }
      break;
    }
    case 'fill-in': {
      await tabTo(el, isInput('text'), 'the text box');
      await sendKeys({ type: correct ? q.answer[0]! : '10000' });
      await press(el, 'Enter');
      break;
    }
    default:
      throw new Error(`The fixture has no ${q.type} question`);
  }
  if (q.type !== 'fill-in') await activate(el, '检查答案');
  expect(el.state!.answers[q.id]?.checked, `${q.id} checked`).to.equal(true);
  expect(el.state!.answers[q.id]?.success, `${q.id} success`).to.equal(correct);
  return q;
}

/** Starts the quiz and answers every question by keyboard; `wrong` lists the ids to answer wrongly. */
async function answerAll(el: CourseQuiz, wrong: string[]): Promise<string[]> {
  const total = el.state!.questionIds.length;
  const asked: string[] = [];
  for (let i = 0; i < total; i++) {
    expect(text(root(el).querySelector('#progress-label'))).to.equal(`第 ${i + 1} 题，共 ${total} 题`);
    const id = questionEl(el).question!.id;
    expect(id).to.equal(el.state!.questionIds[i]);
    await answerByKeyboard(el, !wrong.includes(id));
    asked.push(id);
    await activate(el, i < total - 1 ? '下一题' : '提交测验');
  }
  return asked;
}

/** Expected whole percentage for the drawn questions, with `wrong` scoring 0. */
function expectedPercent(ids: string[], wrong: string[]): number {
  const total = ids.reduce((sum, id) => sum + WEIGHTS[id]!, 0);
  const got = ids.filter((id) => !wrong.includes(id)).reduce((sum, id) => sum + WEIGHTS[id]!, 0);
  return Math.floor((got / total) * 100 + 1e-9);
}

/** A checked answer, as <course-question> reports it. */
function checked(response: QuestionState['response'], success: boolean, weight = 1): QuestionState {
  const scaled = success ? 1 : 0;
  return { response, tries: 1, checked: true, success, score: { raw: scaled * weight, min: 0, max: weight, scaled } };
}

describe('<course-quiz>', () => {
  it('shows the intro with the question count, pass mark and attempts left, and fires nothing before starting', async () => {
    const { el, states } = await mount();
    expect(el.state?.phase).to.equal('intro');
    expect(el.state?.attempt).to.equal(1);
    const intro = root(el).querySelector('[part="intro"]');
    expect(text(intro)).to.contain(sampleQuiz.intro!);
    const facts = [...root(el).querySelectorAll('.facts > div')].map(text);
    expect(facts).to.deep.equal(['题目数量 4 题', '及格分数 70%', '剩余作答次数 2']);
    expect(buttonTexts(el)).to.deep.equal(['开始测验']);
    expect(root(el).querySelector('course-question')).to.equal(null);
    expect(states).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('reused for another quiz without a new state, starts that quiz afresh', async () => {
    // As a parent does when its `.state` binding stays null from one quiz to the next.
    const { el, states } = await mount();
    await activate(el, '开始测验');
    await answerByKeyboard(el, true);
    expect(el.state?.phase).to.equal('answering');
    el.quiz = { ...sampleQuiz, id: 'other-quiz' };
    await settle(el);
    expect(el.state).to.deep.include({ phase: 'intro', attempt: 1, answers: {} });
    expect(el.state?.seed).to.equal(attemptSeed(SEED, 'other-quiz', 1));
    expect(root(el).querySelector('[part="intro"]')).to.exist;
    const before = states.length;
    await activate(el, '开始测验');
    expect(states.slice(before).map((s) => s.quizId)).to.deep.equal(['other-quiz']);
  });

  it('shows 不限 for unlimited attempts', async () => {
    const { el } = await mount(null, { ...sampleQuiz, attempts: 0 });
    expect(text(root(el).querySelectorAll('.facts dd')[2])).to.equal('不限');
  });

  it('runs a whole attempt by keyboard: start, answer, submit, result, review, retry', async () => {
    const { el, states, completes, interactions, questionStates } = await mount();
    await activate(el, '开始测验');
    expect(el.state?.phase).to.equal('answering');
    expect(el.state?.startedAt).to.be.a('string');
    expect(states.at(-1)?.quizId).to.equal('sample-quiz');
    expect(states.at(-1)?.state).to.equal(el.state);
    // Focus moves to the question's position heading.
    expect(deepActiveElement()?.id).to.equal('progress-label');
    expect(buttonTexts(el)).to.include.members(['上一题', '下一题']);
    await expect(el).to.be.accessible();

    const wrong = ['sq-hotline'];
    const asked = await answerAll(el, wrong);
    expect(asked).to.deep.equal(drawQuestions(sampleQuiz, attemptSeed(SEED, 'sample-quiz', 1)));
    expect(asked.slice(2)).to.deep.equal(['sq-hotline', 'sq-promise']);

    // Result
    expect(el.state?.phase).to.equal('result');
    expect(deepActiveElement()?.id).to.equal('result-heading');
    const percent = expectedPercent(asked, wrong);
    expect(percent).to.be.within(80, 84);
    expect(text(root(el).querySelector('.percent'))).to.equal(`${percent}%`);
    const verdict = root(el).querySelector('.verdict')!;
    expect(text(verdict)).to.equal('✓ 通过（及格分数 70%）');
    expect(verdict.classList.contains('passed')).to.equal(true);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('答对 3 题，共 4 题');
    const rows = [...root(el).querySelectorAll('.summary-list > li')];
    expect(rows.map((row) => row.className)).to.deep.equal(
      asked.map((id) => (wrong.includes(id) ? 'incorrect' : 'correct')),
    );
    expect(text(rows[2]))
      .to.contain('第 3 题：错误')
      .and.contain('中国移动的客服热线号码是多少？')
      .and.contain('得分 0 / 1');
    expect(completes).to.have.length(1);
    expect(completes[0]!.passed).to.equal(true);
    expect(Math.floor(completes[0]!.score.scaled * 100 + 1e-9)).to.equal(percent);
    expect(completes[0]!.questions.map((q) => q.id)).to.deep.equal(asked);
    expect(states.at(-1)?.state.results).to.have.length(1);
    // Interactions bubble on to the tracker; question states are folded into the quiz state.
    expect(interactions.map((i) => i.id)).to.deep.equal(asked);
    expect(interactions.every((i) => i.parentId === 'sample-quiz')).to.equal(true);
    expect(questionStates).to.have.length(0);
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况', '重新测验']);
    await expect(el).to.be.accessible();

    // Review
    await activate(el, '查看答题情况');
    expect(el.state?.phase).to.equal('review');
    expect(deepActiveElement()?.id).to.equal('review-heading');
    const reviewed = questionEls(el);
    expect(reviewed.map((q) => q.question?.id)).to.deep.equal(asked);
    for (const q of reviewed) {
      expect(q.review).to.equal(true);
      expect(q.state).to.deep.equal(el.state!.answers[q.question!.id]);
    }
    const hotline = reviewed[2]!.shadowRoot!;
    expect((hotline.querySelector('question-fill-in') as HTMLElement & { value: string }).value).to.equal('10000');
    expect(hotline.querySelector('question-fill-in')!.hasAttribute('disabled')).to.equal(true);
    expect(text(hotline.querySelector('.feedback')))
      .to.contain('回答不正确')
      .and.contain('10086');
    expect(hotline.querySelector('.check')).to.equal(null);
    await expect(el).to.be.accessible();

    // Retry: back to the result, then a new attempt with a new draw seed.
    await activate(el, '返回测验结果');
    expect(el.state?.phase).to.equal('result');
    await activate(el, '重新测验');
    const seed2 = attemptSeed(SEED, 'sample-quiz', 2);
    expect(el.state).to.deep.include({ attempt: 2, phase: 'answering', current: 0, answers: {}, seed: seed2 });
    expect(el.state!.questionIds).to.deep.equal(drawQuestions(sampleQuiz, seed2));
    expect(el.state!.results).to.have.length(1);
    expect(deepActiveElement()?.id).to.equal('progress-label');
    expect(questionEl(el).state).to.equal(null);
    expect(questionEl(el).shadowRoot!.querySelector('.feedback .verdict')).to.equal(null);
  });

  it('restores a saved state mid-quiz: same question, same draw, same answers', async () => {
    const first = await mount();
    await activate(first.el, '开始测验');
    await answerByKeyboard(first.el, true);
    await activate(first.el, '下一题');
    await answerByKeyboard(first.el, false);
    await activate(first.el, '下一题');
    const saved = JSON.parse(JSON.stringify(first.states.at(-1)!.state)) as QuizAttemptState;
    expect(saved.current).to.equal(2);
    expect(Object.keys(saved.answers)).to.have.length(2);
    first.el.remove();

    const { el, states } = await mount(saved);
    expect(el.state).to.equal(saved);
    expect(states).to.have.length(0);
    expect(text(root(el).querySelector('#progress-label'))).to.equal('第 3 题，共 4 题');
    expect(questionEl(el).question?.id).to.equal(saved.questionIds[2]);
    await activate(el, '上一题');
    expect(text(root(el).querySelector('#progress-label'))).to.equal('第 2 题，共 4 题');
    const second = questionEl(el);
    expect(second.question?.id).to.equal(saved.questionIds[1]);
    expect(second.state).to.deep.equal(saved.answers[saved.questionIds[1]!]);
    // The restored question shows its checked answer, locked, with its feedback.
    expect(text(second.shadowRoot!.querySelector('.feedback'))).to.contain('回答不正确');
    expect(second.shadowRoot!.querySelector('.check')).to.equal(null);
    expect(second.shadowRoot!.querySelector('.input')!.hasAttribute('disabled')).to.equal(true);
    await activate(el, '上一题');
    expect(questionEl(el).state).to.deep.equal(saved.answers[saved.questionIds[0]!]);
    expect(text(questionEl(el).shadowRoot!.querySelector('.feedback'))).to.contain('回答正确');
    expect(el.state!.questionIds).to.deep.equal(saved.questionIds);
    expect(el.state!.seed).to.equal(saved.seed);
  });

  it('restores the option order of a question after a reload', async () => {
    const state = startAttempt(newAttempt(sampleQuiz, null, SEED));
    const first = await mount(state);
    const before = displayedIds(questionEl(first.el));
    first.el.remove();
    const { el } = await mount(JSON.parse(JSON.stringify(state)));
    expect(displayedIds(questionEl(el))).to.deep.equal(before);
  });

  it('asks for confirmation before submitting with unanswered questions', async () => {
    const { el, completes } = await mount();
    await activate(el, '开始测验');
    await answerByKeyboard(el, true);
    for (let i = 1; i < 4; i++) await activate(el, '下一题');
    await activate(el, '提交测验');
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(text(dialog)).to.contain('还有 3 题未作答或未检查答案，这些题目计 0 分。');
    expect(completes).to.have.length(0);
    await expect(el).to.be.accessible();

    await activate(el, '返回作答');
    expect(dialog.open).to.equal(false);
    expect(el.state?.phase).to.equal('answering');

    await activate(el, '提交测验');
    expect(dialog.open).to.equal(true);
    await activate(el, '确定提交');
    expect(el.state?.phase).to.equal('result');
    expect(completes).to.have.length(1);
    const answered = el.state!.questionIds[0]!;
    const total = el.state!.questionIds.reduce((sum, id) => sum + WEIGHTS[id]!, 0);
    const percent = Math.floor((WEIGHTS[answered]! / total) * 100);
    expect(text(root(el).querySelector('.percent'))).to.equal(`${percent}%`);
    expect(text(root(el).querySelector('.verdict'))).to.equal('✕ 未通过（及格分数 70%）');
    expect(root(el).querySelector('.verdict')!.classList.contains('failed')).to.equal(true);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('答对 1 题，共 4 题');
  });

  it('fails below the pass mark, and hides 重新测验 once the attempts are used up', async () => {
    const { el, completes } = await mount();
    await activate(el, '开始测验');
    const wrong = ['sq-hotline', 'sq-promise'];
    const asked = await answerAll(el, wrong);
    const percent = expectedPercent(asked, wrong);
    expect(percent).to.be.below(70);
    expect(text(root(el).querySelector('.percent'))).to.equal(`${percent}%`);
    expect(text(root(el).querySelector('.verdict'))).to.equal('✕ 未通过（及格分数 70%）');
    expect(completes[0]!.passed).to.equal(false);
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况', '重新测验']);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('还可以再作答 1 次。');

    await activate(el, '重新测验');
    const asked2 = await answerAll(el, wrong);
    expect(el.state?.attempt).to.equal(2);
    expect(completes).to.have.length(2);
    expect(completes[1]!.attempt).to.equal(2);
    expect(text(root(el).querySelector('.percent'))).to.equal(`${expectedPercent(asked2, wrong)}%`);
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况']);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('你已用完全部 2 次作答机会。');
    await expect(el).to.be.accessible();
  });

  it('hides 重新测验 when restored with every attempt used', async () => {
    const quiz: Quiz = { ...sampleQuiz, attempts: 1 };
    const done = finishAttempt(quiz, startAttempt(newAttempt(quiz, null, SEED)));
    const { el } = await mount(done, quiz);
    expect(el.state?.phase).to.equal('result');
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况']);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('你已用完全部 1 次作答机会。');
    const unlimited = await mount(done, { ...sampleQuiz, attempts: 0 });
    expect(buttonTexts(unlimited.el)).to.deep.equal(['查看答题情况', '重新测验']);
  });

  it('restores the weighted result of a finished attempt', async () => {
    let state = startAttempt(newAttempt(sampleQuiz, null, SEED));
    for (const id of state.questionIds) {
      const success = id !== 'sq-promise';
      state = { ...state, answers: { ...state.answers, [id]: checked('x', success, WEIGHTS[id]) } };
    }
    const done = finishAttempt(sampleQuiz, state);
    const { el } = await mount(done);
    const total = state.questionIds.reduce((sum, id) => sum + WEIGHTS[id]!, 0);
    expect(text(root(el).querySelector('.percent'))).to.equal(`${Math.floor(((total - 2) / total) * 100)}%`);
    expect(text(root(el).querySelector('.summary-list > li:last-child'))).to.contain('得分 0 / 2');
  });
});

describe('<course-quiz> as a final assessment (feedback after submission)', () => {
  const finalQuiz: Quiz = { ...sampleQuiz, id: 'sample-final', final: true, attempts: 2 };

  /** Gives a right or wrong response to the question on screen without checking it (keyboard only). */
  async function respond(el: CourseQuiz, correct: boolean): Promise<Question> {
    const cq = questionEl(el);
    const q = cq.question!;
    if (q.type === 'fill-in') {
      await tabTo(el, isInput('text'), 'the text box');
      await sendKeys({ type: correct ? q.answer[0]! : '10000' });
      // Enter must not check the answer here.
      await press(el, 'Enter');
    } else {
      const ids = displayedIds(cq);
      const right =
        q.type === 'single' ? [q.answer] : q.type === 'true-false' ? [String(q.answer)] : (q.answer as string[]);
      const wanted = correct ? right : [ids.find((id) => !right.includes(id))!];
      const inputs = [...cq.shadowRoot!.querySelector('question-choice')!.shadowRoot!.querySelectorAll('input')];
      for (const input of inputs) if (wanted.includes(input.value)) input.click();
      await settle(el);
    }
    const saved = el.state!.answers[q.id]!;
    expect(saved.response, `${q.id} response kept`).to.not.equal(null);
    expect(saved.checked, `${q.id} not checked before submission`).to.equal(false);
    const feedback = cq.shadowRoot!.querySelector('[part="feedback"]');
    expect(text(feedback), 'no feedback before submission').to.equal('');
    expect(cq.shadowRoot!.querySelector('[part="check"]'), 'no 检查答案').to.equal(null);
    return q;
  }

  async function answerAttempt(el: CourseQuiz, wrong: (id: string) => boolean): Promise<string[]> {
    const total = el.state!.questionIds.length;
    const asked: string[] = [];
    for (let i = 0; i < total; i++) {
      const id = questionEl(el).question!.id;
      await respond(el, !wrong(id));
      asked.push(id);
      if (i < total - 1) await activate(el, '下一题');
    }
    await activate(el, '提交测验');
    return asked;
  }

  it('says on the intro that right and wrong come after submission', async () => {
    const { el } = await mount(null, finalQuiz);
    expect(text(root(el).querySelector('[part="facts"]'))).to.contain('对错和得分 全部作答并提交后显示');
    await expect(el).to.be.accessible();
  });

  it('shows no right or wrong before submission, then marks every answer and reports each one', async () => {
    const { el, interactions, completes } = await mount(null, finalQuiz);
    await activate(el, '开始测验');
    const first = el.state!.questionIds[0]!;
    await respond(el, true);
    expect(interactions, 'nothing is reported before submission').to.have.length(0);
    await expect(el).to.be.accessible();
    for (let i = 1; i < el.state!.questionIds.length; i++) {
      await activate(el, '下一题');
      await respond(el, false);
    }
    expect(interactions).to.have.length(0);
    await activate(el, '提交测验');
    expect(el.state?.phase).to.equal('result');
    expect(interactions.map((r) => r.id)).to.deep.equal(el.state!.questionIds);
    expect(interactions.map((r) => r.success)).to.deep.equal(el.state!.questionIds.map((id) => id === first));
    expect(completes[0]!.passed).to.equal(false);
    // Failed with an attempt left: no review, no answers, and the learner is told when they come.
    expect(buttonTexts(el)).to.deep.equal(['重新测验']);
    expect(text(root(el).querySelector('.answers-hidden'))).to.equal(
      '通过测验或用完全部作答机会后，可以查看正确答案和解析。',
    );
    expect(root(el).querySelector('course-question'), 'no question (and no answer) on the result screen').to.equal(
      null,
    );
    await expect(el).to.be.accessible();
  });

  it('keeps unchecked answers over a reload, then goes on to the end', async () => {
    const first = await mount(null, finalQuiz);
    await activate(first.el, '开始测验');
    await respond(first.el, true);
    await activate(first.el, '下一题');
    const saved = first.el.state!;
    // A reload: the page (and the first element) is gone.
    fixtureCleanup();
    const again = await mount(saved, finalQuiz);
    expect(text(root(again.el).querySelector('#progress-label'))).to.contain('第 2 题');
    await activate(again.el, '上一题');
    expect(questionEl(again.el).state?.checked).to.equal(false);
    expect(text(questionEl(again.el).shadowRoot!.querySelector('[part="feedback"]'))).to.equal('');
    await activate(again.el, '下一题');
    for (let i = 1; i < saved.questionIds.length; i++) {
      await respond(again.el, true);
      if (i < saved.questionIds.length - 1) await activate(again.el, '下一题');
    }
    await activate(again.el, '提交测验');
    expect(again.completes[0]!.passed).to.equal(true);
    expect(again.interactions).to.have.length(saved.questionIds.length);
  });

  it('opens the review with the correct answers once the learner has passed', async () => {
    const { el } = await mount(null, finalQuiz);
    await activate(el, '开始测验');
    await answerAttempt(el, () => false);
    expect(el.state!.results[0]!.passed).to.equal(true);
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况']);
    expect(root(el).querySelector('.answers-hidden')).to.equal(null);
    await activate(el, '查看答题情况');
    expect(el.state?.phase).to.equal('review');
    const reviewed = questionEls(el);
    expect(reviewed.every((q) => text(q.shadowRoot!.querySelector('[part="feedback"]')).includes('回答正确'))).to.equal(
      true,
    );
  });

  it('opens the review when no attempt is left, even after failing', async () => {
    const { el } = await mount(null, { ...finalQuiz, attempts: 1 });
    await activate(el, '开始测验');
    await answerAttempt(el, () => true);
    expect(el.state!.results[0]!.passed).to.equal(false);
    expect(buttonTexts(el)).to.deep.equal(['查看答题情况']);
    await activate(el, '查看答题情况');
    const answers = questionEls(el).map((q) => text(q.shadowRoot!.querySelector('.correct-answer')));
    expect(answers.every((a) => a.startsWith('正确答案：'))).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
