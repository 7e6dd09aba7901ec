// cmi5 sessions of a course copy against the embedded LRS over real HTTP, in Chromium: the cmi5 working group's sample
// launch data (a masteryScore other than the course's 80; Review mode), failed then passed across two sessions,
// requests to the LRS that hang past the adapter's timeout, and two tabs of one launch sharing this browser's outbox.
// Every statement is read back from the LRS and checked by xapi-validation.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import validateStatement from 'xapi-validation';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../core/types.js';
import type { RunningServer } from '../../server/index.js';
import { build } from '../../tools/build.js';
import { copyCourse, editCourseYaml, TEST_COURSE_IRI } from '../support/course-copy.js';
import { goTo, playRolePlay, takeQuiz, queuedStatementIds } from '../support/tracking/learner-ui.js';
import type { Client } from '../server/support.js';
import { startPreviewLms, type PreviewLms } from '../support/preview-lms.js';

const SCENARIOS = fileURLToPath(new URL('../../../shared/standards/cmi5/samples/scenarios', import.meta.url));
const sample = (scenario: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${SCENARIOS}/${scenario}/02-lms_launch_data.json`, 'utf8')) as Record<string, unknown>;

const COURSE = TEST_COURSE_IRI;
const V = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`;
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CHAPTER_QUIZ = '#/service-concepts/service-concepts-quiz';
const ROLEPLAY = '#/service-concepts/rp-weather-forecast';
const SILENT_CALL = '#/service-etiquette/rp-silent-call';
const LAST_PAGE = '#/service-concepts/service-concepts-customer-churn';

let course: ReturnType<typeof copyCourse>;
let lms: PreviewLms;
let dir: string;
let server: RunningServer;
let browser: Browser;
let admin: Client;
let finalHash: string;

interface Stmt {
  id: string;
  actor: unknown;
  verb: { id: string };
  object: { id: string; definition?: { type?: string } };
  timestamp: string;
  result?: {
    success?: boolean;
    completion?: boolean;
    duration?: string;
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    extensions?: Record<string, unknown>;
    contextActivities?: Record<string, { id: string }[]>;
  };
}

interface LaunchInfo {
  id: string;
  url: string;
  registration: string;
  activityId: string;
  sessionId: string;
}

beforeAll(async () => {
  // A copy of the course whose success is decided by one short final assessment: the final opens at once, the course
  // is complete once it is taken, and it draws two single-choice or true-false questions from each chapter's pool.
  course = copyCourse();
  editCourseYaml(course.dir, (text) =>
    text.replace(/^( {4}modules:) true/m, '$1 false').replace(/opensAfterModules: true/, 'opensAfterModules: false'),
  );
  const finalFile = join(course.dir, 'quizzes', 'final.yaml');
  const final = parse(readFileSync(finalFile, 'utf8')) as { pools: { draw: number; questions: { type: string }[] }[] };
  for (const pool of final.pools) {
    pool.questions = pool.questions.filter((q) => q.type === 'single' || q.type === 'true-false');
    pool.draw = 2;
  }
  writeFileSync(finalFile, stringify(final));
  lms = await startPreviewLms('cmi5-sessions-', course.dir);
  ({ dir, server, admin, browser } = lms);
  const index = JSON.parse(readFileSync(join(dir, 'dist', 'content', 'course.json'), 'utf8')) as CourseIndex;
  finalHash = `#/${index.finalAssessment!.id}/${index.finalAssessment!.items[0]!.id}`;
}, 600_000);

afterAll(async () => {
  await lms?.close();
  course?.dispose();
});

/** The LMS prepares a launch (LaunchData, token, `launched`), as its launcher page does. */
async function createLaunch(account: string, standard: 'cmi5' | 'xapi', launchMode = 'Normal'): Promise<LaunchInfo> {
  const response = await fetch(new URL('lms/api/launches', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `学员 ${account}`, account, standard, launchMode }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { launch: LaunchInfo }).launch;
}

const actorOf = (launch: LaunchInfo) => new URL(launch.url).searchParams.get('actor')!;

function stateQuery(launch: LaunchInfo, activityId: string, stateId: string): string {
  return new URLSearchParams({
    activityId,
    agent: actorOf(launch),
    registration: launch.registration,
    stateId,
  }).toString();
}

/** Puts a sample's launch data in place of the LMS's own (its session's context template and returnURL kept). */
async function useSampleLaunchData(launch: LaunchInfo, scenario: string): Promise<Record<string, unknown>> {
  const query = stateQuery(launch, launch.activityId, 'LMS.LaunchData');
  const lms = (await (await admin.request('GET', `activities/state?${query}`)).json()) as Record<string, unknown>;
  const data = { ...sample(scenario), contextTemplate: lms.contextTemplate, returnURL: lms.returnURL };
  const put = await admin.request('PUT', `activities/state?${query}`, data);
  expect(put.status).toBe(204);
  return data;
}

async function open(context: BrowserContext, launch: LaunchInfo): Promise<Page> {
  const page = await context.newPage();
  await page.goto(launch.url);
  await page.locator('course-player').waitFor({ state: 'attached' });
  await page.locator('course-player article').first().waitFor();
  return page;
}

/** The statements the course sent for one registration, oldest first (the LMS's own `launched` left out). */
async function statementsOf(registration: string): Promise<Stmt[]> {
  const response = await admin.request('GET', `statements?registration=${registration}&ascending=true&limit=1000`);
  const body = (await response.json()) as { statements: Stmt[] };
  return body.statements.filter((s) => s.verb.id !== V('launched') && s.verb.id !== V('satisfied'));
}

const verbOf = (s: Stmt) => s.verb.id.split('/').pop()!;

function valid(all: Stmt[]): void {
  for (const s of all) expect(validateStatement(s), JSON.stringify(s).slice(0, 300)).toEqual([]);
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
}

/** Takes the final assessment on screen, every answer right or every answer wrong (the draw varies). */
async function takeFinal(page: Page, right: boolean): Promise<void> {
  await goTo(page.mainFrame(), finalHash);
  await page.getByRole('button', { name: /开始测验|重新测验/ }).click();
  for (;;) {
    const question = page.locator('course-question');
    await question.waitFor();
    const answer = await question.evaluate((el) =>
      String((el as unknown as { question: { answer: unknown } }).question.answer),
    );
    const options = question.locator('input[type=radio]');
    const values = await options.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const pick = values.findIndex((v) => (v === answer) === right);
    await options.nth(pick).check();
    const next = page.getByRole('button', { name: '下一题' });
    if (await next.count()) await next.click();
    else break;
  }
  await page.getByRole('button', { name: '提交测验' }).click();
  const confirm = page.getByRole('button', { name: '确定提交' });
  if (await confirm.isVisible()) await confirm.click();
  await page.getByRole('heading', { name: '测验结果' }).waitFor();
}

/** The learner leaves with 退出课程: the session ends and the LMS's returnURL opens. */
async function exitCourse(page: Page, returnURL: string): Promise<void> {
  await page.getByRole('button', { name: '退出课程' }).click();
  await page.waitForURL(returnURL, { timeout: 60_000 });
}

async function terminatedCount(registration: string): Promise<number> {
  return (await statementsOf(registration)).filter((s) => s.verb.id === V('terminated')).length;
}

/** The cmi5 rules every session must keep, whatever happened in it. */
function checkSessions(all: Stmt[]): Map<string, Stmt[]> {
  const sessions = new Map<string, Stmt[]>();
  for (const s of all) {
    const id = s.context?.extensions?.[SESSION_EXT] as string;
    expect(id, `${verbOf(s)} without a session id`).toBeTruthy();
    sessions.set(id, [...(sessions.get(id) ?? []), s]);
  }
  for (const list of sessions.values()) {
    const byTime = [...list].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    const times = byTime.map((s) => Date.parse(s.timestamp));
    expect(
      times.every((t, i) => i === 0 || t > times[i - 1]!),
      `timestamps strictly increasing: ${byTime.map((s) => `${verbOf(s)} ${s.timestamp} ${s.id}`).join(', ')}`,
    ).toBe(true);
    expect(verbOf(byTime[0]!)).toBe('initialized');
    expect(verbOf(byTime.at(-1)!)).toBe('terminated');
    expect(byTime.filter((s) => ['initialized', 'terminated'].includes(verbOf(s)))).toHaveLength(2);
    expect(byTime.filter((s) => ['passed', 'failed'].includes(verbOf(s))).length).toBeLessThanOrEqual(1);
  }
  return sessions;
}

describe('cmi5 sessions against the embedded LRS', { timeout: 400_000 }, () => {
  it('Normal with the sample masteryScore: failed in session 1, passed in session 2, completed once, back to returnURL', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const first = await createLaunch('mastery', 'cmi5');
    const data = await useSampleLaunchData(first, '11-completed_and_passed-masteryScore-failed_first');
    const mastery = data.masteryScore as number;
    expect(mastery).not.toBe(0.8);
    let page = await open(context, first);
    await takeFinal(page, false);
    await exitCourse(page, data.returnURL as string);
    await expect.poll(() => terminatedCount(first.registration), { timeout: 60_000 }).toBe(1);

    const second = await createLaunch('mastery', 'cmi5');
    expect(second.registration).toBe(first.registration);
    const data2 = await useSampleLaunchData(second, '11-completed_and_passed-masteryScore-failed_first');
    page = await open(context, second);
    await takeFinal(page, true);
    await exitCourse(page, data2.returnURL as string);
    await expect.poll(() => terminatedCount(first.registration), { timeout: 60_000 }).toBe(2);

    const all = await statementsOf(first.registration);
    valid(all);
    const sessions = checkSessions(all);
    expect([...sessions.keys()]).toEqual([first.sessionId, second.sessionId]);
    const judged = all.filter((s) => ['passed', 'failed'].includes(verbOf(s)));
    expect(judged.map(verbOf)).toEqual(['failed', 'passed']);
    expect(
      judged.map((s) => s.context?.extensions?.[`https://w3id.org/xapi/cmi5/context/extensions/sessionid`]),
    ).toEqual([first.sessionId, second.sessionId]);
    for (const s of judged) {
      expect(s.object.id).toBe(first.activityId);
      expect(s.context?.extensions?.[MASTERY_EXT]).toBe(mastery);
      expect(Number.isInteger(s.result?.score?.raw)).toBe(true);
    }
    expect(judged[0]!.result?.score?.scaled).toBeLessThan(mastery);
    expect(judged[1]!.result?.score?.scaled).toBeGreaterThanOrEqual(mastery);
    const completed = all.filter((s) => s.verb.id === V('completed') && s.object.id === first.activityId);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.result?.score).toBeUndefined();
    await context.close();
  });

  it('Review (sample launch data): the learner moves around and answers; the LRS receives initialized and terminated only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const launch = await createLaunch('review', 'cmi5', 'Review');
    const data = await useSampleLaunchData(launch, '15-review_mode');
    expect(data.launchMode).toBe('Review');
    const page = await open(context, launch);
    await goTo(page.mainFrame(), CHAPTER_QUIZ);
    await takeQuiz(page.mainFrame());
    await goTo(page.mainFrame(), ROLEPLAY);
    await playRolePlay(page.mainFrame());
    await exitCourse(page, data.returnURL as string);
    await expect.poll(() => terminatedCount(launch.registration), { timeout: 60_000 }).toBe(1);
    const all = await statementsOf(launch.registration);
    valid(all);
    expect(all.map(verbOf)).toEqual(['initialized', 'terminated']);
    checkSessions(all);
    // Nothing of the session was written to the state resource either.
    const state = await admin.request('GET', `activities/state?${stateQuery(launch, COURSE, 'course-resume')}`);
    expect(state.status).toBe(404);
    await context.close();
  });

  it('timeouts: statement requests that hang past the adapter timeout (one reaching the LRS) mid-run: every statement arrives once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const posted = new Map<string, number>();
    let hung = 0;
    await context.route(`${server.endpoint}statements**`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const ids = (JSON.parse(request.postData() ?? '[]') as { id: string }[]).map((s) => s.id);
      for (const id of ids) posted.set(id, (posted.get(id) ?? 0) + 1);
      if (hung < 2 && ids.length > 0) {
        hung++;
        // The first hung request reaches the LRS and its answer never comes back; the second never arrives at all.
        if (hung === 1) {
          await fetch(request.url(), { method: 'POST', headers: request.headers(), body: request.postData() ?? '' });
        }
        return; // never answered: the adapter's own timeout gives up on it
      }
      return route.continue();
    });
    const launch = await createLaunch('timeouts', 'cmi5');
    const page = await open(context, launch);
    await goTo(page.mainFrame(), CHAPTER_QUIZ);
    await takeQuiz(page.mainFrame());
    await goTo(page.mainFrame(), ROLEPLAY);
    await playRolePlay(page.mainFrame());
    await expect.poll(async () => (await queuedStatementIds(page)).length, { timeout: 180_000 }).toBe(0);
    expect(hung).toBe(2);
    const sent = [...posted.keys()];
    const all = await statementsOf(launch.registration);
    valid(all);
    const ids = new Set(all.map((s) => s.id));
    expect(sent.filter((id) => !ids.has(id))).toEqual([]);
    // Retried ids were sent again, and still stored once each.
    expect([...posted.values()].some((n) => n > 1)).toBe(true);
    expect(all.filter((s) => s.verb.id === V('answered')).length).toBeGreaterThanOrEqual(4);
    await exitCourse(page, (await launchReturnUrl(launch))!);
    await expect.poll(() => terminatedCount(launch.registration), { timeout: 60_000 }).toBe(1);
    checkSessions(await statementsOf(launch.registration));
    await context.close();
  });

  it('two tabs of one launch, both answering: every statement sent once, the state written with ETags and merged', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const posted = new Map<string, number>();
    const statePuts: { precondition: string | undefined; status: number }[] = [];
    await context.route(`${server.endpoint}**`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/statements')) {
        for (const s of JSON.parse(request.postData() ?? '[]') as { id: string }[]) {
          posted.set(s.id, (posted.get(s.id) ?? 0) + 1);
        }
      }
      if (request.method() === 'PUT' && new URL(request.url()).pathname.endsWith('/activities/state')) {
        const headers = request.headers();
        const response = await route.fetch();
        statePuts.push({ precondition: headers['if-match'] ?? headers['if-none-match'], status: response.status() });
        return route.fulfill({ response });
      }
      return route.continue();
    });
    const launch = await createLaunch('two-tabs', 'xapi');
    const a = await open(context, launch);
    const b = await open(context, launch);
    await goTo(a.mainFrame(), CHAPTER_QUIZ);
    await goTo(b.mainFrame(), ROLEPLAY);
    await takeQuiz(a.mainFrame());
    await playRolePlay(b.mainFrame());
    const quizQuestions = await a
      .locator('course-quiz')
      .evaluate((el) => (el as unknown as { state: { questionIds: string[] } }).state.questionIds.length);
    const pending = async () => (await queuedStatementIds(a)).length;
    await expect.poll(pending, { timeout: 120_000 }).toBe(0);
    await a.goto('about:blank');
    await b.goto('about:blank');
    await expect.poll(() => terminatedCount(launch.registration), { timeout: 60_000 }).toBe(2);

    const all = await statementsOf(launch.registration);
    valid(all);
    // Sent once: no id posted twice by the two tabs, nothing identical stored under two ids.
    expect([...posted.entries()].filter(([, n]) => n > 1)).toEqual([]);
    const ids = new Set(all.map((s) => s.id));
    expect([...posted.keys()].filter((id) => !ids.has(id))).toEqual([]);
    const content = all.map((s) => JSON.stringify({ ...s, id: undefined, stored: undefined, authority: undefined }));
    expect(new Set(content).size).toBe(all.length);
    const answers = all.filter((s) => s.verb.id === V('answered'));
    expect(answers.filter((s) => s.object.id.includes('/questions/'))).toHaveLength(quizQuestions);
    expect(answers.filter((s) => s.object.id.includes('/roleplays/')).length).toBeGreaterThan(0);
    expect(all.filter((s) => s.verb.id === V('initialized'))).toHaveLength(2);
    // Every write of the state resource carried a precondition; a refused one (412) was merged and written again.
    expect(statePuts.length).toBeGreaterThan(0);
    expect(statePuts.filter((p) => !p.precondition)).toEqual([]);
    expect(statePuts.filter((p) => p.status !== 204 && p.status !== 412)).toEqual([]);

    // A relaunch has both tabs' work: the quiz finished in one and the role-play run finished in the other.
    const again = await open(context, await createLaunch('two-tabs', 'xapi'));
    await goTo(again.mainFrame(), CHAPTER_QUIZ);
    await again.getByRole('button', { name: '重新测验' }).waitFor();
    await goTo(again.mainFrame(), ROLEPLAY);
    await again.locator('role-play').getByRole('button', { name: '重新开始' }).waitFor();
    await again.goto('about:blank');
    await context.close();
  });

  it('a course changed between two launches: what still matches comes back exactly, the rest is dropped, no error', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const first = await createLaunch('changed', 'xapi');
    let page = await open(context, first);
    await goTo(page.mainFrame(), CHAPTER_QUIZ);
    await takeQuiz(page.mainFrame());
    const drawn = await page
      .locator('course-quiz')
      .evaluate((el) => (el as unknown as { state: { questionIds: string[] } }).state.questionIds);
    // One reply in the role-play that will change, two in the one that will not.
    await goTo(page.mainFrame(), ROLEPLAY);
    await reply(page);
    await goTo(page.mainFrame(), SILENT_CALL);
    await reply(page);
    await reply(page);
    const silentNode = await roleplayNode(page);
    const line = await page.locator('role-play').innerText();
    await goTo(page.mainFrame(), LAST_PAGE);
    await expect
      .poll(() => page.locator('tracking-status').evaluate((e) => e.shadowRoot?.textContent ?? ''), { timeout: 60_000 })
      .toMatch(/已保存/);
    await page.goto('about:blank');
    await expect.poll(() => terminatedCount(first.registration), { timeout: 60_000 }).toBe(1);

    // The trainer changes the course: a question the learner answered goes, two pages swap places, a reply of the
    // first role-play scores differently (its graph's fingerprint changes); then the course is built again.
    const quizFile = join(course.dir, 'quizzes', 'service-concepts.yaml');
    const quiz = parse(readFileSync(quizFile, 'utf8')) as { pools: { draw?: number; questions: { id: string }[] }[] };
    const pool = quiz.pools[0]!;
    pool.questions = pool.questions.filter((q) => q.id !== drawn[0]);
    pool.draw = Math.min(pool.draw ?? pool.questions.length, pool.questions.length);
    writeFileSync(quizFile, stringify(quiz));
    const moduleDir = join(course.dir, 'modules', '01-service-concepts');
    renameSync(join(moduleDir, '02-customer-service.md'), join(moduleDir, 'swap.tmp'));
    renameSync(join(moduleDir, '03-quality-service.md'), join(moduleDir, '02-quality-service.md'));
    renameSync(join(moduleDir, 'swap.tmp'), join(moduleDir, '03-customer-service.md'));
    const rpFile = join(moduleDir, '10-weather-forecast.roleplay.yaml');
    writeFileSync(rpFile, readFileSync(rpFile, 'utf8').replace(/score: 2/, 'score: 1'));
    await build({ root: course.dir, outDir: join(dir, 'dist') });
    const index = JSON.parse(readFileSync(join(dir, 'dist', 'content', 'course.json'), 'utf8')) as CourseIndex;
    const order = index.modules.find((m) => m.id === 'service-concepts')!.items.map((i) => i.id);
    expect(order.indexOf('service-concepts-customer-service')).toBeGreaterThan(
      order.indexOf('service-concepts-quality-service'),
    );

    const errors: string[] = [];
    const second = await createLaunch('changed', 'xapi');
    expect(second.registration).toBe(first.registration);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(second.url);
    await page.locator('course-player article').first().waitFor();
    // The place comes back.
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 60_000 }).toBe(LAST_PAGE);
    // The unchanged role-play is on the same node with the same words, and the learner carries on from there.
    await goTo(page.mainFrame(), SILENT_CALL);
    expect(await roleplayNode(page)).toBe(silentNode);
    expect(await page.locator('role-play').innerText()).toBe(line);
    await playRolePlay(page.mainFrame());
    // The changed role-play starts again from its first node, and can be played to an ending.
    await goTo(page.mainFrame(), ROLEPLAY);
    expect(await roleplayNode(page)).toBe('n-open');
    await playRolePlay(page.mainFrame());
    // The quiz that lost a question keeps its finished attempt and is taken again without a hitch.
    await goTo(page.mainFrame(), CHAPTER_QUIZ);
    await page.getByRole('button', { name: '重新测验' }).waitFor();
    await takeQuiz(page.mainFrame());
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.goto('about:blank');
    await expect.poll(() => terminatedCount(first.registration), { timeout: 60_000 }).toBe(2);
    const all = await statementsOf(first.registration);
    valid(all);
    // After the relaunch the unchanged role-play's first reply was at the node it was left on.
    const secondSession = all.slice(all.findIndex((s, i) => i > 0 && s.verb.id === V('initialized')));
    const silentReplies = secondSession.filter((s) => s.object.id.includes('/roleplays/rp-silent-call/nodes/'));
    expect(silentReplies[0]?.object.id).toBe(`${COURSE}/roleplays/rp-silent-call/nodes/${silentNode}`);
    await context.close();
  });
});

