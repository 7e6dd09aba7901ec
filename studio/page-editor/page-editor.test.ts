import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { EditorView } from '@codemirror/view';
import { setLocale } from '../../locales/localization.js';
import { textOf } from '../../components/shared/test-helpers.js';
import type { PutFileRequest } from '../../core/studio-api.js';
import { jsonResponse } from '../shared/api.js';
import { OUTLINE, PROBLEM, stubClient, type Recorded } from '../shared/test-support.js';
import type { StudioPageEditor } from './page-editor.js';
import './define.js';

const PATH = 'modules/01-service-concepts/01-what-is-service.md';
const PAGE = `---
id: service-concepts-what-is-service
title: 什么是服务
objectives: [service-concepts-o1]
minutes: 4
sources:
  - 000_752fc6dac3c4367f.txt
---

服务是为他人做事。
`;
const MODULE_YAML = `id: service-concepts\ntitle: 概念\nobjectives:\n  - id: service-concepts-o1\n    text: 说出服务的含义\n  - id: service-concepts-o2\n    text: 区分四类客服人员\n`;

function routes(save: (request: Recorded) => Response) {
  return {
    'GET /api/file': (r: Recorded) =>
      r.url.includes('module.yaml')
        ? jsonResponse(200, { path: OUTLINE.modules[1]!.path, text: MODULE_YAML, etag: 'm1' })
        : jsonResponse(200, { path: PATH, text: PAGE, etag: 'e1' }),
    'POST /api/render/page': (r: Recorded) => {
      const text = (r.body as { text: string }).text;
      return jsonResponse(200, {
        html: `<p>${text.includes('客户') ? '服务是为客户做事。' : '服务是为他人做事。'}</p>`,
        problems: [],
      });
    },
    'PUT /api/file': save,
  };
}

async function mount(save: (request: Recorded) => Response) {
  const { client, requests } = stubClient(routes(save));
  const el = await fixture<StudioPageEditor>(
    html`<studio-page-editor .client=${client} .outline=${OUTLINE} path=${PATH}></studio-page-editor>`,
  );
  await el.ready;
  const root = el.shadowRoot!;
  await waitUntil(() => textOf(root.querySelector('course-page')?.shadowRoot).includes('服务是为他人做事'));
  return { el, root, requests };
}

function type(el: StudioPageEditor, from: string, to: string): void {
  const view = EditorView.findFromDOM(el.shadowRoot!.querySelector<HTMLElement>('.cm-editor')!)!;
  const doc = view.state.doc.toString();
  const at = doc.indexOf(from);
  view.dispatch({ changes: { from: at, to: at + from.length, insert: to } });
}

