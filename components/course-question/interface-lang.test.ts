import { expect } from '@open-wc/testing';
import type { QuestionResponse, QuestionState } from '../../core/interactions.js';
import type { Question } from '../../core/types.js';
import { deepTextNodes, effectiveLang, misMarkedText, withEnglishInterface } from '../shared/test-helpers.js';
import type { CourseQuestion } from './course-question.js';
import { controlsOf, inputOf, press, settle } from './keyboard.js';
import { mountQuestion, part } from './question-contract.js';
import { fillIn, matching, multiple, sequencing, single, trueFalse } from './test-support.js';

/** A wrong response of each sample question, so marks, feedback, retry and the correct answer all show. */
const wrong: [Question, QuestionResponse][] = [
  [single, 'b'],
  [multiple, ['a', 'b']],
  [trueFalse, false],
  [fillIn, '10000'],
  [sequencing, ['follow', 'solve', 'accept', 'apologise', 'listen']],
  [matching, { hall: 'voice', hotline: 'face', app: 'self' }],
];

function checkedWrong(response: QuestionResponse, tries: number): QuestionState {
  return { response, tries, checked: true, success: false, score: { raw: 0, min: 0, max: 1, scaled: 0 } };
}

/** As the player mounts it: the page in the interface language, the question inside course content in Chinese. */
async function mountInCourse(...args: Parameters<typeof mountQuestion>): Promise<CourseQuestion> {
  const { el } = await mountQuestion(...args);
  el.setAttribute('lang', 'zh-CN');
  return el;
}

describe('<course-question> interface language inside Chinese course content', () => {
  withEnglishInterface();

  for (const [question, response] of wrong) {
    it(`${question.type}: fresh, the type hint, 检查答案 and tries are English; the prompt stays Chinese`, async () => {
      const el = await mountInCourse(question, { maxTries: 2 });
      expect(effectiveLang(part(el, '.check')!)).to.equal('en');
      expect(effectiveLang(part(el, '.tries')!)).to.equal('en');
      expect(effectiveLang(part(el, '.type-hint')!)).to.equal('en');
      expect(effectiveLang(part(el, '.prompt-text')!.firstChild!)).to.equal('zh-CN');
      expect(misMarkedText(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it(`${question.type}: after a wrong check, verdict, marks and 再试一次 are English; feedback text stays Chinese`, async () => {
      const el = await mountInCourse(question, { maxTries: 2, state: checkedWrong(response, 1) });
      // True/false allows one try: no 再试一次.
      if (question.type !== 'true-false') {
        expect(effectiveLang(part(el, '.retry')!)).to.equal('en');
        expect(effectiveLang(part(el, '.tries-note')!)).to.equal('en');
      }
      expect(effectiveLang(part(el, '.verdict')!)).to.equal('en');
      expect(effectiveLang(part(el, '[part=mark]') ?? inputOf(el).shadowRoot!.querySelector('[part=mark]')!)).to.equal(
        'en',
      );
      expect(misMarkedText(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it(`${question.type}: in review, the correct answer's and explanation's labels are English, their text Chinese`, async () => {
      const el = await mountInCourse(question, {
        review: true,
        revealAnswer: 'always',
        state: checkedWrong(response, 1),
      });
      expect(effectiveLang(part(el, '.correct-answer .label')!)).to.equal('en');
      expect(effectiveLang(part(el, '.explanation .label')!)).to.equal('en');
      expect(effectiveLang(part(el, '.explanation')!.lastChild!)).to.equal('zh-CN');
      expect(misMarkedText(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('the check catches an interface string left in the course language, and course text marked English', async () => {
    const el = await mountInCourse(single, { maxTries: 2 });
    expect(misMarkedText(el)).to.deep.equal([]);
    part(el, '.check')!.setAttribute('lang', 'zh-CN');
    part(el, '.prompt-text')!.setAttribute('lang', 'en');
    const wrongly = misMarkedText(el);
    expect(wrongly).to.have.length(2);
    expect(wrongly[0]).to.contain('is lang="en", not zh-CN');
    expect(wrongly[1]).to.contain('"Check answer" is lang="zh-CN", not en');
  });

  it('true-false: its 对 / 错 options are interface words, marked English', async () => {
    const el = await mountInCourse(trueFalse);
    const texts = controlsOf(el, '.option .text');
    expect(texts.map((text) => text.textContent?.trim())).to.deep.equal(['True', 'False']);
    for (const text of texts) expect(effectiveLang(text)).to.equal('en');
  });

  it('single: the options stay Chinese', async () => {
    const el = await mountInCourse(single);
    const texts = controlsOf(el, '.option .text');
    expect(texts).to.have.length(3);
    for (const text of texts) expect(effectiveLang(text)).to.equal('zh-CN');
  });

  it('sequencing: the live announcement and the move buttons keep the item Chinese inside English words', async () => {
    const el = await mountInCourse(sequencing);
    const [handle] = controlsOf<HTMLButtonElement>(el, '[data-handle]');
    handle!.focus();
    await press('Space');
    await settle(el);
    const live = controlsOf(el, '[role=status]')[0]!;
    expect(live.textContent).to.match(/Picked up “.+”/);
    const item = sequencing.items.find((i) => i.id === handle!.dataset['handle'])!.text;
    const itemNode = [...deepTextNodes(live)].find((node) => node.data === item);
    expect(itemNode && effectiveLang(itemNode)).to.equal('zh-CN');
    expect(effectiveLang(live.querySelector('span')!)).to.equal('en');
    expect(misMarkedText(inputOf(el))).to.deep.equal([]);
    const up = controlsOf<HTMLButtonElement>(el, '[data-move="up"]')[1]!;
    expect(up.textContent).to.contain('Move “');
    expect(effectiveLang(up)).to.equal('zh-CN');
    await press('Escape');
  });
});

describe('<course-question> interface language in a Chinese interface', () => {
  it('marks the interface words zh-CN too, so they follow the interface, not the content', async () => {
    const { el } = await mountQuestion(single, { maxTries: 2, state: checkedWrong('b', 1) });
    el.setAttribute('lang', 'en');
    expect(effectiveLang(part(el, '.retry')!)).to.equal('zh-CN');
    expect(effectiveLang(part(el, '.verdict')!)).to.equal('zh-CN');
    expect(effectiveLang(part(el, '.prompt-text')!.firstChild!)).to.equal('en');
  });
});
