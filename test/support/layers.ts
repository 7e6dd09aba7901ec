/**
 * The rooms of the project and what each may import: the table test/layers.test.ts checks every import against.
 * Keep it in step with the `references` of each room's tsconfig.json and with docs/architecture.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';

export type Room =
  'core' | 'components' | 'app' | 'studio' | 'tracking' | 'server' | 'report' | 'tools' | 'test' | 'config';

interface RoomRule {
  /** Folders (from the project root) whose files belong to the room. */
  folders: readonly string[];
  /** Rooms it may import from, besides itself. */
  imports: readonly Room[];
  /** Packages it may import (a name or a scope ending in `/`), or any package except Node's own modules, or any. */
  packages: readonly string[] | 'no-node' | 'any';
}

export const ROOMS: Record<Room, RoomRule> = {
  core: { folders: ['core/'], imports: [], packages: [] },
  components: { folders: ['components/', 'locales/'], imports: ['core'], packages: ['lit', '@lit/'] },
  // The learner's entry point composes the player and the tracking runtime.
  app: { folders: ['app/'], imports: ['components', 'tracking', 'core'], packages: ['lit', '@lit/'] },
  // The authoring studio's UI (a trainers' dev tool): previews with the learner's components, edits in CodeMirror.
  studio: {
    folders: ['studio/'],
    imports: ['components', 'core'],
    packages: ['lit', '@lit/', '@codemirror/', 'codemirror', 'yaml'],
  },
  tracking: { folders: ['tracking/'], imports: ['core'], packages: 'no-node' },
  report: { folders: ['report/'], imports: ['core'], packages: 'any' },
  server: { folders: ['server/'], imports: ['report', 'core'], packages: 'any' },
  tools: { folders: ['tools/', 'rollup.config.mjs', 'rollup.studio.config.mjs'], imports: ['core'], packages: 'any' },
  test: { folders: ['test/'], imports: ['core', 'tools', 'tracking', 'report', 'server'], packages: 'any' },
  // The test runners' configuration files at the project root (vitest, web-test-runner).
  config: { folders: [], imports: ['tools', 'test'], packages: 'any' },
};

const ARROWS =
  'rooms import downwards: app → components → core, studio → components → core, app → tracking → core, server → report → core, tools → core';
const SKIP = new Set([
  'node_modules',
  'dist',
  'dist-studio',
  'fixtures',
  'generated',
  'package',
  'packages',
  'coverage',
]);

function roomOf(file: string): Room | null {
  const match = (Object.keys(ROOMS) as Room[]).find((room) => ROOMS[room].folders.some((f) => file.startsWith(f)));
  return match ?? (file.includes('/') ? null : 'config');
}

function resolve(file: string, specifier: string): string {
  return posix.normalize(posix.join(dirname(file), specifier)).replace(/\.js$/, '.ts');
}

/**
 * The files only tests use: `*.test.ts` and every file imported by test files alone (fixtures, helpers, shared
 * suites). They may use test packages, never a room they could not import otherwise.
 */
function testOnly(imports: ReadonlyMap<string, readonly string[]>): Set<string> {
  const tests = new Set([...imports.keys()].filter((f) => f.endsWith('.test.ts')));
  for (let grew = true; grew;) {
    grew = false;
    for (const file of imports.keys()) {
      if (tests.has(file)) continue;
      const importers = [...imports].filter(([, targets]) => targets.includes(file)).map(([importer]) => importer);
      if (importers.length > 0 && importers.every((i) => tests.has(i))) {
        tests.add(file);
        grew = true;
      }
    }
  }
  return tests;
}

/** Every TypeScript and JavaScript source file of the project, relative to `root`, with `/` separators. */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk('');
  return files.sort();
}

function packageAllowed(rule: RoomRule, specifier: string, testFile: boolean): boolean {
  const isNode = specifier.startsWith('node:');
  if (rule.packages === 'any') return true;
  if (rule.packages === 'no-node') return !isNode;
  // Tests may use their framework and helpers: vitest for core/ (run in Node), anything in the browser rooms.
  if (testFile && specifier === 'vitest') return true;
  if (testFile && rule.packages.length > 0) return !isNode;
  return rule.packages.some((p) =>
    p.endsWith('/') ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`),
  );
}

/**
 * The imports in `files` that break the table, one readable line each: `<file>:<line> imports <target>: <rule>`.
 * `read` returns a file's source (a parameter so the checker can be tested on made-up files).
 */
export function importViolations(
  root: string,
  files: readonly string[],
  read: (file: string) => string = (file) => readFileSync(join(root, file), 'utf8'),
): string[] {
  const parsed = new Map(
    files.map((file) => {
      const source = read(file);
      const lines = ts.createSourceFile(file, source, ts.ScriptTarget.Latest);
      const specifiers = ts.preProcessFile(source, true, true).importedFiles.map(({ fileName, pos }) => ({
        specifier: fileName,
        line: ts.getLineAndCharacterOfPosition(lines, pos).line + 1,
      }));
      return [file, specifiers] as const;
    }),
  );
  const tests = testOnly(
    new Map(
      [...parsed].map(([file, specs]) => [
        file,
        specs.filter((s) => s.specifier.startsWith('.')).map((s) => resolve(file, s.specifier)),
      ]),
    ),
  );
  const violations: string[] = [];
  for (const [file, specifiers] of parsed) {
    const room = roomOf(file);
    if (!room) {
      violations.push(
        `${file} is in no room: put it in one of ${Object.keys(ROOMS).join(', ')} (docs/architecture.md)`,
      );
      continue;
    }
    const rule = ROOMS[room];
    for (const { specifier, line } of specifiers) {
      const where = `${file}:${line}`;
      if (!specifier.startsWith('.')) {
        if (!packageAllowed(rule, specifier, tests.has(file))) {
          const allowed = Array.isArray(rule.packages) && rule.packages.length ? rule.packages.join(', ') : 'none';
          violations.push(`${where} imports ${specifier}: ${room}/ may use these packages only: ${allowed}`);
        }
        continue;
      }
      const target = posix.normalize(posix.join(dirname(file), specifier));
      const targetRoom = roomOf(target);
      if (targetRoom === room || (targetRoom && rule.imports.includes(targetRoom))) continue;
      const allowed = [room, ...rule.imports].map((r) => (r === 'config' ? 'the root config files' : `${r}/`));
      violations.push(`${where} imports ${target}: ${room}/ may import only ${allowed.join(', ')} (${ARROWS})`);
    }
  }
  return violations;
}
