/**
 * `npm run bench`: one table of what makes the course fast or slow for learners, HR and trainers, printed on stdout
 * and written as JSON to bench/results/latest.json (progress goes to stderr). Figures only; tests never assert times.
 *
 * - build: content validation, a full build, and what a learner downloads before the first page (gzipped);
 * - first page (test/bench/page-bench.ts): our course in each launch standard, the same chapter in LiaScript and a
 *   static floor page, cold in throttled headless Chromium;
 * - records (test/bench/records-bench.ts): 1,000 statements from the real outbox to the embedded LRS;
 * - embedded LRS and report (test/bench/report-bench.ts): 100,000 statements stored, queried and reported;
 * - packaging (test/bench/package-bench.ts): a cold `npm run package` and each zip's size.
 *
 * Options: `--runs N` cold loads per page (default 9), `--statements N` for the LRS and report (default 100,000),
 * `--no-pages`, `--no-report`, `--no-package` to skip a part; `--print` prints the last run's table again. Each part runs in its own process, one after another,
 * so one part's memory or load does not weigh on the next.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { OutputBundle } from 'rollup';
import { median } from './bench/metrics.js';
import { renderTable, type BenchResult } from './bench/table.js';
import { build } from './build.js';
import { gzipSize, initialJavaScript } from './bundle-size.js';
import { loadCourse } from './content/load-course.js';
import { buildLocales } from './locales.js';
import { courseRoot, seedsDir } from './paths.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number above 0`);
  return value;
};
const runs = option('--runs', 9);
const statements = option('--statements', 100_000);
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function time(count: number, task: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

/** Runs a part of the bench in its own process; its last stdout line is its result as JSON. */
function part<T>(label: string, script: string, ...partArgs: string[]): T {
  progress(`${label}…`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(courseRoot, 'node_modules/.bin/tsx'), join(courseRoot, 'test/bench', script), ...partArgs],
    { cwd: courseRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status ?? 'signal'})`);
  progress(`${label} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

const resultsFile = join(courseRoot, 'bench/results/latest.json');
if (args.includes('--print')) {
  // The table of the last run again, without measuring anything.
  console.log(renderTable(JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResult));
  process.exit(0);
}

const benchStarted = performance.now();
buildLocales();
progress('validating the course 10 times and building it 3 times…');
const validation = await time(10, () => loadCourse(courseRoot, { seedsDir }));
const outDir = mkdtempSync(join(tmpdir(), 'course-bench-'));
let bundle: OutputBundle = {};
const builds = await time(3, async () => {
  const output = await build({ outDir });
  bundle = Object.fromEntries(output.output.map((o) => [o.fileName, o] as const));
});
const js = initialJavaScript(bundle).reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
const index = readFileSync(join(outDir, 'content/course.json'), 'utf8');
const firstModule = (JSON.parse(index) as { modules: { href: string }[] }).modules[0]!.href;
const moduleJson = readFileSync(join(outDir, 'content', firstModule), 'utf8');
rmSync(outDir, { recursive: true, force: true });

interface PagePart {
  runs: number;
  cpuSlowdown: number;
  network: string;
  quietWindowMs: number;
  rows: NonNullable<BenchResult['pages']>['rows'];
}
interface ReportPart {
  statements: number;
  storePerSecond: number;
  storeBatch: number;
  reportPerSecond: number;
  reportSeconds: number;
  peakMemoryMiB: number;
  query: { pages: number; ms: number; pageSize: number };
}

const pages = args.includes('--no-pages') ? null : part<PagePart>('first-page loads', 'page-bench.ts', String(runs));
const records = part<NonNullable<BenchResult['records']>>('1,000 statements from the outbox', 'records-bench.ts');
const report = args.includes('--no-report')
  ? null
  : part<ReportPart>(
      `LRS and report over ${statements.toLocaleString('en')} statements`,
      'report-bench.ts',
      String(statements),
    );
const packaged = args.includes('--no-package')
  ? null
  : part<NonNullable<BenchResult['package']>>('cold npm run package', 'package-bench.ts');

const liascript = JSON.parse(readFileSync(join(courseRoot, 'node_modules/@liascript/editor/package.json'), 'utf8')) as {
  version: string;
};
const result: BenchResult = {
  date: new Date().toISOString(),
  command: ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' '),
  machine: { cpus: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}` },
  liascript: `@liascript/editor ${liascript.version}`,
  build: {
    validateMs: Math.round(median(validation)),
    buildMs: Math.round(median(builds)),
    firstPageJsGzip: js,
    courseIndexGzip: gzipSize(index),
    firstModuleGzip: gzipSize(moduleJson),
  },
  pages,
  records,
  lrs: report && {
    statements: report.statements,
    batchSize: report.storeBatch,
    storePerSecond: report.storePerSecond,
    query: report.query,
  },
  report: report && {
    statements: report.statements,
    perSecond: report.reportPerSecond,
    seconds: report.reportSeconds,
    peakMemoryMiB: report.peakMemoryMiB,
  },
  package: packaged,
};

mkdirSync(dirname(resultsFile), { recursive: true });
// Formatted as the repository formats JSON, so the committed file stays clean under `npm run format:check`.
const prettierOptions = (await resolveConfig(resultsFile)) ?? {};
writeFileSync(resultsFile, await format(JSON.stringify(result), { ...prettierOptions, parser: 'json' }));
console.log(renderTable(result));
progress(
  `done in ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min; written to bench/results/latest.json`,
);
