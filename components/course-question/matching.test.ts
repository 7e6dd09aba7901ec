import { expect } from '@open-wc/testing';
import { checkByKeyboard, controlsOf, inputOf, matchPairs } from './keyboard.js';
import { feedbackText, mountQuestion, questionContract } from './question-contract.js';
import { matching, textOf } from './test-support.js';

questionContract({
  name: 'matching',
  question: matching,
  interactionType: 'matching',
  correctResponses: [
    {
      type: 'matching',
      pairs: [
        { source: 'hall', target: 'face' },
        { source: 'hotline', target: 'voice' },
        { source: 'app', target: 'self' },
      ],
    },
  ],
  components: { source: ['hall', 'hotline', 'app'], target: ['face', 'voice', 'self'] },
  right: {
    answer: (el) => matchPairs(el, { hall: 'face', hotline: 'voice', app: 'self' }),
    response: {
      type: 'matching',
      pairs: [
        { source: 'hall', target: 'face' },
        { source: 'hotline', target: 'voice' },
        { source: 'app', target: 'self' },
      ],
    },
  },
  wrong: {
    answer: (el) => matchPairs(el, { hall: 'voice', hotline: 'self', app: 'face' }),
    response: {
      type: 'matching',
      pairs: [
        { source: 'hall', target: 'voice' },
        { source: 'hotline', target: 'self' },
        { source: 'app', target: 'face' },
      ],
    },
  },
  partly: {
    answer: (el) => matchPairs(el, { hall: 'face', hotline: 'self', app: 'voice' }),
    response: {
      type: 'matching',
      pairs: [
        { source: 'hall', target: 'face' },
        { source: 'hotline', target: 'self' },
        { source: 'app', target: 'voice' },
      ],
    },
    scaled: 1 / 3,
  },
});

describe('<course-question> matching', () => {
  it('gives each source a labelled native select of all targets', async () => {
    const { el } = await mountQuestion(matching);
    const selects = controlsOf<HTMLSelectElement>(el, 'select');
    expect(selects).to.have.length(3);
    for (const select of selects) {
      expect(select.labels).to.have.length(1);
      expect(matching.sources.map((source) => source.text)).to.include(textOf(select.labels[0]));
      expect([...select.options].map((option) => option.value).sort()).to.deep.equal(['', 'face', 'self', 'voice']);
    }
  });

  it('is unanswered until every source has a target', async () => {
    const { el, states } = await mountQuestion(matching);
    await matchPairs(el, { hall: 'face' });
    expect(states.at(-1)!.state.response).to.deep.equal({ hall: 'face' });
    expect((el.shadowRoot!.querySelector('.check') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('announces each pairing once: the select speaks, no live region repeats it', async () => {
    const { el } = await mountQuestion(matching);
    await matchPairs(el, { hall: 'face', hotline: 'voice', app: 'self' });
    expect(inputOf(el).shadowRoot!.querySelectorAll('[role=status], [aria-live]')).to.have.length(0);
    const selects = [...inputOf(el).shadowRoot!.querySelectorAll('select')];
    expect(
      selects.map((s) => `${s.labels[0]?.textContent ?? ''}→${s.selectedOptions[0]?.textContent ?? ''}`),
    ).to.have.members(['营业厅→面对面服务', '10086 热线→语音服务', '手机营业厅 App→自助服务']);
  });

  it('marks each pair and, once no tries remain, explains the wrong ones', async () => {
    const retrying = await mountQuestion(matching, { maxTries: 2 });
    await matchPairs(retrying.el, { hall: 'face', hotline: 'self', app: 'voice' });
    await checkByKeyboard(retrying.el);
    // While the learner may try again, nothing says where an item belongs.
    expect(feedbackText(retrying.el)).to.contain('有配对不正确').and.not.contain('热线提供语音服务。');
    const { el } = await mountQuestion(matching, { maxTries: 1 });
    await matchPairs(el, { hall: 'face', hotline: 'self', app: 'voice' });
    await checkByKeyboard(el);
    const rows = controlsOf(el, '.row').map((row) => textOf(row));
    expect(rows.find((row) => row.startsWith('营业厅'))).to.contain('✓正确');
    expect(rows.find((row) => row.startsWith('10086 热线'))).to.contain('✗不正确');
    expect(feedbackText(el)).to.contain('热线提供语音服务。').and.contain('App 以自助服务为主。');
    expect(feedbackText(el)).not.to.contain('营业厅提供面对面服务。');
  });
});
