import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, textOf } from '../course-question/test-support.js';
import './define.js';
import type { QuestionFillIn } from './question-fill-in.js';

async function mount() {
  const events: string[] = [];
  const el = await fixture<QuestionFillIn>(html`
    <question-fill-in
      @question-change=${() => events.push('change')}
      @question-submit=${() => events.push('submit')}
    ></question-fill-in>
  `);
  return { el, events, input: el.shadowRoot!.querySelector('input')! };
}

describe('<question-fill-in>', () => {
  it('has a visible label, 你的答案 by default or the given one', async () => {
    const { el, input } = await mount();
    expect(textOf(input.labels?.[0])).to.equal('你的答案');
    el.label = '热线号码';
    await el.updateComplete;
    expect(textOf(input.labels?.[0])).to.equal('热线号码');
  });

  it('reports typed text, full-width included, as typed', async () => {
    const { el, events } = await mount();
    el.focus();
    expect(deepActiveElement()?.tagName).to.equal('INPUT');
    await sendKeys({ type: 'ＡＢＣ　１２３' });
    expect(el.value).to.equal('ＡＢＣ　１２３');
    expect(events.filter((event) => event === 'change').length).to.be.greaterThan(0);
  });

  it('Enter asks to check, except while composing', async () => {
    const { el, events, input } = await mount();
    el.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }));
    expect(events).to.not.include('submit');
    await sendKeys({ press: 'Enter' });
    expect(events).to.include('submit');
  });

  it('shows the value given and the mark', async () => {
    const { el, input } = await mount();
    el.value = '10010';
    el.mark = 'incorrect';
    el.disabled = true;
    await el.updateComplete;
    expect(input.value).to.equal('10010');
    expect(input.disabled).to.equal(true);
    expect(textOf(el.shadowRoot!.querySelector('.mark'))).to.equal('✗不正确');
  });

  it('the input is at least 44 px high and fits 360 px', async () => {
    const { el, input } = await mount();
    el.style.width = '328px';
    expect(input.getBoundingClientRect().height).to.be.at.least(44);
    expect(input.getBoundingClientRect().width).to.be.at.most(328);
  });

  it('is accessible, empty and marked', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    el.value = '10086';
    el.mark = 'correct';
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
