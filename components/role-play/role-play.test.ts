import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { RolePlayElement } from './role-play.js';
import { sampleRolePlay } from '../../core/testing/roleplay.fixture.js';
import { enumeratePaths, replyOrder, runSeed } from '../../core/roleplay.js';
import type { CourseEventMap } from '../../core/events.js';
import type { InteractionRecord, RolePlayResult, RolePlayState, RolePlayStep } from '../../core/interactions.js';
import type { RolePlay, RolePlayNode, RolePlayReply } from '../../core/types.js';

const rp = sampleRolePlay;
/** Hard-coded from the fixture, so that the component's own arithmetic is checked, not repeated. */
const MAX_SCORE = 11;
const PATH_COUNT = 26;

interface Mounted {
  el: RolePlayElement;
  interactions: InteractionRecord[];
  states: CourseEventMap['course-roleplay-state'][];
  completes: RolePlayResult[];
}

async function mount(state: RolePlayState | null = null): Promise<Mounted> {
  const interactions: InteractionRecord[] = [];
  const states: CourseEventMap['course-roleplay-state'][] = [];
  const completes: RolePlayResult[] = [];
  const main = await fixture<HTMLElement>(
    html`<main
      @course-interaction=${(e: CustomEvent<InteractionRecord>) => interactions.push(e.detail)}
      @course-roleplay-state=${(e: CustomEvent<CourseEventMap['course-roleplay-state']>) => states.push(e.detail)}
      @course-roleplay-complete=${(e: CustomEvent<RolePlayResult>) => completes.push(e.detail)}
    >
      <h1>${rp.title}</h1>
      <role-play .roleplay=${rp} .state=${state} .shuffle=${false}></role-play>
    </main>`,
  );
  const el = main.querySelector('role-play') as RolePlayElement;
  await el.updateComplete;
  return { el, interactions, states, completes };
}

const root = (el: RolePlayElement) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RolePlayElement, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: RolePlayElement, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const active = (el: RolePlayElement) => root(el).activeElement as HTMLElement | null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const radios = (el: RolePlayElement) => $$<HTMLInputElement>(el, 'input[type="radio"][name="reply"]');
/**
 * A short description of an element, to compare elements in assertions: a failing assertion on element objects
 * makes the runner serialise whole DOM trees.
 */
const label = (e: Element | null | undefined) =>
  e
    ? `<${e.localName}${e.id ? `#${e.id}` : ''}${e instanceof HTMLInputElement ? `[value=${e.value}]` : ''}> ${text(e).slice(0, 30)}`
    : 'nothing';
const focused = (el: RolePlayElement) => label(active(el));
const exists = (el: RolePlayElement, selector: string) => root(el).querySelector(selector) !== null;
/** The rendered screen, without Lit's comment markers. */
const screen = (el: RolePlayElement) => root(el).innerHTML.replace(/<!--[^]*?-->/g, '');

