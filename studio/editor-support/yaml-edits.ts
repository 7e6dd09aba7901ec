import { isCollection, isSeq, type Document } from 'yaml';
import type { YamlEdit, YamlPath } from '../../core/studio-api.js';

/**
 * Form values as plain data: what a YAML file's document turns into with `toJS()`, and what a form edits. Edits are
 * computed from two such values, so a form never has to remember what it changed.
 */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

type PlainObject = { [key: string]: Plain };

function isObject(value: Plain | undefined): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of plain data (key order of objects ignored: YAML keeps the file's order anyway). */
export function samePlain(a: Plain | undefined, b: Plain | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => samePlain(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && samePlain(a[k], b[k]));
  }
  return false;
}

/** The `id` of a list entry (questions, options, nodes, replies, pools all have one), else null. */
function idOf(value: Plain | undefined): string | null {
  return isObject(value) && typeof value['id'] === 'string' ? value['id'] : null;
}

/**
 * The smallest edits that turn `before` into `after`, in the order the server applies them (each edit's path is
 * valid after the previous ones). Objects are compared key by key; lists whose entries have ids are matched by id
 * (an entry whose id changed is matched to the removed id at its index), so a reorder is a `move`, a new entry an
 * `insert`, a removed one a `delete`, and a changed field a `set` of that field alone. Other lists (answers, tags,
 * variants) are set whole when they differ.
 */
export function diffEdits(before: Plain, after: Plain, at: YamlPath = []): YamlEdit[] {
  if (samePlain(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const edits: YamlEdit[] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) edits.push({ op: 'delete', at: [...at, key] });
    }
    for (const [key, value] of Object.entries(after)) {
      const old = before[key];
      if (old === undefined) edits.push({ op: 'set', at: [...at, key], value });
      else edits.push(...diffEdits(old, value, [...at, key]));
    }
    return edits;
  }
  if (Array.isArray(before) && Array.isArray(after) && isIdList(before) && isIdList(after)) {
    return diffIdList(before, after, at);
  }
  return [{ op: 'set', at, value: after }];
}

function isIdList(list: Plain[]): boolean {
  const ids = list.map(idOf);
  return ids.every((id) => id !== null) && new Set(ids).size === ids.length;
}

function diffIdList(before: Plain[], after: Plain[], at: YamlPath): YamlEdit[] {
  const afterIds = new Set(after.map(idOf));
  const beforeIds = new Set(before.map(idOf));
  // An entry whose id was edited: an unmatched new entry takes the unmatched old entry at the same index.
  const keyOf = new Map<Plain, string>();
  after.forEach((entry, i) => {
    const id = idOf(entry) as string;
    const old = idOf(before[i]);
    if (beforeIds.has(id)) keyOf.set(entry, id);
    else if (old !== null && !afterIds.has(old)) keyOf.set(entry, old);
    else keyOf.set(entry, `\u0000new:${id}`);
  });
  const kept = new Set(keyOf.values());
  const edits: YamlEdit[] = [];
  // The working list of old keys and entries, updated as the server will update the document.
  const work: { key: string; value: Plain }[] = before.map((value) => ({ key: idOf(value) as string, value }));
  for (let i = work.length - 1; i >= 0; i--) {
    if (!kept.has((work[i] as { key: string }).key)) {
      edits.push({ op: 'delete', at: [...at, i] });
      work.splice(i, 1);
    }
  }
  after.forEach((value, i) => {
    const key = keyOf.get(value) as string;
    const from = work.findIndex((w) => w.key === key);
    if (from === -1) {
      edits.push({ op: 'insert', at, index: i, value });
      work.splice(i, 0, { key, value });
      return;
    }
    if (from !== i) {
      edits.push({ op: 'move', at, from, to: i });
      const [moved] = work.splice(from, 1);
      work.splice(i, 0, moved as { key: string; value: Plain });
    }
    edits.push(...diffEdits((work[i] as { value: Plain }).value, value, [...at, i]));
  });
  return edits;
}

/**
 * Applies edits to a YAML document in place, as the server does for `PATCH /api/yaml`: comments, key order and
 * formatting of everything not edited stay as they were. Throws on a path that is not in the document.
 */
export function applyEdits(doc: Document, edits: readonly YamlEdit[]): void {
  for (const edit of edits) {
    switch (edit.op) {
      case 'set':
        doc.setIn(edit.at, doc.createNode(edit.value));
        break;
      case 'delete':
        doc.deleteIn(edit.at);
        break;
      case 'insert':
        sequenceAt(doc, edit.at).items.splice(edit.index, 0, doc.createNode(edit.value));
        break;
      case 'move': {
        const items = sequenceAt(doc, edit.at).items;
        const [moved] = items.splice(edit.from, 1);
        items.splice(edit.to, 0, moved);
        break;
      }
    }
  }
}

function sequenceAt(doc: Document, at: YamlPath): { items: unknown[] } {
  const node: unknown = at.length === 0 ? doc.contents : doc.getIn(at, true);
  if (!isSeq(node)) {
    throw new Error(`Not a list at ${at.join('.') || '(root)'}${isCollection(node) ? ' (a map)' : ''}`);
  }
  return node;
}

/** The value at `path` in plain data, or undefined. */
export function getAt(data: Plain | undefined, path: YamlPath): Plain | undefined {
  let node: Plain | undefined = data;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isObject(node)) node = node[String(part)];
    else return undefined;
  }
  return node;
}

/** Sets (or, with `undefined`, removes) the value at `path` in `draft`, creating objects on the way. */
export function setAt(draft: Plain, path: YamlPath, value: Plain | undefined): void {
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  if (key === undefined) return;
  let parent: Plain | undefined = draft;
  for (const [i, part] of parentPath.entries()) {
    let next = getAt(parent, [part]);
    if (next === undefined) {
      next = typeof parentPath[i + 1] === 'number' ? [] : {};
      if (isObject(parent)) parent[String(part)] = next;
    }
    parent = next;
  }
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[String(key)];
    else parent[String(key)] = value;
  }
}