describe('studio-page-editor', () => {
  afterEach(() => setLocale('zh-CN'));

  it('shows the front matter as fields, the body in the editor and the rendered preview; accessible', async () => {
    const { el, root } = await mount(() => jsonResponse(200, { etag: 'e2' }));
    expect(root.querySelector<HTMLInputElement>('#title')!.value).to.equal('什么是服务');
    expect(root.querySelector<HTMLInputElement>('#minutes')!.value).to.equal('4');
    const objectives = [...root.querySelectorAll<HTMLInputElement>('fieldset:first-of-type input')];
    expect(objectives.map((o) => o.checked)).to.deep.equal([true, false]);
    expect(textOf(root.querySelector('.cm-content'))).to.contain('服务是为他人做事。');
    expect(root.querySelector('.cm-content')!.getAttribute('aria-label')).to.equal('页面正文（Markdown）');
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    expect(textOf(root.querySelector('h3'))).to.equal('Body (Markdown)');
    await expect(el).to.be.accessible();
  });

  it('previews an edit and saves the whole file with only that sentence changed', async () => {
    const { el, root, requests } = await mount(() => jsonResponse(200, { etag: 'e2' }));
    type(el, '为他人', '为客户');
    await waitUntil(() => textOf(root.querySelector('course-page')?.shadowRoot).includes('服务是为客户做事'));
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await oneEvent(el, 'studio-saved');
    const put = requests.find((r) => r.method === 'PUT')!.body as PutFileRequest;
    expect(put).to.deep.equal({ path: PATH, text: PAGE.replace('为他人', '为客户'), etag: 'e1' });
    expect(textOf(root.querySelector('[role="status"]'))).to.equal('已保存。');
  });

  it('writes a changed field into the front matter and nothing else', async () => {
    const { el, root, requests } = await mount(() => jsonResponse(200, { etag: 'e2' }));
    const second = root.querySelectorAll<HTMLInputElement>('fieldset:first-of-type input')[1]!;
    second.click();
    const minutes = root.querySelector<HTMLInputElement>('#minutes')!;
    minutes.value = '6';
    minutes.dispatchEvent(new Event('input'));
    await el.save();
    const put = requests.find((r) => r.method === 'PUT')!.body as PutFileRequest;
    expect(put.text).to.equal(
      PAGE.replace('[service-concepts-o1]', '[service-concepts-o1, service-concepts-o2]').replace(
        'minutes: 4',
        'minutes: 6',
      ),
    );
  });

  it("shows a refused save's problems next to the field and the line, in both languages, and keeps the text", async () => {
    const bodyProblem = {
      ...PROBLEM,
      line: 10,
      code: 'bad-markdown',
      message: { zh: '第 10 行有问题。', en: 'Line 10 is wrong.' },
    };
    const { el, root } = await mount(() => jsonResponse(422, { problems: [PROBLEM, bodyProblem] }));
    type(el, '为他人', '为客户');
    expect(await el.save()).to.be.false;
    await el.updateComplete;
    // PROBLEM is on line 4: the objectives field.
    const objectivesField = root.querySelector('fieldset')!;
    expect(textOf(objectivesField)).to.contain('学习目标 nope 不存在。');
    expect(objectivesField.getAttribute('aria-describedby')).to.equal('objectives-error');
    expect(textOf(root.querySelector('[role="alert"]'))).to.contain('这次保存被拒绝，文件没有改动');
    await waitUntil(() => root.querySelector('.cm-lintRange-error') !== null);
    expect(textOf(root.querySelector('.cm-content'))).to.contain('服务是为客户做事。');
    expect(el.text()).to.equal(PAGE.replace('为他人', '为客户'));
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    expect(textOf(objectivesField))
      .to.contain('学习目标 nope 不存在。')
      .and.contain('Learning objective nope does not exist.');
    await expect(el).to.be.accessible();
  });

  it('undoes the last save by saving the earlier text back', async () => {
    let etag = 1;
    const { el, root, requests } = await mount(() => jsonResponse(200, { etag: `e${++etag}` }));
    type(el, '为他人', '为客户');
    await el.save();
    const undo = [...root.querySelectorAll('button')].find((b) => textOf(b).startsWith('撤销上次保存'))!;
    await el.updateComplete;
    expect(textOf(undo)).to.equal('撤销上次保存（1）');
    undo.click();
    await waitUntil(() => requests.filter((r) => r.method === 'PUT').length === 2);
    const back = requests.filter((r) => r.method === 'PUT')[1]!.body as PutFileRequest;
    expect(back).to.deep.equal({ path: PATH, text: PAGE, etag: 'e2' });
    await waitUntil(() => el.text() === PAGE);
    await el.updateComplete;
    expect(textOf(undo)).to.equal('撤销上次保存（0）');
  });

  it('uploads an image with its alt text and inserts the markdown at the cursor', async () => {
    const { client, requests } = stubClient({
      ...routes(() => jsonResponse(200, { etag: 'e2' })),
      'POST /api/media': () =>
        jsonResponse(200, {
          path: 'modules/01-service-concepts/media/counter.png',
          markdown: '![营业厅柜台](media/counter.png)',
        }),
    });
    const el = await fixture<StudioPageEditor>(
      html`<studio-page-editor .client=${client} .outline=${OUTLINE} path=${PATH}></studio-page-editor>`,
    );
    await el.ready;
    const root = el.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => textOf(b) === '插入图片')!.click();
    const media = root.querySelector('studio-media-dialog')!.shadowRoot!;
    await waitUntil(() => media.querySelector('dialog')!.open);
    media.querySelector<HTMLButtonElement>('button[value="upload"]')!.click();
    await waitUntil(() => textOf(media).includes('请选择一张图片'));
    expect(textOf(media)).to.contain('请填写替代文字');
    await expect(root.querySelector('studio-media-dialog')!).to.be.accessible();
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'counter.png', { type: 'image/png' }));
    media.querySelector<HTMLInputElement>('#file')!.files = transfer.files;
    media.querySelector<HTMLInputElement>('#alt')!.value = '营业厅柜台';
    media.querySelector<HTMLButtonElement>('button[value="upload"]')!.click();
    await waitUntil(() => el.text().includes('![营业厅柜台](media/counter.png)'));
    const upload = requests.find((r) => r.method === 'POST' && r.url.startsWith('/api/media'))!;
    expect(upload.url).to.equal(
      '/api/media?module=service-concepts&name=counter.png&alt=%E8%90%A5%E4%B8%9A%E5%8E%85%E6%9F%9C%E5%8F%B0',
    );
  });
});
