import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { QuizAttemptState } from '../../core/interactions.js';
import { ProgressStore, type KeyValueStorage, type SavedProgress } from '../../core/progress-store.js';
import type { CoursePlayer } from './course-player.js';
import { deepActiveElement } from '../shared/test-helpers.js';
import './define.js';

// The fixture course (test/fixtures/valid) as the real content pipeline emits it; see test/fixture-course-middleware.mjs.
const SRC = '/__course/content/course.json';
const COURSE_ID = 'https://example.com/courses/fixture';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const shadow = (el: CoursePlayer): ShadowRoot => el.shadowRoot!;
const heading = (el: CoursePlayer): string => shadow(el).querySelector('h1')?.textContent?.trim() ?? '';

async function player(storage: KeyValueStorage = memoryStorage(), src = SRC): Promise<CoursePlayer> {
  const progressStorage = new ProgressStore(COURSE_ID, storage);
  const el = await fixture<CoursePlayer>(
    html`<course-player src=${src} .progressStorage=${progressStorage}></course-player>`,
  );
  await waitUntil(
    () => shadow(el).querySelector('h1') || shadow(el).querySelector('[role="alert"]'),
    'player did not load',
    { timeout: 5000 },
  );
  return el;
}

async function pageShown(el: CoursePlayer, title: string): Promise<void> {
  await waitUntil(
    () => heading(el) === title && !shadow(el).querySelector('article [role="status"]'),
    `expected page "${title}", saw "${heading(el)}"`,
    { timeout: 5000 },
  );
}

