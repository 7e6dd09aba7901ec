import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parse } from 'yaml';
import { analyseRolePlay } from '../../core/roleplay.js';
import type { PatchYamlRequest, RenderRoleplayResponse } from '../../core/studio-api.js';
import type { RolePlay } from '../../core/types.js';
import { deepActiveElement, textOf } from '../../components/shared/test-helpers.js';
import { diagnostic, stubApi, type ApiStub } from '../editor-support/api-stub.js';
import './define.js';
import type { StudioRoleplayEditor } from './roleplay-editor.js';

/** waitUntil with room for a busy machine (validation waits for a pause in typing first). */
function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitFor(predicate, message, { timeout: 10000 });
}

const FILE = 'modules/01-m1/05-call.roleplay.yaml';

const TEXT = `# 一通来电
id: rp-call
title: 一通来电
scenario: 客户打来电话。
customer:
  name: 王先生
learnerRole: 客服代表
start: n1
nodes:
  - id: n1
    line: 你们怎么回事？
    mood: angry
    replies:
      - id: a
        text: 先安抚
        score: 2
        feedback: 好。
        next: n2
      - id: b
        text: 争辩
        score: 0
        harmful: true
        feedback: 不好。
        next: end-bad

  - id: n2
    line: 那好吧。
    replies:
      - id: c
        text: 解决问题
        score: 2
        feedback: 好。
        next: end-good
      - id: d
        text: 推诿
        score: 0
        feedback: 不好。
        next: end-bad

  - id: end-good
    ending:
      outcome: good
      title: 客户满意
      debrief: 做得好。

  - id: end-bad
    ending:
      outcome: bad
      title: 客户投诉
      debrief: 先处理心情。

  - id: lost
    ending:
      outcome: neutral
      title: 没人到得了
      debrief: 孤立的结局。
`;

/** What the build's render answers: the role-play and its graph (the graph rules of core/roleplay.ts). */
function render(text: string): RenderRoleplayResponse {
  const roleplay = parse(text) as RolePlay;
  const problems = analyseRolePlay(roleplay);
  const ids = (kind: string): string[] => problems.filter((p) => p.kind === kind).map((p) => p.nodeId);
  return { roleplay, graph: { unreachable: ids('unreachable'), deadEnds: ids('dead-end') }, problems: [] };
}

function stub(options: Partial<Parameters<typeof stubApi>[0]> = {}): ApiStub {
  return stubApi({ files: { [FILE]: TEXT }, renderRoleplay: render, ...options });
}