/** Takes the best-scored reply on screen in the role-play (so the run goes on), and moves past its feedback. */
async function reply(page: Page): Promise<void> {
  const roleplay = page.locator('role-play');
  const best = await roleplay.evaluate((el) => {
    const { roleplay: rp, state } = el as unknown as {
      roleplay: { start: string; nodes: { id: string; replies?: { id: string; score: number }[] }[] };
      state: { nodeId: string } | null;
    };
    const nodeId = state?.nodeId ?? rp.start;
    const replies = [...(rp.nodes.find((n) => n.id === nodeId)?.replies ?? [])];
    return replies.sort((a, b) => b.score - a.score)[0]!.id;
  });
  const radios = roleplay.locator('input[type=radio]');
  const values = await radios.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await radios.nth(values.indexOf(best)).check();
  await roleplay.getByRole('button', { name: '确定' }).click();
  const next = roleplay.getByRole('button', { name: '继续' });
  await next.waitFor();
  await next.click();
}

async function roleplayNode(page: Page): Promise<string> {
  return page.locator('role-play').evaluate((el) => {
    const { roleplay, state } = el as unknown as { roleplay: { start: string }; state: { nodeId: string } | null };
    return state?.nodeId ?? roleplay.start;
  });
}

async function launchReturnUrl(launch: LaunchInfo): Promise<string | null> {
  const query = stateQuery(launch, launch.activityId, 'LMS.LaunchData');
  const data = (await (await admin.request('GET', `activities/state?${query}`)).json()) as { returnURL?: string };
  return data.returnURL ?? null;
}
