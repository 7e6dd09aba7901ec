import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../locales/localization.js';
import { deepActiveElement, textOf } from '../../components/shared/test-helpers.js';
import { STUDIO_TOKEN_STORAGE_KEY } from '../../core/studio-api.js';
import { jsonResponse } from '../shared/api.js';
import { OUTLINE, PROBLEM, stubClient } from '../shared/test-support.js';
import type { StudioApp } from './studio-app.js';
import './define.js';

const ROUTES = {
  'GET /api/outline': () => jsonResponse(200, OUTLINE),
  'POST /api/validate': () => jsonResponse(200, { problems: [PROBLEM] }),
  'GET /api/snapshots': () =>
    jsonResponse(200, [
      { id: 'abc', time: '2026-11-27T10:00:00Z', message: 'studio: 保存 course.yaml', files: ['course.yaml'] },
    ]),
  'GET /api/file': () => jsonResponse(200, { path: 'course.yaml', text: 'title: x\n', etag: 'c1' }),
  'PATCH /api/yaml': () => jsonResponse(422, { problems: [{ ...PROBLEM, file: 'course.yaml', line: 20 }] }),
  'POST /api/export': () =>
    jsonResponse(200, {
      packages: [
        { kind: 'scorm12', file: 'course-scorm12.zip', bytes: 812_345, url: '/api/export/course-scorm12.zip?token=t' },
        {
          kind: 'scorm2004',
          file: 'course-scorm2004.zip',
          bytes: 815_000,
          url: '/api/export/course-scorm2004.zip?token=t',
        },
        { kind: 'cmi5', file: 'course-cmi5.zip', bytes: 1_450_000, url: '/api/export/course-cmi5.zip?token=t' },
        { kind: 'xapi', file: 'course-xapi.zip', bytes: 1_440_000, url: '/api/export/course-xapi.zip?token=t' },
      ],
      problems: [],
    }),
};

async function mountWithToken(routes: Parameters<typeof stubClient>[0] = ROUTES) {
  sessionStorage.setItem(STUDIO_TOKEN_STORAGE_KEY, 'test-token');
  const { client, requests } = stubClient(routes);
  const el = document.createElement('studio-app');
  el.fetchImpl = (url, init) => (client as unknown as { fetchImpl: typeof fetch }).fetchImpl(url, init);
  const mounted = await fixture<StudioApp>(html`<div></div>`);
  mounted.append(el);
  const root = el.shadowRoot!;
  await waitUntil(
    () =>
      root.querySelector('studio-outline')?.outline != null &&
      textOf(root.querySelector('aside studio-problems')?.shadowRoot).includes('nope'),
  );
  return { el, root, requests };
}

const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === label)!;

