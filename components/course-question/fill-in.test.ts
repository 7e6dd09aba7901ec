import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkByKeyboard, controlsOf, press, settle, typeText } from './keyboard.js';
import { feedbackText, mountQuestion, part, questionContract } from './question-contract.js';
import { fillIn, textOf } from './test-support.js';

questionContract({
  name: 'fill-in',
  question: fillIn,
  interactionType: 'fill-in',
  correctResponses: [{ type: 'fill-in', text: '10086' }],
  components: {},
  // Typed full-width, as a Chinese input method may produce it: still right, reported as typed.
  right: { answer: (el) => typeText(el, '１００８６'), response: { type: 'fill-in', text: '１００８６' } },
  wrong: { answer: (el) => typeText(el, '10010'), response: { type: 'fill-in', text: '10010' } },
});

describe('<course-question> fill-in', () => {
  it('labels the text input', async () => {
    const { el } = await mountQuestion(fillIn);
    const [input] = controlsOf<HTMLInputElement>(el, 'input');
    expect(input!.type).to.equal('text');
    expect(textOf(input!.labels?.[0])).to.equal('你的答案');
  });

  it('accepts full-width, spaced and punctuated input after normalisation', async () => {
    const question = { ...fillIn, answer: ['首问负责制', 'First Contact'] };
    for (const text of ['首问　负责制。', 'ＦＩＲＳＴ　ｃｏｎｔａｃｔ！', ' first-contact ']) {
      const { el, interactions } = await mountQuestion(question);
      await typeText(el, text);
      await checkByKeyboard(el);
      expect(interactions[0]!.success, text).to.equal(true);
      expect(interactions[0]!.response).to.deep.equal({ type: 'fill-in', text });
    }
  });

  it('Enter in the input checks the answer', async () => {
    const { el, interactions } = await mountQuestion(fillIn);
    await typeText(el, '10086');
    await press('Enter');
    await settle(el);
    expect(interactions).to.have.length(1);
    expect(interactions[0]!.success).to.equal(true);
    expect(feedbackText(el)).to.contain(fillIn.feedback.correct);
  });

  it('Enter does nothing while the input is empty', async () => {
    const { el, interactions } = await mountQuestion(fillIn);
    await typeText(el, '   ');
    await press('Enter');
    await settle(el);
    expect(interactions).to.have.length(0);
    expect((part(el, '.check') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('Enter that confirms an input-method composition does not check', async () => {
    const { el, interactions } = await mountQuestion(fillIn);
    await typeText(el, '10086');
    const [input] = controlsOf<HTMLInputElement>(el, 'input');
    input!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true }),
    );
    await settle(el);
    expect(interactions).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(interactions).to.have.length(1);
  });

  it('shows the outcome feedback and, when revealed, the accepted answers', async () => {
    const { el } = await mountQuestion({ ...fillIn, answer: ['10086', '一零零八六'] });
    await typeText(el, '10000');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain(fillIn.feedback.incorrect);
    expect(feedbackText(el)).to.contain('正确答案：10086 / 一零零八六');
    expect(controlsOf(el, '.mark').map((mark) => textOf(mark))).to.deep.equal(['✗不正确']);
  });
});
