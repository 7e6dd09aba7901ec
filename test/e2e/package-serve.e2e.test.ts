/**
 * Each LMS package as an LMS runs it: unzipped into an empty folder, served from a sub-path, opened inside an
 * iframe of the host page in Chromium, and one module read to its end. The network log must show no request
 * outside the package (and the host page standing in for the LMS). Then each package under the preview LMS: served
 * from its sub-path, launched from the launcher in its own standard (SCORM under scorm-again in the LMS's frame),
 * the first module read to its end and a quiz question answered; for SCORM the LMS must hold that learner's data,
 * for cmi5 and xAPI the launch must carry the package's own ids and pass mark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingSequence } from '../../core/route.js';
import type { CourseIndex } from '../../core/types.js';
import { PACKAGE_KINDS } from '../../tools/packaging/manifests.js';
import { packageCourse, zipName } from '../../tools/packaging/package-course.js';
import { servePackage, unpackPackage, type ServedPackage } from '../../tools/packaging/serve.js';
import { packagePrefix, startServer, type RunningServer } from '../../server/index.js';
import { launchChromium } from '../support/browser.js';
import { copyCourse, TEST_COURSE_IRI } from '../support/course-copy.js';

let course: ReturnType<typeof copyCourse>;
let outDir: string;
let browser: Browser;
const cleanup: string[] = [];

beforeAll(async () => {
  course = copyCourse();
  outDir = mkdtempSync(join(tmpdir(), 'packages-e2e-'));
  await packageCourse({ root: course.dir, outDir });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  course?.dispose();
  for (const dir of [outDir, ...cleanup]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every request the page and its frames make, and every one that failed or was refused. */
function networkLog(page: Page): { requests: string[]; failures: string[] } {
  const log = { requests: [] as string[], failures: [] as string[] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('requestfailed', (request) => log.failures.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    // A first launch asks the LRS for a saved state that does not exist yet: 404 is the xAPI answer, not a failure.
    const noSavedState = response.status() === 404 && new URL(response.url()).pathname.endsWith('/activities/state');
    if (response.status() >= 400 && !noSavedState) log.failures.push(`${response.url()} ${response.status()}`);
  });
  return log;
}

describe('LMS packages served from a sub-path in an iframe', () => {
  for (const kind of PACKAGE_KINDS) {
    it(`${kind}: runs from /lms/content/${kind}/ in a frame, reads the first module to its end, requests nothing else`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `unzipped-${kind}-`));
      cleanup.push(dir);
      const served: ServedPackage = await servePackage(join(outDir, zipName('telecom-customer-service', kind)), {
        prefix: `/lms/content/${kind}/`,
        dir,
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const log = networkLog(page);
      try {
        expect(served.unpacked.kind).toBe(kind);
        const index = JSON.parse(readFileSync(join(dir, 'content/course.json'), 'utf8')) as CourseIndex;
        const sequence = readingSequence(index).map((entry) => ({ module: entry.module.id, title: entry.item.title }));
        const firstModule = sequence[0]!.module;
        const moduleLength = sequence.filter((entry) => entry.module === firstModule).length;

        await page.goto(served.framedUrl);
        const frame = page.frameLocator('iframe');
        const heading = frame.locator('course-player h1');
        // No LMS in the host page: the course keeps progress in the browser and first asks who is learning.
        await frame.getByLabel(/请输入你的姓名或工号/).fill(`学员 ${kind}`, { timeout: 60_000 });
        await frame.getByRole('button', { name: '开始学习' }).click();
        await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toBe(sequence[0]!.title);
        // Read every page of the first module and arrive at the next module's first page.
        for (let step = 1; step <= moduleLength; step++) {
          await frame.locator('course-player a.next').click();
          await expect.poll(() => heading.innerText(), { timeout: 15_000 }).toBe(sequence[step]!.title);
          await frame.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
        }
        expect(sequence[moduleLength]!.module).not.toBe(firstModule);

        // ------------------------------------------------------------------------------------------------------
        // LAUNCHER PART (waits for the preview LMS, branch `server`, and the tracking runtime, branch `tracking`):
        // launch this package from the preview LMS's launcher for `kind` instead of the host page above (cmi5 and
        // xAPI with their launch parameters, SCORM under scorm-again's API in the LMS frame), complete the module,
        // and assert the LMS/LRS recorded it. The allowed origins below then also include the LMS/LRS endpoint.
        // ------------------------------------------------------------------------------------------------------

        expect(log.failures).toEqual([]);
        const outside = log.requests.filter(
          (url) => !url.startsWith(`${served.origin}/lms/content/${kind}/`) && url !== served.framedUrl,
        );
        expect(outside, 'requests outside the package').toEqual([]);
        // The package's own files were actually requested through the sub-path.
        expect(log.requests).toContain(`${served.origin}/lms/content/${kind}/content/course.json`);
      } finally {
        await page.close();
        await served.close();
      }
    }, 120_000);
  }
});

