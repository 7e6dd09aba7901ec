// The preview LMS in Chromium: the real course, built as `npm run build` builds it, launched from the launcher in
// each standard; the launch must reach the course with its parameters or API object, and the LMS's own records be
// stored. axe checks the launcher and the records view; statement content with markup is shown as text.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { statement, type Client } from '../server/support.js';
import { launchFromLauncher, startPreviewLms, type PreviewLms } from '../support/preview-lms.js';

/** What the course frame reaches of scorm-again's API objects in its parent (the preview LMS's SCORM player). */
interface Scorm12Api {
  LMSInitialize(param: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(param: ''): string;
  LMSFinish(param: ''): string;
  cmi: { student_data: { mastery_score: string }; core: { student_id: string } };
}
interface Scorm2004Api {
  Initialize(param: ''): string;
  cmi: { scaled_passing_score: string | number; learner_id: string };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let lms: PreviewLms;
let server: RunningServer;
let browser: Browser;
let admin: Client;

beforeAll(async () => {
  lms = await startPreviewLms('launcher-e2e-');
  ({ server, admin, browser } = lms);
}, 300_000);

afterAll(() => lms?.close());

/** Launches from the launcher page, in a new page unless one is given. */
async function launchCourse(standard: string, account: string, page?: Page): Promise<Page> {
  const p = page ?? (await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }));
  await launchFromLauncher(p, server.url, { standard, account });
  return p;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('launch in each standard', { timeout: 120_000 }, () => {
  it('cmi5: the course opens with endpoint, fetch, actor, registration and activityId; launched and LMS.LaunchData are stored', async () => {
    const page = await launchCourse('cmi5', 'e2e-cmi5');
    await page.waitForURL(/\/course\/index\.html\?/);
    await page.locator('course-player').waitFor({ state: 'attached' });
    const params = new URL(page.url()).searchParams;
    expect(params.get('endpoint')).toBe(server.endpoint);
    expect(params.get('fetch')).toMatch(/\/lms\/cmi5\/fetch\//);
    const actor = JSON.parse(params.get('actor')!) as { account: { name: string } };
    expect(actor.account.name).toBe('e2e-cmi5');
    const registration = params.get('registration')!;
    const activityId = params.get('activityId')!;
    const launched = (await (
      await admin.request(
        'GET',
        `statements?registration=${registration}&verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/launched')}`,
      )
    ).json()) as { statements: unknown[] };
    expect(launched.statements).toHaveLength(1);
    const state = await admin.request(
      'GET',
      `activities/state?${new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' }).toString()}`,
    );
    expect(state.status).toBe(200);
    expect(((await state.json()) as { launchMode: string }).launchMode).toBe('Normal');
    await page.close();
  });

  it('xAPI: the course opens with endpoint, auth, actor, registration and activity_id', async () => {
    const page = await launchCourse('xapi', 'e2e-xapi');
    await page.waitForURL(/\/course\/index\.html\?/);
    await page.locator('course-player').waitFor({ state: 'attached' });
    const params = new URL(page.url()).searchParams;
    expect(params.get('endpoint')).toBe(server.endpoint);
    expect(params.get('auth')).toMatch(/^Basic /);
    expect(params.get('activity_id')).toBe('https://training.example.com/courses/telecom-customer-service');
    expect(params.get('registration')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(params.get('actor')!)).toMatchObject({ account: { name: 'e2e-xapi' } });
    await page.close();
  });

  it('SCORM 1.2: the course frame finds window.API with the pass mark, and a relaunch resumes the committed data', async () => {
    const page = await launchCourse('scorm12', 'e2e-scorm12');
    await page.waitForURL(/\/lms\/scorm\//);
    const frame = await courseFrame(page);
    const found = await frame.evaluate(() => {
      const api = (window.parent as unknown as { API?: Scorm12Api }).API;
      return api
        ? { init: typeof api.LMSInitialize, mastery: api.cmi.student_data.mastery_score, id: api.cmi.core.student_id }
        : null;
    });
    expect(found).toEqual({ init: 'function', mastery: '80', id: 'e2e-scorm12' });
    // The course itself commits where the learner is and its resume record; the LMS keeps them per learner.
    const stored = async (): Promise<{ suspend_data?: string; core?: { lesson_location?: string } } | null> => {
      const res = await fetch(new URL(`lms/api/scorm/${page.url().split('/').pop()}`, server.url));
      return ((await res.json()) as { cmi: { suspend_data?: string; core?: { lesson_location?: string } } | null }).cmi;
    };
    await expect.poll(async () => (await stored())?.suspend_data ?? '', { timeout: 60_000 }).not.toBe('');
    const committed = await stored();
    await launchCourse('scorm12', 'e2e-scorm12', page);
    await page.waitForURL(/\/lms\/scorm\//);
    const again = await courseFrame(page);
    // Read once the course has initialised the session (before that the API answers nothing).
    const resumed = () =>
      again.evaluate(() => {
        const api = (window.parent as unknown as { API: Scorm12Api }).API;
        return { data: api.LMSGetValue('cmi.suspend_data'), entry: api.LMSGetValue('cmi.core.entry') };
      });
    await expect.poll(async () => (await resumed()).entry, { timeout: 60_000 }).toBe('resume');
    expect(await resumed()).toEqual({ data: committed?.suspend_data, entry: 'resume' });
    await page.close();
  });

  it('SCORM 2004: the course frame finds window.API_1484_11 with the scaled passing score', async () => {
    const page = await launchCourse('scorm2004', 'e2e-scorm2004');
    await page.waitForURL(/\/lms\/scorm\//);
    const frame = await courseFrame(page);
    const found = await frame.evaluate(() => {
      const api = (window.parent as unknown as { API_1484_11?: Scorm2004Api }).API_1484_11;
      return api
        ? { init: typeof api.Initialize, passing: String(api.cmi.scaled_passing_score), id: api.cmi.learner_id }
        : null;
    });
    expect(found).toEqual({ init: 'function', passing: '0.8', id: 'e2e-scorm2004' });
    await page.close();
  });
});

async function courseFrame(page: Page) {
  await page.locator('#course-frame:not([hidden])').waitFor();
  await expect.poll(() => page.frames().some((f) => f.url().includes('/course/index.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/course/index.html'))!;
  await frame.locator('course-player').waitFor({ state: 'attached' });
  return frame;
}

describe('records view', { timeout: 120_000 }, () => {
  it('shows markup in statements as text, live, and passes axe on phone and desktop in both languages', async () => {
    const page = await launchCourse('cmi5', 'e2e-records');
    await page.waitForURL(/\/course\/index\.html\?/);
    const params = new URL(page.url()).searchParams;
    const registration = params.get('registration')!;
    const launches = (await (await fetch(new URL('lms/api/launches', server.url))).json()) as {
      launches: { id: string; registration: string }[];
    };
    const launchId = launches.launches.find((l) => l.registration === registration)!.id;

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL(`records?launch=${launchId}`, server.url).href);
    await page
      .getByText(/launched|已启动/)
      .first()
      .waitFor();

    // Posted while the page is open: it must appear without a reload.
    const hostile = statement({
      actor: {
        objectType: 'Agent',
        name: '<img src=x onerror="window.__xss=1">',
        account: { homePage: 'http://localhost/preview-lms', name: 'e2e-records' },
      },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: {
        id: 'https://training.example.com/q/1',
        definition: { name: { 'zh-CN': '<script>window.__xss=2</script>' } },
      },
      result: { response: '<img src=y onerror="window.__xss=3"><script>window.__xss=4</script>' },
      context: { registration },
    });
    expect((await admin.request('POST', 'statements', hostile)).status).toBe(200);
    await page.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();
    expect(
      page.getByText('<img src=y onerror="window.__xss=3"><script>window.__xss=4</script>', { exact: true }),
    ).toBeTruthy();
    expect(await page.locator('ol.records img, ol.records script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // One entry per statement of the launch: the LMS's launched, the hostile one, and whatever the course sent before
    // the page left it (initialized, terminated on pagehide), which depends on timing.
    const stored = async () => {
      const answer = await admin.request('GET', `statements?registration=${registration}&limit=100`);
      return ((await answer.json()) as { statements: unknown[] }).statements.length;
    };
    await expect.poll(async () => (await page.locator('ol.records > li').count()) === (await stored())).toBe(true);
    expect(await page.locator('ol.records > li').count()).toBeGreaterThanOrEqual(2);

    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#language').click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the launcher passes axe on phone and desktop', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      const page = await browser.newPage({ viewport, locale: 'zh-CN' });
      await page.goto(server.url);
      await page.locator('#course dl').waitFor();
      await page.locator('#launches ul, #launches p').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#language').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('shows the SCORM data model of a SCORM launch', async () => {
    const launches = (await (await fetch(new URL('lms/api/launches', server.url))).json()) as {
      launches: { id: string; standard: string; account: string }[];
    };
    const scorm = launches.launches.find((l) => l.standard === 'scorm12' && l.account === 'e2e-scorm12')!;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await page.goto(new URL(`records?launch=${scorm.id}&lang=en`, server.url).href);
    await page.getByRole('rowheader', { name: 'cmi.suspend_data' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
