// First text at the floor: the welcome page is in the HTML the server sends, the player takes over from it without
// moving anything, and a learner who resumes elsewhere never sees the welcome page first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress } from '../../core/completion.js';
import type { SavedProgress } from '../../core/progress-store.js';
import { readingSequence, toHash } from '../../core/route.js';
import { build } from '../../tools/build.js';
import { loadCourse } from '../../tools/content/load-course.js';
import { courseRoot, seedsDir } from '../../tools/paths.js';
import { encodeResume, type ResumeCourse } from '../../tracking/resume/resume-codec.js';
import { launchChromium } from '../support/browser.js';
import { serveDirectory } from '../support/static-server.js';
import { installLms } from '../support/tracking/scorm-lms.js';

let outDir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let course: ResumeCourse;
let welcome: { title: string; firstParagraph: string; nextHash: string };
/** A page further on, where the resumed learners stopped. */
let resumed: { title: string; hash: string };

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'course-first-page-'));
  await build({ outDir });
  installLms(outDir);
  server = await serveDirectory(outDir);
  browser = await launchChromium();
  course = loadCourse(courseRoot, { seedsDir }).course!;
  const sequence = readingSequence(course.index);
  const first = course.modules[0]!.items.find((i) => i.id === sequence[0]!.itemId)!;
  if (first.kind !== 'page') throw new Error('the course is expected to open on a page');
  welcome = {
    title: first.title,
    firstParagraph: /<p>([^<]+)/.exec(first.html)![1]!.trim(),
    nextHash: toHash(sequence[1]!),
  };
  const later = sequence.find((e, i) => i > 3 && e.item.kind === 'page')!;
  resumed = { title: later.item.title, hash: toHash(later) };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The machine may be busy: waiting is not timing (speed is the bench's), so polls wait long. */
const SLOW = { timeout: 60_000 };
/** What the placeholder's heading says to a screen reader (components/course-player/first-page.ts). */
const LOADING = '正在打开课程…';

describe('the first page without JavaScript', () => {
  it('is in the HTML the server sends: heading, text and the way on', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toMatch(new RegExp(`<h1 [^>]*>${welcome.title}</h1>`));
    expect(html).toContain(welcome.firstParagraph);
    expect(html).toContain(`href="${welcome.nextHash}"`);
  });

  it('shows its heading, paragraphs and chrome in a browser with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await expect.poll(() => page.locator('course-player h1').innerText(), SLOW).toBe(welcome.title);
      await expect(page.locator('course-player h1').isVisible()).resolves.toBe(true);
      const paragraph = page.locator('course-player article p').filter({ hasText: welcome.firstParagraph });
      await expect(paragraph.isVisible()).resolves.toBe(true);
      for (const landmark of ['header', 'nav.toc', 'nav.pager a.next', 'progress']) {
        await expect(page.locator(`course-player ${landmark}`).isVisible(), landmark).resolves.toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the first frame', () => {
  it('already has the page’s text, and does not wait for the course outline below it or for any script', async () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // The head holds rendering until the parser has reached an element right after the page's text.
    const marker = /<link rel="expect" href="#([\w-]+)" blocking="render" \/>/.exec(html)?.[1];
    expect(marker, 'index.html has no render-blocking rel=expect link').toBeTruthy();
    const markerTag = `<span id="${marker}"></span>`;
    expect(html.indexOf(markerTag)).toBeGreaterThan(html.indexOf(welcome.firstParagraph));
    // The server sends everything up to the marker, then holds the rest (the outline, the scripts) back.
    const cut = html.indexOf(markerTag) + markerTag.length;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const scriptsAskedAt: number[] = [];
    const front = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path.endsWith('.js')) scriptsAskedAt.push(Date.now());
      if (path === '/' || path === '/index.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write(html.slice(0, cut));
        void held.then(() => response.end(html.slice(cut)));
        return;
      }
      void fetch(new URL(request.url ?? '/', server.url)).then(async (upstream) => {
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      await context.addInitScript(() => sessionStorage.setItem('course-learner', 'first-page-frame'));
      await watchFrames(context, welcome.firstParagraph);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(front.address() as AddressInfo).port}/`, { waitUntil: 'commit' });
      await expect.poll(async () => (await framesOf(page)).length, SLOW).toBeGreaterThan(0);
      const frames = await framesOf(page);
      // No frame of the header alone: the first one has the heading and the text.
      expect(frames[0]).toBe(`h1:${welcome.title} | welcome text`);
      await expect(page.locator('course-player h1').isVisible()).resolves.toBe(true);
      await expect(page.locator('course-player [slot="toc"]').count()).resolves.toBe(0);
      // The player's code is asked for as that frame starts (not before: handling it would hold the frame back), and
      // runs only once the document is parsed.
      await expect.poll(() => scriptsAskedAt.length, SLOW).toBeGreaterThan(1);
      const firstFrameAt = await page.evaluate(() => (window as unknown as { firstFrameAt: number }).firstFrameAt);
      expect(Math.min(...scriptsAskedAt)).toBeGreaterThanOrEqual(Math.floor(firstFrameAt));
      // Every module has arrived, and had a chance to run: app.js would have defined <tracking-status> at once.
      const modules = /data-modules="([^"]+)"/.exec(html)![1]!.split(' ');
      const arrived = () =>
        page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length);
      await expect.poll(arrived, SLOW).toBe(modules.length);
      await page.waitForTimeout(250);
      await expect(page.evaluate(() => customElements.get('tracking-status') === undefined)).resolves.toBe(true);
      release();
      await page.locator('course-player details[part="module"] a').first().waitFor(SLOW);
      await page.locator('course-player > [data-first-page]').waitFor({ state: 'detached', ...SLOW });
    } finally {
      release();
      await context.close();
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    }
  });
});

describe('the player starts', () => {
  it('in a frame the LMS keeps hidden, served from another origin', async () => {
    // Course content served from another origin than the LMS page (a content server, a CDN), in a frame hidden from
    // the start. The player waits for the first frame before it starts; a browser may paint no frame there (it
    // throttles hidden cross-site frames), and the player must start all the same.
    const content = await serveDirectory(outDir);
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const courseUrl = content.url;
      // A standalone launch (the frame reaches no LMS API across origins) by a learner already named in this tab.
      await context.addInitScript(() => sessionStorage.setItem('course-learner', 'first-page-hidden'));
      writeFileSync(
        join(outDir, 'hidden-frame-lms.html'),
        `<!doctype html><html lang="en"><title>LMS</title><iframe id="sco" title="course" style="display: none" src="${courseUrl}"></iframe></html>`,
      );
      const page = await context.newPage();
      await page.goto(`${server.url}hidden-frame-lms.html`);
      await expect(page.locator('#sco').isVisible()).resolves.toBe(false);
      const sco = () => page.frames().find((f) => f.url().startsWith(courseUrl));
      await expect
        .poll(() => sco()?.evaluate(() => customElements.get('course-player') !== undefined), SLOW)
        .toBe(true);
      // Started as a player does: the page it renders is in its own shadow root, not the prerender.
      await expect
        .poll(() => sco()!.evaluate(() => document.querySelector('course-player > [data-first-page]') === null), SLOW)
        .toBe(true);
    } finally {
      await context.close();
      await content.close();
    }
  });
});

/** Boxes of the heading, every paragraph and list item of the article, and the chrome's landmarks and controls. */
async function layout(page: Page): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
  const add = async (name: string, locator: Locator) => {
    // Numbered among the rendered ones: an element without a box (hidden) is not part of the layout.
    let rendered = 0;
    for (const element of await locator.all()) {
      const box = await element.boundingBox();
      if (box) boxes[`${name} ${rendered++}`] = box;
    }
  };
  for (const selector of [
    'header',
    '.course-title',
    'progress',
    'header select',
    'nav.toc',
    '#toc-heading',
    // The outline's modules and links: slotted into the prerender's nav, inside <course-toc> in the player's.
    'details[part="module"] a',
    'details[part="module"] summary',
    'article',
    'h1',
    'article p',
    'article li',
    'nav.pager',
    'nav.pager a',
  ]) {
    await add(selector, page.locator(`course-player ${selector}`));
  }
  return boxes;
}

describe('the player takes over', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('without moving the heading, a paragraph or the chrome (new learner, standalone, %s)', async (_, viewport) => {
    const context = await browser.newContext({ viewport });
    try {
      await context.addInitScript(() => sessionStorage.setItem('course-learner', 'first-page-new'));
      const page = await context.newPage();
      // Hold the player's script back: what shows meanwhile is the prerendered page alone.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/app.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.locator('course-player h1').waitFor();
      const before = await layout(page);
      expect(await page.locator('course-player > [data-first-page]').count()).toBe(1);
      release();
      // Taken over: the prerendered page is gone and the player's own page content is there.
      await page.locator('course-player > [data-first-page]').waitFor({ state: 'detached' });
      await page.locator('course-player course-page p').first().waitFor();
      await expect.poll(() => page.locator('tracking-status p').innerText(), SLOW).toContain('first-page-new');
      const after = await layout(page);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(Object.keys(before).length).toBeGreaterThan(viewport === DESKTOP ? 20 : 10);
      for (const [name, box] of Object.entries(before)) {
        const other = after[name]!;
        for (const side of ['x', 'y', 'width', 'height'] as const) {
          expect(
            Math.abs(other[side] - box[side]),
            `${name} ${side}: ${box[side]} → ${other[side]}`,
          ).toBeLessThanOrEqual(1);
        }
      }
      await expect(page.locator('course-player h1').innerText()).resolves.toBe(welcome.title);
    } finally {
      await context.close();
    }
  });
});

/** Opens the course with the player's script held back, so only what index.html paints by itself is on screen. */
async function withoutPlayer(context: BrowserContext): Promise<{ page: Page; release: () => void }> {
  const page = await context.newPage();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/app.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.locator('course-player h1').waitFor({ state: 'attached' });
  return { page, release };
}

/** axe-core's violations on the page as it is (rule id and the first target of each). */
async function axeViolations(page: Page, disabled: string[] = []): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async (disabled: string[]) => {
    const axe = (
      window as unknown as {
        axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
    const result = await axe.run({ rules });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`);
  }, disabled);
}

describe('accessibility before the player takes over', () => {
  it('the prerendered first page passes axe', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      await context.addInitScript(() => sessionStorage.setItem('course-learner', 'first-page-axe'));
      const { page, release } = await withoutPlayer(context);
      await expect(page.locator('course-player h1').isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      release();
    } finally {
      await context.close();
    }
  });

  it('the placeholder (a learner who may resume elsewhere) passes axe and hides the welcome text', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      await context.addInitScript(() => sessionStorage.setItem('course-learner', 'first-page-axe'));
      await context.addInitScript(() => (location.hash = '#/somewhere/else'));
      const { page, release } = await withoutPlayer(context);
      await expect(page.locator('html').getAttribute('data-first-page')).resolves.toBe('placeholder');
      await expect(page.locator('course-player h1').isVisible()).resolves.toBe(false);
      await expect(page.locator('course-player .first-page-loading').innerText()).resolves.toBe(LOADING);
      await expect(page.getByText(welcome.title, { exact: true }).first().isVisible()).resolves.toBe(false);
      // The one rule left out: a page still opening has no title yet (best practice, not WCAG); its heading comes
      // with the page, and the line above says it is opening.
      expect(await axeViolations(page, ['page-has-heading-one'])).toEqual([]);
      release();
    } finally {
      await context.close();
    }
  });
});

