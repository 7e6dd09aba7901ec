/**
 * The preview LMS as end-to-end tests use it: a course built into a temporary folder, served by the embedded LMS and
 * LRS over real HTTP, with an administrator's xAPI client and Debian's Chromium; and the learner's launch from the
 * launcher page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RollupOutput } from 'rollup';
import { startServer, type RunningServer } from '../../server/index.js';
import { build } from '../../tools/build.js';
import { xapiClient, type Client } from '../server/support.js';
import { launchChromium } from './browser.js';

export interface PreviewLms {
  /** The temporary folder: `dist/` (the built course) and `lrs.sqlite`. */
  dir: string;
  output: RollupOutput;
  server: RunningServer;
  /** The LRS with the administrator's credentials, as an analytics tool or the report reads it. */
  admin: Client;
  browser: Browser;
  /** Closes the browser and the server and removes the folder. */
  close(): Promise<void>;
}

/** Builds the course at `root` (default: this project's) into a fresh folder named after `prefix`, and serves it. */
export async function startPreviewLms(prefix: string, root?: string): Promise<PreviewLms> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const courseDir = join(dir, 'dist');
    const output = await build({ ...(root ? { root } : {}), outDir: courseDir });
    server = await startServer({ port: 0, dbPath: join(dir, 'lrs.sqlite'), fresh: true, courseDir });
    const admin = xapiClient(server.endpoint, server.credentials);
    browser = await launchChromium();
    return { dir, output, server, admin, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The learner fills in the launcher page and launches (the cmi5 launch mode only when `mode` is given). */
export async function launchFromLauncher(
  page: Page,
  lmsUrl: string,
  { standard, account, mode }: { standard: string; account: string; mode?: string },
): Promise<void> {
  await page.goto(lmsUrl);
  await page.locator('#course dl').waitFor();
  await page.getByLabel(/学员姓名|Learner name/).fill(`学员 ${account}`);
  await page.getByLabel(/学员账号|Learner account/).fill(account);
  await page.locator(`input[name=standard][value=${standard}]`).check();
  if (mode) await page.locator('#launch-mode').selectOption(mode);
  await page.locator('#launch').click();
}
