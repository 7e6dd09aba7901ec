import { expect } from '@open-wc/testing';
import { setLocale } from '../../locales/localization.js';
import { checkByKeyboard, pickRadio } from './keyboard.js';
import { mountQuestion, part } from './question-contract.js';
import { single, textOf } from './test-support.js';

describe('<course-question> in English', () => {
  before(() => setLocale('en'));
  after(() => setLocale('zh-CN'));

  it('says how many tries are left without a wrong plural ("1 more tries")', async () => {
    const { el } = await mountQuestion({ ...single, attempts: 2 }, { maxTries: 2 });
    await pickRadio(el, 'b');
    await checkByKeyboard(el);
    const feedback = textOf(part(el, '.feedback'));
    expect(feedback).to.contain('Tries left: 1');
    expect(feedback).not.to.match(/1 more tries/);
  });
});
