import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ProgressStore, type KeyValueStorage } from '../../core/progress-store.js';
import { deepActiveElement } from '../shared/test-helpers.js';
import type { CoursePlayer } from './course-player.js';
import './define.js';

// Accessibility of the player as a whole (issue 7, part 5), in both interface languages. axe runs with every rule,
// `region` included, in each state these tests reach.
const SRC = '/__course/content/course.json';
const COURSE_ID = 'https://example.com/courses/fixture';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const shadow = (el: CoursePlayer): ShadowRoot => el.shadowRoot!;
const heading = (el: CoursePlayer): string => shadow(el).querySelector('h1')?.textContent?.trim() ?? '';

async function player(): Promise<CoursePlayer> {
  const el = await fixture<CoursePlayer>(
    html`<course-player src=${SRC} .progressStorage=${new ProgressStore(COURSE_ID, memoryStorage())}></course-player>`,
  );
  await waitUntil(() => shadow(el).querySelector('h1'), 'player did not load', { timeout: 15000 });
  return el;
}

async function shown(el: CoursePlayer, title: string): Promise<void> {
  await waitUntil(
    () => heading(el) === title && !shadow(el).querySelector('article [role="status"]'),
    `expected "${title}", saw "${heading(el)}"`,
    { timeout: 5000 },
  );
}

async function switchTo(el: CoursePlayer, locale: 'en' | 'zh-CN'): Promise<void> {
  const select = shadow(el).querySelector('header select') as HTMLSelectElement;
  select.value = locale;
  select.dispatchEvent(new Event('change'));
  await waitUntil(() => document.documentElement.lang === locale, `the page did not switch to ${locale}`);
  await el.updateComplete;
}

/** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string): number => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* deepElements(child.shadowRoot);
    yield* deepElements(child);
  }
}

const locales = [
  { locale: 'zh-CN', skip: '跳到正文' },
  { locale: 'en', skip: 'Skip to content' },
] as const;

describe('course-player accessibility', () => {
  beforeEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    // Leave the next test in Chinese, the course's language.
    const { setLocale } = await import('../../locales/localization.js');
    await setLocale('zh-CN');
  });

  for (const { locale, skip } of locales) {
    it(`${locale}: the skip link is inside the banner landmark, html lang follows, axe passes (region included)`, async function () {
      this.timeout(60000);
      const el = await player();
      await shown(el, '什么是服务');
      await switchTo(el, locale);
      const link = shadow(el).querySelector('.skip-link')!;
      expect(link.textContent?.trim()).to.equal(skip);
      expect(link.closest('header, main, nav')?.tagName).to.equal('HEADER');
      expect(document.documentElement.lang).to.equal(locale);
      // Course text is marked with the course's language wherever the interface language differs.
      for (const selector of ['.course-title', 'h1', '.eyebrow', 'course-page', 'course-toc']) {
        expect(shadow(el).querySelector(selector)?.getAttribute('lang'), selector).to.equal('zh-CN');
      }
      await expect(el).to.be.accessible();

      // Every state the rest of this suite visits, in this language: a role-play, a quiz, an unknown address.
      location.hash = '#/basics/rp-fixture-weather';
      await shown(el, '为什么没下雨？');
      await waitUntil(() => shadow(el).querySelector('role-play')?.shadowRoot?.childElementCount, 'role-play', {
        timeout: 10000,
      });
      await expect(el).to.be.accessible();
      location.hash = '#/basics/basics-quiz';
      await waitUntil(() => shadow(el).querySelector('course-quiz')?.shadowRoot?.childElementCount, 'quiz', {
        timeout: 10000,
      });
      await expect(el).to.be.accessible();
      location.hash = '#/no-such/place';
      await waitUntil(() => shadow(el).querySelector('.unknown-address'), 'no notice for an unknown address', {
        timeout: 5000,
      });
      await expect(el).to.be.accessible();
    });
  }

  it('names the current item in the document title', async () => {
    const el = await player();
    await shown(el, '什么是服务');
    expect(document.title).to.equal('什么是服务 · 测试课程');
    location.hash = '#/phone/phone-greeting';
    await shown(el, '问候语');
    expect(document.title).to.equal(`${heading(el)} · 测试课程`);
    expect(document.title).not.to.contain('什么是服务');
  });

  it('tells the learner about an unknown #/ address and offers the contents', async () => {
    const el = await player();
    await shown(el, '什么是服务');
    location.hash = '#/basics/no-such-page';
    await waitUntil(() => shadow(el).querySelector('.unknown-address'), 'no notice');
    const box = shadow(el).querySelector('.unknown-address')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain('#/basics/no-such-page');
    expect(heading(el), 'the learner stays where they were').to.equal('什么是服务');
    (box.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(() => deepActiveElement()?.id === 'toc-heading', 'focus did not move to the contents');
    location.hash = '#/phone/phone-greeting';
    await waitUntil(() => !shadow(el).querySelector('.unknown-address'), 'the notice stayed after a good address');
  });

  it('also tells a learner who opens the course at an unknown address', async () => {
    history.replaceState(null, '', '#/gone/away');
    const el = await player();
    await shown(el, '什么是服务');
    expect(shadow(el).querySelector('.unknown-address')?.textContent).to.contain('#/gone/away');
    await expect(el).to.be.accessible();
  });

  it('keeps a focused heading clear of the sticky header (scroll margin)', async () => {
    await setViewport({ width: 1280, height: 500 });
    const el = await player();
    await shown(el, '什么是服务');
    const header = shadow(el).querySelector('header')!;
    expect(getComputedStyle(header).position).to.equal('sticky');
    const h1 = shadow(el).querySelector('h1')!;
    // A long page, so the heading can scroll under the header.
    shadow(el).querySelector('main')!.style.paddingBottom = '3000px';
    window.scrollTo(0, document.documentElement.scrollHeight);
    expect(h1.getBoundingClientRect().bottom, 'the heading is scrolled out of view first').to.be.below(
      header.getBoundingClientRect().bottom,
    );
    h1.focus();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(h1.getBoundingClientRect().top).to.be.at.least(header.getBoundingClientRect().bottom);
  });

  it('draws a focus ring with at least 3:1 contrast on white and on the page background', async () => {
    const el = await player();
    await shown(el, '什么是服务');
    let presses = 0;
    while (!deepActiveElement()?.matches('a.next') && presses++ < 40) await sendKeys({ press: 'Tab' });
    const next = deepActiveElement()!;
    const style = getComputedStyle(next);
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(contrast(style.outlineColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
    expect(contrast(style.outlineColor, getComputedStyle(el).backgroundColor)).to.be.at.least(3);
  });

  it('does not scroll sideways at 200% text size on a 360 px screen', async function () {
    this.timeout(30000);
    await setViewport({ width: 360, height: 740 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await player();
      await shown(el, '什么是服务');
      for (const hash of ['#/basics/basics-service', '#/basics/rp-fixture-weather', '#/basics/basics-quiz']) {
        location.hash = hash;
        await new Promise((resolve) => setTimeout(resolve, 300));
        await el.updateComplete;
        const wide = [...deepElements(document.body)]
          .filter((e) => e.getBoundingClientRect().right > 361)
          .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`);
        expect(document.documentElement.scrollWidth, `${hash}: ${wide.slice(0, 12).join(' ')}`).to.be.at.most(360);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