/**
 * Installed before any page script: on every animation frame (each comes before a paint) notes which headings and
 * which welcome text are visible, through every shadow root, so a test sees what the learner saw frame by frame.
 */
async function watchFrames(context: BrowserContext, welcomeText: string): Promise<void> {
  await context.addInitScript((probe: string) => {
    const seen: string[] = [];
    const win = window as unknown as { seenFrames: string[]; firstFrameAt?: number };
    win.seenFrames = seen;
    const visible = (root: Document | ShadowRoot, out: string[]) => {
      for (const element of Array.from(root.querySelectorAll('h1, p'))) {
        // Only the text that paints: text nodes whose element is rendered and not visibility: hidden.
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
            text += node.textContent ?? '';
          }
        }
        text = text.trim();
        if (element.tagName === 'H1' && text) out.push(`h1:${text}`);
        else if (text.includes(probe)) out.push('welcome text');
      }
      for (const host of Array.from(root.querySelectorAll('*'))) if (host.shadowRoot) visible(host.shadowRoot, out);
    };
    const frame = (time: number) => {
      const now: string[] = [];
      visible(document, now);
      const entry = now.join(' | ');
      if (entry && seen[seen.length - 1] !== entry) seen.push(entry);
      // When the first frame with something to see started, on the same clock as the server's Date.now().
      if (entry) win.firstFrameAt ??= performance.timeOrigin + time;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, welcomeText);
}

