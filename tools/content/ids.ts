import type { DiagnosticList, Position } from './diagnostics.js';
import { ChangeOrder } from './change-order.js';

const KIND_ZH: Record<string, string> = {
  module: '章节',
  objective: '学习目标',
  page: '页面',
  quiz: '测验',
  pool: '题池',
  question: '题目',
  roleplay: '情景演练',
};

interface Claim {
  file: string;
  at: Position;
  kind: string;
}

/**
 * One id space for the whole course: every id becomes part of an activity IRI reported to the LMS. A duplicate is
 * reported at its newer use (the one the trainer just wrote), since the older id may already carry learners' progress.
 */
export class IdRegistry {
  private readonly claims = new Map<string, Claim[]>();

  constructor(
    private readonly diagnostics: DiagnosticList,
    private readonly changes?: ChangeOrder,
  ) {}

  /** Registers an id; duplicates are reported by `report()`. */
  claim(id: unknown, kind: string, file: string, at: Position): void {
    if (typeof id !== 'string' || !id) return;
    const list = this.claims.get(id);
    if (list) list.push({ file, at, kind });
    else this.claims.set(id, [{ file, at, kind }]);
  }

  /** Where each id is first written: file and line, for the trainers' preview. */
  origins(): Map<string, { file: string; line: number }> {
    return new Map([...this.claims].map(([id, [first]]) => [id, { file: first!.file, line: first!.at.line }]));
  }

  /** Reports every id used more than once: once per extra use, at the newer place, naming the older. */
  report(): void {
    for (const [id, claims] of this.claims) {
      if (claims.length < 2) continue;
      const order = claims.map((c, i) => ({ c, i, age: this.changes?.age(c.file, c.at.line) }));
      // The oldest claim keeps the id; ties keep the first read.
      order.sort((a, b) => ChangeOrder.compare(a.age, b.age) || a.i - b.i);
      const keep = order[0]!.c;
      for (const { c, age } of order.slice(1)) {
        const why = ChangeOrder.describe(age, keep.file === c.file);
        this.diagnostics.add(
          c.file,
          c.at,
          'duplicate-id',
          {
            zh: `id“${id}”重复：${KIND_ZH[keep.kind] ?? keep.kind}已在 ${keep.file}:${keep.at.line} 使用，这里（${c.file}:${c.at.line}）又用了一次。${why.zh}`,
            en: `The id "${id}" is already used by a ${keep.kind} at ${keep.file}:${keep.at.line}, and again here (${c.file}:${c.at.line}). ${why.en}`,
          },
          {
            zh: `给这里（${c.file}:${c.at.line}）换一个新的 id；保留 ${keep.file}:${keep.at.line} 的 id 不变——学员的学习记录可能已经记在它名下。`,
            en: `Give this one (${c.file}:${c.at.line}) a new id; keep the id at ${keep.file}:${keep.at.line}, which learners' progress may already be recorded under.`,
          },
        );
      }
    }
  }
}
