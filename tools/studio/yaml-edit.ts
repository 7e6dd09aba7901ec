import { isSeq, parseDocument, type Document, type ToStringOptions } from 'yaml';
import type { YamlEdit, YamlPath } from '../../core/studio-api.js';
import { badRequest } from './errors.js';
import { diffLines } from './line-diff.js';

/** No folding: a value the studio writes stays on one line, so a diff shows exactly what changed. */
const OUTPUT: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };

/**
 * Applies form edits to a YAML file through the `yaml` library's Document API and returns the new text, in which
 * every line the edits do not touch is byte-identical to the original (comments, key order, quoting, folded text).
 */
export function applyYamlEdits(original: string, edits: readonly YamlEdit[]): string {
  const crlf = original.includes('\r\n');
  const text = crlf ? original.replace(/\r\n/g, '\n') : original;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw badRequest(
      `文件有 YAML 语法错误，无法用表单修改：${doc.errors[0]!.message}。请先在文本编辑器中修正。`,
      `The file has a YAML syntax error, so forms cannot edit it: ${doc.errors[0]!.message}. Fix it as text first.`,
    );
  }
  const before = doc.toString(OUTPUT);
  for (const edit of edits) apply(doc, edit);
  const after = doc.toString(OUTPUT);
  const merged = keepUntouched(text, before, after);
  return crlf ? merged.replace(/\n/g, '\r\n') : merged;
}

function apply(doc: Document, edit: YamlEdit): void {
  const at = checkPath(edit.at);
  switch (edit.op) {
    case 'set':
      if (at.length === 0) throw badRequest('set 必须指定一个位置。', 'set needs a path.');
      doc.setIn(at, doc.createNode(edit.value));
      return;
    case 'delete':
      if (!doc.hasIn(at)) throw notFound(at);
      doc.deleteIn(at);
      return;
    case 'insert': {
      const seq = sequenceAt(doc, at);
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index > seq.items.length)
        throw badRequest(`插入位置 ${edit.index} 超出范围。`, `Insert index ${edit.index} is out of range.`);
      const node = doc.createNode(edit.value);
      // Keep the file's habit of a blank line between list items (questions, nodes) when it has one.
      if (hasSpaceBefore(seq.items.at(-1))) node.spaceBefore = true;
      seq.items.splice(edit.index, 0, node);
      return;
    }
    case 'move': {
      const seq = sequenceAt(doc, at);
      const { from, to } = edit;
      const n = seq.items.length;
      if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < n))
        throw badRequest(`移动位置 ${from} → ${to} 超出范围。`, `Move ${from} → ${to} is out of range.`);
      const [item] = seq.items.splice(from, 1);
      seq.items.splice(to, 0, item);
      return;
    }
    default:
      throw badRequest('未知的修改操作。', `Unknown edit op "${String((edit as { op: unknown }).op)}".`);
  }
}

const hasSpaceBefore = (node: unknown): boolean =>
  typeof node === 'object' && node !== null && (node as { spaceBefore?: boolean }).spaceBefore === true;

function checkPath(at: unknown): YamlPath {
  if (!Array.isArray(at) || !at.every((k) => typeof k === 'string' || (Number.isInteger(k) && (k as number) >= 0)))
    throw badRequest('修改位置（at）必须是由键名和序号组成的数组。', 'at must be an array of keys and indexes.');
  return at as YamlPath;
}

function sequenceAt(doc: Document, at: YamlPath): { items: unknown[] } {
  const node = doc.getIn(at, true);
  if (!isSeq(node)) throw notFound(at, '列表', 'list');
  return node;
}

const notFound = (at: YamlPath, zh = '内容', en = 'value'): Error =>
  badRequest(`文件中没有这个位置的${zh}：${at.join('.')}。`, `No ${en} at ${at.join('.')} in the file.`);

/**
 * The edited text with the original's bytes wherever the edit changed nothing. `before` and `after` are the
 * library's output for the unedited and edited document: their diff is exactly the edit. `before` may differ from
 * the original where the library formats differently (folded text); such a block is taken from the original when
 * the edit left it whole, and from the library's output only when the edit changed it.
 */
function keepUntouched(original: string, before: string, after: string): string {
  if (before === original) return after;
  const orig = original.split('\n');
  const norm = before.split('\n');
  const edited = after.split('\n');
  // For each line of `before`: the original line it is, or the block (of original and normalised lines) it is in.
  const same = new Map<number, number>();
  const blockOf = new Map<number, number>();
  const blocks: { orig: number[]; norm: number[]; after: number }[] = [];
  // Original lines the library dropped altogether, by the `before` line they follow (-1: the start).
  const dropped = new Map<number, number[]>();
  let open: { orig: number[]; norm: number[]; after: number } | null = null;
  let previous = -1;
  for (const op of diffLines(orig, norm)) {
    if (op.kind === 'same') {
      same.set(op.b, op.a);
      previous = op.b;
      open = null;
      continue;
    }
    if (!open) blocks.push((open = { orig: [], norm: [], after: previous }));
    if (op.kind === 'removed') open.orig.push(op.a);
    else {
      open.norm.push(op.b);
      blockOf.set(op.b, blocks.length - 1);
      previous = op.b;
    }
  }
  for (const block of blocks) if (block.norm.length === 0) dropped.set(block.after, block.orig);
  const changes = diffLines(norm, edited);
  const kept = new Set(changes.filter((op) => op.kind === 'same').map((op) => (op as { a: number }).a));
  const intact = blocks.map((block) => block.norm.every((j) => kept.has(j)));
  const out: string[] = [...(dropped.get(-1) ?? []).map((k) => orig[k]!)];
  const emitted = new Set<number>();
  for (const op of changes) {
    if (op.kind === 'added') {
      out.push(edited[op.b]!);
      continue;
    }
    if (op.kind === 'same') {
      const o = same.get(op.a);
      const b = blockOf.get(op.a);
      if (o !== undefined) out.push(orig[o]!);
      else if (b !== undefined && !intact[b]) out.push(norm[op.a]!);
      else if (b !== undefined && !emitted.has(b)) {
        emitted.add(b);
        out.push(...blocks[b]!.orig.map((k) => orig[k]!));
      }
    }
    out.push(...(dropped.get(op.a) ?? []).map((k) => orig[k]!));
  }
  return out.join('\n');
}