const framesOf = (target: Page | Frame) =>
  target.evaluate(() => (window as unknown as { seenFrames: string[] }).seenFrames);

describe('a resumed launch never shows the welcome page first', () => {
  const savedAt = (): SavedProgress => {
    const [moduleId, itemId] = resumed.hash.slice(2).split('/') as [string, string];
    const progress = emptyProgress();
    progress.visited[course.index.modules[0]!.items[0]!.id] = true;
    return { version: 1, location: { moduleId, itemId }, learnerSeed: 'first-page-resume', progress };
  };

  it('standalone, with a saved record on another page', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const record = encodeResume(course, savedAt()).text;
      await context.addInitScript(
        ({ key, record }) => {
          sessionStorage.setItem('course-learner', 'first-page-resume');
          if (localStorage.getItem(key) === null) localStorage.setItem(key, record);
        },
        { key: `course-resume:${course.index.id}:first-page-resume`, record },
      );
      await watchFrames(context, welcome.firstParagraph);
      const page = await context.newPage();
      await page.goto(server.url);
      await expect.poll(() => page.locator('course-player h1').innerText(), SLOW).toBe(resumed.title);
      const frames = await framesOf(page);
      expect(frames[0], frames.join('\n')).toBe(`h1:${resumed.title}`);
      expect(frames.join('\n')).not.toContain(welcome.title);
      expect(frames.join('\n')).not.toContain('welcome text');
    } finally {
      await context.close();
    }
  });

  it.each(['12', '2004'] as const)('SCORM %s under scorm-again, with a saved location', async (version) => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const [moduleId, itemId] = resumed.hash.slice(2).split('/');
      const lessonLocation = `${moduleId}/${itemId}`;
      const suspend = encodeResume(course, savedAt()).text;
      const cmi =
        version === '12'
          ? { core: { lesson_location: lessonLocation, lesson_status: 'incomplete' }, suspend_data: suspend }
          : { location: lessonLocation, completion_status: 'incomplete', suspend_data: suspend };
      // What the LMS page reads back as the learner's earlier session (see test/support/tracking/scorm-lms.ts).
      await context.addInitScript(
        ({ key, value }) => {
          if (location.pathname.endsWith('/lms/scorm.html')) localStorage.setItem(key, value);
        },
        { key: `lms-data-${version}`, value: JSON.stringify(cmi) },
      );
      await watchFrames(context, welcome.firstParagraph);
      const page = await context.newPage();
      await page.goto(`${server.url}lms/scorm.html?v=${version}`);
      const frame = page.frameLocator('#sco');
      await expect.poll(() => frame.locator('course-player h1').innerText(), SLOW).toBe(resumed.title);
      const sco = page.frames().find((f) => f.url().includes('/index.html'))!;
      const frames = await framesOf(sco);
      expect(frames[0], frames.join('\n')).toBe(`h1:${resumed.title}`);
      expect(frames.join('\n')).not.toContain(welcome.title);
      expect(frames.join('\n')).not.toContain('welcome text');
    } finally {
      await context.close();
    }
  });
});
