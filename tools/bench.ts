/**
 * `npm run bench`: how long content validation and a full build take, and what a learner downloads before the first
 * page (JavaScript and content, gzipped). Figures only; tests never assert times.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputBundle } from 'rollup';
import { build } from './build.js';
import { gzipSize, initialJavaScript } from './bundle-size.js';
import { loadCourse } from './content/load-course.js';
import { courseRoot, seedsDir } from './paths.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(runs: number, task: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

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

const rows: [string, string][] = [
  [
    'validate the course (median of 10)',
    `${median(validation).toFixed(0)} ms (min ${Math.min(...validation).toFixed(0)} ms)`,
  ],
  ['full build (median of 3)', `${median(builds).toFixed(0)} ms`],
  ['JavaScript before the first page, gzipped', `${js} bytes`],
  ['course index, gzipped', `${gzipSize(index)} bytes`],
  ['first module data, gzipped', `${gzipSize(moduleJson)} bytes`],
];
for (const [what, figure] of rows) console.log(`${what.padEnd(44)} ${figure}`);

// The report over 100,000 generated statements in a fresh embedded LRS (its own process, so its peak memory is its
// own): `npm run bench -- --statements N` to change the count, `--no-report` to skip it.
const args = process.argv.slice(2);
if (!args.includes('--no-report')) {
  const count = args.includes('--statements') ? Number(args[args.indexOf('--statements') + 1]) : 100_000;
  const report = spawnSync(
    process.execPath,
    [join(courseRoot, 'node_modules/.bin/tsx'), join(courseRoot, 'test/bench/report-bench.ts'), String(count)],
    { cwd: courseRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  console.log(report.stdout.trim() || `report bench failed (exit ${report.status ?? 'signal'})`);
}
