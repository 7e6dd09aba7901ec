import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../tools/build.js';
import { launchChromium } from '../support/browser.js';
import { seedLearner } from '../support/learner.js';
import { serveDirectory } from '../support/static-server.js';

// A learner who reloads, or leaves an item and comes back, and then keeps going to the end: in the shipped course.
let outDir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

const QUIZ = '#/service-channels/service-channels-quiz';
const ROLEPLAY = '#/complaint-handling/rp-overcharge-hotline';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'course-resume-e2e-'));
  await build({ outDir });
  server = await serveDirectory(outDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** A new learner with a fixed seed, so the draw and the shuffles are the same on every run. */
async function newLearner(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await seedLearner(page, 'e2e-resume-learner');
  await page.goto(`${server.url}${hash}`);
  await page.locator('course-player h1').waitFor();
  return page;
}

/** Reloads and waits for the player's own item (the prerendered first page and its placeholder have an h1 too). */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
}

/** Goes to the previous item by its link, then back by the next link, as a learner browsing would. */
async function leaveAndComeBack(page: Page): Promise<void> {
  const title = await page.locator('course-player h1').innerText();
  await page.locator('course-player a.previous').click();
  await expect.poll(() => page.locator('course-player h1').innerText()).not.toBe(title);
  await page.locator('course-player a.next').click();
  await expect.poll(() => page.locator('course-player h1').innerText()).toBe(title);
}

// --- Quiz ---

const quiz = (page: Page) => page.locator('course-quiz');
/** What the quiz shows (a host's own innerText is empty: its content is in its shadow root). */
const quizScreen = (page: Page) => quiz(page).locator('section').first().innerText();
const position = (page: Page) => quiz(page).locator('[data-focus-progress]');

/** Answers the question on screen with whatever its input takes, checks it and waits for the verdict. */
async function answerAndCheck(page: Page): Promise<void> {
  const question = page.locator('course-question');
  const choice = question.locator('input[type=radio], input[type=checkbox]');
  const text = question.locator('input[type=text]');
  const selects = question.locator('select');
  if ((await choice.count()) > 0) await choice.first().check();
  else if ((await text.count()) > 0) await text.fill('营业厅');
  else for (const select of await selects.all()) await select.selectOption({ index: 1 });
  // A sequencing question can be checked in its starting order.
  const check = question.getByRole('button', { name: '检查答案' });
  await expect.poll(() => check.isEnabled()).toBe(true);
  await check.click();
  await question.locator('.verdict').waitFor();
}

/** Answers every question from the one on screen to the last, then submits, and waits for the result. */
async function finishQuiz(page: Page): Promise<void> {
  for (;;) {
    const [at, of] = (await position(page).innerText()).match(/\d+/g)!.map(Number);
    await answerAndCheck(page);
    if (at === of) break;
    await quiz(page).getByRole('button', { name: '下一题' }).click();
    await expect.poll(() => position(page).innerText()).toContain(`第 ${at! + 1} 题`);
  }
  await quiz(page).getByRole('button', { name: '提交测验' }).click();
  await quiz(page).locator('#result-heading').waitFor();
}

// --- Role-play ---

const roleplay = (page: Page) => page.locator('role-play');
const roleplayScreen = (page: Page) => roleplay(page).locator('.base').innerText();

/** Picks the first reply on screen, confirms it and waits for its feedback. */
async function chooseReply(page: Page): Promise<void> {
  await roleplay(page).locator('input[type=radio]').first().check();
  await roleplay(page).getByRole('button', { name: '确定' }).click();
  await roleplay(page).locator('#feedback-heading').waitFor();
}

