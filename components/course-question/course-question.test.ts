import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { QuestionState } from '../../core/interactions.js';
import type { Question } from '../../core/types.js';
import type { CourseQuestion } from './course-question.js';
import './define.js';
import {
  checkByKeyboard,
  controlsOf,
  inputOf,
  matchPairs,
  pickCheckboxes,
  pickRadio,
  settle,
  typeText,
} from './keyboard.js';
import { feedbackText, mountQuestion, part, snapshot } from './question-contract.js';
import {
  deepActiveElement,
  fillIn,
  matching,
  multiple,
  sequencing,
  single,
  textOf,
  trueFalse,
} from './test-support.js';

describe('<course-question>', () => {
  it('renders nothing without a question', async () => {
    const el = await fixture<CourseQuestion>(html`<course-question></course-question>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('question.attempts overrides maxTries', async () => {
    const { el } = await mountQuestion({ ...single, attempts: 2 }, { maxTries: 1 });
    expect(textOf(part(el, '.tries'))).to.equal('剩余尝试次数：2 / 2');
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    expect(part(el, '.retry')).to.exist;
    expect(textOf(part(el, '.tries'))).to.equal('剩余尝试次数：1 / 2');
    expect(feedbackText(el)).to.contain('还有 1 次机会');
  });

  it('question.revealAnswer overrides the quiz policy', async () => {
    const { el } = await mountQuestion({ ...single, revealAnswer: 'never' }, { revealAnswer: 'always' });
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    expect(feedbackText(el)).not.to.contain('正确答案：');
    expect(feedbackText(el)).not.to.contain(single.explanation!);
  });

  it('never shows the answer while tries remain, even with revealAnswer="always"; shows it when they run out', async () => {
    const { el } = await mountQuestion(single, { revealAnswer: 'always', maxTries: 2 });
    await pickRadio(el, 'c');
    await checkByKeyboard(el);
    expect(part(el, '.retry')).to.exist;
    expect(feedbackText(el)).not.to.contain('正确答案：');
    expect(feedbackText(el)).not.to.contain(single.explanation!);
    expect(controlsOf(el, '.mark-answer')).to.have.length(0);
    (part(el, '.retry') as HTMLButtonElement).click();
    await settle(el);
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain('正确答案：您好，很高兴为您服务');
    expect(feedbackText(el)).to.contain(single.explanation!);
  });

  it("tells the learner what a retry still earns, and scores a right retry at the quiz's retry credit", async () => {
    const { el, interactions } = await mountQuestion(single, { maxTries: 3, retryCredit: 0.25 });
    await pickRadio(el, 'c');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain('再次答对可得本题 25% 的分数');
    (part(el, '.retry') as HTMLButtonElement).click();
    await settle(el);
    await pickRadio(el, 'a');
    await checkByKeyboard(el);
    expect(interactions.at(-1)!.success).to.equal(true);
    expect(interactions.at(-1)!.score.scaled).to.equal(0.25);
    expect(feedbackText(el)).to.contain('回答正确').and.contain('0.25 / 1');
  });

  it('with a retry credit of 0 says a retry earns nothing', async () => {
    const { el } = await mountQuestion(single, { maxTries: 2, retryCredit: 0 });
    await pickRadio(el, 'c');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain('再次答对不再得分');
  });

  it('after-last-attempt also reveals the explanation after a right answer', async () => {
    const { el } = await mountQuestion(single, { maxTries: 3 });
    await pickRadio(el, 'a');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain(single.explanation!);
  });

  it('review of an unanswered question says 未作答 and shows the correct answer', async () => {
    const { el } = await mountQuestion(multiple, { review: true });
    expect(feedbackText(el)).to.contain('未作答').and.contain('正确答案：');
    expect(inputOf(el).hasAttribute('disabled')).to.equal(true);
    expect(part(el, '.check')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('review of an untouched sequencing question says 未作答, not a verdict on its starting order', async () => {
    const { el } = await mountQuestion(sequencing, { review: true });
    expect(feedbackText(el)).to.contain('未作答').and.contain('正确答案：');
    expect(feedbackText(el)).not.to.contain('回答不正确');
  });

  it('review of a response never checked gives it no verdict: the quiz counted 0', async () => {
    const state: QuestionState = { response: 'a', tries: 0, checked: false, success: null, score: null };
    const { el } = await mountQuestion(single, { review: true, state });
    expect((inputOf(el).value as string[])[0]).to.equal('a');
    expect(feedbackText(el)).to.contain('答案未检查，本题计 0 分').and.contain('正确答案：');
    expect(feedbackText(el)).not.to.contain('回答正确');
    expect(controlsOf(el, '.mark')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('review of a response changed after 再试一次 and not checked shows the score of the last check', async () => {
    const state: QuestionState = {
      response: 'a',
      tries: 1,
      checked: false,
      success: false,
      score: { raw: 0, min: 0, max: 1, scaled: 0 },
    };
    const { el } = await mountQuestion(single, { review: true, state, maxTries: 2 });
    expect(feedbackText(el)).to.contain('再试一次后的答案未检查，本题按上次检查的结果计分：0 / 1');
    expect(feedbackText(el)).not.to.contain('回答正确');
    expect(controlsOf(el, '.mark-correct')).to.have.length(0);
  });

  it('review respects revealAnswer="never"', async () => {
    const state: QuestionState = { response: 'b', tries: 1, checked: true, success: false, score: null };
    const { el } = await mountQuestion(single, { review: true, state, revealAnswer: 'never' });
    expect(feedbackText(el)).to.contain('回答不正确');
    expect(feedbackText(el)).not.to.contain('正确答案：');
  });

  it('course events bubble and are composed; internal events never leave the element', async () => {
    const heard: Event[] = [];
    const record = (event: Event) => heard.push(event);
    for (const name of ['course-interaction', 'course-question-state', 'question-change', 'question-submit']) {
      document.addEventListener(name, record);
    }
    try {
      const { el } = await mountQuestion(fillIn);
      await typeText(el, '10086');
      await checkByKeyboard(el);
      const names = new Set(heard.map((event) => event.type));
      expect([...names].sort()).to.deep.equal(['course-interaction', 'course-question-state']);
      expect(heard.every((event) => event.bubbles && event.composed)).to.equal(true);
    } finally {
      for (const name of ['course-interaction', 'course-question-state', 'question-change', 'question-submit']) {
        document.removeEventListener(name, record);
      }
    }
  });

  it('keeps `state` up to date, and setting it back is not a restore', async () => {
    const { el, states } = await mountQuestion(single);
    await pickRadio(el, 'c');
    const last = states.at(-1)!.state;
    expect(el.state).to.equal(last);
    el.state = last;
    await settle(el);
    expect(states.at(-1)!.state).to.equal(last);
    expect((inputOf(el).value as string[])[0]).to.equal('c');
  });

  it('a new question starts fresh', async () => {
    const { el } = await mountQuestion(single);
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    el.question = trueFalse;
    await settle(el);
    expect(feedbackText(el)).to.equal('');
    expect(inputOf(el).value).to.deep.equal([]);
    expect((part(el, '.check') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('measures durationMs from when the question was shown or reset', async () => {
    const { el, interactions } = await mountQuestion(trueFalse, { maxTries: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pickRadio(el, 'true');
    await checkByKeyboard(el);
    expect(interactions[0]!.durationMs).to.be.at.least(300);
    el.reset();
    await settle(el);
    await pickRadio(el, 'true');
    await checkByKeyboard(el);
    expect(interactions[1]!.durationMs).to.be.below(interactions[0]!.durationMs);
    expect(interactions[1]!.attempt).to.equal(1);
  });

  it('after the last check, focus moves to the feedback', async () => {
    const { el } = await mountQuestion(trueFalse);
    await pickRadio(el, 'false');
    await checkByKeyboard(el);
    expect(deepActiveElement()).to.equal(part(el, '.feedback'));
  });

  it('shows a partial score in words and numbers', async () => {
    const { el } = await mountQuestion(matching);
    await matchPairs(el, { hall: 'face', hotline: 'self', app: 'voice' });
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain('◐').and.contain('部分正确').and.contain('得分：0.33 / 1');
  });

  it('restores a question that was answered right on the last try exactly', async () => {
    const original = await mountQuestion(multiple, { maxTries: 2 });
    await pickCheckboxes(original.el, ['b']);
    await checkByKeyboard(original.el);
    (part(original.el, '.retry') as HTMLButtonElement).click();
    await settle(original.el);
    await pickCheckboxes(original.el, ['a', 'c']);
    await checkByKeyboard(original.el);
    const saved = structuredClone(original.states.at(-1)!.state);
    expect(saved).to.deep.include({ tries: 2, checked: true, success: true });
    const restored = await mountQuestion(multiple, { maxTries: 2, state: saved });
    expect(snapshot(restored.el)).to.deep.equal(snapshot(original.el));
  });

  describe('at 360 px wide', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    const questions: Question[] = [single, multiple, trueFalse, fillIn, sequencing, matching];
    for (const question of questions) {
      it(`${question.type}: nothing overflows and buttons are at least 44 px`, async () => {
        await setViewport({ width: 360, height: 640 });
        const { el } = await mountQuestion({ ...question, prompt: `${question.prompt}（请仔细阅读题目后作答）` });
        expect(document.documentElement.scrollWidth).to.be.at.most(360);
        const check = part(el, '.check')!;
        expect(check.getBoundingClientRect().height).to.be.at.least(44);
        for (const node of [
          ...el.shadowRoot!.querySelectorAll('*'),
          ...inputOf(el).shadowRoot!.querySelectorAll('*'),
        ]) {
          // Text for screen readers only is clipped to 1 px: what is inside it cannot stick out.
          if (node.closest('.visually-hidden')) continue;
          const box = node.getBoundingClientRect();
          if (box.width > 0) expect(box.right, node.outerHTML.slice(0, 60)).to.be.at.most(360.5);
        }
      });
    }
  });
});

describe('<course-question> feedback box', () => {
  it('is only drawn when there is feedback', async () => {
    const { el } = await mountQuestion(single);
    const box = part(el, '.feedback')!;
    expect(getComputedStyle(box).borderInlineStartWidth).to.equal('0px');
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    expect(getComputedStyle(box).borderInlineStartWidth).to.equal('4px');
  });
});
