import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { RolePlayElement } from './role-play.js';
import { sampleRolePlay } from '../../core/testing/roleplay.fixture.js';
import { choose, continueFrom, currentNode, isEnded, restart, startState } from '../../core/roleplay.js';
import type { RolePlayState } from '../../core/interactions.js';
import { deepTextNodes, effectiveLang, misMarkedText, withEnglishInterface } from '../shared/test-helpers.js';

const rp = sampleRolePlay;

/** As the player mounts it: course content in Chinese, inside a page in the interface language. */
async function mount(state: RolePlayState | null = null): Promise<RolePlayElement> {
  const main = await fixture<HTMLElement>(
    html`<main>
      <h1 lang="zh-CN">${rp.title}</h1>
      <role-play lang="zh-CN" .roleplay=${rp} .state=${state} .shuffle=${false}></role-play>
    </main>`,
  );
  const el = main.querySelector('role-play') as RolePlayElement;
  await el.updateComplete;
  return el;
}

/** Plays the first reply at every turn up to an ending. */
function playToEnd(state: RolePlayState): RolePlayState {
  let next = state;
  while (!isEnded(rp, next)) {
    next = continueFrom(choose(rp, next, currentNode(rp, next)!.replies![0]!.id));
  }
  return next;
}

const $ = (el: RolePlayElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

describe('<role-play> interface language inside Chinese course content', () => {
  withEnglishInterface();

  it('start: headings, labels, mood, the question and OK are English; scenario, customer and replies stay Chinese', async () => {
    const el = await mount();
    expect(effectiveLang($(el, '#scenario-heading'))).to.equal('en');
    expect(effectiveLang($(el, '.facts dt'))).to.equal('en');
    expect(effectiveLang($(el, '.mood'))).to.equal('en');
    expect(effectiveLang($(el, 'legend'))).to.equal('en');
    expect(effectiveLang($(el, 'button[type=submit]'))).to.equal('en');
    expect(effectiveLang($(el, '.scenario > p'))).to.equal('zh-CN');
    expect(effectiveLang($(el, '.customer .text'))).to.equal('zh-CN');
    expect(effectiveLang($(el, '.option span'))).to.equal('zh-CN');
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // 确定 with nothing chosen: the error is an interface string too.
    $(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(effectiveLang($(el, '#reply-error'))).to.equal('en');
    expect(misMarkedText(el)).to.deep.equal([]);
  });

  it('feedback: verdict, score and Continue are English; the feedback and the rule’s text stay Chinese', async () => {
    const el = await mount();
    $(el, 'input[name=reply]').click();
    $(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(effectiveLang($(el, '#feedback-heading'))).to.equal('en');
    expect(effectiveLang($(el, '.feedback .score'))).to.equal('en');
    expect(effectiveLang($(el, 'button[part~=continue]'))).to.equal('en');
    expect(effectiveLang($(el, '.feedback > p:not([class])'))).to.equal('zh-CN');
    const rule = $(el, '.rule');
    expect(rule.textContent?.trim()).to.equal(`Rule: ${rp.nodes[0]!.replies![0]!.rule}`);
    const [label, text] = [...deepTextNodes(rule)].filter((node) => node.data.trim());
    expect([effectiveLang(label!), effectiveLang(text!)]).to.deep.equal(['en', 'zh-CN']);
    expect(effectiveLang($(el, '.learner .speaker'))).to.equal('en');
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('ending: outcome, score, requirement, path points, best run and Restart are English; ending text stays Chinese', async () => {
    const first = playToEnd(startState(rp));
    const el = await mount(playToEnd(restart(rp, first)));
    expect(effectiveLang($(el, '.badge'))).to.equal('en');
    expect(effectiveLang($(el, '.ending .score'))).to.equal('en');
    expect(effectiveLang($(el, '.met'))).to.equal('en');
    expect(effectiveLang($(el, '.path .points'))).to.equal('en');
    expect(effectiveLang($(el, '.path .reply'))).to.equal('zh-CN');
    expect(effectiveLang($(el, '.best'))).to.equal('en');
    expect(effectiveLang($(el, 'button[part~=restart]'))).to.equal('en');
    const title = [...deepTextNodes($(el, '#ending-heading'))].at(-1)!;
    expect(effectiveLang(title)).to.equal('zh-CN');
    expect(misMarkedText(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

describe('<role-play> interface language in a Chinese interface over an English course', () => {
  it('marks the interface words zh-CN, the course text keeps the host’s language', async () => {
    const el = await mount();
    el.setAttribute('lang', 'en');
    expect(effectiveLang($(el, 'legend'))).to.equal('zh-CN');
    expect(effectiveLang($(el, '.scenario > p'))).to.equal('en');
  });
});
