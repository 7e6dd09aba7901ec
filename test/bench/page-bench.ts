/**
 * The first-page benchmark (part of `npm run bench`): our course in each launch standard (through the preview LMS,
 * as the end-to-end tests launch it), the same chapter in LiaScript, and a static HTML floor page with the same
 * welcome text, each loaded cold in headless Chromium with the CPU slowed 4× and Lighthouse's simulated slow 4G.
 * Measures bytes transferred before the welcome text shows, first contentful paint, time to first text and when the
 * page starts to respond to input. Prints progress on stderr and one JSON line (PageBench) on stdout.
 *
 * Everything is served from one local front server that gzips text as any production web server would (the preview
 * LMS itself does not compress), so the three are compared on equal terms. No request may leave localhost: others are
 * aborted and counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame } from 'playwright-core';
import { startServer } from '../../server/index.js';
import {
  median,
  transfers,
  bytesBefore,
  timeToInteractive,
  type NetworkEvent,
  type Span,
} from '../../tools/bench/metrics.js';
import type { PageRow, PageTarget } from '../../tools/bench/table.js';
import { launchChromium } from '../support/browser.js';
import { startFrontServer } from './front-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The welcome page's first words: "visible" means this text is laid out, on screen and not transparent. */
export const WELCOME_TEXT = '每天，营业厅的柜台';

/** Lighthouse's simulated slow 4G (throughput in bytes per second, as Lighthouse converts kbps). */
export const SLOW_4G = { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;
/** Quiet time (no long task, at most two requests in flight) that marks the page as responding; Lighthouse uses 5 s. */
export const QUIET_WINDOW_MS = 2000;

type Target = PageTarget;

interface RunResult {
  fcp: number | null;
  firstText: number;
  interactive: number | null;
  js: number;
  css: number;
  total: number;
  requests: number;
  blocked: number;
}

/** Runs in every frame before its own scripts: records when the welcome text first shows, and long tasks. */
const probe = (needle: string) => {
  interface Probe {
    firstText: number | null;
    longTasks: { start: number; end: number }[];
  }
  const state: Probe = { firstText: null, longTasks: [] };
  (window as unknown as { __bench: Probe }).__bench = state;
  const origin = performance.timeOrigin;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        state.longTasks.push({ start: origin + e.startTime, end: origin + e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this frame.
  }
  const shown = (text: Text): boolean => {
    const el = text.parentElement;
    if (!el) return false;
    const range = document.createRange();
    range.selectNodeContents(text);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.bottom <= 0 || rect.top >= innerHeight) return false;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const find = (node: Node): boolean => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if ((n as Text).data.includes(needle) && shown(n as Text)) return true;
      } else if ((n as Element).shadowRoot && find((n as Element).shadowRoot!)) return true;
    }
    return false;
  };
  const check = (frameTime: number) => {
    if (document.documentElement && find(document.documentElement)) state.firstText = origin + frameTime;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return !/^https?:$|^wss?:$/.test(protocol) || hostname === '127.0.0.1' || hostname === 'localhost';
};

/** The course's own traffic in a launch: not the preview LMS's player page, its scripts or its API. */
const isLmsChrome = (url: string): boolean => /\/lms\/(scorm|vendor|assets|api)\//.test(new URL(url).pathname);

/**
 * Standalone, the course first asks who is learning (progress is kept per learner in the browser); the bench loads it
 * as after that answer in the same tab, so the first page is the welcome page as in every LMS launch.
 */
const NAMED_LEARNER = `try { sessionStorage.setItem('course-learner', '测速'); } catch {}`;

async function loadOnce(browser: Browser, url: string, ownTrafficOnly: boolean, setup = ''): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN' });
  let blocked = 0;
  await context.route(
    (u) => !isLocal(u.href),
    (route) => {
      blocked++;
      return route.abort('blockedbyclient');
    },
  );
  // As source text: tsx wraps named inner functions in `__name(…)`, which the page does not have.
  await context.addInitScript({
    content: `${setup}{ const __name = (f) => f; (${probe.toString()})(${JSON.stringify(WELCOME_TEXT)}); }`,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: NetworkEvent[] = [];
    for (const method of [
      'Network.requestWillBeSent',
      'Network.responseReceived',
      'Network.loadingFinished',
      'Network.loadingFailed',
    ] as const) {
      cdp.on(method, (params: unknown) => events.push({ method, params } as NetworkEvent));
    }
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'commit' });

    const read = (frame: Frame) =>
      frame
        .evaluate(
          () => (window as unknown as { __bench?: { firstText: number | null; longTasks: Span[] } }).__bench ?? null,
        )
        .catch(() => null);
    const deadline = Date.now() + 90_000;
    let firstText: number | null = null;
    let interactive: number | null = null;
    for (;;) {
      await page.waitForTimeout(250);
      const states = (await Promise.all(page.frames().map(read))).filter((s) => s !== null);
      firstText ??= states.map((s) => s.firstText).find((t) => t !== null) ?? null;
      if (firstText !== null) {
        const longTasks = states.flatMap((s) => s.longTasks);
        interactive = timeToInteractive({
          from: firstText,
          longTasks,
          // A response whose body never reports finished (some POSTs and PUTs) counts as done once it answered.
          requests: transfers(events).map((t) => ({ start: t.start, end: t.end ?? t.responded })),
          window: QUIET_WINDOW_MS,
          now: Date.now(),
        });
        if (interactive !== null) break;
      }
      if (Date.now() > deadline) {
        if (firstText === null) throw new Error(`the welcome text never showed in ${url}`);
        break;
      }
    }
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const list = transfers(events).filter((t) => !ownTrafficOnly || !isLmsChrome(t.url));
    const bytes = bytesBefore(list, firstText);
    if (process.env.BENCH_DEBUG) {
      for (const t of list)
        process.stderr.write(
          `    ${t.kind} ${t.bytes} ${(t.start - navigationStart).toFixed(0)}–${t.end === null ? '…' : (t.end - navigationStart).toFixed(0)} ${t.responded === null ? 'no response' : 'responded'} ${t.url.slice(0, 120)}\n`,
        );
    }
    return {
      fcp,
      firstText: firstText - navigationStart,
      interactive: interactive === null ? null : interactive - navigationStart,
      ...bytes,
      blocked,
    };
  } finally {
    await context.close();
  }
}

