import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const validFixture = join(fixturesDir, 'valid');
export const brokenFixturesDir = join(fixturesDir, 'broken');
export { seedsDir } from '../../tools/paths.js';

export interface ExpectedError {
  code: string;
  file: string;
  line: number;
}

export interface BrokenFixture {
  name: string;
  description: string;
  errors: ExpectedError[];
}

/** Every broken fixture: a folder of files that replace or add to the valid fixture, and its expected.yaml. */
export function brokenFixtures(): BrokenFixture[] {
  return readdirSync(brokenFixturesDir)
    .sort()
    .map((name) => {
      const expected = parse(readFileSync(join(brokenFixturesDir, name, 'expected.yaml'), 'utf8')) as Omit<
        BrokenFixture,
        'name'
      >;
      return { name, ...expected };
    });
}

/** A temporary course: the valid fixture with a broken fixture's files laid over it (and its `remove` list deleted). */
export function materialise(name: string | null): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'course-fixture-'));
  cpSync(validFixture, dir, { recursive: true });
  if (name) {
    const overlay = join(brokenFixturesDir, name);
    const expected = parse(readFileSync(join(overlay, 'expected.yaml'), 'utf8')) as { remove?: string[] };
    for (const path of expected.remove ?? []) rmSync(join(dir, path), { recursive: true, force: true });
    cpSync(overlay, dir, { recursive: true, filter: (src) => !src.endsWith('expected.yaml') });
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
