/**
 * Text helpers for the shipped-course content test (test/course-content.test.ts): normalising seed and course
 * text so facts can be compared across punctuation and spacing, extracting the learner-visible text of pages,
 * questions and role-plays, and the placeholder and feedback checks. Pure functions, no DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question, RolePlay } from '../../core/types.js';

/**
 * The separator that stands for any run of whitespace, punctuation or symbols (except `%`) in normalised text.
 * It is itself a punctuation character, so normalising is idempotent.
 */
export const SEP = '|';

/**
 * Normalises text for comparison: NFKC (full-width → half-width, ～ → ~), then every run of whitespace, punctuation
 * and symbols except `%` becomes one `|`. So "先处理心情，再处理事情", "先处理心情,再处理事情" and
 * "先处理心情 , 再处理事情" all become "先处理心情|再处理事情", and "5～6 倍" and "5-6倍" both become "5|6倍".
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/(?:(?!%)[\s\p{P}\p{S}])+/gu, SEP);
}

/** Inline tags are removed without a trace; every other tag (blocks, cells, list items) becomes a separator. */
const INLINE_TAG = /<\/?(?:strong|em|b|i|code|a|del|mark|u|s|sup|sub|small|abbr|kbd|span)(?:\s[^>]*)?>/gi;

/** The text of rendered page HTML: tags stripped (block boundaries kept as spaces), entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(INLINE_TAG, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Removes the pinyin readings some seeds carry in parentheses after a character, e.g. "一個(gè)人" → "一個人"
 * (an artefact of the text extraction of seed 003).
 */
export function stripPinyin(text: string): string {
  return text.replace(/[(（][a-z\u00c0-\u024f]{1,8}[)）]/giu, '');
}

/** A seed file's text, normalised (pinyin readings removed). */
export function seedText(seedsDir: string, file: string): string {
  return normalise(stripPinyin(readFileSync(join(seedsDir, file), 'utf8')));
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression for a literal phrase that tolerates punctuation and spacing only: after normalising, a
 * separator may appear or not between any two characters, except between two digits (so "56" never matches
 * "5-6" and "5-6" never matches "56"); a separator the phrase has between two digits is required. A number at the
 * start of the phrase must not be preceded by another digit ("4%" does not match "24%").
 */
export function tolerant(phrase: string): RegExp {
  const chars = [...normalise(phrase)];
  let source = isDigit(chars[0]) ? '(?<![0-9])' : '';
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (c === SEP) {
      if (i === 0 || i === chars.length - 1) return;
      source += isDigit(prev) && isDigit(next) ? '\\|' : '\\|?';
      return;
    }
    source += escape(c);
    if (next !== undefined && next !== SEP && !(isDigit(c) && isDigit(next))) source += '\\|?';
  });
  if (isDigit(chars[chars.length - 1])) source += '(?![0-9])';
  return new RegExp(source, 'u');
}

/** A fact pattern: a literal phrase (compared with `tolerant`) or a regex tested against normalised text. */
export type Pattern = string | RegExp;

/** Whether normalised text contains the pattern. */
export function matches(normalisedText: string, pattern: Pattern): boolean {
  return (typeof pattern === 'string' ? tolerant(pattern) : pattern).test(normalisedText);
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------------------------------------------

const PLACEHOLDERS: { name: string; pattern: RegExp }[] = [
  { name: 'TODO', pattern: /(?<![A-Za-z])TODO(?![A-Za-z])/gi },
  { name: 'TBD', pattern: /(?<![A-Za-z])TBD(?![A-Za-z])/gi },
  { name: 'FIXME', pattern: /(?<![A-Za-z])FIXME(?![A-Za-z])/gi },
  { name: 'lorem', pattern: /lorem/gi },
  { name: 'ipsum', pattern: /ipsum/gi },
  { name: '待补充', pattern: /待补充|待補充/g },
  { name: '待定', pattern: /待定/g },
  { name: '占位', pattern: /占位/g },
  // XX, XXX, xxxx… as a token of its own (not inside a word such as XXL or Xbox).
  { name: 'XX', pattern: /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])/g },
  { name: '???', pattern: /\?{3,}/g },
];

export interface PlaceholderHit {
  name: string;
  line: number;
  text: string;
}

/** Every placeholder in a text, with its 1-based line. Full-width forms (ＸＸ, ？？？) count too. */
export function placeholderHits(text: string): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = raw.normalize('NFKC');
    for (const { name, pattern } of PLACEHOLDERS) {
      for (const m of line.matchAll(pattern)) hits.push({ name, line: i + 1, text: m[0] });
    }
  });
  return hits;
}

// ---------------------------------------------------------------------------------------------------------------
// Learner-visible text
// ---------------------------------------------------------------------------------------------------------------

/** The text a learner can see of a question: prompt, options, items, feedback and explanation. */
export function questionText(q: Question): string {
  const parts: unknown[] = [q.prompt, q.explanation];
  const fb = (q as { feedback?: Record<string, unknown> }).feedback;
  if (fb) parts.push(...Object.values(fb));
  if (q.type === 'single' || q.type === 'multiple') for (const o of q.options) parts.push(o.text, o.feedback);
  if (q.type === 'sequencing') for (const i of q.items) parts.push(i.text, i.feedback);
  if (q.type === 'matching') for (const i of [...q.sources, ...q.targets]) parts.push(i.text, i.feedback);
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

/** The text a learner can see of a role-play: scenario, lines, narration, replies, feedback, rules and endings. */
export function rolePlayText(rp: RolePlay): string {
  const parts: unknown[] = [rp.title, rp.scenario, rp.customer?.name, rp.customer?.description, rp.learnerRole];
  for (const node of rp.nodes ?? []) {
    parts.push(node.narration, node.line, node.ending?.title, node.ending?.debrief);
    for (const r of node.replies ?? []) parts.push(r.text, r.feedback, r.rule);
  }
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Role-play paths
// ---------------------------------------------------------------------------------------------------------------

/** Ids of the nodes reachable from `start` (endings are terminal). */
export function reachableNodes(rp: RolePlay): Set<string> {
  const byId = new Map((rp.nodes ?? []).map((n) => [n.id, n] as const));
  const seen = new Set<string>();
  const stack = [rp.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    if (node.ending) continue;
    for (const r of node.replies ?? []) stack.push(r.next);
  }
  return seen;
}
