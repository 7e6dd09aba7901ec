import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, YamlPath } from '../../core/studio-api.js';

/** A YAML file parsed for editing: the document (kept for its positions) and its line table. */
export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  text: string;
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  return { doc, lines, text };
}

function rangeOf(node: unknown): [number, number] | null {
  const range = (node as Node | null)?.range;
  return range ? [range[0], range[2]] : null;
}

function contains(range: [number, number] | null, offset: number): boolean {
  return range !== null && offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
}

/**
 * The path of the innermost value at a 1-based line and column of the file (a diagnostic's position), e.g.
 * `['pools', 0, 'questions', 3, 'answer']`; `[]` when the position is outside every value. A position on a key
 * counts as that key's value, so a problem reported at `answer:` belongs to the answer field.
 */
export function pathAt({ doc, lines, text }: ParsedYaml, line: number, column = 1): YamlPath {
  const start = lines.lineStarts[line - 1];
  if (start === undefined) return [];
  // A position in a line's indentation (or a list's dash) means the first thing on that line.
  const indent = /^[ \t-]*/.exec(text.slice(start))?.[0].length ?? 0;
  const offset = start + Math.max(indent, column - 1);
  const path: YamlPath = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const keyRange = rangeOf(p.key);
        const valueRange = rangeOf(p.value);
        if (!keyRange) return false;
        return contains([keyRange[0], valueRange ? valueRange[1] : keyRange[1]], offset);
      });
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(rangeOf(item), offset));
      if (index === -1) break;
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return path;
}

/** `a.b.0.c`: the key problems are filed under, for a path. */
export function pathKey(path: YamlPath): string {
  return path.join('.');
}

/** A diagnostic with the path of the field it is about in the edited file ([] when not placed). */
export interface PlacedDiagnostic {
  diagnostic: Diagnostic;
  path: YamlPath;
}

/** Places each diagnostic of `file` on the field at its line; diagnostics of other files keep an empty path. */
export function placeDiagnostics(
  parsed: ParsedYaml,
  file: string,
  problems: readonly Diagnostic[],
): PlacedDiagnostic[] {
  return problems.map((diagnostic) => ({
    diagnostic,
    path: diagnostic.file === file ? pathAt(parsed, diagnostic.line, diagnostic.column) : [],
  }));
}

/** Whether `path` lies at or under `prefix`. */
export function isUnder(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => String(part) === String(path[i]));
}