/** Plays from the screen shown to an ending: choose, 继续, until the ending's heading appears. */
async function playToEnding(page: Page): Promise<void> {
  for (let turn = 0; turn < 30; turn++) {
    // Wait for the run to show one of its three screens (after a reload it restores first).
    const ending = roleplay(page).locator('#ending-heading');
    const next = roleplay(page).getByRole('button', { name: '继续' });
    await ending.or(next).or(roleplay(page).locator('input[type=radio]').first()).first().waitFor();
    if (await ending.count()) return;
    if (await next.count()) await next.click();
    else await chooseReply(page);
  }
  throw new Error('No ending reached within 30 turns');
}

describe('resuming in the shipped course', () => {
  it('a quiz keeps working after a reload mid-attempt, leaving and coming back, a reload after the result, and a retry', async () => {
    const page = await newLearner(QUIZ);
    await quiz(page).getByRole('button', { name: '开始测验' }).click();
    await answerAndCheck(page);
    await quiz(page).getByRole('button', { name: '下一题' }).click();
    await expect.poll(() => position(page).innerText()).toContain('第 2 题');

    // Mid-attempt: the same question comes back, and the learner can answer, check and move on.
    await reload(page);
    await expect.poll(() => position(page).innerText()).toContain('第 2 题');
    await answerAndCheck(page);
    await quiz(page).getByRole('button', { name: '下一题' }).click();
    await expect.poll(() => position(page).innerText()).toContain('第 3 题');

    // Leave the quiz and come back: still on question 3, and it still answers.
    await leaveAndComeBack(page);
    await expect.poll(() => position(page).innerText()).toContain('第 3 题');
    await finishQuiz(page);

    // After the result: a reload shows it again, and 重新测验 starts a new attempt that can be finished.
    const result = await quizScreen(page);
    await reload(page);
    await expect.poll(() => quizScreen(page)).toBe(result);
    await quiz(page).getByRole('button', { name: '重新测验' }).click();
    await expect.poll(() => position(page).innerText()).toContain('第 1 题');
    await answerAndCheck(page);
    await reload(page);
    await expect.poll(() => position(page).innerText()).toContain('第 1 题');
    await expect(quiz(page).locator('course-question .verdict').count()).resolves.toBe(1);
    await quiz(page).getByRole('button', { name: '下一题' }).click();
    await finishQuiz(page);
    await expect(quiz(page).locator('#result-heading').count()).resolves.toBe(1);

    // What was saved is what the learner sees: one more reload shows the second attempt's result.
    const second = await quizScreen(page);
    await reload(page);
    await expect.poll(() => quizScreen(page)).toBe(second);
    await page.close();
  }, 180_000);

  it('a role-play keeps working after a reload mid-run, leaving and coming back, a reload after the ending, and a restart', async () => {
    const page = await newLearner(ROLEPLAY);
    await chooseReply(page);

    // Mid-run with feedback showing: the same feedback comes back, and the run goes on.
    const before = await roleplayScreen(page);
    await reload(page);
    await expect.poll(() => roleplayScreen(page)).toBe(before);
    await roleplay(page).getByRole('button', { name: '继续' }).click();
    await chooseReply(page);
    await roleplay(page).getByRole('button', { name: '继续' }).click();

    // Mid-run with a question showing: reload, then choose.
    await reload(page);
    await chooseReply(page);

    // Leave and come back: the conversation is where it was, and goes on to an ending.
    const here = await roleplayScreen(page);
    await leaveAndComeBack(page);
    await expect.poll(() => roleplayScreen(page)).toBe(here);
    await playToEnding(page);

    // After the ending: a reload shows it again, and 重新开始 starts a new run that reaches an ending.
    const ending = await roleplayScreen(page);
    await reload(page);
    await expect.poll(() => roleplayScreen(page)).toBe(ending);
    await roleplay(page).getByRole('button', { name: '重新开始' }).click();
    await expect.poll(() => roleplay(page).locator('#ending-heading').count()).toBe(0);
    await chooseReply(page);
    await reload(page);
    await playToEnding(page);
    await expect(roleplayScreen(page)).resolves.toContain('已完成 2 次');
    await page.close();
  }, 180_000);
});
