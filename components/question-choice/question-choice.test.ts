import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, textOf } from '../course-question/test-support.js';
import './define.js';
import type { QuestionChoice } from './question-choice.js';

const options = [
  { id: 'a', text: '微笑服务' },
  { id: 'b', text: '打断客户' },
  { id: 'c', text: '使用敬语' },
];

async function mount(multiple: boolean) {
  const changes: string[][] = [];
  // A labelled group around it, as <course-question> provides with its fieldset.
  const wrapper = await fixture<HTMLFieldSetElement>(html`
    <fieldset>
      <legend>哪些属于服务礼仪？</legend>
      <question-choice
        .options=${options}
        ?multiple=${multiple}
        @question-change=${(event: Event) => changes.push([...(event.target as QuestionChoice).value])}
      ></question-choice>
    </fieldset>
  `);
  const el = wrapper.querySelector('question-choice')!;
  await el.updateComplete;
  return { el, changes };
}

const inputs = (el: QuestionChoice) => [...el.shadowRoot!.querySelectorAll('input')];

describe('<question-choice>', () => {
  it('renders radios by default and checkboxes when multiple', async () => {
    expect(inputs((await mount(false)).el).map((input) => input.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(inputs((await mount(true)).el).map((input) => input.type)).to.deep.equal([
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
  });

  it('single: clicking an option replaces the selection', async () => {
    const { el, changes } = await mount(false);
    inputs(el)[0]!.click();
    inputs(el)[2]!.click();
    expect(changes).to.deep.equal([['a'], ['c']]);
    expect(el.value).to.deep.equal(['c']);
  });

  it('multiple: Space toggles boxes and the value keeps display order', async () => {
    const { el, changes } = await mount(true);
    inputs(el)[2]!.focus();
    await sendKeys({ press: 'Space' });
    inputs(el)[0]!.focus();
    await sendKeys({ press: 'Space' });
    expect(el.value).to.deep.equal(['a', 'c']);
    await sendKeys({ press: 'Space' });
    expect(changes.at(-1)).to.deep.equal(['c']);
  });

  it('question-change bubbles but is not composed, so it stops at the shadow root of <course-question>', async () => {
    const { el } = await mount(false);
    const events: Event[] = [];
    el.addEventListener('question-change', (event) => events.push(event));
    inputs(el)[1]!.click();
    expect(events).to.have.length(1);
    expect(events[0]!.bubbles).to.equal(true);
    expect(events[0]!.composed).to.equal(false);
  });

  it('disabled locks every option', async () => {
    const { el } = await mount(false);
    el.disabled = true;
    await el.updateComplete;
    expect(inputs(el).every((input) => input.disabled)).to.equal(true);
  });

  it('shows marks as icon plus words next to options', async () => {
    const { el } = await mount(true);
    el.value = ['a', 'b'];
    el.marks = { a: 'correct', b: 'incorrect', c: 'answer' };
    await el.updateComplete;
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((label) => textOf(label));
    expect(labels).to.deep.equal(['微笑服务 ✓正确', '打断客户 ✗不正确', '使用敬语 ✓正确答案']);
    expect(inputs(el).map((input) => input.checked)).to.deep.equal([true, true, false]);
  });

  it('focus() goes to the selected option', async () => {
    const { el } = await mount(false);
    el.value = ['b'];
    await el.updateComplete;
    el.focus();
    expect(deepActiveElement()).to.equal(inputs(el)[1]);
  });

  it('options are at least 44 px high', async () => {
    const { el } = await mount(false);
    for (const label of el.shadowRoot!.querySelectorAll('label')) {
      expect(label.getBoundingClientRect().height).to.be.at.least(44);
    }
  });

  it('is accessible, with and without marks', async () => {
    const { el } = await mount(true);
    await expect(el.parentElement).to.be.accessible();
    el.value = ['b'];
    el.marks = { b: 'incorrect', a: 'answer' };
    el.disabled = true;
    await el.updateComplete;
    await expect(el.parentElement).to.be.accessible();
  });
});