interface LaunchInfo {
  id: string;
  standard: string;
  url: string;
}

describe('LMS packages launched from the preview LMS', () => {
  for (const kind of PACKAGE_KINDS) {
    it(`${kind}: the launcher launches the package from its sub-path, the first module is read and a question answered, the LMS records it`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `lms-unzipped-${kind}-`));
      const dataDir = mkdtempSync(join(tmpdir(), `lms-data-${kind}-`));
      cleanup.push(dir, dataDir);
      rmSync(dir, { recursive: true });
      const unpacked = unpackPackage(join(outDir, zipName('telecom-customer-service', kind)), dir);
      const server: RunningServer = await startServer({
        port: 0,
        dbPath: join(dataDir, 'lrs.sqlite'),
        package: unpacked,
      });
      const origin = server.url.slice(0, -1);
      const prefix = `${origin}${packagePrefix(kind)}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const log = networkLog(page);
      const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}${path}`)).json()) as T;
      try {
        const index = JSON.parse(readFileSync(join(dir, 'content/course.json'), 'utf8')) as CourseIndex;
        const sequence = readingSequence(index).map((entry) => ({ module: entry.module.id, title: entry.item.title }));
        const firstModule = sequence[0]!.module;
        const moduleLength = sequence.filter((entry) => entry.module === firstModule).length;
        const quiz = index.modules
          .flatMap((m) => m.items.map((item) => ({ module: m.id, item })))
          .find((entry) => entry.item.kind === 'quiz')!;

        // The launcher shows the package and offers only its standard.
        await page.goto(server.url);
        await page.locator('#course dl').waitFor();
        expect(await page.locator('#course').innerText()).toContain(packagePrefix(kind));
        expect(await page.locator(`input[name=standard][value=${kind}]`).isChecked()).toBe(true);
        await page.getByLabel(/学员姓名|Learner name/).fill(`学员 ${kind}`);
        await page.getByLabel(/学员账号|Learner account/).fill(`pkg-${kind}`);
        await page.locator('#launch').click();

        const scorm = kind.startsWith('scorm');
        if (scorm) await page.waitForURL(/\/lms\/scorm\//, { timeout: 60_000 });
        else await page.waitForURL((url) => url.href.startsWith(prefix), { timeout: 60_000 });
        await expect.poll(() => page.frames().some((f) => f.url().startsWith(prefix)), { timeout: 60_000 }).toBe(true);
        const course: Frame = page.frames().find((f) => f.url().startsWith(prefix))!;
        expect(course === page.mainFrame()).toBe(!scorm);
        const launch = (await api<{ launches: LaunchInfo[] }>('lms/api/launches')).launches[0]!;
        expect(launch.standard).toBe(kind);

        // Read every page of the first module and arrive at the next module's first page.
        const heading = course.locator('course-player h1');
        if (!scorm) {
          // Until the tracking runtime has its xAPI and cmi5 adapters, such a launch falls back to keeping progress
          // in the browser and asks who is learning; once they land, the course opens at once.
          const prompt = course.getByLabel(/请输入你的姓名或工号/);
          await prompt.or(heading).first().waitFor({ timeout: 60_000 });
          if (await prompt.isVisible()) {
            await prompt.fill(`学员 ${kind}`);
            await course.getByRole('button', { name: '开始学习' }).click();
          }
        }
        await expect.poll(() => heading.innerText(), { timeout: 60_000 }).toBe(sequence[0]!.title);
        for (let step = 1; step <= moduleLength; step++) {
          await course.locator('course-player a.next').click();
          await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toBe(sequence[step]!.title);
          await course.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
        }

        // A module quiz: start it and answer its first question (the draw is random: answer whatever comes).
        await course.evaluate((hash) => (location.hash = hash), `#/${quiz.module}/${quiz.item.id}`);
        await course.getByRole('button', { name: '开始测验' }).click({ timeout: 30_000 });
        const firstOption = course.locator('course-question input[type=radio], course-question input[type=checkbox]');
        const fillIn = course.locator('course-question input[type=text]');
        const selects = course.locator('course-question select');
        await course.locator('course-question').first().waitFor();
        if (await firstOption.count()) await firstOption.first().check();
        else if (await fillIn.count()) await fillIn.first().fill('营业厅');
        else for (const select of await selects.all()) await select.selectOption({ index: 1 });
        await course.getByRole('button', { name: '检查答案' }).click();
        await course
          .locator('course-question [part=feedback]')
          .filter({ hasText: /回答正确|部分正确|回答不正确/ })
          .waitFor({ timeout: 30_000 });

        if (scorm) {
          // The LMS received the learner's data at a commit: where they are, the resume record, the answer.
          type Cmi = Record<string, unknown> & { core?: Record<string, unknown> };
          const saved = async (): Promise<Cmi | null> =>
            (await api<{ scorm: Cmi | null }>(`lms/api/launches/${launch.id}`)).scorm;
          const location = (cmi: Cmi | null) => (kind === 'scorm12' ? cmi?.core?.lesson_location : cmi?.location);
          await expect
            .poll(async () => location(await saved()), { timeout: 90_000, interval: 1000 })
            .toBe(`${quiz.module}/${quiz.item.id}`);
          await expect
            .poll(async () => JSON.stringify((await saved())?.interactions ?? {}), { timeout: 90_000, interval: 1000 })
            .toMatch(/"id":"[^"]+"/);
          const cmi = (await saved())!;
          expect(String(cmi.suspend_data).length).toBeGreaterThan(0);
          if (kind === 'scorm2004') expect(Number(cmi.progress_measure)).toBeGreaterThan(0);
        } else {
          // The LMS launched the package with what its manifest says, not with ids of its own.
          type Statement = { verb: { id: string }; context?: unknown };
          const statements = (await api<{ statements: Statement[] }>(`lms/api/launches/${launch.id}/statements`))
            .statements;
          const launchUrl = new URL(launch.url);
          expect(launchUrl.pathname).toBe(`${packagePrefix(kind)}${unpacked.launch}`);
          if (kind === 'xapi') expect(launchUrl.searchParams.get('activity_id')).toBe(unpacked.iri);
          else {
            expect(unpacked.auId).toBe(`${TEST_COURSE_IRI}/au/course`);
            const launched = statements.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/launched');
            const context = JSON.stringify(launched?.context);
            expect(context).toContain(`"id":"${unpacked.auId}"`);
            expect(context).toContain(
              `"https://w3id.org/xapi/cmi5/context/extensions/masteryscore":${unpacked.masteryScore}`,
            );
            expect(context).toContain(`"${packagePrefix(kind)}${unpacked.launch}"`);
          }
          // The course's own records reached the LRS: the answer, with its interaction definition.
          await expect
            .poll(
              async () =>
                (await api<{ statements: Statement[] }>(`lms/api/launches/${launch.id}/statements`)).statements.some(
                  (s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/answered',
                ),
              { timeout: 90_000, interval: 1000 },
            )
            .toBe(true);
        }

        // Nothing outside the package and the LMS/LRS, and never the LMS's own built course.
        expect(log.failures).toEqual([]);
        const outside = log.requests.filter(
          (url) => !url.startsWith(`${origin}/`) || url.startsWith(`${origin}/course`),
        );
        expect(outside, 'requests outside the package and the LMS').toEqual([]);
        expect(log.requests).toContain(`${prefix}content/course.json`);
      } finally {
        await page.close();
        await server.close();
      }
    }, 400_000);
  }
});
