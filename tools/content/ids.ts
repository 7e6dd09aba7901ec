import type { DiagnosticList, Position } from './diagnostics.js';

const KIND_ZH: Record<string, string> = {
  module: '章节',
  objective: '学习目标',
  page: '页面',
  quiz: '测验',
  pool: '题池',
  question: '题目',
  roleplay: '情景演练',
};

/** One id space for the whole course: every id becomes part of an activity IRI reported to the LMS. */
export class IdRegistry {
  private readonly seen = new Map<string, { file: string; at: Position; kind: string }>();

  constructor(private readonly diagnostics: DiagnosticList) {}

  /** Registers an id; reports a duplicate at its second use, naming the first. */
  claim(id: unknown, kind: string, file: string, at: Position): void {
    if (typeof id !== 'string' || !id) return;
    const first = this.seen.get(id);
    if (!first) {
      this.seen.set(id, { file, at, kind });
      return;
    }
    this.diagnostics.add(
      file,
      at,
      'duplicate-id',
      {
        zh: `id“${id}”重复：${KIND_ZH[first.kind] ?? first.kind}已在 ${first.file}:${first.at.line} 使用。`,
        en: `The id "${id}" is already used by a ${first.kind} at ${first.file}:${first.at.line}.`,
      },
      {
        zh: '全课程的 id 必须唯一：给其中一个换一个新的 id。',
        en: 'Ids must be unique across the course: give one of them a new id.',
      },
    );
  }
}
