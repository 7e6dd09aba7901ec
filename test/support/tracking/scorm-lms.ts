/**
 * Test support: the built course inside scorm-again as the LMS, the way an LMS (or the preview launcher) runs a SCO:
 * an LMS page exposing `window.API` / `window.API_1484_11` with the course in a frame. Every SetValue the LMS
 * refuses is recorded; when the course frame goes away, the LMS keeps its data model for the next launch.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Frame, Page } from 'playwright-core';

export type ScormVersion = '12' | '2004';

/** Writes lms/scorm.html and scorm-again's browser build into a built course folder. */
export function installLms(outDir: string): void {
  const require = createRequire(import.meta.url);
  // The CommonJS entry is dist/scorm-again.js; the browser build sits beside it.
  const dist = dirname(dirname(require.resolve('scorm-again')));
  mkdirSync(join(outDir, 'lms'), { recursive: true });
  copyFileSync(join(dist, 'dist/scorm-again.min.js'), join(outDir, 'lms/scorm-again.min.js'));
  writeFileSync(join(outDir, 'lms/scorm.html'), LMS_PAGE);
}

const LMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm-again.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const version = params.get('v');
  const key = 'lms-data-' + version;
  const saved = localStorage.getItem(key);
  window.rejected = [];
  window.setCalls = [];
  const api = version === '12' ? new Scorm12API({ logLevel: 5, autocommit: false }) : new Scorm2004API({ logLevel: 5, autocommit: false });
  if (saved) {
    api.loadFromJSON(JSON.parse(saved), '');
    if (version === '12') api.cmi.core.entry = 'resume'; else api.cmi.entry = 'resume';
  }
  if (params.get('mastery')) {
    if (version === '12') api.cmi.student_data.mastery_score = params.get('mastery');
    else api.cmi.scaled_passing_score = String(Number(params.get('mastery')) / 100);
  }
  const setName = version === '12' ? 'LMSSetValue' : 'SetValue';
  const errorName = version === '12' ? 'LMSGetLastError' : 'GetLastError';
  const set = api[setName].bind(api);
  api[setName] = (element, value) => {
    const result = set(element, value);
    window.setCalls.push([element, value]);
    if (String(result) !== 'true') window.rejected.push(element + '=' + String(value).slice(0, 80) + ' → ' + api[errorName]());
    return result;
  };
  const finishName = version === '12' ? 'LMSFinish' : 'Terminate';
  const finish = api[finishName].bind(api);
  api[finishName] = (arg) => {
    const result = finish(arg);
    window.finished = (window.finished || 0) + 1;
    localStorage.setItem(key, JSON.stringify(api.cmi));
    return result;
  };
  if (version === '12') window.API = api; else window.API_1484_11 = api;
</script></head>
<body><iframe id="sco" title="course" src="../index.html" style="width:1200px;height:850px;border:0"></iframe></body></html>`;

/** Opens the LMS page; resolves with the course frame once the player shows a heading. */
export async function launch(page: Page, baseUrl: string, version: ScormVersion, mastery?: number): Promise<Frame> {
  const query = `v=${version}${mastery === undefined ? '' : `&mastery=${mastery}`}`;
  await page.goto(`${baseUrl}lms/scorm.html?${query}`);
  const frame = page.frameLocator('#sco');
  await frame.locator('course-player h1').waitFor();
  return page.frames().find((f) => f.url().endsWith('/index.html') || f.url().includes('/index.html#'))!;
}

/** Closes the course the way an LMS does (the SCO's frame goes away) and returns the LMS's data model. */
export async function close(
  page: Page,
): Promise<{ cmi: Record<string, unknown>; rejected: string[]; sets: [string, string][] }> {
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await page.waitForFunction(() => (window as unknown as { finished?: number }).finished === 1);
  return page.evaluate(() => {
    const w = window as unknown as { rejected: string[]; setCalls: [string, string][] };
    const api =
      (w as unknown as Record<string, { cmi: unknown }>).API ??
      (w as unknown as Record<string, { cmi: unknown }>).API_1484_11;
    return {
      cmi: JSON.parse(JSON.stringify(api!.cmi)) as Record<string, unknown>,
      rejected: w.rejected,
      sets: w.setCalls,
    };
  });
}