describe('studio-app', () => {
  afterEach(async () => {
    sessionStorage.clear();
    localStorage.removeItem('studio-locale');
    await setLocale('zh-CN');
  });

  it('asks for the token when there is none; accessible', async () => {
    sessionStorage.clear();
    const el = await fixture<StudioApp>(html`<studio-app></studio-app>`);
    const root = el.shadowRoot!;
    expect(textOf(root.querySelector('h1'))).to.equal('创作工作室');
    expect(root.querySelector('label[for="token"]')).to.exist;
    button(root, '进入工作室').click();
    await el.updateComplete;
    expect(textOf(root.querySelector('[role="alert"]'))).to.equal('请填写令牌。');
    expect(deepActiveElement()?.id).to.equal('token');
    await expect(el).to.be.accessible();
  });

  it('takes ?token= from the address into sessionStorage and off the address bar', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?token=from-url&x=1#top`);
    try {
      const el = await fixture<StudioApp>(html`<studio-app></studio-app>`);
      expect(sessionStorage.getItem(STUDIO_TOKEN_STORAGE_KEY)).to.equal('from-url');
      expect(location.search).to.equal('?x=1');
      expect(location.hash).to.equal('#top');
      el.remove();
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('goes back to the token form on a 401', async () => {
    sessionStorage.setItem(STUDIO_TOKEN_STORAGE_KEY, 'stale');
    const { client } = stubClient({
      'GET /api/outline': () => jsonResponse(401, { error: { zh: '需要令牌', en: 'Token needed' } }),
    });
    const el = document.createElement('studio-app');
    el.fetchImpl = (url, init) => (client as unknown as { fetchImpl: typeof fetch }).fetchImpl(url, init);
    (await fixture(html`<div></div>`)).append(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#token'));
    expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('令牌不对或已过期');
    expect(sessionStorage.getItem(STUDIO_TOKEN_STORAGE_KEY)).to.be.null;
  });

  it('shows the outline, the home screen and the live problems; landmarks; accessible in Chinese and English', async () => {
    const { el, root } = await mountWithToken();
    expect(root.querySelector('header.banner')).to.exist;
    expect(root.querySelector('nav.outline')!.getAttribute('aria-label')).to.equal('课程大纲');
    expect(root.querySelector('main')).to.exist;
    expect(textOf(root.querySelector('#problems-heading'))).to.equal('课程问题（1 个错误）');
    await expect(el).to.be.accessible();
    button(root, 'English').click();
    await waitUntil(() => textOf(root.querySelector('#problems-heading')) === 'Course problems (1 errors)');
    expect(document.documentElement.lang).to.equal('en');
    expect(textOf(root.querySelector('aside studio-problems')!.shadowRoot)).to.contain(
      'Learning objective nope does not exist.',
    );
    await expect(el).to.be.accessible();
    button(root, '中文').click();
    await waitUntil(() => document.documentElement.lang === 'zh-CN');
  });

  it('opens the course settings, focuses its heading, and shows a refused save with the build message', async () => {
    const { el, root, requests } = await mountWithToken();
    const outline = root.querySelector('studio-outline')!;
    button(outline.shadowRoot!, '课程设置').click();
    const settings = await waitUntil(() => root.querySelector('studio-course-settings')).then(() =>
      root.querySelector('studio-course-settings')!,
    );
    await waitUntil(() => deepActiveElement()?.id === 'heading');
    const passing = settings.shadowRoot!.querySelector<HTMLInputElement>('#passing')!;
    expect(passing.value).to.equal('80');
    passing.value = '120';
    button(settings.shadowRoot!, '保存课程设置').click();
    await waitUntil(() => requests.some((r) => r.method === 'PATCH'));
    expect(requests.find((r) => r.method === 'PATCH')!.body).to.deep.equal({
      path: 'course.yaml',
      etag: 'c1',
      edits: [{ op: 'set', at: ['passingScore'], value: 120 }],
    });
    await waitUntil(() => textOf(settings.shadowRoot!.querySelector('studio-problems')?.shadowRoot).includes('nope'));
    expect(textOf(settings.shadowRoot!.querySelector('[role="status"]'))).to.equal('没有保存：课程文件没有改动。');
    await expect(el).to.be.accessible();
  });

  it('exports the four packages with sizes and download links', async () => {
    const { el, root } = await mountWithToken();
    button(root, '导出课程包').click();
    await waitUntil(() => root.querySelector('studio-export'));
    const exporter = root.querySelector('studio-export')!;
    await exporter.updateComplete;
    button(exporter.shadowRoot!, '生成课程包').click();
    await waitUntil(() => exporter.shadowRoot!.querySelectorAll('tbody tr').length === 4);
    const rows = [...exporter.shadowRoot!.querySelectorAll('tbody tr')].map((r) => textOf(r));
    expect(rows[0]).to.equal('SCORM 1.2 下载 course-scorm12.zip 793 KB (812,345 B)');
    expect(rows[2]).to.contain('cmi5').and.contain('1.4 MB');
    expect(exporter.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(
      '/api/export/course-scorm12.zip?token=t',
    );
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lists snapshots and restores one after a confirmation', async () => {
    const { el, root, requests } = await mountWithToken({
      ...ROUTES,
      'POST /api/snapshots/restore': () => jsonResponse(200, { outline: OUTLINE }),
    });
    button(root, '快照').click();
    await waitUntil(() => root.querySelector('studio-snapshots')?.shadowRoot?.querySelector('li'));
    const snapshots = root.querySelector('studio-snapshots')!;
    expect(textOf(snapshots.shadowRoot!.querySelector('li'))).to.contain('studio: 保存 course.yaml');
    await expect(el).to.be.accessible();
    button(snapshots.shadowRoot!, '恢复').click();
    const confirm = snapshots.shadowRoot!.querySelector('studio-confirm-dialog')!.shadowRoot!;
    await waitUntil(() => confirm.querySelector('dialog')!.open);
    confirm.querySelector<HTMLButtonElement>('button[value="confirm"]')!.click();
    await waitUntil(() => requests.some((r) => r.url === '/api/snapshots/restore'));
    expect(requests.find((r) => r.url === '/api/snapshots/restore')!.body).to.deep.equal({ id: 'abc' });
    await waitUntil(() => textOf(snapshots.shadowRoot!.querySelector('[role="status"]')).startsWith('已恢复到'));
  });
});
