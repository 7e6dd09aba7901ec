import { expect } from '@open-wc/testing';
import { checkByKeyboard, controlsOf, inputOf, orderItems, press, settle } from './keyboard.js';
import { feedbackText, mountQuestion, part, questionContract } from './question-contract.js';
import { deepActiveElement, sequencing, textOf } from './test-support.js';

const right = ['listen', 'apologise', 'accept', 'solve', 'follow'];

questionContract({
  name: 'sequencing',
  question: sequencing,
  interactionType: 'sequencing',
  correctResponses: [{ type: 'sequencing', itemIds: right }],
  components: { choices: right },
  startsAnswered: true,
  right: { answer: (el) => orderItems(el, right), response: { type: 'sequencing', itemIds: right } },
  wrong: {
    answer: (el) => orderItems(el, ['apologise', 'accept', 'solve', 'follow', 'listen']),
    response: { type: 'sequencing', itemIds: ['apologise', 'accept', 'solve', 'follow', 'listen'] },
  },
  partly: {
    answer: (el) => orderItems(el, ['listen', 'apologise', 'accept', 'follow', 'solve']),
    response: { type: 'sequencing', itemIds: ['listen', 'apologise', 'accept', 'follow', 'solve'] },
    scaled: 0.6,
  },
});

function liveText(el: HTMLElement): string {
  return textOf(inputOf(el as never).shadowRoot!.querySelector('[role=status]'));
}

describe('<course-question> sequencing', () => {
  it('never starts in the correct order, whatever the seed', async () => {
    for (let i = 0; i < 8; i++) {
      const { el } = await mountQuestion(sequencing, { seed: `seed-${i}` });
      expect((inputOf(el).value as string[]).join()).not.to.equal(right.join());
    }
    const { el } = await mountQuestion({ ...sequencing, items: sequencing.items }, { seed: 'x' });
    expect([...(inputOf(el).value as string[])].sort()).to.deep.equal([...right].sort());
  });

  it('checking the starting order reports it as the response', async () => {
    const { el, interactions } = await mountQuestion(sequencing);
    const start = [...(inputOf(el).value as string[])];
    await checkByKeyboard(el);
    expect(interactions[0]!.response).to.deep.equal({ type: 'sequencing', itemIds: start });
  });

  it('announces each keyboard move: 已将「…」移到第 n 位，共 5 位', async () => {
    const { el } = await mountQuestion(sequencing);
    const order = inputOf(el).value as string[];
    const [first] = controlsOf(el, '[data-handle]');
    first!.focus();
    await press('Space');
    await settle(el);
    const text = sequencing.items.find((item) => item.id === order[0])!.text;
    expect(liveText(el)).to.contain(`已拿起「${text}」`);
    await press('ArrowDown');
    await settle(el);
    expect(liveText(el)).to.equal(`已将「${text}」移到第 2 位，共 5 位`);
    expect((inputOf(el).value as string[])[1]).to.equal(order[0]);
    expect((deepActiveElement() as HTMLElement).dataset['handle']).to.equal(order[0]);
    await press('Space');
    await settle(el);
    expect(liveText(el)).to.equal(`已放下「${text}」，第 2 位，共 5 位`);
  });

  it('Escape cancels a move and puts the item back', async () => {
    const { el, states } = await mountQuestion(sequencing);
    const order = [...(inputOf(el).value as string[])];
    controlsOf(el, '[data-handle]')[1]!.focus();
    await press('Enter');
    await press('ArrowUp');
    await settle(el);
    expect((inputOf(el).value as string[])[0]).to.equal(order[1]);
    await press('Escape');
    await settle(el);
    expect(inputOf(el).value).to.deep.equal(order);
    expect(states.at(-1)!.state.response).to.deep.equal(order);
    expect(liveText(el)).to.contain('已取消移动').and.contain('回到第 2 位');
  });

  it('上移 / 下移 buttons move the item, keep focus on it and announce', async () => {
    const { el } = await mountQuestion(sequencing);
    const order = [...(inputOf(el).value as string[])];
    const text = sequencing.items.find((item) => item.id === order[2])!.text;
    const up = controlsOf<HTMLButtonElement>(el, `[data-move="up"][data-for="${order[2]}"]`)[0]!;
    // Named by its (visually hidden) text, so the item's name keeps the course's language inside the message.
    expect(up.hasAttribute('aria-label')).to.equal(false);
    expect(textOf(up.querySelector('.visually-hidden'))).to.equal(`上移「${text}」`);
    up.focus();
    await press('Enter');
    await settle(el);
    expect((inputOf(el).value as string[])[1]).to.equal(order[2]);
    expect(liveText(el)).to.equal(`已将「${text}」移到第 2 位，共 5 位`);
    const focused = deepActiveElement() as HTMLElement;
    expect(focused.dataset['move']).to.equal('up');
    expect(focused.dataset['for']).to.equal(order[2]);
    await press('Enter');
    await settle(el);
    expect((inputOf(el).value as string[])[0]).to.equal(order[2]);
    // At the top, 上移 is disabled: focus moves to the item's 下移.
    expect((deepActiveElement() as HTMLElement).dataset['move']).to.equal('down');
  });

  it('marks each item’s position and, once no tries remain, explains the misplaced ones', async () => {
    const retrying = await mountQuestion(sequencing, { maxTries: 2 });
    await orderItems(retrying.el, ['listen', 'apologise', 'accept', 'follow', 'solve']);
    await checkByKeyboard(retrying.el);
    // While the learner may try again, no item's right position is given away.
    expect(feedbackText(retrying.el)).not.to.contain('受理后给出解决方案。');
    expect(part(retrying.el, '.retry')).to.exist;
    const { el } = await mountQuestion(sequencing, { maxTries: 1 });
    await orderItems(el, ['listen', 'apologise', 'accept', 'follow', 'solve']);
    await checkByKeyboard(el);
    expect(controlsOf(el, '.mark').map((mark) => textOf(mark))).to.deep.equal([
      '✓正确',
      '✓正确',
      '✓正确',
      '✗不正确',
      '✗不正确',
    ]);
    expect(feedbackText(el)).to.contain('受理后给出解决方案。').and.contain('最后回访确认满意。');
    expect(feedbackText(el)).not.to.contain('第一步是倾听');
  });

  it('pointer drag and drop reorders the list', async () => {
    const { el } = await mountQuestion(sequencing);
    const order = [...(inputOf(el).value as string[])];
    const items = controlsOf(el, 'li');
    const data = new DataTransfer();
    items[0]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    items[3]!.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    items[3]!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await settle(el);
    expect((inputOf(el).value as string[])[3]).to.equal(order[0]);
    expect(liveText(el)).to.contain('移到第 4 位，共 5 位');
  });
});