async function press(el: RolePlayElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Presses Tab until `accept` holds for the focused element; returns how many presses it took. */
async function tabUntil(el: RolePlayElement, accept: (focused: HTMLElement | null) => boolean, limit = 15) {
  for (let presses = 1; presses <= limit; presses++) {
    await press(el, 'Tab');
    if (accept(active(el))) return presses;
  }
  throw new Error(`focus never reached the target; it is on ${active(el)?.outerHTML ?? 'nothing in the component'}`);
}

const isRadio = (e: HTMLElement | null) => e instanceof HTMLInputElement && e.type === 'radio';
const isButton = (label: string) => (e: HTMLElement | null) => e instanceof HTMLButtonElement && text(e) === label;

/** Chooses the reply at `index` with the keyboard only: Tab into the radio group, arrows/Space, Tab to 确定, Enter. */
async function chooseByKeyboard(el: RolePlayElement, index: number, expectOneTab: boolean): Promise<void> {
  const tabs = await tabUntil(el, isRadio);
  if (expectOneTab) expect(tabs, 'one Tab from the customer line reaches the replies').to.equal(1);
  expect(focused(el)).to.equal(label(radios(el)[0]));
  if (index === 0) await press(el, 'Space');
  for (let i = 0; i < index; i++) await press(el, 'ArrowDown');
  expect(radios(el)[index]!.checked, `reply ${index} is selected`).to.equal(true);
  expect(focused(el)).to.equal(label(radios(el)[index]));
  expect(await tabUntil(el, isButton('确定'))).to.equal(1);
  await press(el, 'Enter');
  expect(active(el)?.getAttribute('part'), 'focus moves to the feedback').to.equal('feedback');
}

/** Moves on with the keyboard: Tab to 继续 (one Tab when focus is on the feedback) and press Space. */
async function continueByKeyboard(el: RolePlayElement, fromFeedback = true): Promise<void> {
  const tabs = await tabUntil(el, isButton('继续'));
  if (fromFeedback) expect(tabs, 'one Tab from the feedback reaches 继续').to.equal(1);
  await press(el, 'Space');
}

/** What a path should produce, worked out from the data alone. */
function expectedRun(replyIds: string[]) {
  const steps: (RolePlayStep & { node: RolePlayNode; reply: RolePlayReply; best: number })[] = [];
  let node = rp.nodes.find((n) => n.id === rp.start) as RolePlayNode;
  for (const replyId of replyIds) {
    const reply = (node.replies ?? []).find((r) => r.id === replyId) as RolePlayReply;
    const best = Math.max(...(node.replies ?? []).map((r) => r.score));
    steps.push({ nodeId: node.id, replyId, score: reply.score, node, reply, best });
    node = rp.nodes.find((n) => n.id === reply.next) as RolePlayNode;
  }
  const total = steps.reduce((sum, s) => sum + s.score, 0);
  const ending = node.ending!;
  const met = ending.outcome === 'good' && total >= 8; // the fixture requires { outcome: good, minScore: 8 }
  return { steps, endingNode: node, ending, total, met };
}

const OUTCOME_TEXT = { good: '好结局', neutral: '一般结局', bad: '差结局' } as const;

describe('<role-play>', () => {
  it('is defined and registered under its tag', async () => {
    const el = document.createElement('role-play');
    expect(el.constructor.name).to.equal('RolePlayElement');
  });

  it('starts with the scenario, the customer, the role, the requirement and the first line', async () => {
    const { el } = await mount();
    const scenario = $(el, '[part~="scenario"]');
    expect(text(scenario)).to.contain(rp.scenario);
    expect(text(scenario)).to.contain(rp.customer.name);
    expect(text(scenario)).to.contain(rp.customer.description!);
    expect(text(scenario)).to.contain(rp.learnerRole);
    expect(text(scenario)).to.contain('达到好结局，且得分不低于 8 分');
    const turns = $$(el, '[part~="transcript"] > li');
    expect(turns).to.have.length(1);
    const line = $(el, '#current-line') as HTMLElement;
    expect(label(line)).to.equal(label(turns[0]));
    expect(text(line.querySelector('[part~="narration"]'))).to.equal(`旁白：${rp.nodes[0]!.narration}`);
    expect(text(line.querySelector('[part~="customer"] .text'))).to.equal(rp.nodes[0]!.line);
    expect(text(line.querySelector('.mood'))).to.contain('生气');
    expect(line.querySelector('.mood [aria-hidden="true"]')?.textContent).to.equal('😠');
    expect(text($(el, 'fieldset legend'))).to.equal('你会怎么回答？');
    expect(radios(el).map((r) => r.value)).to.deep.equal(['greet-sorry', 'greet-deny', 'greet-deflect']);
    expect(radios(el).map((r) => text(r.closest('label')))).to.deep.equal(rp.nodes[0]!.replies!.map((r) => r.text));
    expect($(el, '[part="feedback"]')?.children.length, 'the feedback area is there, empty').to.equal(0);
    expect(el.state).to.equal(null);
  });

  it('is accessible at the start', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('asks for a choice when 确定 is pressed with nothing selected, and reports nothing', async () => {
    const { el, interactions, states } = await mount();
    await tabUntil(el, isButton('确定'));
    await press(el, 'Enter');
    expect(text($(el, '[role="alert"]'))).to.equal('请先选择一个回答。');
    expect(focused(el), 'focus goes to the first reply').to.equal(label(radios(el)[0]));
    expect(interactions).to.have.length(0);
    expect(states).to.have.length(0);
    await press(el, 'Space');
    expect(exists(el, '[role="alert"]'), 'the message goes once a reply is selected').to.equal(false);
  });

  it('shows feedback after a choice and moves focus there, with the rule and the running score', async () => {
    const { el, states } = await mount();
    await chooseByKeyboard(el, 1, false);
    const status = $(el, '[part="feedback"]') as HTMLElement;
    expect(
      status.contains(active(el)),
      'focus is inside the feedback, which is read once (not a live region too)',
    ).to.equal(true);
    const reply = rp.nodes[0]!.replies![1]!;
    expect(text(status)).to.contain('还有更好的回答，得 0 分（最高 3 分）');
    expect(text(status)).to.contain(reply.feedback);
    expect(text(status)).to.contain(`规则：${reply.rule}`);
    expect(text(status)).to.contain(`当前得分 0 / 满分 ${MAX_SCORE}`);
    expect(exists(el, 'form'), 'the replies are gone while feedback shows').to.equal(false);
    const learner = $$(el, '.learner');
    expect(learner.map(text)).to.deep.equal([`你 ${reply.text}`]);
    expect(states.at(-1)?.state).to.deep.include({ nodeId: 'doubt', showingFeedback: true });
    await expect(el).to.be.accessible();
  });

  it('marks a best reply as such in the feedback', async () => {
    const { el } = await mount();
    await chooseByKeyboard(el, 0, false);
    expect(text($(el, '#feedback-heading'))).to.contain('最佳回答，得 3 分');
    expect($(el, '#feedback-heading [aria-hidden="true"]')?.textContent).to.equal('✓');
    expect(text($(el, '[part="feedback"]'))).to.contain(`当前得分 3 / 满分 ${MAX_SCORE}`);
  });

  const paths = enumeratePaths(rp);

  it(`the sample graph has ${PATH_COUNT} paths`, async () => {
    expect(paths).to.have.length(PATH_COUNT);
  });

  for (const path of paths) {
    it(`walks ${path.join(' → ')} by keyboard only`, async () => {
      const { el, interactions, states, completes } = await mount();
      const expected = expectedRun(path);

      for (const [i, step] of expected.steps.entries()) {
        expect(text($(el, '#current-line')), `line at step ${i + 1}`).to.contain(step.node.line!);
        const index = (step.node.replies ?? []).findIndex((r) => r.id === step.replyId);
        await chooseByKeyboard(el, index, i > 0);
        const last = i === expected.steps.length - 1;
        expect(completes, 'complete fires with the last choice, not before').to.have.length(last ? 1 : 0);
        await continueByKeyboard(el);
        if (!last) expect(active(el)?.id, 'focus moves to the new customer line').to.equal('current-line');
      }

      // The ending screen.
      const heading = $(el, '#ending-heading') as HTMLElement;
      expect(focused(el), 'focus moves to the ending heading').to.equal(label(heading));
      expect(text(heading)).to.contain(OUTCOME_TEXT[expected.ending.outcome]);
      expect(text(heading)).to.contain(expected.ending.title);
      const ending = $(el, '[part~="ending"]') as HTMLElement;
      expect(text(ending)).to.contain(expected.ending.debrief);
      expect(text(ending)).to.contain(`最终得分 ${expected.total} / 满分 ${MAX_SCORE}`);
      expect(text($(el, '.met'))).to.contain(expected.met ? '已达标' : '未达标');
      expect(text($(el, '.met'))).to.contain('要求：达到好结局，且得分不低于 8 分');
      const items = $$(el, '[part~="path"] > li');
      expect(items.map((li) => text(li.querySelector('.reply')))).to.deep.equal(
        expected.steps.map((s) => s.reply.text),
      );
      expect(items.map((li) => text(li.querySelector('.points')))).to.deep.equal(
        expected.steps.map((s) => (s.score === s.best ? `得 ${s.score} 分（最佳回答）` : `得 ${s.score} 分`)),
      );
      expect($$(el, '.learner .text').map(text), 'transcript has every chosen reply').to.deep.equal(
        expected.steps.map((s) => s.reply.text),
      );
      expect(exists(el, 'form'), 'no replies at an ending').to.equal(false);
      expect(await tabUntil(el, isButton('重新开始')), 'one Tab from the ending heading reaches 重新开始').to.equal(1);

      // Interactions.
      expect(interactions).to.have.length(path.length);
      interactions.forEach((record, i) => {
        const step = expected.steps[i]!;
        expect(record.id).to.equal(`${rp.id}.${step.nodeId}`);
        expect(record.parentId).to.equal(rp.id);
        expect(record.type).to.equal('choice');
        expect(record.description).to.equal(step.node.line);
        expect(record.parentKind).to.equal('roleplay');
        expect(record.response).to.deep.equal({ type: 'choice', choiceIds: [step.replyId] });
        expect(record.success).to.equal(step.score === step.best);
        const bestIds = step.node.replies!.filter((r) => r.score === step.best).map((r) => r.id);
        expect(record.correctResponses).to.deep.equal(bestIds.map((id) => ({ type: 'choice', choiceIds: [id] })));
        expect(record.score).to.deep.equal({
          raw: step.score,
          min: 0,
          max: step.best,
          scaled: step.best > 0 ? step.score / step.best : 0,
        });
        expect(record.attempt).to.equal(1);
        expect(record.durationMs).to.be.a('number').and.to.be.at.least(0);
        expect(new Date(record.timestamp).toISOString()).to.equal(record.timestamp);
        expect(record.choices).to.deep.equal(step.node.replies!.map((r) => ({ id: r.id, description: r.text })));
      });

      // State: one event per choice and per 继续, the last one being what the element holds.
      const steps = expected.steps.map(({ nodeId, replyId, score }) => ({ nodeId, replyId, score }));
      expect(states).to.have.length(path.length * 2);
      expect(states.every((s) => s.roleplayId === rp.id)).to.equal(true);
      const final = states.at(-1)!.state;
      expect(final).to.equal(el.state);
      expect(final.path).to.deep.equal(steps);
      expect(final.nodeId).to.equal(expected.endingNode.id);
      expect(final.showingFeedback).to.equal(false);
      expect(final.runs).to.equal(1);

      // Completion.
      expect(completes).to.have.length(1);
      const done = completes[0]!;
      expect(done.roleplayId).to.equal(rp.id);
      expect(done.outcome).to.equal(expected.ending.outcome);
      expect(done.endingId).to.equal(expected.endingNode.id);
      expect(done.score).to.deep.equal({
        raw: expected.total,
        min: 0,
        max: MAX_SCORE,
        scaled: expected.total / MAX_SCORE,
      });
      expect(done.met).to.equal(expected.met);
      expect(done.path).to.deep.equal(steps);
      expect(final.best).to.deep.equal(done);
    });
  }

  for (const outcome of ['good', 'neutral', 'bad'] as const) {
    it(`is accessible at a ${outcome} ending`, async () => {
      const path = paths.find((p) => expectedRun(p).ending.outcome === outcome)!;
      const { el } = await mount();
      for (const [i, replyId] of path.entries()) {
        await chooseByKeyboard(
          el,
          radios(el).findIndex((r) => r.value === replyId),
          i > 0,
        );
        await continueByKeyboard(el);
      }
      expect(exists(el, `[part~="ending"].${outcome}`)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('restores a saved state mid-way, with feedback showing, to exactly the same screen', async () => {
    const first = await mount();
    await chooseByKeyboard(first.el, 1, false); // greet-deny → doubt
    await continueByKeyboard(first.el);
    await chooseByKeyboard(first.el, 0, true); // doubt-apologise → verify
    const saved = first.states.at(-1)!.state;
    expect(saved).to.deep.equal({
      path: [
        { nodeId: 'start', replyId: 'greet-deny', score: 0 },
        { nodeId: 'doubt', replyId: 'doubt-apologise', score: 2 },
      ],
      nodeId: 'verify',
      showingFeedback: true,
      runs: 0,
      best: null,
    });

    const restored = await mount(JSON.parse(JSON.stringify(saved)));
    expect(screen(restored.el)).to.equal(screen(first.el));
    expect(text($(restored.el, '[part="feedback"]'))).to.contain('最佳回答，得 2 分');
    expect(text($(restored.el, '[part="feedback"]'))).to.contain(`当前得分 2 / 满分 ${MAX_SCORE}`);
    expect(restored.states, 'restoring reports nothing').to.have.length(0);

    // And it carries on from there.
    await continueByKeyboard(restored.el, false);
    expect(text($(restored.el, '#current-line'))).to.contain(rp.nodes.find((n) => n.id === 'verify')!.line!);
    await chooseByKeyboard(restored.el, 0, true);
    expect(restored.interactions.map((r) => r.id)).to.deep.equal([`${rp.id}.verify`]);
    expect(restored.states.at(-1)!.state.path.map((s) => s.replyId)).to.deep.equal([
      'greet-deny',
      'doubt-apologise',
      'verify-safe',
    ]);
  });

  it('restores a saved state at an ending to exactly the same screen, without completing again', async () => {
    const first = await mount();
    for (const [i, index] of [0, 0, 0, 2].entries()) {
      await chooseByKeyboard(first.el, index, i > 0);
      await continueByKeyboard(first.el);
    }
    const saved = first.el.state!;
    expect(saved.nodeId).to.equal('follow-up');
    const restored = await mount(structuredClone(saved));
    expect(screen(restored.el)).to.equal(screen(first.el));
    expect(text($(restored.el, '#ending-heading'))).to.contain('一般结局');
    expect(restored.completes).to.have.length(0);
    expect(restored.states).to.have.length(0);
  });

  it('restores the feedback of the last choice before its ending', async () => {
    const first = await mount();
    await chooseByKeyboard(first.el, 2, false); // greet-deflect → escalated (an ending)
    const saved = first.el.state!;
    expect(saved).to.deep.include({ nodeId: 'escalated', showingFeedback: true, runs: 1 });
    const restored = await mount(structuredClone(saved));
    expect(screen(restored.el)).to.equal(screen(first.el));
    expect(exists(restored.el, '[part~="ending"]'), 'the ending waits for 继续').to.equal(false);
    await continueByKeyboard(restored.el, false);
    expect(active(restored.el)?.id).to.equal('ending-heading');
    expect(restored.completes, 'completion was reported before the save').to.have.length(0);
  });

  it('starts afresh, keeping runs, when the saved state does not fit the role-play', async () => {
    const stale: RolePlayState = {
      path: [{ nodeId: 'start', replyId: 'removed-reply', score: 1 }],
      nodeId: 'gone',
      showingFeedback: false,
      runs: 2,
      best: null,
    };
    const { el, interactions } = await mount(stale);
    expect(text($(el, '#current-line'))).to.contain(rp.nodes[0]!.line!);
    expect($$(el, '.learner')).to.have.length(0);
    await chooseByKeyboard(el, 0, false);
    expect(interactions[0]!.attempt, 'attempt counts the runs kept').to.equal(3);
  });

  it('reused for another role-play without a new state, starts afresh and carries nothing over', async () => {
    // As a parent does when its `.state` binding stays null from one role-play to the next.
    const { el, interactions, states } = await mount();
    for (const [i, index] of [0, 0, 0, 0].entries()) {
      await chooseByKeyboard(el, index, i > 0);
      await continueByKeyboard(el);
    }
    expect(el.state!.best).to.deep.include({ roleplayId: rp.id, met: true });
    el.roleplay = { ...rp, id: 'other-checkpoint' };
    await el.updateComplete;
    expect(exists(el, '[part~="ending"]')).to.equal(false);
    expect($$(el, '.learner')).to.have.length(0);
    await chooseByKeyboard(el, 0, false);
    expect(interactions.at(-1)).to.deep.include({ id: 'other-checkpoint.start', attempt: 1 });
    const last = states.at(-1)!;
    expect(last.roleplayId).to.equal('other-checkpoint');
    expect(last.state).to.deep.include({ runs: 0, best: null });
    expect(last.state.path).to.have.length(1);
  });

  it('a stale saved state never keeps a best result of another role-play', async () => {
    const stale = {
      path: [],
      nodeId: 'gone',
      showingFeedback: false,
      runs: 1,
      best: {
        roleplayId: 'another-checkpoint',
        outcome: 'good',
        endingId: 'x',
        score: { raw: 11, min: 0, max: 11, scaled: 1 },
        path: [],
        met: true,
        durationMs: 0,
      },
    } satisfies RolePlayState;
    const { el, states } = await mount(stale);
    await chooseByKeyboard(el, 0, false);
    expect(states.at(-1)!.state).to.deep.include({ runs: 1, best: null });
  });

  it('restarts by keyboard, keeping runs and the best result', async () => {
    const { el, interactions, states, completes } = await mount();
    for (const [i, index] of [0, 0, 0, 0].entries()) {
      await chooseByKeyboard(el, index, i > 0);
      await continueByKeyboard(el);
    }
    const firstBest = el.state!.best;
    expect(firstBest).to.deep.include({ outcome: 'good', met: true });
    expect(firstBest!.score.raw).to.equal(MAX_SCORE);

    await tabUntil(el, isButton('重新开始'));
    await press(el, 'Enter');
    expect(el.state).to.deep.equal({ path: [], nodeId: 'start', showingFeedback: false, runs: 1, best: firstBest });
    expect(states.at(-1)!.state).to.equal(el.state);
    expect(active(el)?.id, 'focus moves to the first customer line').to.equal('current-line');
    expect($$(el, '.learner')).to.have.length(0);
    expect(exists(el, '[part~="ending"]')).to.equal(false);
    expect(radios(el).every((r) => !r.checked)).to.equal(true);

    // A worse second run: attempt 2, runs 2, best unchanged, and the best is shown at the ending.
    await chooseByKeyboard(el, 2, true);
    await continueByKeyboard(el);
    expect(interactions.at(-1)!.attempt).to.equal(2);
    expect(completes).to.have.length(2);
    expect(completes[1]).to.deep.include({ outcome: 'bad', met: false });
    expect(el.state!.runs).to.equal(2);
    expect(el.state!.best).to.deep.equal(firstBest);
    expect(text($(el, '.best'))).to.contain(`已完成 2 次；最佳成绩：好结局，${MAX_SCORE} / ${MAX_SCORE} 分`);
    expect(text($(el, '.met'))).to.contain('未达标');
  });

  it('restart() restarts from code and reports the new state', async () => {
    const { el, states } = await mount();
    await chooseByKeyboard(el, 0, false);
    el.restart();
    await el.updateComplete;
    expect(el.state).to.deep.equal({ path: [], nodeId: 'start', showingFeedback: false, runs: 0, best: null });
    expect(states).to.have.length(2);
    expect(exists(el, 'form')).to.equal(true);
  });
});

describe('<role-play> reply order and harmful replies', () => {
  /** The sample with its denial marked harmful: the denial can still lead on to the good ending. */
  const withHarm: RolePlay = {
    ...rp,
    nodes: rp.nodes.map((n) =>
      n.id === 'start'
        ? { ...n, replies: n.replies!.map((r) => (r.id === 'greet-deny' ? { ...r, harmful: true } : r)) }
        : n,
    ),
  };

  async function mountWith(roleplay: RolePlay, seed: string, state: RolePlayState | null = null) {
    const completes: RolePlayResult[] = [];
    const el = await fixture<RolePlayElement>(
      html`<role-play
        .roleplay=${roleplay}
        .state=${state}
        .learnerSeed=${seed}
        @course-roleplay-complete=${(e: CustomEvent<RolePlayResult>) => completes.push(e.detail)}
      ></role-play>`,
    );
    await el.updateComplete;
    return { el, completes };
  }

  /** Selects the reply `id` and confirms it, then (unless told not to) moves on past its feedback. */
  async function pick(el: RolePlayElement, id: string, moveOn = true): Promise<void> {
    radios(el)
      .find((r) => r.value === id)!
      .click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    if (!moveOn) return;
    $<HTMLButtonElement>(el, 'button[part~="continue"]')!.click();
    await el.updateComplete;
  }

  const shown = (el: RolePlayElement) => radios(el).map((r) => r.value);

  it('shows the replies in the order seeded by learner and run, the same after a reload', async () => {
    const order = replyOrder(rp, runSeed('learner-a', rp.id, 1));
    const first = await mountWith(rp, 'learner-a');
    expect(shown(first.el)).to.deep.equal(order.start);
    await pick(first.el, 'greet-sorry');
    expect(shown(first.el)).to.deep.equal(order.verify);
    // A reload: a new element restored from the saved state shows the same order.
    const again = await mountWith(rp, 'learner-a', first.el.state);
    expect(shown(again.el)).to.deep.equal(order.verify);
    // Over learners, the best reply is not always in the same place.
    const places = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const { el } = await mountWith(rp, `learner-${i}`);
      places.add(shown(el).indexOf('greet-sorry'));
    }
    expect(places.size).to.be.greaterThan(1);
  });

  it('shows the next run in its own order', async () => {
    const { el } = await mountWith(rp, 'learner-b');
    for (const id of ['greet-deflect']) await pick(el, id);
    $<HTMLButtonElement>(el, 'button[part~="restart"]')!.click();
    await el.updateComplete;
    expect(el.state?.runs).to.equal(1);
    expect(shown(el)).to.deep.equal(replyOrder(rp, runSeed('learner-b', rp.id, 2)).start);
  });

  it('gives a harmful reply its own verdict: red, a cross and its own words, not "还有更好的回答"', async () => {
    const { el } = await mountWith(withHarm, 'learner-c');
    await pick(el, 'greet-deny', false);
    const feedback = $(el, '[part="feedback"]')!;
    expect(feedback.classList.contains('is-harmful')).to.equal(true);
    expect($(el, '#feedback-heading [aria-hidden="true"]')?.textContent).to.equal('✕');
    expect(text($(el, '#feedback-heading'))).to.contain('有害的回答，得 0 分');
    expect(text(feedback)).not.to.contain('还有更好的回答');
    expect(getComputedStyle($(el, '#feedback-heading')!).color).to.equal('rgb(179, 38, 30)');
    await expect(el).to.be.accessible();
  });

  it('a weaker reply that is not harmful keeps the amber "还有更好的回答"', async () => {
    const { el } = await mountWith(withHarm, 'learner-c');
    await pick(el, 'greet-deflect', false);
    expect($(el, '[part="feedback"]')!.classList.contains('is-weaker')).to.equal(true);
    expect(text($(el, '#feedback-heading'))).to.contain('还有更好的回答，得 0 分（最高 3 分）');
    expect($(el, '#feedback-heading [aria-hidden="true"]')?.textContent).to.equal('!');
  });

  it('caps the good ending after a harmful reply: neutral badge, no praise, the harmful reply named, not met', async () => {
    const { el, completes } = await mountWith(withHarm, 'learner-d');
    for (const id of ['greet-deny', 'doubt-apologise', 'verify-safe', 'explain-clear', 'offer-waive'])
      await pick(el, id);
    const ending = $(el, '[part="ending"]')!;
    expect(ending.classList.contains('neutral')).to.equal(true);
    expect(text($(el, '[part="outcome"]'))).to.contain('一般结局');
    const good = withHarm.nodes.find((n) => n.id === 'resolved')!.ending!;
    expect(text(ending)).not.to.contain(good.debrief);
    expect(text($(el, '.capped'))).to.contain('有害的话');
    expect(text($(el, '.path .harmful'))).to.contain('（有害的回答）');
    expect(text(ending)).to.contain('未达标');
    expect(completes.at(-1)).to.deep.include({ outcome: 'neutral', endingId: 'resolved', met: false });
    await expect(el).to.be.accessible();
  });
});
