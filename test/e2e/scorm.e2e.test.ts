// The built course inside scorm-again as a SCORM 1.2 and a SCORM 2004 LMS, in Chromium: a learner's first session,
// what the LMS holds when the course closes, and the exact resume of a second launch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { OutputBundle, OutputChunk, RollupOutput } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../tools/build.js';
import { launchSizes, XAPI_MODULES } from '../../tools/bundle-size.js';
import { loadCourse } from '../../tools/content/load-course.js';
import { launchChromium } from '../support/browser.js';
import { serveDirectory } from '../support/static-server.js';
import { decodeResume, type ResumeCourse } from '../../tracking/resume/resume-codec.js';
import { strictScorm12CoreProblems, strictScorm12InteractionProblems } from '../support/tracking/scorm12-strict.js';
import type { Scorm12Interaction } from '../../tracking/notation/scorm12.js';
import { goTo, playRolePlay, takeQuiz, answerQuestion } from '../support/tracking/learner-ui.js';
import { close, installLms, launch, type ScormVersion } from '../support/tracking/scorm-lms.js';

let outDir: string;
let output: RollupOutput;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let course: ResumeCourse;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'course-scorm-'));
  output = await build({ outDir });
  installLms(outDir);
  server = await serveDirectory(outDir);
  browser = await launchChromium();
  course = loadCourse(new URL('../../', import.meta.url).pathname).course!;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const QUIZ = '#/service-concepts/service-concepts-quiz';
const ROLEPLAY = '#/service-concepts/rp-weather-forecast';
const OPEN_QUIZ = '#/service-etiquette/service-etiquette-quiz';

/** Sets recorded by the LMS, grouped into SCORM 1.2 interactions by index. */
function interactions12(sets: [string, string][]): Scorm12Interaction[] {
  const byIndex = new Map<string, Record<string, unknown>>();
  for (const [element, value] of sets) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!match) continue;
    const entry = byIndex.get(match[1]!) ?? { correct_responses: [] as string[] };
    if (match[2]!.startsWith('correct_responses.')) (entry.correct_responses as string[]).push(value);
    else if (match[2] === 'objectives.0.id') entry.objectiveId = value;
    else entry[match[2]!] = value;
    byIndex.set(match[1]!, entry);
  }
  return [...byIndex.values()] as unknown as Scorm12Interaction[];
}

