import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { textOf } from '../course-question/test-support.js';
import './define.js';
import type { QuestionMatching } from './question-matching.js';

const sources = [
  { id: 'angry', text: '客户情绪激动' },
  { id: 'unclear', text: '客户表达不清' },
];
const targets = [
  { id: 'calm', text: '先安抚情绪' },
  { id: 'ask', text: '耐心询问确认' },
];

async function mount(value: Record<string, string> = {}) {
  let changes = 0;
  const el = await fixture<QuestionMatching>(html`
    <question-matching
      .sources=${sources}
      .targets=${targets}
      .value=${value}
      @question-change=${() => changes++}
    ></question-matching>
  `);
  return { el, changes: () => changes, selects: [...el.shadowRoot!.querySelectorAll('select')] };
}

/** Live regions in the element: none, since the native select already announces each change (once). */
const liveRegions = (el: QuestionMatching) => el.shadowRoot!.querySelectorAll('[role=status], [aria-live]').length;

describe('<question-matching>', () => {
  it('labels each select with its source and starts with 请选择…', async () => {
    const { selects } = await mount();
    expect(selects.map((select) => textOf(select.labels[0]))).to.deep.equal(['客户情绪激动', '客户表达不清']);
    expect(selects.every((select) => select.value === '')).to.equal(true);
    expect(textOf(selects[0]!.options[0])).to.equal('请选择…');
  });

  it('shows a given value', async () => {
    const { selects } = await mount({ unclear: 'ask' });
    expect(selects.map((select) => select.value)).to.deep.equal(['', 'ask']);
  });

  it('the keyboard chooses a target, which is reported and announced once, by the select itself', async () => {
    const { el, selects, changes } = await mount();
    selects[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ angry: 'calm' });
    expect(changes()).to.equal(1);
    expect(selects[0]!.labels[0]?.textContent).to.equal('客户情绪激动');
    expect(selects[0]!.selectedOptions[0]?.textContent).to.equal('先安抚情绪');
    expect(liveRegions(el)).to.equal(0);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({});
    expect(selects[0]!.selectedOptions[0]?.textContent).to.equal('请选择…');
    expect(liveRegions(el)).to.equal(0);
  });

  it('disabled with marks', async () => {
    const { el, selects } = await mount({ angry: 'ask', unclear: 'ask' });
    el.disabled = true;
    el.marks = { angry: 'incorrect', unclear: 'correct' };
    await el.updateComplete;
    expect(selects.every((select) => select.disabled)).to.equal(true);
    expect([...el.shadowRoot!.querySelectorAll('.mark')].map((mark) => textOf(mark))).to.deep.equal([
      '✗不正确',
      '✓正确',
    ]);
  });

  it('selects are at least 44 px high', async () => {
    const { selects } = await mount();
    for (const select of selects) expect(select.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('is accessible, empty and marked', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    el.value = { angry: 'calm', unclear: 'calm' };
    el.marks = { angry: 'correct', unclear: 'incorrect' };
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
