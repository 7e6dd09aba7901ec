/**
 * `npm test`: type check, unit tests (vitest: core, tools, content checks, end-to-end runs), browser tests
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

console.log('\n== Type check (tsc --noEmit) ==');
results.push({ suite: 'type check', totals: one(run(bin('tsc'), ['--noEmit']) === 0) });

console.log('\n== Unit, content and end-to-end tests (vitest) ==');
const unitStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.test-results/unit.json',
]);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>(`${courseRoot}.test-results/unit.json`);
results.push({
  suite: 'unit',
  // A crash before the report counts as a failure, so a broken run cannot pass silently.
  totals: unit
    ? {
        passed: unit.numPassedTests,
        failed: unit.numFailedTests + (unitStatus !== 0 && unit.numFailedTests === 0 ? 1 : 0),
      }
    : one(false),
});

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
