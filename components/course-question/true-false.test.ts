import { expect } from '@open-wc/testing';
import { checkByKeyboard, controlsOf, pickRadio } from './keyboard.js';
import { feedbackText, mountQuestion, questionContract } from './question-contract.js';
import { textOf, trueFalse } from './test-support.js';

questionContract({
  name: 'true-false',
  question: trueFalse,
  interactionType: 'true-false',
  correctResponses: [{ type: 'true-false', value: true }],
  components: {},
  right: { answer: (el) => pickRadio(el, 'true'), response: { type: 'true-false', value: true } },
  wrong: { answer: (el) => pickRadio(el, 'false'), response: { type: 'true-false', value: false } },
});

describe('<course-question> true-false', () => {
  it('offers 对 and 错 as a radio group, never shuffled', async () => {
    for (const seed of ['s1', 's2', 's3', 's4']) {
      const { el } = await mountQuestion(trueFalse, { seed });
      const labels = controlsOf(el, 'label').map((label) => textOf(label));
      expect(labels).to.deep.equal(['对', '错']);
      expect(controlsOf<HTMLInputElement>(el, 'input').every((input) => input.type === 'radio')).to.equal(true);
    }
  });

  it('reports the response as a boolean in state and true/false in the interaction', async () => {
    const { el, states, interactions } = await mountQuestion(trueFalse);
    await pickRadio(el, 'false');
    expect(states.at(-1)!.state.response).to.equal(false);
    await checkByKeyboard(el);
    expect(interactions[0]!.response).to.deep.equal({ type: 'true-false', value: false });
  });

  it('shows the feedback for the chosen answer only', async () => {
    const { el } = await mountQuestion(trueFalse, { maxTries: 2 });
    await pickRadio(el, 'false');
    await checkByKeyboard(el);
    expect(feedbackText(el)).to.contain(trueFalse.feedback.false);
    expect(feedbackText(el)).not.to.contain(trueFalse.feedback.true);
  });

  it('works when the right answer is 错', async () => {
    const { el, interactions } = await mountQuestion({ ...trueFalse, answer: false });
    await pickRadio(el, 'false');
    await checkByKeyboard(el);
    expect(interactions[0]!.success).to.equal(true);
    expect(interactions[0]!.correctResponses).to.deep.equal([{ type: 'true-false', value: false }]);
  });
});
