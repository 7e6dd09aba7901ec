/**
 * `npm test`: type check of every room (tsc -b), lint, the three vitest projects (unit, content, e2e), browser tests
 * (@web/test-runner in Chromium) and validation of the shipped course; ends with one line of totals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { buildLocales } from './locales.js';
import { courseRoot } from './paths.js';

interface Totals {
  passed: number;
  failed: number;
}

const results: { suite: string; totals: Totals }[] = [];
const bin = (name: string): string => `${courseRoot}node_modules/.bin/${name}`;
const run = (command: string, args: string[]): number =>
  spawnSync(command, args, { cwd: courseRoot, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } }).status ??
  1;
const one = (ok: boolean): Totals => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
const readJson = <T>(file: string): T | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;

rmSync(`${courseRoot}.test-results`, { recursive: true, force: true });
mkdirSync(`${courseRoot}.test-results`, { recursive: true });
buildLocales();

console.log('\n== Type check of every room (tsc -b) ==');
results.push({ suite: 'type check', totals: one(run(bin('tsc'), ['-b']) === 0) });

console.log('\n== Lint (eslint) ==');
results.push({ suite: 'lint', totals: one(run(bin('eslint'), ['.']) === 0) });

for (const project of ['unit', 'content', 'server', 'e2e']) {
  console.log(`\n== ${project} tests (vitest --project ${project}) ==`);
  const report = `.test-results/${project}.json`;
  const status = run(bin('vitest'), [
    'run',
    `--project=${project}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number }>(`${courseRoot}${report}`);
  results.push({
    suite: project,
    // A crash before the report counts as a failure, so a broken run cannot pass silently.
    totals: json
      ? {
          passed: json.numPassedTests,
          failed: json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0),
        }
      : one(false),
  });
}

console.log('\n== Browser tests (@web/test-runner, Chromium) ==');
const browserStatus = run(bin('web-test-runner'), []);
const browser = readJson<Totals>(`${courseRoot}.test-results/browser.json`);
results.push({
  suite: 'browser',
  totals: browser
    ? { passed: browser.passed, failed: browser.failed + (browserStatus !== 0 && browser.failed === 0 ? 1 : 0) }
    : one(false),
});

console.log('\n== xAPI store conformance (npm run test:lrs, ADL suite) ==');
const lrsStatus = run(process.execPath, [bin('tsx'), 'server/conformance.ts', '--json', '.test-results/lrs.json']);
const lrs = readJson<Totals>(`${courseRoot}.test-results/lrs.json`);
results.push({
  suite: 'lrs conformance',
  totals: lrs ? { passed: lrs.passed, failed: lrs.failed + (lrsStatus !== 0 && lrs.failed === 0 ? 1 : 0) } : one(false),
});

console.log('\n== Shipped course validation (npm run validate) ==');
results.push({ suite: 'validate', totals: one(run(process.execPath, [bin('tsx'), 'tools/validate.ts']) === 0) });

console.log('');
for (const { suite, totals } of results) console.log(`${suite}: ${totals.passed} passed, ${totals.failed} failed`);
const passed = results.reduce((n, r) => n + r.totals.passed, 0);
const failed = results.reduce((n, r) => n + r.totals.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
