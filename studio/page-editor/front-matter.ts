/**
 * A page's front matter as form fields, edited line by line: a field the trainer changes is rewritten, every other
 * line (comments, order, quoting) stays byte for byte, so a save's diff shows only what changed. The build (the
 * server) validates the result; this module only reads and writes the few keys the form shows.
 */

/** A markdown page split at its front matter: `head` + `body` is the file again, byte for byte. */
export interface PageParts {
  /** The front matter between the `---` lines (each line ending in `\n`); null when the page has none. */
  frontMatter: string | null;
  /** The markdown after the closing `---` line. */
  body: string;
  /** File line (1-based) of the body's first line. */
  bodyLine: number;
}

export interface FrontMatterFields {
  id: string;
  title: string;
  objectives: string[];
  minutes: number | null;
  sources: string[];
}

interface Segment {
  key: string | null;
  /** 0-based line in the front matter where the segment starts, and its lines. */
  start: number;
  lines: string[];
}

const FENCE = /^---\s*$/;
const KEY = /^([A-Za-z_][\w-]*):(.*)$/;

export function splitPage(text: string): PageParts {
  const lines = text.split(/(?<=\n)/);
  if (!lines.length || !FENCE.test(lines[0]!.replace(/\r?\n$/, '')))
    return { frontMatter: null, body: text, bodyLine: 1 };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line.replace(/\r?\n$/, '')));
  if (close < 0) return { frontMatter: null, body: text, bodyLine: 1 };
  return {
    frontMatter: lines.slice(1, close).join(''),
    body: lines.slice(close + 1).join(''),
    bodyLine: close + 2,
  };
}

/** The file text again from its parts (the fences written as `---`). */
export function joinPage(frontMatter: string | null, body: string): string {
  if (frontMatter === null) return body;
  const fm = frontMatter === '' || frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
  return `---\n${fm}---\n${body}`;
}

function segments(frontMatter: string): Segment[] {
  const result: Segment[] = [];
  frontMatter.split(/(?<=\n)/).forEach((line, index) => {
    const key = KEY.exec(line.replace(/\r?\n$/, ''))?.[1] ?? null;
    const last = result.at(-1);
    if (key || !last) result.push({ key, start: index, lines: [line] });
    else last.lines.push(line);
  });
  return result;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

function scalarOf(segment: Segment): string {
  return unquote(KEY.exec(segment.lines[0]!.replace(/\r?\n$/, ''))?.[2] ?? '');
}

function listOf(segment: Segment): string[] {
  const inline = (KEY.exec(segment.lines[0]!.replace(/\r?\n$/, ''))?.[2] ?? '').replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) {
    return inline
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map(unquote)
      .filter(Boolean);
  }
  return segment.lines
    .slice(1)
    .map((line) => /^\s*-\s+(.*)$/.exec(line.replace(/\r?\n$/, ''))?.[1])
    .filter((item): item is string => item !== undefined)
    .map(unquote);
}

export function readFields(frontMatter: string | null): FrontMatterFields {
  const fields: FrontMatterFields = { id: '', title: '', objectives: [], minutes: null, sources: [] };
  for (const segment of segments(frontMatter ?? '')) {
    if (segment.key === 'id') fields.id = scalarOf(segment);
    else if (segment.key === 'title') fields.title = scalarOf(segment);
    else if (segment.key === 'objectives') fields.objectives = listOf(segment);
    else if (segment.key === 'sources') fields.sources = listOf(segment);
    else if (segment.key === 'minutes') {
      const n = Number(scalarOf(segment));
      fields.minutes = scalarOf(segment) === '' || Number.isNaN(n) ? null : n;
    }
  }
  return fields;
}

/** A YAML scalar: plain when it reads back as the same string, else double-quoted (JSON is valid YAML). */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/:(\s|$)|\s#/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function serialize(key: keyof FrontMatterFields, value: FrontMatterFields[keyof FrontMatterFields], old?: Segment) {
  if (Array.isArray(value)) {
    const flow = old ? /^\s*\[/.test(KEY.exec(old.lines[0]!.replace(/\r?\n$/, ''))?.[2] ?? '') : key === 'objectives';
    if (flow || value.length === 0) return [`${key}: [${value.map(yamlScalar).join(', ')}]\n`];
    const indent =
      old?.lines
        .slice(1)
        .find((l) => /^\s*-\s/.test(l))
        ?.match(/^\s*/)?.[0] ?? '  ';
    return [`${key}:\n`, ...value.map((item) => `${indent}- ${yamlScalar(item)}\n`)];
  }
  if (value === null) return [];
  return [`${key}: ${typeof value === 'number' ? String(value) : yamlScalar(value)}\n`];
}

/**
 * The front matter with `key` set to `value`: only that key's lines are rewritten (a comment after it stays); a key
 * not yet there is added at the end; `minutes: null` removes the line.
 */
export function writeField<K extends keyof FrontMatterFields>(
  frontMatter: string | null,
  key: K,
  value: FrontMatterFields[K],
): string {
  const parts = segments(frontMatter ?? '');
  const old = parts.find((segment) => segment.key === key);
  if (old) {
    // Keep comment lines and blank lines that trail the key's own lines.
    const trailing: string[] = [];
    while (old.lines.length > 1 && /^\s*(#.*)?\r?\n?$/.test(old.lines.at(-1)!)) trailing.unshift(old.lines.pop()!);
    old.lines = [...serialize(key, value, old), ...trailing];
  } else parts.push({ key, start: Number.MAX_SAFE_INTEGER, lines: serialize(key, value) });
  const text = parts.flatMap((segment) => segment.lines).join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** The field a front-matter line (1-based, as in the file) belongs to, for showing a problem next to it. */
export function fieldAtLine(frontMatter: string | null, fileLine: number): string | null {
  const line = fileLine - 2; // the opening fence is line 1
  const segment = segments(frontMatter ?? '').find((s) => line >= s.start && line < s.start + s.lines.length);
  return segment?.key ?? null;
}

/** A module's learning objectives (`objectives: - id: … text: …` in module.yaml), read without a YAML parser. */
export function moduleObjectives(moduleYaml: string): { id: string; text: string }[] {
  const block = /^objectives:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(moduleYaml)?.[1] ?? '';
  const result: { id: string; text: string }[] = [];
  for (const line of block.split('\n')) {
    const id = /^\s*-?\s*id:\s*(.+)$/.exec(line)?.[1];
    const text = /^\s*-?\s*text:\s*(.+)$/.exec(line)?.[1];
    if (id !== undefined) result.push({ id: unquote(id), text: '' });
    else if (text !== undefined && result.length) result.at(-1)!.text = unquote(text);
  }
  return result;
}
