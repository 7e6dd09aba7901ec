/** One step of a line diff: a line both sides keep (`a` and `b` indexes), one only `a` has, or one only `b` has. */
export type LineOp =
  { kind: 'same'; a: number; b: number } | { kind: 'removed'; a: number } | { kind: 'added'; b: number };

/**
 * A shortest line diff (longest common subsequence) of two texts split into lines. The common head and tail are
 * matched first, so an edit in one place of a long file costs only the size of the changed part.
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  // lcs[i][j]: common length of a[head+i..] and b[head+j..] within the middle part.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[head + i] === b[head + j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const ops: LineOp[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: 'same', a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      ops.push({ kind: 'same', a: head + i++, b: head + j++ });
    } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
      ops.push({ kind: 'added', b: head + j++ });
    } else {
      ops.push({ kind: 'removed', a: head + i++ });
    }
  }
  for (let k = 0; k < tail; k++) ops.push({ kind: 'same', a: a.length - tail + k, b: b.length - tail + k });
  return ops;
}
