import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, textOf } from '../course-question/test-support.js';
import './define.js';
import type { QuestionSequencing } from './question-sequencing.js';

const items = [
  { id: 'greet', text: '主动问候' },
  { id: 'accept', text: '迅速受理' },
  { id: 'solve', text: '解决问题' },
  { id: 'confirm', text: '确认满意' },
  { id: 'farewell', text: '礼貌道别' },
];

async function mount() {
  let changes = 0;
  const el = await fixture<QuestionSequencing>(html`
    <question-sequencing
      .items=${items}
      .value=${['solve', 'greet', 'farewell', 'accept', 'confirm']}
      @question-change=${() => changes++}
    ></question-sequencing>
  `);
  return { el, changes: () => changes };
}

const press = (key: string) => sendKeys({ press: key });
const live = (el: QuestionSequencing) => textOf(el.shadowRoot!.querySelector('[role=status]'));
const handle = (el: QuestionSequencing, id: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-handle="${id}"]`)!;

describe('<question-sequencing>', () => {
  it('renders an ordered list in the given order with positions', async () => {
    const { el } = await mount();
    const list = el.shadowRoot!.querySelector('ol')!;
    const texts = [...list.querySelectorAll('.handle')].map((button) => textOf(button));
    expect(texts[0]).to.equal('1 第 1 位： 解决问题');
    expect(texts.map((text) => text.split(' ').at(-1))).to.deep.equal([
      '解决问题',
      '主动问候',
      '礼貌道别',
      '迅速受理',
      '确认满意',
    ]);
  });

  it('Space picks up, arrows move, Space drops; each step announced', async () => {
    const { el, changes } = await mount();
    handle(el, 'accept').focus();
    await press('Space');
    expect(handle(el, 'accept').getAttribute('aria-pressed')).to.equal('true');
    expect(live(el)).to.equal(
      '已拿起「迅速受理」，当前第 4 位，共 5 位。按上下方向键移动，按空格键或回车键放下，按 Esc 键取消。',
    );
    await press('ArrowUp');
    await el.updateComplete;
    expect(live(el)).to.equal('已将「迅速受理」移到第 3 位，共 5 位');
    await press('ArrowUp');
    await el.updateComplete;
    expect(live(el)).to.equal('已将「迅速受理」移到第 2 位，共 5 位');
    expect(el.value).to.deep.equal(['solve', 'accept', 'greet', 'farewell', 'confirm']);
    expect((deepActiveElement() as HTMLElement).dataset['handle']).to.equal('accept');
    await press('Space');
    await el.updateComplete;
    expect(live(el)).to.equal('已放下「迅速受理」，第 2 位，共 5 位');
    expect(handle(el, 'accept').getAttribute('aria-pressed')).to.equal('false');
    expect(changes()).to.equal(2);
  });

  it('Home and End move a picked-up item to the ends', async () => {
    const { el } = await mount();
    handle(el, 'farewell').focus();
    await press('Enter');
    await press('End');
    await el.updateComplete;
    expect(el.value.at(-1)).to.equal('farewell');
    expect(live(el)).to.equal('已将「礼貌道别」移到第 5 位，共 5 位');
    await press('Home');
    await el.updateComplete;
    expect(el.value[0]).to.equal('farewell');
  });

  it('arrow keys walk the list when nothing is picked up, without moving anything', async () => {
    const { el, changes } = await mount();
    handle(el, 'solve').focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLElement).dataset['handle']).to.equal('farewell');
    expect(changes()).to.equal(0);
  });

  it('Escape puts the item back where it was', async () => {
    const { el } = await mount();
    const before = [...el.value];
    handle(el, 'greet').focus();
    await press('Space');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Escape');
    await el.updateComplete;
    expect(el.value).to.deep.equal(before);
    expect(live(el)).to.equal('已取消移动，「主动问候」回到第 2 位，共 5 位');
  });

  it('tabbing away drops the picked-up item', async () => {
    const { el } = await mount();
    handle(el, 'greet').focus();
    await press('Space');
    await press('ArrowUp');
    await press('Tab');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-pressed="true"]')).to.equal(null);
    expect(el.value[0]).to.equal('greet');
  });

  it('the same message twice is still announced as a change', async () => {
    const { el } = await mount();
    const down = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-move="down"][data-for="solve"]')!;
    down.click();
    await el.updateComplete;
    const first = el.shadowRoot!.querySelector('[role=status]')!.textContent;
    el.value = ['solve', 'greet', 'farewell', 'accept', 'confirm'];
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-move="down"][data-for="solve"]')!.click();
    await el.updateComplete;
    const second = el.shadowRoot!.querySelector('[role=status]')!.textContent;
    expect(second).not.to.equal(first);
    expect(second!.trim()).to.equal(first!.trim());
  });

  it('disabled: no moves, no picking up, buttons hidden', async () => {
    const { el, changes } = await mount();
    el.disabled = true;
    el.marks = { solve: 'incorrect', greet: 'incorrect' };
    await el.updateComplete;
    handle(el, 'greet').click();
    await press('ArrowUp');
    expect(changes()).to.equal(0);
    expect(handle(el, 'greet').disabled).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.moves')!).display).to.equal('none');
    expect(textOf(el.shadowRoot!.querySelector('li .mark'))).to.equal('✗不正确');
  });

  it('buttons are at least 44 × 44 px and the list fits 360 px', async () => {
    const { el } = await mount();
    el.style.width = '328px';
    await el.updateComplete;
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(box.width).to.be.at.least(44);
      expect(box.right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });

  it('is accessible, idle, picked up and marked', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    handle(el, 'greet').focus();
    await press('Space');
    await expect(el).to.be.accessible();
    el.marks = {
      solve: 'incorrect',
      greet: 'incorrect',
      farewell: 'incorrect',
      accept: 'incorrect',
      confirm: 'correct',
    };
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
