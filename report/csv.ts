/**
 * The two CSV files HR and trainers open in Excel or WPS: UTF-8 with a byte-order mark (so Chinese names read
 * right), CRLF rows, and every text cell that a spreadsheet would run as a formula made inert.
 */
import type { ReportData } from './aggregate.js';
import {
  LABELS,
  completionHeaders,
  formatDuration,
  formatPercent,
  formatScore,
  formatTime,
  passedLabel,
  type ReportLang,
} from './labels.js';

const BOM = '\uFEFF';

/**
 * One CSV cell. A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is what spreadsheets run as a
 * formula (CSV injection): it gets a leading apostrophe, which Excel and WPS show as plain text.
 */
export function csvCell(value: string | number | null | undefined, kind: 'text' | 'number' = 'text'): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (kind === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: string[][]): string {
  return BOM + rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}

export function completionCsv(data: ReportData, lang: ReportLang, timeZone: string): string {
  const L = LABELS[lang];
  const header = completionHeaders(L).map((h) => csvCell(h));
  const rows = data.completion.map((r) => [
    csvCell(r.name),
    csvCell(r.identifier),
    csvCell(r.registrations.join(' ')),
    csvCell(`${r.modulesCompleted}/${r.modulesTotal}`),
    csvCell(r.courseCompleted ? L.yes : L.no),
    csvCell(passedLabel(L, r.passed)),
    csvCell(formatScore(r.bestScore), 'number'),
    csvCell(formatScore(r.lastScore), 'number'),
    csvCell(r.attempts, 'number'),
    csvCell(formatDuration(r.totalTimeMs)),
    csvCell(formatTime(r.firstActivity, timeZone)),
    csvCell(formatTime(r.lastActivity, timeZone)),
  ]);
  return csv([header, ...rows]);
}

export function itemsCsv(data: ReportData, lang: ReportLang): string {
  const L = LABELS[lang];
  const header = [L.kind, L.id, L.quiz, L.prompt, L.answered, L.firstTries, L.firstTryCorrect, L.topWrong].map((h) =>
    csvCell(h),
  );
  const questions = data.questions.map((q) => [
    csvCell(L.question),
    csvCell(q.questionId),
    csvCell(q.quizTitle),
    csvCell(q.prompt),
    csvCell(q.answered, 'number'),
    csvCell(q.firstTries, 'number'),
    csvCell(formatPercent(q.firstTryCorrect), 'number'),
    csvCell(q.topWrong.map((w) => `${w.label} ×${w.count}`).join('；')),
  ]);
  const decisions = data.decisions.map((d) => [
    csvCell(L.decision),
    csvCell(`${d.roleplayId}/${d.nodeId}`),
    csvCell(d.roleplayTitle),
    csvCell(d.line),
    csvCell(d.total, 'number'),
    '',
    '',
    csvCell(d.replies.map((r) => `${r.text}${r.harmful ? L.harmful : ''} ×${r.count}`).join('；')),
  ]);
  const endings = data.endings.map((e) => [
    csvCell(L.ending),
    csvCell(`${e.roleplayId}/${e.endingId}`),
    csvCell(e.roleplayTitle),
    csvCell(`${e.title}（${L[e.outcome as 'good' | 'neutral' | 'bad'] ?? e.outcome}）`),
    csvCell(e.count, 'number'),
    '',
    '',
    '',
  ]);
  return csv([header, ...questions, ...decisions, ...endings]);
}