async function open(): Promise<StudioRoleplayEditor> {
  const el = await fixture<StudioRoleplayEditor>(
    html`<studio-roleplay-editor schema-base="/schemas/" path=${FILE}></studio-roleplay-editor>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('.outline'), 'the role-play opens');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: StudioRoleplayEditor, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector) as T;

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

function patches(api: ApiStub): PatchYamlRequest[] {
  return api.requests.filter((r) => r.method === 'PATCH').map((r) => r.body as PatchYamlRequest);
}

describe('studio-roleplay-editor', function () {
  // axe over the whole editor (forms and drawing) takes a while on a busy machine.
  this.timeout(60000);
  let api: ApiStub;
  afterEach(() => api.restore());

  it('draws the graph in layers, lists it as an outline, flags the unreachable node, and is accessible', async () => {
    api = stub();
    const el = await open();
    const boxes = el.shadowRoot!.querySelectorAll('svg g.node');
    expect(boxes).to.have.length(5);
    expect(el.shadowRoot!.querySelectorAll('svg line.edge, svg path.edge')).to.have.length(4);
    expect(el.shadowRoot!.querySelectorAll('svg .edge.harmful')).to.have.length(1);
    expect($(el, 'svg g.node.unreachable .node-id').textContent).to.equal('lost');
    const outline = el.shadowRoot!.querySelectorAll('.outline > li');
    expect(textOf(outline[0])).to.contain('n1').and.contain('开始').and.contain('a → n2');
    expect(textOf(outline[4])).to.contain('从开始走不到');
    expect($(el, 'svg').getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('selects a node from the outline by keyboard and connects a reply by picking its target', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#node-1-open').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement()?.id === 'node-heading', 'focus on the node form');
    expect($(el, '#node-heading').textContent).to.contain('n2');
    const next = $<HTMLSelectElement>(el, '[data-field="nodes.1.replies.1.next"] select');
    expect([...next.options].map((o) => o.value)).to.include.members(['n1', 'n2', 'end-good', 'end-bad', 'lost']);
    choose(next, 'lost');
    await el.updateComplete;
    // The graph rules run on the edited data at once: "lost" is reachable now.
    expect(el.shadowRoot!.querySelectorAll('svg g.node.unreachable').length).to.equal(0);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'studio-saved');
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await saved;
    expect(patches(api)[0]!.edits).to.deep.equal([
      { op: 'set', at: ['nodes', 1, 'replies', 1, 'next'], value: 'lost' },
    ]);
    expect(api.files[FILE]).to.equal(
      TEXT.replace('next: end-bad\n\n  - id: end-good', 'next: lost\n\n  - id: end-good'),
    );
  });

  it('sends keyboard users from the drawing to the node list, which says so, and is the next tab stop', async () => {
    api = stub();
    const el = await open();
    const drawing = $(el, '.drawing');
    const route = el.shadowRoot!.getElementById(drawing.getAttribute('aria-describedby')!);
    expect(route?.textContent).to.contain('节点列表');
    drawing.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('node-0-open');
  });

  it('selects a node by clicking its box in the drawing', async () => {
    api = stub();
    const el = await open();
    el.shadowRoot!.querySelectorAll<SVGGElement>('svg g.node')[2]!.dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await waitUntil(() => $(el, '#node-heading'));
    expect($(el, '#node-heading').textContent).to.contain('n2');
  });

  it('adds a node and a reply, renames a node with its references, and deletes only after confirmation', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#add-node').click();
    await waitUntil(() => $(el, '#node-heading')?.textContent?.includes('n-new'));
    expect(el.shadowRoot!.querySelectorAll('svg g.node')).to.have.length(6);
    $<HTMLButtonElement>(el, '#add-reply').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.node-form .entries > li')).to.have.length(3);
    // Rename n2: the reply pointing at it follows.
    $<HTMLButtonElement>(el, '#node-1-open').click();
    await el.updateComplete;
    const id = $<HTMLInputElement>(el, '[data-field="nodes.1.id"] input');
    id.value = 'n-calm';
    id.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf($(el, '.outline > li'))).to.contain('a → n-calm');
    // Delete the new node: asked first, and Escape keeps it.
    $<HTMLButtonElement>(el, '#node-5-open').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.node-form .actions .danger').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open);
    expect(el.shadowRoot!.querySelectorAll('svg g.node')).to.have.length(6);
    $<HTMLButtonElement>(el, '.node-form .actions .danger').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    $<HTMLButtonElement>(el, 'dialog .danger').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('svg g.node')).to.have.length(5);
    expect(deepActiveElement()?.id).to.equal('add-node');
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await waitUntil(() => patches(api).length > 0);
    expect(patches(api)[0]!.edits).to.deep.equal([
      { op: 'set', at: ['nodes', 0, 'replies', 0, 'next'], value: 'n-calm' },
      { op: 'set', at: ['nodes', 1, 'id'], value: 'n-calm' },
    ]);
  });

  it('plays the role-play from the chosen node with the learner component', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#node-1-open').click();
    await waitUntil(() => $<HTMLButtonElement>(el, '#play')?.disabled === false, 'built');
    $<HTMLButtonElement>(el, '#play').click();
    await waitUntil(() => deepActiveElement()?.id === 'play-heading', 'focus on the preview');
    const player = $<HTMLElement & { roleplay: RolePlay }>(el, 'role-play');
    expect(player.roleplay.start).to.equal('n2');
    await waitUntil(() => player.shadowRoot?.querySelector('input[name="reply"]'));
    expect(textOf(player.shadowRoot)).to.contain('那好吧。').and.not.contain('你们怎么回事？');
    // Learner events stay inside the editor.
    let leaked = false;
    el.addEventListener('course-interaction', () => (leaked = true));
    player.shadowRoot!.querySelector<HTMLInputElement>('input[value="c"]')!.click();
    player.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => textOf(player.shadowRoot).includes('好。'));
    expect(leaked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps a run in the preview going when the editor renders again (it does not restart mid-play)', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#node-1-open').click();
    await waitUntil(() => $<HTMLButtonElement>(el, '#play')?.disabled === false, 'built');
    $<HTMLButtonElement>(el, '#play').click();
    type Player = HTMLElement & { roleplay: RolePlay; updateComplete: Promise<boolean> };
    const player = (): Player => $<Player>(el, 'role-play');
    await waitUntil(() => player()?.shadowRoot?.querySelector('input[value="c"]'), 'the preview plays');
    const fed = player().roleplay;
    player().shadowRoot!.querySelector<HTMLInputElement>('input[value="c"]')!.click();
    // Any render of the editor (selecting another node here) must leave the learner's choice in place.
    $<HTMLButtonElement>(el, '#node-0-open').click();
    await el.updateComplete;
    await player().updateComplete;
    expect(player().roleplay).to.equal(fed);
    expect(player().shadowRoot!.querySelector<HTMLInputElement>('input[value="c"]')!.checked).to.equal(true);
    player().shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => textOf(player().shadowRoot).includes('好。'), 'the chosen reply is answered');
  });

  describe('the preview while the trainer plays and edits', () => {
    type Player = HTMLElement & { roleplay: RolePlay };
    const player = (el: StudioRoleplayEditor): Player | null => el.shadowRoot!.querySelector<Player>('role-play');
    const buttonIn = (root: ParentNode | null | undefined, label: string): HTMLButtonElement | undefined =>
      [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.trim() === label);
    const replyLabels = (el: StudioRoleplayEditor): string[] =>
      [...(player(el)?.shadowRoot?.querySelectorAll('label.option') ?? [])].map((l) => l.textContent!.trim());
    const typeInto = (el: StudioRoleplayEditor, field: string, value: string): void => {
      const control = $<HTMLInputElement>(el, `[data-field="${field}"] input, [data-field="${field}"] textarea`);
      control.value = value;
      control.dispatchEvent(new Event('input'));
      control.dispatchEvent(new Event('change'));
    };

    /** Plays from n2 and confirms reply c, as a trainer does: the preview shows its feedback and 继续. */
    async function playAndAnswer(el: StudioRoleplayEditor): Promise<void> {
      $<HTMLButtonElement>(el, '#node-1-open').click();
      await waitUntil(() => $<HTMLButtonElement>(el, '#play')?.disabled === false, 'built');
      $<HTMLButtonElement>(el, '#play').click();
      await waitUntil(() => player(el)?.shadowRoot?.querySelector('input[value="c"]'), 'the preview plays');
      player(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="c"]')!.click();
      buttonIn(player(el)!.shadowRoot, '确定')!.click();
      await waitUntil(() => buttonIn(player(el)?.shadowRoot, '继续'), 'the feedback on the choice');
    }

    it('keeps the run going while the text has errors, and when the errors are undone', async () => {
      // As the build does: a text that does not build has no role-play to preview, only problems.
      const broken = (text: string): boolean => text.includes('score: 7');
      api = stub({
        validate: (text) => (broken(text) ? [diagnostic(FILE, 49, '得分超出范围')] : []),
        renderRoleplay: (text) => (broken(text) ? { ...render(text), roleplay: null } : render(text)),
      });
      const el = await open();
      await playAndAnswer(el);
      const fed = player(el)!.roleplay;
      // The trainer types a wrong value in the form while the preview is open; the validation round lands mid-play.
      typeInto(el, 'nodes.1.replies.0.score', '7');
      await waitUntil(() => textOf(el.shadowRoot).includes('这个文件有 1 个问题'), 'the round with the error');
      await el.updateComplete;
      expect(buttonIn(player(el)?.shadowRoot, '继续'), 'the run on screen is kept').to.exist;
      expect(textOf($(el, '.play'))).to.contain('文件现在有错误');
      // Undone: the same role-play as before, so the run goes on where it was (no restart, no note).
      typeInto(el, 'nodes.1.replies.0.score', '2');
      await waitUntil(() => textOf(el.shadowRoot).includes('这个文件没有发现问题。'), 'the round without errors');
      await el.updateComplete;
      expect(player(el)!.roleplay).to.equal(fed);
      expect(textOf($(el, '.play')))
        .not.to.contain('文件现在有错误')
        .and.not.to.contain('重新开始');
      buttonIn(player(el)!.shadowRoot, '继续')!.click();
      await waitUntil(() => textOf(player(el)?.shadowRoot).includes('客户满意'), 'the run reaches its ending');
      await expect(el).to.be.accessible();
    });

    it('restarts the run, visibly and announced, when the role-play changed', async () => {
      api = stub();
      const el = await open();
      await playAndAnswer(el);
      typeInto(el, 'nodes.1.replies.1.text', '请客户找别的部门');
      await waitUntil(() => replyLabels(el).includes('请客户找别的部门'), 'the preview plays the changed text');
      expect(buttonIn(player(el)!.shadowRoot, '确定'), 'back at the node played from').to.exist;
      expect(buttonIn(player(el)!.shadowRoot, '继续')).to.equal(undefined);
      expect(textOf($(el, '.play'))).to.contain('对话已修改，试玩从节点 n2 重新开始。');
      expect($(el, '[role="status"]').textContent).to.contain('对话已修改');
      await expect(el).to.be.accessible();
    });
  });

  it('shows a problem of the build at the reply it is about', async () => {
    api = stub({ validate: (text) => (text.includes('score: 5') ? [diagnostic(FILE, 16, '得分太高')] : []) });
    const el = await open();
    $<HTMLButtonElement>(el, '#node-0-open').click();
    await el.updateComplete;
    const score = $<HTMLInputElement>(el, '[data-field="nodes.0.replies.0.score"] input');
    score.value = '5';
    score.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '[data-field="nodes.0.replies.0.score"] .problems'), 'problem at the score');
    expect($(el, '#node-0-open .badge').textContent).to.contain('1');
    await expect(el).to.be.accessible();
  });
});
