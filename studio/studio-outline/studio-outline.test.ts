import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../locales/localization.js';
import { deepActiveElement, textOf } from '../../components/shared/test-helpers.js';
import { jsonResponse } from '../shared/api.js';
import { OUTLINE, PROBLEM, movedModule, stubClient } from '../shared/test-support.js';
import type { StudioOutline } from './studio-outline.js';
import './define.js';

async function mount(routes: Parameters<typeof stubClient>[0] = {}) {
  const { client, requests } = stubClient(routes);
  const el = await fixture<StudioOutline>(
    html`<studio-outline .outline=${OUTLINE} .client=${client}></studio-outline>`,
  );
  return { el, requests, root: el.shadowRoot! };
}

const moduleTitle = (root: ShadowRoot, id: string) =>
  root.querySelector<HTMLButtonElement>(`[data-key="module:${id}"] > .row > .title`)!;

describe('studio-outline', () => {
  afterEach(() => setLocale('zh-CN'));

  it('shows modules with their pages, role-plays and quizzes, and the final quiz; accessible in both languages', async () => {
    const { el, root } = await mount();
    expect(root.querySelectorAll('li.module')).to.have.length(3);
    expect(textOf(moduleTitle(root, 'service-concepts'))).to.contain('第 2 章 客户服务基本概念');
    expect(textOf(root.querySelector('[data-key="item:weather-forecast"]'))).to.contain('角色扮演');
    expect(textOf(root)).to.contain('章节测验').and.contain('期末测验');
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    expect(textOf(moduleTitle(root, 'service-concepts'))).to.contain('Module 2');
    await expect(el).to.be.accessible();
  });

  it('opens a page when its entry is chosen', async () => {
    const { el, root } = await mount();
    setTimeout(() => root.querySelector<HTMLButtonElement>('[data-key="item:welcome"] .title')!.click());
    const { detail } = (await oneEvent(el, 'studio-open')) as CustomEvent<unknown>;
    expect(detail).to.deep.equal({ kind: 'page', path: 'modules/00-introduction/01-welcome.md' });
  });

  it('moves a module with Alt+↓, announces it and keeps the focus on it', async () => {
    const { el, root, requests } = await mount({
      'POST /api/outline': () => jsonResponse(200, { outline: movedModule(OUTLINE, 'introduction', 1) }),
    });
    const title = moduleTitle(root, 'introduction');
    title.focus();
    title.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true }),
    );
    const { detail } = (await oneEvent(el, 'studio-outline')) as CustomEvent<{ outline: typeof OUTLINE }>;
    expect(detail.outline.modules[1]!.id).to.equal('introduction');
    expect(requests.at(-1)!.body).to.deep.equal({ op: 'moveModule', id: 'introduction', to: 1 });
    await waitUntil(() => deepActiveElement() === moduleTitle(root, 'introduction'));
    expect(textOf(moduleTitle(root, 'introduction'))).to.contain('第 2 章');
    expect(textOf(root.querySelector('[role="status"]'))).to.equal('已将「课程导入」移到第 2 位，共 3 个。');
    await expect(el).to.be.accessible();
  });

  it('moves a page with its move button and says when nothing can move', async () => {
    const { root, requests } = await mount({
      'POST /api/outline': () => jsonResponse(200, { outline: OUTLINE }),
    });
    const up = root.querySelector<HTMLButtonElement>('[data-key="item:welcome"] button[aria-label="上移「欢迎」"]')!;
    expect(up.disabled).to.be.true;
    root.querySelector<HTMLButtonElement>('[data-key="item:welcome"] button[aria-label="下移「欢迎」"]')!.click();
    await waitUntil(() => textOf(root.querySelector('[role="status"]')).startsWith('已将「欢迎」移到第 2 位'));
    expect(requests[0]!.body).to.deep.equal({ op: 'moveItem', path: 'modules/00-introduction/01-welcome.md', to: 1 });
    const last = root.querySelector<HTMLButtonElement>('[data-key="module:service-etiquette"] > .row > .title')!;
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true }));
    await waitUntil(() => textOf(root.querySelector('[role="status"]')) === '已经在最后面。');
    expect(requests).to.have.length(1);
  });

  it('reorders modules by drag and drop', async () => {
    const { root, requests } = await mount({
      'POST /api/outline': () => jsonResponse(200, { outline: movedModule(OUTLINE, 'service-etiquette', 0) }),
    });
    const source = root.querySelector<HTMLElement>('[data-key="module:service-etiquette"]')!;
    const target = root.querySelector<HTMLElement>('[data-key="module:introduction"]')!;
    const transfer = new DataTransfer();
    const box = target.getBoundingClientRect();
    source.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true }));
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, clientY: box.top + 2 }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientY: box.top + 2 }),
    );
    await waitUntil(() => requests.length === 1);
    expect(requests[0]!.body).to.deep.equal({ op: 'moveModule', id: 'service-etiquette', to: 0 });
  });

  it('asks before deleting: cancel keeps it, confirm deletes it', async () => {
    const { el, root, requests } = await mount({
      'POST /api/outline': () => jsonResponse(200, { outline: { ...OUTLINE, modules: OUTLINE.modules.slice(0, 2) } }),
    });
    const remove = root.querySelector<HTMLButtonElement>('button[aria-label="删除章节「服务规范与礼仪」"]')!;
    remove.focus();
    remove.click();
    const confirm = root.querySelector('studio-confirm-dialog')!;
    const dialog = () => confirm.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog().open);
    expect(textOf(dialog().querySelector('h2'))).to.equal('删除「服务规范与礼仪」？');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('取消');
    await expect(el).to.be.accessible();
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('button[value="cancel"]')!.click();
    await waitUntil(() => !dialog().open);
    await aTimeout(0);
    expect(requests).to.have.length(0);
    expect(deepActiveElement()).to.equal(remove);

    remove.click();
    await waitUntil(() => dialog().open);
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('button[value="confirm"]')!.click();
    await waitUntil(() => requests.length === 1);
    expect(requests[0]!.body).to.deep.equal({ op: 'deleteModule', id: 'service-etiquette' });
    await waitUntil(() => root.querySelectorAll('li.module').length === 2);
  });

  it("adds a page after asking its id and title, and shows the build's problems when refused", async () => {
    const { el, root, requests } = await mount({
      'POST /api/outline': () => jsonResponse(422, { problems: [PROBLEM] }),
    });
    root.querySelector<HTMLButtonElement>('[data-key="module:introduction"] .add button')!.click();
    const names = root.querySelector('studio-name-dialog')!.shadowRoot!;
    await waitUntil(() => names.querySelector('dialog')!.open);
    names.querySelector<HTMLButtonElement>('button[value="ok"]')!.click();
    await el.updateComplete;
    await waitUntil(() => textOf(names).includes('编号只能用小写英文字母'));
    expect(names.querySelector('dialog')!.open).to.be.true;
    names.querySelector<HTMLInputElement>('#id')!.value = 'new-page';
    names.querySelector<HTMLInputElement>('#title')!.value = '新页面';
    names.querySelector<HTMLButtonElement>('button[value="ok"]')!.click();
    await waitUntil(() => requests.length === 1);
    expect(requests[0]!.body).to.deep.equal({ op: 'addPage', module: 'introduction', id: 'new-page', title: '新页面' });
    await waitUntil(() =>
      textOf(root.querySelector('[role="alert"] studio-problems')?.shadowRoot).includes('学习目标 nope 不存在。'),
    );
    await expect(el).to.be.accessible();
  });
});
