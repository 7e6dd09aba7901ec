/**
 * The packaging benchmark (part of `npm run bench`): a cold `npm run package` (its own process, a fresh copy of the
 * course with an organisation's IRI, as the packaging tests make, nothing built before) and the size of each zip.
 * Prints one JSON line (PackageBench) on stdout.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyCourse } from '../support/course-copy.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PackageBench {
  ms: number;
  zips: { kind: string; bytes: number }[];
}

export function benchPackage(): PackageBench {
  const course = copyCourse();
  try {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/.bin/tsx'), join(root, 'tools/packaging/cli.ts'), course.dir],
      { cwd: root, encoding: 'utf8' },
    );
    const ms = Math.round(performance.now() - started);
    if (run.status !== 0) throw new Error(`npm run package failed: ${run.stdout}\n${run.stderr}`);
    const dir = join(course.dir, 'dist/packages');
    const zips = readdirSync(dir)
      .filter((f) => f.endsWith('.zip'))
      .sort()
      .map((f) => ({ kind: f.replace(/\.zip$/, ''), bytes: statSync(join(dir, f)).size }));
    return { ms, zips };
  } finally {
    course.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(benchPackage()));
}
