/**
 * What goes into a package: every file of the build, checked to be what an LMS can serve as is (ASCII names,
 * relative paths, no source maps or tests) and self-contained (nothing it loads comes from another host).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a folder, relative with forward slashes, sorted (so the manifests list them in a stable order). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Safe in every LMS and zip tool: ASCII letters, digits, `-`, `_`, `.` and `/` between segments. */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
/** Files a learner never needs. */
const NOT_SHIPPED = /(\.map|\.test\.[a-z]+|\.spec\.[a-z]+|\.ts|\.tsx|\.fixture\.[a-z]+)$|(^|\/)(\.|__)/;

export interface ContentProblem {
  file: string;
  problem: string;
}

/** File names that are not portable and files that must not ship. */
export function fileNameProblems(files: string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const file of files) {
    if (NOT_SHIPPED.test(file)) problems.push({ file, problem: 'source map, test, source or hidden file' });
    else if (!SAFE_PATH.test(file))
      problems.push({ file, problem: 'name is not plain ASCII (letters, digits, - _ .)' });
  }
  return problems;
}

/**
 * Places in HTML, CSS, JavaScript and JSON text where something would be loaded from an absolute URL: src/href of
 * resources, CSS url() and @import, JavaScript import()/from, fetch(), and fonts. Hyperlinks a learner may follow
 * (`<a href>`) and identifiers (the course IRI, XML namespaces) are not loads and are not reported.
 */
const LOADS: { what: string; pattern: RegExp }[] = [
  {
    what: 'src attribute',
    pattern: /\b(?:src|srcset|poster|data)\s*=\s*\\?["']?\s*((?:https?:)?\/\/[^"'\\\s>]+)/gi,
  },
  { what: 'link href', pattern: /<link\b[^>]*?\bhref\s*=\s*\\?["']?\s*((?:https?:)?\/\/[^"'\\\s>]+)/gi },
  { what: 'CSS url()', pattern: /url\(\s*\\?["']?\s*((?:https?:)?\/\/[^"'\\)\s]+)/gi },
  { what: 'CSS @import', pattern: /@import\s+\\?["']((?:https?:)?\/\/[^"'\\]+)/gi },
  { what: 'module import', pattern: /(?:\bimport\s*\(|\bfrom)\s*["'`]((?:https?:)?\/\/[^"'`]+)/g },
  { what: 'fetch', pattern: /\bfetch\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g },
  {
    what: 'script or worker',
    pattern: /\bnew\s+(?:Worker|SharedWorker|EventSource|WebSocket)\(\s*["'`]([a-z]+:\/\/[^"'`]+)/g,
  },
];
const TEXT = /\.(html?|css|m?js|json|svg|xml)$/i;

export function externalLoads(dir: string, files: string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const file of files.filter((f) => TEXT.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const { what, pattern } of LOADS) {
      for (const m of text.matchAll(pattern)) problems.push({ file, problem: `${what} loads ${m[1]}` });
    }
  }
  return problems;
}
