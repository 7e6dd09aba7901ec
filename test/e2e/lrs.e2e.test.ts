// The built course launched from the preview LMS as cmi5 and as xAPI, in Chromium, over real HTTP to the embedded
// LRS: a learner takes a quiz, closes the tab and relaunches; every statement is read back from the LRS and checked
// by xapi-validation, the cmi5 order and result rules, and the resume record in the state resource.
import type { Browser, Page } from 'playwright-core';
import type { RollupOutput } from 'rollup';
import validateStatement from 'xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { launchSizes, XAPI_MODULES } from '../../tools/bundle-size.js';
import type { Client } from '../server/support.js';
import { launchFromLauncher, startPreviewLms, type PreviewLms } from '../support/preview-lms.js';
import { goTo, playRolePlay, takeQuiz, queuedStatementIds } from '../support/tracking/learner-ui.js';

const COURSE = 'https://training.example.com/courses/telecom-customer-service';
const QUIZ = '#/service-concepts/service-concepts-quiz';
const ROLEPLAY = '#/service-concepts/rp-weather-forecast';
const V = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`;

let lms: PreviewLms;
let output: RollupOutput;
let server: RunningServer;
let browser: Browser;
let admin: Client;

beforeAll(async () => {
  lms = await startPreviewLms('course-lrs-');
  ({ output, server, admin, browser } = lms);
}, 600_000);

afterAll(() => lms?.close());

interface Stmt {
  id: string;
  verb: { id: string };
  object: { id: string; definition?: { type?: string } };
  timestamp: string;
  result?: { success?: boolean; score?: { raw?: number }; extensions?: Record<string, unknown> };
  context?: { registration?: string; contextActivities?: Record<string, { id: string }[]> };
}

/** Launches from the launcher page and waits until the course player is in the page. */
async function launchCourse(page: Page, standard: string, account: string, mode?: string): Promise<void> {
  await launchFromLauncher(page, server.url, { standard, account, ...(mode ? { mode } : {}) });
  await page.waitForURL(/\/course\/index\.html\?/);
  await page.locator('course-player').waitFor({ state: 'attached' });
}

/** The statements the course sent for one registration, oldest first (the LMS's own `launched` left out). */
async function statementsOf(registration: string): Promise<Stmt[]> {
  const response = await admin.request('GET', `statements?registration=${registration}&ascending=true&limit=1000`);
  const body = (await response.json()) as { statements: Stmt[] };
  return body.statements.filter((s) => s.verb.id !== V('launched') && s.verb.id !== V('satisfied'));
}

/** Closes the course as a learner closes the tab: pagehide ends the session with a keepalive send. */
async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

describe('cmi5 and xAPI launches against the embedded LRS', { timeout: 300_000 }, () => {
  it('cmi5 Normal: initialized first, answers with their definitions, resume from the state resource, terminated last', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await launchCourse(page, 'cmi5', 'lrs-cmi5');
    const registration = new URL(page.url()).searchParams.get('registration')!;
    const activityId = new URL(page.url()).searchParams.get('activityId')!;
    await goTo(page.mainFrame(), QUIZ);
    await takeQuiz(page.mainFrame());
    const quizText = await page.locator('course-quiz').innerText();
    await expect
      .poll(() => page.locator('tracking-status').evaluate((e) => e.shadowRoot?.textContent ?? ''), {
        timeout: 60_000,
      })
      .toMatch(/已保存|saved/i);
    await leave(page);
    await expect
      .poll(async () => (await statementsOf(registration)).some((s) => s.verb.id === V('terminated')), {
        timeout: 60_000,
      })
      .toBe(true);

    // Relaunch (same registration): the token is fetched again by the new launch, the state resource resumes.
    const again = await context.newPage();
    await launchCourse(again, 'cmi5', 'lrs-cmi5');
    expect(new URL(again.url()).searchParams.get('registration')).toBe(registration);
    await expect.poll(() => again.evaluate(() => location.hash), { timeout: 60_000 }).toBe(QUIZ);
    await expect.poll(() => again.locator('course-quiz').innerText(), { timeout: 60_000 }).toBe(quizText);
    await leave(again);
    await expect
      .poll(async () => (await statementsOf(registration)).filter((s) => s.verb.id === V('terminated')).length, {
        timeout: 60_000,
      })
      .toBe(2);

    const all = await statementsOf(registration);
    for (const s of all) expect(validateStatement(s), JSON.stringify(s).slice(0, 300)).toEqual([]);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    // Two sessions, each initialized first and terminated last.
    const verbs = all.map((s) => s.verb.id.split('/').pop());
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => v === 'initialized')).toHaveLength(2);
    const firstEnd = verbs.indexOf('terminated');
    expect(verbs[firstEnd + 1]).toBe('initialized');
    for (const s of all.filter((x) => ['initialized', 'terminated'].includes(x.verb.id.split('/').pop()!))) {
      expect(s.object.id).toBe(activityId);
      expect(s.context?.registration).toBe(registration);
    }
    const answered = all.filter((s) => s.verb.id === V('answered'));
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const s of answered) {
      expect(s.object.id.startsWith(`${COURSE}/questions/`)).toBe(true);
      expect(s.context?.contextActivities?.grouping?.map((a) => a.id)).toContain(COURSE);
      expect(s.context?.contextActivities?.parent?.[0]?.id).toBe(`${COURSE}/quizzes/service-concepts-quiz`);
      expect(Object.keys((s.context as { extensions: object }).extensions)).toContain(`${COURSE}/extensions/attempt`);
    }
    const progressed = all.filter((s) => s.verb.id === V('progressed'));
    expect(progressed.length).toBeGreaterThan(0);
    for (const s of progressed) {
      expect(Number.isInteger(s.result?.extensions?.['https://w3id.org/xapi/cmi5/result/extensions/progress'])).toBe(
        true,
      );
    }
    // Not finished: no completed, passed or failed yet.
    expect(all.filter((s) => [V('completed'), V('passed'), V('failed')].includes(s.verb.id))).toEqual([]);

    // The first page's JavaScript and the adapter chunk were downloaded; within the cmi5 budget.
    const chunks = output.output.filter((o) => o.type === 'chunk');
    expect(chunks.some((c) => /lrs-adapter/.test(c.fileName) && requested.includes(`/course/${c.fileName}`))).toBe(
      true,
    );
    const size = launchSizes(Object.fromEntries(output.output.map((o) => [o.fileName, o])) as never).find(
      (s) => s.standard === 'cmi5',
    )!;
    console.info(`cmi5 first-page JavaScript: ${size.bytes} bytes gzipped (budget ${size.budget})`);
    expect(size.bytes).toBeLessThanOrEqual(size.budget);
    expect(XAPI_MODULES).toBeInstanceOf(RegExp);
    await context.close();
  });

  it('cmi5 Browse: nothing but initialized and terminated', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await launchCourse(page, 'cmi5', 'lrs-cmi5-browse', 'Browse');
    const registration = new URL(page.url()).searchParams.get('registration')!;
    await goTo(page.mainFrame(), QUIZ);
    await takeQuiz(page.mainFrame());
    await leave(page);
    await expect
      .poll(async () => (await statementsOf(registration)).map((s) => s.verb.id.split('/').pop()), {
        timeout: 60_000,
      })
      .toEqual(['initialized', 'terminated']);
    await context.close();
  });

  it('xAPI: statements under the course IRI with the course → module → item hierarchy', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await launchCourse(page, 'xapi', 'lrs-xapi');
    const registration = new URL(page.url()).searchParams.get('registration')!;
    await goTo(page.mainFrame(), '#/service-concepts/service-concepts-what-is-service');
    await goTo(page.mainFrame(), ROLEPLAY);
    await playRolePlay(page.mainFrame());
    await goTo(page.mainFrame(), QUIZ);
    await takeQuiz(page.mainFrame());
    await leave(page);
    await expect
      .poll(async () => (await statementsOf(registration)).some((s) => s.verb.id === V('terminated')), {
        timeout: 60_000,
      })
      .toBe(true);
    const all = await statementsOf(registration);
    for (const s of all) expect(validateStatement(s), JSON.stringify(s).slice(0, 300)).toEqual([]);
    for (const s of all) expect(s.object.id.startsWith(COURSE)).toBe(true);
    const experienced = all.filter((s) => s.verb.id === V('experienced'));
    // Each visited item is reported as what it is (page, assessment, simulation), its module as parent.
    const visited = (id: string) => experienced.find((s) => s.object.id === id);
    expect(visited(`${COURSE}/pages/service-concepts-what-is-service`)?.object.definition?.type).toBe(
      'http://activitystrea.ms/schema/1.0/page',
    );
    expect(visited(`${COURSE}/quizzes/service-concepts-quiz`)?.object.definition?.type).toBe(
      'http://adlnet.gov/expapi/activities/assessment',
    );
    expect(visited(`${COURSE}/roleplays/rp-weather-forecast`)?.object.definition?.type).toBe(
      'http://adlnet.gov/expapi/activities/simulation',
    );
    expect(
      experienced.filter((s) => /\/pages\/(service-concepts-quiz|rp-weather-forecast)$/.test(s.object.id)),
    ).toEqual([]);
    for (const s of experienced) {
      const inChapter = /service-concepts/.test(s.object.id) || /rp-weather-forecast/.test(s.object.id);
      if (inChapter) {
        expect(s.context?.contextActivities?.parent?.map((a) => a.id)).toEqual([`${COURSE}/modules/service-concepts`]);
      }
      expect(s.context?.contextActivities?.grouping?.map((a) => a.id)).toEqual([COURSE]);
    }
    // Role-play replies under their role-play, the run's end as the role-play completed.
    const replies = all.filter((s) => s.verb.id === V('answered') && s.object.id.includes('/roleplays/'));
    expect(replies.length).toBeGreaterThan(0);
    for (const s of replies) {
      expect(s.context?.contextActivities?.parent?.map((a) => a.id)).toEqual([
        `${COURSE}/roleplays/rp-weather-forecast`,
      ]);
    }
    const run = all.find(
      (s) => s.verb.id === V('completed') && s.object.id === `${COURSE}/roleplays/rp-weather-forecast`,
    );
    expect(run?.context?.contextActivities?.parent?.map((a) => a.id)).toEqual([`${COURSE}/modules/service-concepts`]);
    const answered = all.filter((s) => s.verb.id === V('answered'));
    expect(answered.filter((s) => s.object.id.includes('/questions/')).length).toBeGreaterThanOrEqual(3);
    for (const s of answered) {
      expect(s.context?.contextActivities?.grouping?.map((a) => a.id)).toEqual([
        COURSE,
        `${COURSE}/modules/service-concepts`,
      ]);
    }
    await context.close();
  });

  it('faults: the LRS unreachable for a whole session, then back: every statement arrives once and the page resumes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const endpoint = server.endpoint;
    // A network fault injector in front of the LRS: every request to it fails as if the server were down.
    await context.route(`${endpoint}**`, (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    await launchCourse(page, 'xapi', 'lrs-offline');
    const registration = new URL(page.url()).searchParams.get('registration')!;
    await goTo(page.mainFrame(), QUIZ);
    await takeQuiz(page.mainFrame());
    const quizText = await page.locator('course-quiz').innerText();
    const queued = await queuedStatementIds(page);
    expect(queued.length).toBeGreaterThan(3);
    // The keepalive send at pagehide leaves after the page is gone and is not held by the route, so some of the
    // session may arrive here already; the rest waits in this browser's outbox for the next launch.
    await leave(page);

    await context.unroute(`${endpoint}**`);
    const again = await context.newPage();
    await launchCourse(again, 'xapi', 'lrs-offline');
    expect(new URL(again.url()).searchParams.get('registration')).toBe(registration);
    await expect.poll(() => again.evaluate(() => location.hash), { timeout: 60_000 }).toBe(QUIZ);
    await expect.poll(() => again.locator('course-quiz').innerText(), { timeout: 60_000 }).toBe(quizText);
    await expect
      .poll(
        async () => {
          const ids = new Set((await statementsOf(registration)).map((s) => s.id));
          return queued.filter((id) => !ids.has(id)).length;
        },
        { timeout: 120_000 },
      )
      .toBe(0);
    const all = await statementsOf(registration);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) expect(validateStatement(s), JSON.stringify(s).slice(0, 300)).toEqual([]);
    // The browser's copy of the resume record reached the state resource.
    const actor = new URL(again.url()).searchParams.get('actor')!;
    const state = await admin.request(
      'GET',
      `activities/state?${new URLSearchParams({ activityId: COURSE, agent: actor, registration, stateId: 'course-resume' }).toString()}`,
    );
    expect(state.status).toBe(200);
    await leave(again);
    await context.close();
  });

  it('faults: 500s and a 429 with Retry-After mid-run: every statement arrives exactly once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    let failures = 0;
    await context.route(`${server.endpoint}statements**`, async (route) => {
      if (route.request().method() === 'POST' && failures < 4) {
        failures++;
        // The injector answers in the LRS's place: two 500s, then a 429 asking to wait a second, then a 500.
        if (failures === 3) await route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, body: '' });
        else await route.fulfill({ status: 500, body: '' });
        return;
      }
      await route.continue();
    });
    const page = await context.newPage();
    await launchCourse(page, 'xapi', 'lrs-flaky');
    const registration = new URL(page.url()).searchParams.get('registration')!;
    await goTo(page.mainFrame(), QUIZ);
    await takeQuiz(page.mainFrame());
    await expect.poll(async () => (await queuedStatementIds(page)).length, { timeout: 120_000 }).toBe(0);
    expect(failures).toBe(4);
    await leave(page);
    await expect
      .poll(async () => (await statementsOf(registration)).some((s) => s.verb.id === V('terminated')), {
        timeout: 60_000,
      })
      .toBe(true);
    const all = await statementsOf(registration);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.filter((s) => s.verb.id === V('initialized'))).toHaveLength(1);
    expect(all.filter((s) => s.verb.id === V('answered')).length).toBeGreaterThanOrEqual(3);
    await context.close();
  });
});
