/**
 * Content problems, each tied to a file, line and column, with what is wrong and how to fix it in Chinese (trainers
 * read Chinese) and English.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface Diagnostic {
  /** Path relative to the course root, with forward slashes. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** Stable code tests and docs refer to, e.g. `duplicate-id`. */
  code: string;
  message: Bilingual;
  fix: Bilingual;
}

export interface Position {
  line: number;
  column: number;
}

/** Collects diagnostics for one validation run, so every problem is reported in one go. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  add(file: string, at: Position, code: string, message: Bilingual, fix: Bilingual): void {
    this.items.push({ file, line: at.line, column: at.column, code, message, fix });
  }

  get hasErrors(): boolean {
    return this.items.length > 0;
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return [
    `${d.file}:${d.line}:${d.column}  错误 error [${d.code}]`,
    `  ${d.message.zh}`,
    `  ${d.message.en}`,
    `  修改方法：${d.fix.zh}`,
    `  How to fix: ${d.fix.en}`,
  ].join('\n');
}

/** All problems, then a count; `building` says whether the run was a build (then nothing was written). */
export function formatReport(diagnostics: readonly Diagnostic[], building = true): string {
  const n = diagnostics.length;
  const list = diagnostics.map(formatDiagnostic).join('\n\n');
  const plural = n === 1 ? '' : 's';
  return building
    ? `${list}\n\n发现 ${n} 个问题，未生成课程。 / ${n} problem${plural} found; nothing was built.`
    : `${list}\n\n发现 ${n} 个问题，请逐一修改后再次检查。 / ${n} problem${plural} found.`;
}
