import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionFeedback } from '../../tools/content/check-feedback.js';
import { loadCourse } from '../../tools/content/load-course.js';
import { launchChromium } from '../support/browser.js';
import { seedsDir } from '../support/fixtures.js';

// `npm start` on a copy of the course, with a trainer's tab open on it while files are saved.
const project = fileURLToPath(new URL('../..', import.meta.url));
let root: string;
let server: ChildProcess;
let output = '';
let url: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'course-preview-'));
  for (const entry of ['course.yaml', 'modules', 'quizzes'])
    cpSync(join(project, entry), join(root, entry), { recursive: true });
  const port = await freePort();
  url = `http://localhost:${port}/`;
  server = spawn(process.execPath, [join(project, 'node_modules/.bin/tsx'), 'tools/start.ts'], {
    cwd: project,
    env: { ...process.env, PORT: String(port), COURSE_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('课程已启动')) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

const courseHeading = (page: Page) => page.locator('course-player h1');
const errorHeading = (page: Page) => page.locator('h1#content-errors');

describe('npm start with the course tab open', () => {
  it('switches the open tab to the error page when a broken file is saved, and back to the course when it is fixed', async () => {
    const page = await browser.newPage();
    // Standalone preview keeps progress per learner: name the tab's learner, as a trainer does once.
    await page.addInitScript(() => sessionStorage.setItem('course-learner', 'trainer'));
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(url);
    await courseHeading(page).waitFor();
    const title = await courseHeading(page).innerText();
    const opened = navigations;

    // The trainer types a full-width colon into the first page's front matter and saves.
    const file = join(root, 'modules/00-introduction/01-welcome.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^minutes: /m, 'minutes：'));
    await errorHeading(page).waitFor({ timeout: 30_000 });
    const report = await page.locator('pre').innerText();
    expect(report).toContain('modules/00-introduction/01-welcome.md');
    expect(report).toContain('[full-width-colon]');
    expect(report).toContain('全角');

    // The fix is saved: the same tab returns to the course by itself.
    writeFileSync(file, good);
    await courseHeading(page).waitFor({ timeout: 30_000 });
    expect(await courseHeading(page).innerText()).toBe(title);
    expect(await errorHeading(page).count()).toBe(0);
    // Two reloads the page made itself (to the error page and back); the test never navigated it.
    expect(navigations - opened).toBeGreaterThanOrEqual(2);
    await page.close();
  }, 90_000);
});

describe("the trainers' question preview", () => {
  it('shows any question with its answer, all its feedback and the file and line it comes from', async () => {
    const { course, origins } = loadCourse(root, { seedsDir });
    const quiz = course!.modules.flatMap((m) => m.items).find((i) => i.kind === 'quiz')!;
    if (quiz.kind !== 'quiz') throw new Error('no quiz');
    const question = quiz.quiz.pools.at(-1)!.questions.at(-1)!;
    const page = await browser.newPage();
    await page.goto(`${url}__preview?question=${question.id}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain(question.prompt);
    for (const f of questionFeedback(question)) expect(text).toContain(f.text);
    const origin = origins.get(question.id)!;
    expect(text).toContain(`${origin.file}:${origin.line}`);
    expect(await page.locator('article.question').count()).toBe(1);

    // The whole bank, every question of every pool, whatever the draw.
    await page.goto(`${url}__preview?quiz=${quiz.id}`);
    const bank = quiz.quiz.pools.flatMap((p) => p.questions);
    expect(await page.locator('article.question').count()).toBe(bank.length);

    // The contents name the file of every page.
    await page.goto(`${url}__preview`);
    const contents = await page.locator('nav').innerText();
    const firstPage = course!.modules[0]!.items[0]!;
    expect(contents).toContain(`${origins.get(firstPage.id)!.file}:`);
    expect(contents).toContain(firstPage.title);
    await page.close();
  }, 60_000);
});
