import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
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
  /** The exact Chinese message, where the fixture pins it. */
  message?: string;
}

export interface BrokenFixture {
  name: string;
  description: string;
  /** Errors stop the build; an empty list means the fixture's files are accepted. */
  errors: ExpectedError[];
  /** Warnings are shown but do not stop the build. */
  warnings?: ExpectedError[];
}

interface Overlay {
  /** Paths deleted from the valid fixture. */
  remove?: string[];
  /** Paths given a later modification time than every other file: what the trainer just wrote. */
  newer?: string[];
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
    const expected = parse(readFileSync(join(overlay, 'expected.yaml'), 'utf8')) as Overlay;
    for (const path of expected.remove ?? []) rmSync(join(dir, path), { recursive: true, force: true });
    cpSync(overlay, dir, { recursive: true, filter: (src) => !src.endsWith('expected.yaml') });
    const later = new Date(Date.now() + 60_000);
    for (const path of expected.newer ?? []) utimesSync(join(dir, path), later, later);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
