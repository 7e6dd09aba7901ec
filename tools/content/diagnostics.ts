/**
 * Content problems, each tied to a file, line and column, with what is wrong and how to fix it in Chinese (trainers
 * read Chinese) and English.
 */
// One definition of a content problem for the build and the studio's API (core/studio-api.ts), so the studio shows
// exactly what the build reports.
import type { Bilingual, Diagnostic } from '../../core/studio-api.js';

export type { Bilingual, Diagnostic };

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

  warn(file: string, at: Position, code: string, message: Bilingual, fix: Bilingual): void {
    this.items.push({ file, line: at.line, column: at.column, code, message, fix, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity !== 'warning');
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return [
    `${d.file}:${d.line}:${d.column}  ${d.severity === 'warning' ? '警告 warning' : '错误 error'} [${d.code}]`,
    `  ${d.message.zh}`,
    `  ${d.message.en}`,
    `  修改方法：${d.fix.zh}`,
    `  How to fix: ${d.fix.en}`,
  ].join('\n');
}

export const isError = (d: Diagnostic): boolean => d.severity !== 'warning';

/**
 * All problems, then a count; `building` says whether the run was a build (then nothing was written when there is
 * an error). Warnings alone do not stop a build.
 */
export function formatReport(diagnostics: readonly Diagnostic[], building = true): string {
  const errors = diagnostics.filter(isError).length;
  const warnings = diagnostics.length - errors;
  const list = diagnostics.map(formatDiagnostic).join('\n\n');
  const s = (n: number): string => (n === 1 ? '' : 's');
  if (!errors) {
    return `${list}\n\n有 ${warnings} 个警告：课程可以生成，但请确认这些地方是否是你想要的。 / ${warnings} warning${s(warnings)}; the course still builds.`;
  }
  const also = warnings ? `，另有 ${warnings} 个警告` : '';
  const alsoEn = warnings ? ` and ${warnings} warning${s(warnings)}` : '';
  return building
    ? `${list}\n\n发现 ${errors} 个错误${also}，未生成课程。 / ${errors} error${s(errors)}${alsoEn} found; nothing was built.`
    : `${list}\n\n发现 ${errors} 个错误${also}，请逐一修改后再次检查。 / ${errors} error${s(errors)}${alsoEn} found.`;
}
