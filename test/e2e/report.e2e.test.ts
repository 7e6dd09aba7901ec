/**
 * report.html as HR opens it, in Chromium: tables and charts render, sorting works by keyboard, axe finds nothing,
 * and names or responses holding markup stay text (no element is created from them, no script runs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Aggregator } from '../../report/aggregate.js';
import { classify } from '../../report/classify.js';
import { reportHtml } from '../../report/html.js';
import { IRI, catalog, statement } from '../../report/testing/fixture.js';
import { basicAuth, startServer, type RunningServer } from '../../server/index.js';
import { buildCatalog } from '../../report/catalog.js';
import { build } from '../../tools/build.js';
import type { CourseIndex, ModuleData } from '../../core/types.js';
import { launchChromium } from '../support/browser.js';

const axeSource = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const EVIL_NAME = '<img src=x onerror=alert(1)>';
const EVIL_RESPONSE = '<script>alert(2)</script>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'report-page-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(lang: 'zh-CN' | 'en'): Promise<{ page: Page; dialogs: string[]; requests: string[] }> {
  const cat = catalog();
  const agg = new Aggregator(cat);
  const learners = [
    { name: EVIL_NAME, mbox: 'mailto:a@example.net' },
    { name: FORMULA, account: { homePage: 'https://lms.example.net', name: 'formula' } },
    { name: '陈静', account: { homePage: 'https://lms.example.net', name: 'chenjing' } },
  ];
  learners.forEach((who, i) => {
    for (const s of [
      statement(who, 'answered', `${IRI}/questions/q1`, {
        result: { success: false, response: i === 0 ? EVIL_RESPONSE : 'b' },
        context: { extensions: { [`${IRI}/extensions/attempt`]: 1 } },
      }),
      statement(who, 'completed', `${IRI}/modules/m1`),
      statement(who, i === 2 ? 'passed' : 'failed', `${IRI}/quizzes/final`, {
        result: { score: { scaled: 0.5 + i * 0.2 } },
      }),
    ])
      agg.apply(classify(s, cat)!);
  });
  const file = join(dir, `report-${lang}.html`);
  writeFileSync(
    file,
    await reportHtml(agg.result(), { lang, timeZone: 'Asia/Shanghai', courseTitle: '电信客户服务基础' }),
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  return { page, dialogs, requests };
}

async function axe(page: Page): Promise<{ id: string; nodes: number }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
  });
}

describe('report.html', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`renders tables and charts, sorts by keyboard and passes axe (${lang})`, async () => {
      const { page, dialogs, requests } = await open(lang);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('figure svg[role="img"]').count()).toBe(4);
      expect(await page.locator('#completion tbody tr').count()).toBe(3);

      // Sort the completion table by best score, descending, with the keyboard.
      const bestHeader = page.locator('#completion thead button').nth(6);
      await bestHeader.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect(await page.locator('#completion thead th').nth(6).getAttribute('aria-sort')).toBe('descending');
      expect(await page.locator('#completion tbody tr th').first().innerText()).toBe('陈静');

      expect(await axe(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      await page.close();
    });
  }

  it('shows names and responses holding markup as text', async () => {
    const { page, dialogs } = await open('zh-CN');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    await expect(page.locator('#completion').innerText()).resolves.toContain(EVIL_NAME);
    await expect(page.locator('#completion').innerText()).resolves.toContain(FORMULA);
    await expect(page.locator('#items').innerText()).resolves.toContain(EVIL_RESPONSE);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('/report on the preview server', () => {
  let server: RunningServer;
  let courseDir: string;

  beforeAll(async () => {
    courseDir = mkdtempSync(join(tmpdir(), 'report-course-'));
    await build({ outDir: courseDir });
    server = await startServer({ port: 0, dbPath: join(dir, 'lrs.sqlite'), fresh: true, courseDir });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    rmSync(courseDir, { recursive: true, force: true });
  });

  it('says there is nothing yet, then shows the embedded store records as text, and passes axe', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}report`);
    await expect(page.locator('main').innerText()).resolves.toContain('还没有学员的学习记录');

    // Statements about the real course, as a cmi5 or xAPI launch sends them.
    const index = JSON.parse(readFileSync(join(courseDir, 'content/course.json'), 'utf8')) as CourseIndex;
    const modules = [...index.modules, ...(index.finalAssessment ? [index.finalAssessment] : [])].map(
      (m) => JSON.parse(readFileSync(join(courseDir, 'content', m.href), 'utf8')) as ModuleData,
    );
    const real = buildCatalog(index, modules);
    const question = real.questions[0]!;
    const evil = { objectType: 'Agent', name: EVIL_NAME, mbox: 'mailto:evil@example.net' };
    const grouping = { contextActivities: { grouping: [{ id: real.courseIri }] } };
    const statements = [
      {
        actor: evil,
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
        object: { id: `${real.courseIri}/questions/${encodeURIComponent(question.id)}` },
        result: { success: false, response: EVIL_RESPONSE },
        context: { ...grouping, extensions: { [`${real.courseIri}/extensions/attempt`]: 1 } },
      },
      {
        actor: evil,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: `${real.courseIri}/modules/${encodeURIComponent(real.modules[0]!.id)}` },
        context: grouping,
      },
    ];
    const posted = await fetch(`${server.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: basicAuth(server.credentials),
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(statements),
    });
    expect(posted.status).toBe(200);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.goto(`${server.url}report${lang === 'en' ? '?lang=en' : ''}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('figure svg[role="img"]').count()).toBe(4);
      await expect(page.locator('#completion').innerText()).resolves.toContain(EVIL_NAME);
      await expect(page.locator('#items').innerText()).resolves.toContain(EVIL_RESPONSE);
      expect(await page.locator('img').count()).toBe(0);
      expect(await axe(page)).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
