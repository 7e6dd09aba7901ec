import { expect } from '@open-wc/testing';
import { checkByKeyboard, controlsOf, pickRadio, press, settle } from './keyboard.js';
import { feedbackText, mountQuestion, questionContract } from './question-contract.js';
import { single, textOf } from './test-support.js';

questionContract({
  name: 'single',
  question: single,
  interactionType: 'choice',
  correctResponses: [{ type: 'choice', choiceIds: ['a'] }],
  components: { choices: ['a', 'b', 'c'] },
  right: { answer: (el) => pickRadio(el, 'a'), response: { type: 'choice', choiceIds: ['a'] } },
  wrong: { answer: (el) => pickRadio(el, 'b'), response: { type: 'choice', choiceIds: ['b'] } },
});

describe('<course-question> single choice', () => {
  it('renders a radio group of the options', async () => {
    const { el } = await mountQuestion(single);
    const radios = controlsOf<HTMLInputElement>(el, 'input');
    expect(radios.map((radio) => radio.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(radios.map((radio) => radio.value).sort()).to.deep.equal(['a', 'b', 'c']);
    expect(radios.every((radio) => radio.closest('label'))).to.equal(true);
  });

  it('shuffles options stably per seed', async () => {
    const order = async (seed: string) =>
      controlsOf<HTMLInputElement>((await mountQuestion(single, { seed })).el, 'input')
        .map((radio) => radio.value)
        .join();
    const first = await order('seed-1');
    expect(await order('seed-1')).to.equal(first);
    const others = new Set<string>();
    for (let i = 2; i < 12; i++) others.add(await order(`seed-${i}`));
    expect(others.size).to.be.greaterThan(1);
  });

  it('arrow keys change the selection and a second pick replaces the first', async () => {
    const { el, states } = await mountQuestion(single);
    await pickRadio(el, 'c');
    expect(states.at(-1)!.state.response).to.equal('c');
    await press('ArrowDown');
    await settle(el);
    expect(states.at(-1)!.state.response).not.to.equal('c');
  });

  it('shows the feedback of the picked option and marks it wrong with icon and words', async () => {
    const { el } = await mountQuestion(single, { maxTries: 2 });
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain('语气生硬，没有问候。');
    expect(feedbackText(el)).not.to.contain('问候、热情并主动提供帮助。');
    const marks = controlsOf(el, '.mark');
    expect(marks.map((mark) => textOf(mark))).to.deep.equal(['✗不正确']);
  });

  it('after the last try, marks the correct option as 正确答案', async () => {
    const { el } = await mountQuestion(single);
    await pickRadio(el, 'c');
    await checkByKeyboard(el);
    const answer = controlsOf(el, '.mark-answer');
    expect(answer).to.have.length(1);
    expect(textOf(answer[0]!.closest('label'))).to.contain('您好，很高兴为您服务');
    expect(feedbackText(el)).to.contain('正确答案：您好，很高兴为您服务');
  });
});
