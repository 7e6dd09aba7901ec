import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';

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
