import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { CourseQuiz } from './course-quiz.js';
import { sampleQuiz } from './course-quiz.fixture.js';
import type { QuestionResponse, QuizAttemptState } from '../../core/interactions.js';
import { finishAttempt, newAttempt, questionsOf, setAnswer, startAttempt } from '../../core/quiz.js';
import type { Question, Quiz } from '../../core/types.js';
import { effectiveLang, misMarkedText, withEnglishInterface } from '../shared/test-helpers.js';

const SEED = 'learner-42';

/** A wrong response to a question of the sample quiz. */
function wrongResponse(question: Question): QuestionResponse {
  switch (question.type) {
    case 'single':
      return question.options.find((option) => option.id !== question.answer)!.id;
    case 'multiple':
      return [question.options.find((option) => !question.answer.includes(option.id))!.id];
    case 'true-false':
      return !question.answer;
    case 'fill-in':
      return '10000';
    default:
      throw new Error(`the sample quiz has no ${question.type} question`);
  }
}

/** An attempt with every drawn question answered wrongly and checked, still on the last question. */
function answeredWrongly(quiz: Quiz): QuizAttemptState {
  let state = startAttempt(newAttempt(quiz, null, SEED));
  for (const question of questionsOf(quiz, state)) {
    const score = { raw: 0, min: 0, max: question.weight ?? 1, scaled: 0 };
    const answer = { response: wrongResponse(question), tries: 1, checked: true, success: false, score };
    state = setAnswer(state, question.id, answer);
  }
  return { ...state, current: state.questionIds.length - 1 };
}

/** As the player mounts it: course content in Chinese, inside a page in the interface language. */
async function mount(state: QuizAttemptState | null, quiz: Quiz = sampleQuiz): Promise<CourseQuiz> {
  const main = await fixture<HTMLElement>(
    html`<main>
      <h1 lang="zh-CN">${quiz.title}</h1>
      <course-quiz lang="zh-CN" .quiz=${quiz} .state=${state} .learnerSeed=${SEED}></course-quiz>
    </main>`,
  );
  const el = main.querySelector('course-quiz')!;
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const question of el.shadowRoot!.querySelectorAll('course-question')) {
      await question.updateComplete;
      for (const input of question.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
        '.input',
      ))
        await input.updateComplete;
    }
    await aTimeout(0);
  }
  return el;
}

const $ = (el: CourseQuiz, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const buttons = (el: CourseQuiz) => [...el.shadowRoot!.querySelectorAll('button')];

describe('<course-quiz> interface language inside Chinese course content', () => {
  withEnglishInterface();

  it('intro: heading, facts and Start quiz are English; the intro text stays Chinese', async () => {
    const el = await mount(null);
    expect($(el, '#intro-heading').textContent).to.equal('About this quiz');
    expect(effectiveLang($(el, '#intro-heading'))).to.equal('en');
    expect(effectiveLang($(el, '.facts dt'))).to.equal('en');
    expect(buttons(el).map(effectiveLang)).to.deep.equal(['en']);
    expect(effectiveLang($(el, '[part=intro] > p'))).to.equal('zh-CN');
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('answering: progress, navigation and the question chrome are English; the prompt and options stay Chinese', async () => {
    const el = await mount(answeredWrongly(sampleQuiz));
    expect(effectiveLang($(el, '#progress-label'))).to.equal('en');
    for (const button of buttons(el)) expect(effectiveLang(button), button.textContent!).to.equal('en');
    const question = $(el, 'course-question');
    const prompt = question.shadowRoot!.querySelector('.prompt-text')!;
    expect(effectiveLang(prompt)).to.equal('zh-CN');
    expect(effectiveLang(question.shadowRoot!.querySelector('.verdict')!)).to.equal('en');
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('the submit confirmation is English', async () => {
    const state = startAttempt(newAttempt(sampleQuiz, null, SEED));
    const el = await mount({ ...state, current: state.questionIds.length - 1 });
    const submit = buttons(el).find((button) => button.textContent?.includes('Submit'))!;
    submit.click();
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(effectiveLang(dialog.querySelector('#confirm-text')!)).to.equal('en');
    expect(misMarkedText(el)).to.deep.equal([]);
    dialog.close();
  });

  for (const attempts of [1, 2]) {
    it(`result (${attempts} attempt${attempts > 1 ? 's' : ''}): score, verdict, per-question lines and notes are English; the prompts stay Chinese`, async () => {
      const quiz = { ...sampleQuiz, attempts };
      const el = await mount(finishAttempt(quiz, answeredWrongly(quiz)));
      expect(effectiveLang($(el, '#result-heading'))).to.equal('en');
      expect(effectiveLang($(el, '[part=score]'))).to.equal('en');
      expect(effectiveLang($(el, '.summary-list .status'))).to.equal('en');
      expect(effectiveLang($(el, '.summary-list .prompt'))).to.equal('zh-CN');
      // The list's name is an interface string too, marked where it is written.
      const list = $(el, '.summary-list');
      const name = el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)!;
      expect(name.textContent).to.match(/[A-Za-z]/);
      expect(effectiveLang(name)).to.equal('en');
      for (const button of buttons(el)) expect(effectiveLang(button), button.textContent!).to.equal('en');
      expect(misMarkedText(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('review: headings and the questions’ labels are English; prompts, options and explanations stay Chinese', async () => {
    const quiz = { ...sampleQuiz, attempts: 1 };
    const el = await mount({ ...finishAttempt(quiz, answeredWrongly(quiz)), phase: 'review' });
    expect(effectiveLang($(el, '#review-heading'))).to.equal('en');
    expect(effectiveLang($(el, '.review-label'))).to.equal('en');
    const questions = [...el.shadowRoot!.querySelectorAll('course-question')];
    expect(questions.length).to.be.greaterThan(1);
    for (const question of questions) {
      expect(effectiveLang(question.shadowRoot!.querySelector('.prompt-text')!)).to.equal('zh-CN');
      expect(effectiveLang(question.shadowRoot!.querySelector('.correct-answer .label')!)).to.equal('en');
    }
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
