/**
 * `npm run test:lrs`: runs ADL's xAPI LRS conformance suite (../shared/lrs-conformance, read-only) against a fresh
 * embedded store on a free port, and prints `N passed, N failed` from the suite's JSON results.
 *
 * The suite's dependencies are installed once into .cache/lrs-conformance/<hash of its package-lock> and reused.
 * Options: `--grep PATTERN` runs only matching tests; `--json FILE` also writes the totals there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './index.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
// ../shared/lrs-conformance beside the project; from a worktree nested one level deeper, the nearest such folder above.
const suiteDir =
  process.env.LRS_CONFORMANCE_DIR ??
  ['../shared/lrs-conformance', '../../shared/lrs-conformance']
    .map((p) => resolve(projectRoot, p))
    .find((p) => existsSync(join(p, 'bin/console_runner.js'))) ??
  resolve(projectRoot, '../shared/lrs-conformance');
const { values } = parseArgs({ options: { grep: { type: 'string' }, json: { type: 'string' } } });

interface LogNode {
  title?: string;
  name?: string;
  status?: string;
  error?: string;
  tests?: LogNode[];
}

if (!existsSync(join(suiteDir, 'bin/console_runner.js'))) {
  console.error(`The conformance suite is missing: expected it at ${suiteDir} (../shared/lrs-conformance beside the project).`);
  process.exit(1);
}

const lock = readFileSync(join(suiteDir, 'package-lock.json'));
const cacheDir = join(projectRoot, '.cache/lrs-conformance', createHash('sha256').update(lock).digest('hex').slice(0, 16));
if (!existsSync(join(cacheDir, 'node_modules/.package-lock.json'))) {
  console.log(`Installing the conformance suite's dependencies into ${cacheDir} (once) …`);
  rmSync(cacheDir, { recursive: true, force: true });
  cpSync(suiteDir, cacheDir, { recursive: true });
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cacheDir, stdio: 'inherit' });
  if (npm.status !== 0) {
    rmSync(cacheDir, { recursive: true, force: true });
    console.error('npm ci failed for the conformance suite');
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'lrs-conformance-'));
cpSync(suiteDir, work, { recursive: true });
symlinkSync(join(cacheDir, 'node_modules'), join(work, 'node_modules'), 'dir');

const server = await startServer({ port: 0, dbPath: join(work, 'lrs.sqlite'), fresh: true });
console.log(`Conformance suite (xAPI 1.0.3) against ${server.endpoint} with a fresh database …`);
const args = [
  'bin/console_runner.js',
  '-x',
  '1.0.3',
  '-e',
  server.endpoint.replace(/\/$/, ''),
  '-a',
  '-u',
  server.credentials.key,
  '-p',
  server.credentials.secret,
  ...(values.grep ? ['-g', values.grep] : []),
];
const exitCode = await new Promise<number>((done) => {
  const child = spawn(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  // The runner prints a JSON summary every two seconds; show only its last line per update.
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() && !line.startsWith('{"total"')) console.log(line);
    }
  });
  child.on('exit', (code) => done(code ?? 1));
});
await server.close();

const logDir = join(work, 'logs');
const logFile = existsSync(logDir) ? readdirSync(logDir).find((f) => f.endsWith('.log')) : undefined;
if (!logFile) {
  console.error(`The suite wrote no results (runner exit code ${exitCode}).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const log = JSON.parse(readFileSync(join(logDir, logFile), 'utf8')) as {
  summary: { total: number; passed: number; failed: number };
  log: LogNode;
};
const failures: string[] = [];
const walk = (node: LogNode | undefined, trail: string[]) => {
  if (!node) return;
  const here = node.title ? [...trail, node.title] : trail;
  if (node.status === 'failed' && (!node.tests || node.tests.length === 0)) {
    failures.push(`✗ ${here.slice(-2).join(' › ')}\n    ${(node.error ?? '').split('\n')[0]}`);
  }
  for (const child of node.tests ?? []) walk(child, here);
};
walk(log.log, []);
if (failures.length) console.log(`\nFailing tests:\n${failures.join('\n')}`);
const { passed, failed } = log.summary;
if (values.json) writeFileSync(values.json, JSON.stringify({ passed, failed }));
cpSync(join(logDir, logFile), join(projectRoot, '.cache/lrs-conformance/last-run.json'));
rmSync(work, { recursive: true, force: true });
console.log(`\nxAPI 1.0.3 conformance: ${passed} passed, ${failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exitCode !== 0 ? 1 : 0);
