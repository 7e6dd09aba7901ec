import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { courseRoot } from './paths.js';

/** Generates locales/generated/ from the XLIFF translations (run before type checks, tests and builds). */
export function buildLocales(): void {
  const cli = createRequire(import.meta.url).resolve('@lit/localize-tools/bin/lit-localize.js');
  execFileSync(process.execPath, [cli, 'build'], { cwd: courseRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