describe.each<ScormVersion>(['12', '2004'])('SCORM %s: the built course in scorm-again', (version) => {
  let context: BrowserContext;
  let quizText = '';
  let session: Awaited<ReturnType<typeof close>>;
  const requested: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => context?.close());

  it('a first session: pages, a quiz, a role-play and a quiz left half done, then the LMS closes the course', async () => {
    const page = await context.newPage();
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const frame = await launch(page, server.url, version, 70);
    for (let i = 0; i < 3; i++) await frame.locator('course-player a.next').click();
    await goTo(frame, QUIZ);
    await takeQuiz(frame);
    await goTo(frame, ROLEPLAY);
    await playRolePlay(frame);
    await goTo(frame, OPEN_QUIZ);
    await frame.getByRole('button', { name: '开始测验' }).click();
    await answerQuestion(frame);
    quizText = await frame.locator('course-quiz').innerText();
    session = await close(page);
    await page.close();
    expect(session.rejected).toEqual([]);
  }, 120_000);

  it('leaves the LMS a data model in the standard: status, location, resume record, exit, session time', () => {
    const { cmi } = session;
    if (version === '12') {
      const core = cmi.core as Record<string, string>;
      expect(core.lesson_status).toBe('incomplete');
      expect(core.exit).toBe('suspend');
      expect(core.lesson_location).toBe(OPEN_QUIZ.slice(2));
      // scorm-again stores it as HH:MM:SS.SS; what the course sent is the CMITimespan HHHH:MM:SS.SS.
      const sent = session.sets.find(([element]) => element === 'cmi.core.session_time')?.[1];
      expect(sent).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
      const values = Object.fromEntries(session.sets.filter(([e]) => !e.startsWith('cmi.interactions.')));
      expect(strictScorm12CoreProblems(values)).toEqual([]);
    } else {
      expect(cmi.completion_status).toBe('incomplete');
      expect(cmi.success_status).toBe('unknown');
      expect(cmi.exit).toBe('suspend');
      expect(cmi.location).toBe(OPEN_QUIZ.slice(2));
      expect(Number(cmi.progress_measure)).toBeGreaterThan(0);
      expect(Number(cmi.progress_measure)).toBeLessThan(1);
      expect(cmi.session_time).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    }
    const suspend = cmi.suspend_data as string;
    expect(suspend.length).toBeLessThanOrEqual(version === '12' ? 4096 : 64_000);
    const resumed = decodeResume(course, suspend)!;
    expect(resumed.location?.itemId).toBe('service-etiquette-quiz');
    expect(resumed.progress.quizzes['service-concepts-quiz']!.results).toHaveLength(1);
    expect(resumed.progress.roleplays['rp-weather-forecast']!.runs).toBe(1);
  });

  it('downloads no xAPI code (network log), within the SCORM first-page budget', () => {
    const chunks = output.output.filter((o): o is OutputChunk => o.type === 'chunk');
    const loaded = chunks.filter((c) => requested.includes(`/${c.fileName}`));
    const adapter = version === '12' ? /scorm12-adapter/ : /scorm2004-adapter/;
    expect(loaded.some((c) => adapter.test(c.fileName))).toBe(true);
    expect(loaded.flatMap((c) => c.moduleIds.filter((id) => XAPI_MODULES.test(id)))).toEqual([]);
    const size = launchSizes(Object.fromEntries<OutputBundle[string]>(output.output.map((o) => [o.fileName, o]))).find(
      (s) => s.standard === (version === '12' ? 'scorm12' : 'scorm2004'),
    )!;
    console.info(`SCORM ${version} first-page JavaScript: ${size.bytes} bytes gzipped (budget ${size.budget})`);
    expect(size.bytes).toBeLessThanOrEqual(size.budget);
  });

  it('downloads each course file once (network log): the tracker and the player share course.json and the modules', () => {
    const courseFiles = requested.filter((path) => path.endsWith('.json'));
    expect(courseFiles).toContain('/content/course.json');
    expect(courseFiles.filter((path) => path !== '/content/course.json').length).toBeGreaterThan(1);
    expect(courseFiles.filter((path, i) => courseFiles.indexOf(path) !== i)).toEqual([]);
  });

  it('reports every answer and reply as an interaction in the standard notation', () => {
    if (version === '12') {
      const list = interactions12(session.sets);
      expect(list.length).toBeGreaterThanOrEqual(11);
      expect(list.flatMap(strictScorm12InteractionProblems)).toEqual([]);
    } else {
      const list = Object.values(session.cmi.interactions as Record<string, { id: string; result: string }>);
      expect(list.length).toBeGreaterThanOrEqual(11);
      expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
      expect(list.every((i) => ['correct', 'incorrect'].includes(i.result))).toBe(true);
    }
  });

  it('a second launch resumes exactly: same page, same answers', async () => {
    const page = await context.newPage();
    const frame = await launch(page, server.url, version, 70);
    await expect.poll(() => frame.evaluate(() => location.hash)).toBe(OPEN_QUIZ);
    await frame.locator('course-question').waitFor();
    await expect.poll(() => frame.locator('course-quiz').innerText()).toBe(quizText);
    const second = await close(page);
    expect(second.rejected).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the launch request chain', () => {
  it('asks for the SCORM adapter before course.json has arrived (they download side by side)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // course.json is held back until the adapter chunk is asked for (or 15 s have passed): were the adapter only
    // asked for once course.json is in, it would not be asked for while course.json is held.
    let adapterAsked: () => void = () => undefined;
    const asked = new Promise<boolean>((resolve) => {
      adapterAsked = () => resolve(true);
      setTimeout(() => resolve(false), 15_000);
    });
    page.on('request', (request) => {
      if (/\/chunks\/scorm12-adapter-[^/]+\.js$/.test(new URL(request.url()).pathname)) adapterAsked();
    });
    await page.route('**/content/course.json', async (route) => {
      await asked;
      await route.continue();
    });
    await launch(page, server.url, '12');
    expect(await asked).toBe(true);
    await context.close();
  }, 60_000);
});

describe('standalone: no LMS, one hall PC', () => {
  it('says progress stays in this browser and keeps each learner’s progress apart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const open = async (learner: string) => {
      // A new tab: its session storage is empty, so the course asks who is learning.
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel(/请输入你的姓名或工号/).fill(learner);
      await page.getByRole('button', { name: '开始学习' }).click();
      await page.locator('course-player h1').waitFor();
      await expect(page.locator('tracking-status .notice').innerText()).resolves.toContain(
        `只保存在这台设备的浏览器中（学员：${learner}）`,
      );
      return page;
    };
    const zhang = await open('张三');
    const first = await zhang.locator('course-player h1').innerText();
    for (let i = 0; i < 4; i++) await zhang.locator('course-player a.next').click();
    await expect.poll(() => zhang.locator('course-player h1').innerText()).not.toBe(first);
    const zhangHeading = await zhang.locator('course-player h1').innerText();
    await zhang.close();

    const li = await open('李四');
    expect(await li.locator('course-player h1').innerText()).toBe(first);
    await li.close();

    const zhangAgain = await open('张三');
    await expect.poll(() => zhangAgain.locator('course-player h1').innerText()).toBe(zhangHeading);
    await context.close();
  }, 90_000);
});