export interface PageBench {
  runs: number;
  cpuSlowdown: number;
  network: string;
  quietWindowMs: number;
  rows: PageRow[];
}

export async function benchPages(runs = 9): Promise<PageBench> {
  const dir = mkdtempSync(join(tmpdir(), 'page-bench-'));
  const log = (line: string) => process.stderr.write(`  pages: ${line}\n`);
  const { build } = await import('../../tools/build.js');
  log('building the course');
  await build({ outDir: join(dir, 'course') });
  const lms = await startServer({ port: 0, dbPath: join(dir, 'lrs.db'), fresh: true, courseDir: join(dir, 'course') });
  const front = await startFrontServer(lms.url, {
    '/bench/floor/': join(root, 'bench/fixtures/floor/'),
    '/bench/liascript/': join(root, 'node_modules/@liascript/editor/dist/'),
    '/bench/liascript-course/': join(root, 'bench/fixtures/liascript/'),
  });
  const browser = await launchChromium();
  try {
    const launch = async (standard: string, n: number): Promise<string> => {
      const response = await fetch(`${front.url}lms/api/launches`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `测速 ${n}`, account: `bench-${standard}-${n}`, standard, newRegistration: true }),
      });
      if (!response.ok) throw new Error(`launch ${standard}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { launch: { url: string } }).launch.url;
    };
    const targets: Record<Target, (n: number) => Promise<string>> = {
      floor: () => Promise.resolve(`${front.url}bench/floor/index.html`),
      liascript: () =>
        Promise.resolve(`${front.url}bench/liascript/index.html?${front.url}bench/liascript-course/chapter.md`),
      standalone: () => Promise.resolve(`${front.url}course/index.html`),
      scorm12: (n) => launch('scorm12', n),
      scorm2004: (n) => launch('scorm2004', n),
      cmi5: (n) => launch('cmi5', n),
      xapi: (n) => launch('xapi', n),
    };
    // One load thrown away first: the browser's own start-up work (first context, first page) is not the page's.
    await loadOnce(browser, await targets.floor(0), false);
    const results = new Map<Target, RunResult[]>();
    // Round-robin, so a burst of load on the machine does not fall on one target only.
    for (let n = 0; n < runs; n++) {
      const only = process.env.BENCH_TARGETS?.split(',');
      for (const target of (Object.keys(targets) as Target[]).filter((t) => !only || only.includes(t))) {
        const url = await targets[target](n);
        const ours = target !== 'floor' && target !== 'liascript';
        const result = await loadOnce(browser, url, ours, target === 'standalone' ? NAMED_LEARNER : '');
        results.set(target, [...(results.get(target) ?? []), result]);
        log(
          `run ${n + 1}/${runs} ${target}: first text ${result.firstText.toFixed(0)} ms, responds ${result.interactive?.toFixed(0) ?? '—'} ms, ${result.total} bytes`,
        );
      }
    }
    const med = (list: RunResult[], pick: (r: RunResult) => number | null): number | null => {
      const values = list.map(pick).filter((v): v is number => v !== null);
      return values.length === list.length ? Math.round(median(values)) : null;
    };
    const rows: PageRow[] = [...results].map(([target, list]) => ({
      target,
      jsBytes: med(list, (r) => r.js)!,
      cssBytes: med(list, (r) => r.css)!,
      totalBytes: med(list, (r) => r.total)!,
      requests: med(list, (r) => r.requests)!,
      fcpMs: med(list, (r) => r.fcp),
      firstTextMs: med(list, (r) => r.firstText)!,
      interactiveMs: med(list, (r) => r.interactive),
      blockedRequests: list.reduce((s, r) => s + r.blocked, 0),
    }));
    return {
      runs,
      cpuSlowdown: CPU_SLOWDOWN,
      network: 'slow 4G (150 ms RTT, 1,638 kbps down, 675 kbps up)',
      quietWindowMs: QUIET_WINDOW_MS,
      rows,
    };
  } finally {
    await browser.close();
    await front.close();
    await lms.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 9);
  console.log(JSON.stringify(await benchPages(runs)));
}
