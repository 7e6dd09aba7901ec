import { expect } from '@open-wc/testing';
import { checkByKeyboard, controlsOf, pickCheckboxes } from './keyboard.js';
import { feedbackText, mountQuestion, part, questionContract } from './question-contract.js';
import { multiple, textOf } from './test-support.js';

questionContract({
  name: 'multiple',
  question: multiple,
  interactionType: 'choice',
  correctResponses: [{ type: 'choice', choiceIds: ['a', 'c'] }],
  components: { choices: ['a', 'b', 'c', 'd'] },
  right: { answer: (el) => pickCheckboxes(el, ['c', 'a']), response: { type: 'choice', choiceIds: ['a', 'c'] } },
  wrong: { answer: (el) => pickCheckboxes(el, ['b']), response: { type: 'choice', choiceIds: ['b'] } },
  partly: { answer: (el) => pickCheckboxes(el, ['a']), response: { type: 'choice', choiceIds: ['a'] }, scaled: 0.5 },
});

describe('<course-question> multiple choice', () => {
  it('renders a checkbox group and says that several options may be right', async () => {
    const { el } = await mountQuestion(multiple);
    expect(controlsOf<HTMLInputElement>(el, 'input').map((box) => box.type)).to.deep.equal([
      'checkbox',
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
    expect(textOf(part(el, 'legend'))).to.contain('多选题');
  });

  it('all right picks plus a wrong one is partly right: (2 − 1) / 2', async () => {
    const { el, interactions } = await mountQuestion(multiple);
    await pickCheckboxes(el, ['a', 'b', 'c']);
    await checkByKeyboard(el);
    expect(interactions[0]!.score).to.deep.equal({ raw: 1, min: 0, max: 2, scaled: 0.5 });
    expect(interactions[0]!.response).to.deep.equal({ type: 'choice', choiceIds: ['a', 'b', 'c'] });
    expect(feedbackText(el)).to.contain('得分：1 / 2');
  });

  it('shows the feedback of every picked option, each marked right or wrong', async () => {
    const { el } = await mountQuestion(multiple, { maxTries: 2 });
    await pickCheckboxes(el, ['a', 'd']);
    await checkByKeyboard(el);
    const items = [...part(el, '.option-feedback')!.querySelectorAll('li')].map((li) => textOf(li));
    expect(items).to.have.length(2);
    expect(items.find((text) => text.includes('耐心倾听客户的抱怨')))
      .to.contain('✓正确')
      .and.contain('倾听让客户感到被重视。');
    expect(items.find((text) => text.includes('立即打断客户给出方案')))
      .to.contain('✗不正确')
      .and.contain('打断客户会让客户更不满。');
    expect(feedbackText(el)).not.to.contain('共情能缓和情绪。');
  });

  it('unchecking every box makes it unanswered again', async () => {
    const { el, states } = await mountQuestion(multiple);
    await pickCheckboxes(el, ['b']);
    await pickCheckboxes(el, []);
    expect(states.at(-1)!.state.response).to.equal(null);
    expect((part(el, '.check') as HTMLButtonElement).disabled).to.equal(true);
  });
});