describe('course-player', () => {
  beforeEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 1280, height: 800 });
  });

  it('opens at the first page with landmarks, a table of contents and an accessible structure', async () => {
    const el = await player();
    await pageShown(el, '什么是服务');
    expect(location.hash).to.equal('#/basics/basics-service');
    const root = shadow(el);
    expect(root.querySelector('header')).to.exist;
    expect(root.querySelector('nav#toc')?.getAttribute('aria-labelledby')).to.equal('toc-heading');
    expect(root.querySelector('main')).to.exist;
    const toc = root.querySelector('course-toc')!;
    await toc.updateComplete;
    const links = [...toc.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal([
      '#/basics/basics-service',
      '#/basics/rp-fixture-weather',
      '#/basics/rp-fixture-queue',
      '#/basics/basics-quiz',
      '#/phone/phone-greeting',
      '#/fixture-final/fixture-final',
    ]);
    expect(toc.shadowRoot!.querySelector('a[aria-current="page"]')?.getAttribute('href')).to.equal(
      '#/basics/basics-service',
    );
    expect(root.querySelector('course-page')!.shadowRoot!.innerHTML).to.contain('<strong>无形性</strong>');
    await expect(el).to.be.accessible();
  });

  it('moves to the next item by keyboard alone and puts focus on its heading', async () => {
    const el = await player();
    await pageShown(el, '什么是服务');
    let presses = 0;
    while (!deepActiveElement()?.matches('a.next') && presses++ < 40) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent).to.contain('为什么没下雨？');
    await sendKeys({ press: 'Enter' });
    await pageShown(el, '为什么没下雨？');
    await waitUntil(() => deepActiveElement()?.tagName === 'H1', 'focus did not move to the new heading');
    expect(location.hash).to.equal('#/basics/rp-fixture-weather');
    await waitUntil(
      () => shadow(el).querySelector('role-play')?.shadowRoot?.childElementCount,
      'role-play did not render',
    );
  });

  it('marks pages seen, updates progress and resumes where the learner stopped', async () => {
    const storage = memoryStorage();
    const first = await player(storage);
    await pageShown(first, '什么是服务');
    const progress = (): number => Number((shadow(first).querySelector('progress') as HTMLProgressElement).value);
    const before = progress();
    (shadow(first).querySelector('a.next') as HTMLAnchorElement).click();
    await pageShown(first, '为什么没下雨？');
    location.hash = '#/phone/phone-greeting';
    await pageShown(first, '问候语');
    expect(progress()).to.be.greaterThan(before);
    const toc = shadow(first).querySelector('course-toc')!;
    await toc.updateComplete;
    expect(toc.shadowRoot!.querySelector('a[href="#/basics/basics-service"] .mark')?.textContent).to.equal('✓');
    first.remove();

    history.replaceState(null, '', location.pathname + location.search);
    const again = await player(storage);
    await pageShown(again, '问候语');
    expect(location.hash).to.equal('#/phone/phone-greeting');
  });

  it('restores a saved quiz state when the learner comes back, and the quiz goes on from there', async () => {
    const storage = memoryStorage();
    const saved = (): QuizAttemptState | undefined =>
      (JSON.parse(storage.data.get(`course-progress:${COURSE_ID}`) ?? '{}') as Partial<SavedProgress>).progress
        ?.quizzes?.['basics-quiz'];
    const button = (quiz: Element, text: string) =>
      [...(quiz.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(text));
    const position = (quiz: Element) => quiz.shadowRoot?.querySelector('[data-focus-progress]')?.textContent ?? '';
    location.hash = '#/basics/basics-quiz';
    const first = await player(storage);
    await pageShown(first, '基本概念测验');
    const quiz = shadow(first).querySelector('course-quiz')!;
    await waitUntil(() => button(quiz, '开始'), 'quiz did not render');
    button(quiz, '开始')!.click();
    await waitUntil(() => saved()?.phase === 'answering', 'quiz state was not saved');
    first.remove();

    // A return visit: the quiz opens where it was, then moves on, and stays where the learner moved it.
    const again = await player(storage);
    await pageShown(again, '基本概念测验');
    const restored = shadow(again).querySelector('course-quiz')!;
    await waitUntil(() => position(restored).includes('第 1 题'), 'the attempt was not restored');
    button(restored, '下一题')!.click();
    await waitUntil(() => position(restored).includes('第 2 题'), 'the restored quiz did not move on');
    await waitUntil(() => saved()?.current === 1, 'the move was not saved');
    await again.updateComplete;
    await restored.updateComplete;
    expect(position(restored)).to.contain('第 2 题');
    expect(restored.state?.current).to.equal(1);
  });

  it('loads course files through the loader the page hands it, so files the tracker has read are not fetched again', async () => {
    const asked: string[] = [];
    const loadCourseFile = async (url: URL): Promise<unknown> => {
      asked.push(new URL(url).pathname);
      return (await fetch(url)).json();
    };
    const el = await fixture<CoursePlayer>(
      html`<course-player
        src=${SRC}
        .progressStorage=${new ProgressStore(COURSE_ID, memoryStorage())}
        .loadCourseFile=${loadCourseFile}
      ></course-player>`,
    );
    await waitUntil(() => shadow(el).querySelector('h1'), 'player did not load', { timeout: 5000 });
    expect(asked[0]).to.equal(SRC);
    expect(asked.length).to.equal(2);
    expect(asked[1]).to.match(/^\/__course\/content\/modules\/.+\.json$/);
  });

  it('shows a clear, accessible error with a retry when the course cannot be loaded', async () => {
    const el = await player(memoryStorage(), '/__course/missing.json');
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('课程加载失败');
    expect(alert.querySelector('button')?.textContent).to.contain('重试');
    await expect(el).to.be.accessible();
  });

  it('works on a 360 px phone: the contents open from a labelled toggle', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await player();
    await pageShown(el, '什么是服务');
    const toggle = shadow(el).querySelector('button.menu-toggle') as HTMLButtonElement;
    const toc = shadow(el).querySelector('nav#toc') as HTMLElement;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(getComputedStyle(toc).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(toc).display).to.equal('block');
    await waitUntil(() => deepActiveElement()?.id === 'toc-heading', 'focus did not move into the contents');
    await sendKeys({ press: 'Escape' });
    await waitUntil(
      () => toggle.getAttribute('aria-expanded') === 'false' && deepActiveElement() === toggle,
      'Escape did not close the contents',
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => getComputedStyle(toc).display === 'block');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
  });

  it('switches the interface to English, keeps the choice and starts in it next time', async () => {
    const storage = memoryStorage();
    const el = await player(storage);
    await pageShown(el, '什么是服务');
    const select = shadow(el).querySelector('header select') as HTMLSelectElement;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => shadow(el).querySelector('.skip-link')?.textContent === 'Skip to content',
      'UI did not switch to English',
    );
    expect(shadow(el).querySelector('a.next small')?.textContent).to.equal('Next');
    // The page's language follows the interface (WCAG 3.1.1/3.1.2); course content keeps its own.
    expect(document.documentElement.lang).to.equal('en');
    expect(shadow(el).querySelector('h1')?.getAttribute('lang')).to.equal('zh-CN');
    // Course content stays in its own language.
    expect(heading(el)).to.equal('什么是服务');
    await expect(el).to.be.accessible();
    el.remove();

    const again = await player(storage);
    await pageShown(again, '什么是服务');
    await waitUntil(
      () => shadow(again).querySelector('#toc-heading')?.textContent === 'Course contents',
      'English was not restored',
    );
    (shadow(again).querySelector('header select') as HTMLSelectElement).value = 'zh-CN';
    shadow(again).querySelector('header select')!.dispatchEvent(new Event('change'));
    await waitUntil(
      () => shadow(again).querySelector('#toc-heading')?.textContent === '课程目录',
      'Chinese was not restored',
    );
  });

  it('tells the learner when the browser refuses to store progress', async () => {
    const refusing: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const el = await player(refusing);
    await pageShown(el, '什么是服务');
    const warning = shadow(el).querySelector('.storage-warning');
    expect(warning?.getAttribute('role')).to.equal('alert');
    expect(warning?.textContent).to.contain('无法保存你的学习进度');
    await expect(el).to.be.accessible();
  });

  it('gives every quiz or role-play item its own element, so no state carries over', async () => {
    location.hash = '#/basics/rp-fixture-weather';
    const el = await player();
    await pageShown(el, '为什么没下雨？');
    const first = shadow(el).querySelector('role-play')!;
    await waitUntil(() => first.shadowRoot?.querySelector('input[type=radio]'), 'role-play did not render');
    (first.shadowRoot!.querySelector('input[value="calm"]') as HTMLInputElement).click();
    (first.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => first.state?.path.length === 1, 'choice was not recorded');
    location.hash = '#/basics/rp-fixture-queue';
    await pageShown(el, '插队纠纷');
    const second = shadow(el).querySelector('role-play')!;
    expect(second === first, 'the role-play element was reused').to.equal(false);
    await waitUntil(
      () => second.shadowRoot?.textContent?.includes('我排了半小时'),
      'second role-play did not start at its first line',
    );
    expect(second.state?.path ?? []).to.have.length(0);
  });
});
