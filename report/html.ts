/**
 * `report.html` (and the preview server's `/report`): one self-contained page. Every figure is a sortable table;
 * charts are static SVG with their data as a table beside them. Everything that came from statements is escaped,
 * and a Content-Security-Policy forbids any request leaving the page.
 */
import type { ReportData } from './aggregate.js';
import { buildCharts, type Chart } from './charts.js';
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

export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface Cell {
  text: string;
  /** Sort key when it differs from the text (numbers, times). */
  sort?: string | number;
  numeric?: boolean;
}

const cell = (text: string | number | null | undefined, sort?: string | number, numeric = false): Cell => ({
  text: String(text ?? ''),
  ...(sort === undefined ? {} : { sort }),
  numeric,
});

function table(id: string, caption: string, headers: string[], rows: Cell[][], sortHint: string): string {
  const head = headers
    .map(
      (h, i) =>
        `<th scope="col" aria-sort="none"><button type="button" data-column="${i}">${escapeHtml(h)}<span aria-hidden="true" class="arrow"></span></button></th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map(
            (c, i) =>
              `<${i === 0 ? 'th scope="row"' : 'td'}${c.numeric ? ' class="num"' : ''}${
                c.sort === undefined ? '' : ` data-sort="${escapeHtml(c.sort)}"`
              }>${escapeHtml(c.text)}</${i === 0 ? 'th' : 'td'}>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}" class="sortable"><caption id="${id}-caption">${escapeHtml(caption)} <span class="hint">${escapeHtml(sortHint)}</span></caption>
<thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>`;
}

function chartFigure(chart: Chart, dataLabel: string, sortHint: string): string {
  const captionId = `${chart.id}-title`;
  return `<figure class="chart" aria-labelledby="${captionId}">
<figcaption id="${captionId}">${escapeHtml(chart.title)}</figcaption>
<div class="svg-wrap">${chart.svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${captionId}" focusable="false" `)}</div>
<details><summary>${escapeHtml(dataLabel)}：${escapeHtml(chart.title)}</summary>
${table(
  `${chart.id}-data`,
  chart.title,
  chart.table.headers,
  chart.table.rows.map((r) => r.map((v) => cell(v, typeof v === 'number' ? v : undefined, typeof v === 'number'))),
  sortHint,
)}
</details></figure>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --accent: #1f5f8b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); }
header, main, footer { padding: 1rem clamp(0.75rem, 3vw, 2rem); }
header { border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 0.25rem; font-size: 1.5rem; }
h2 { margin-top: 2rem; font-size: 1.2rem; }
.meta { color: var(--muted); margin: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0; }
.summary div { display: flex; gap: 0.4rem; align-items: baseline; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; outline: 3px solid var(--accent); }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; min-width: 100%; font-size: 0.9rem; }
caption { text-align: start; font-weight: 600; padding: 0.5rem 0; }
caption .hint { font-weight: normal; color: var(--muted); font-size: 0.85rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: start; vertical-align: top; }
thead th { background: #f3f5f7; white-space: nowrap; padding: 0; }
thead button { all: inherit; display: block; width: 100%; padding: 0.35rem 0.5rem; cursor: pointer; }
tbody th { font-weight: 500; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
th[aria-sort="ascending"] .arrow::after { content: " ▲"; }
th[aria-sort="descending"] .arrow::after { content: " ▼"; }
.charts { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); }
figure { margin: 0; }
figcaption { font-weight: 600; }
.svg-wrap { overflow-x: auto; }
.svg-wrap svg { max-width: 100%; height: auto; }
details { margin-top: 0.5rem; }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto; } }
`;

/** Sorts a table when its column heading is pressed; numbers by value, text in the page's language. */
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('thead button').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.parentElement, col = Number(button.dataset.column);
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      table.querySelectorAll('thead th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir);
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var c = row.cells[col]; return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
        var r = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y), document.documentElement.lang);
        return dir === 'ascending' ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;

export interface HtmlOptions {
  lang: ReportLang;
  timeZone: string;
  courseTitle: string;
}

export async function reportHtml(data: ReportData, options: HtmlOptions): Promise<string> {
  const L = LABELS[options.lang];
  const tz = options.timeZone;
  const hint = L.sortHint;
  const outcome = (o: string) => L[o as 'good' | 'neutral' | 'bad'] ?? o;

  const completion = table(
    'completion',
    L.completionTitle,
    completionHeaders(L),
    data.completion.map((r) => [
      cell(r.name || r.identifier),
      cell(r.identifier),
      cell(r.registrations.join(' ')),
      cell(`${r.modulesCompleted}/${r.modulesTotal}`, r.modulesCompleted, true),
      cell(r.courseCompleted ? L.yes : L.no),
      cell(passedLabel(L, r.passed)),
      cell(formatScore(r.bestScore), r.bestScore ?? -1, true),
      cell(formatScore(r.lastScore), r.lastScore ?? -1, true),
      cell(r.attempts, r.attempts, true),
      cell(formatDuration(r.totalTimeMs), r.totalTimeMs, true),
      cell(formatTime(r.firstActivity, tz), r.firstActivity),
      cell(formatTime(r.lastActivity, tz), r.lastActivity),
    ]),
    hint,
  );
  const items = table(
    'items',
    L.itemsTitle,
    [L.id, L.quiz, L.prompt, L.answered, L.firstTries, L.firstTryCorrect, L.topWrong],
    data.questions.map((q) => [
      cell(q.questionId),
      cell(q.quizTitle),
      cell(q.prompt),
      cell(q.answered, q.answered, true),
      cell(q.firstTries, q.firstTries, true),
      cell(formatPercent(q.firstTryCorrect), q.firstTryCorrect ?? -1, true),
      cell(q.topWrong.map((w) => `${w.label} ×${w.count}`).join('；')),
    ]),
    hint,
  );
  const decisions = table(
    'decisions',
    L.decisionsTitle,
    [L.id, L.roleplay, L.prompt, L.count, L.replies],
    data.decisions.map((d) => [
      cell(`${d.roleplayId}/${d.nodeId}`),
      cell(d.roleplayTitle),
      cell(d.line),
      cell(d.total, d.total, true),
      cell(d.replies.map((r) => `${r.text}${r.harmful ? L.harmful : ''} ×${r.count}`).join('；')),
    ]),
    hint,
  );
  const endings = table(
    'endings',
    L.endingsTitle,
    [L.id, L.roleplay, L.ending, L.outcome, L.reached],
    data.endings.map((e) => [
      cell(`${e.roleplayId}/${e.endingId}`),
      cell(e.roleplayTitle),
      cell(e.title),
      cell(outcome(e.outcome)),
      cell(e.count, e.count, true),
    ]),
    hint,
  );
  const learners = data.completion.length;
  const summary = `<dl class="summary">${[
    [L.learners, learners],
    [L.courseCompleted, data.completion.filter((r) => r.courseCompleted).length],
    [L.pass, data.completion.filter((r) => r.passed === true).length],
    [L.fail, data.completion.filter((r) => r.passed === false).length],
  ]
    .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join('')}</dl>`;
  const charts = (await buildCharts(data, L)).map((c) => chartFigure(c, L.dataTable, hint)).join('\n');

  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${L.title} · ${options.courseTitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<a class="skip" href="#completion-section">${escapeHtml(L.skip)}</a>
<h1>${escapeHtml(`${L.title} · ${options.courseTitle}`)}</h1>
${summary}
<p class="meta">${escapeHtml(L.generated)}：${escapeHtml(formatTime(data.generatedAt, tz))} · ${escapeHtml(L.statements)}：${data.statements}</p>
</header>
<main>
<section class="charts" aria-label="${escapeHtml(L.dataTable)}">
${charts}
</section>
<section id="completion-section"><h2>${escapeHtml(L.completionTitle)}</h2>${completion}</section>
<section><h2>${escapeHtml(L.itemsTitle)}</h2>${items}</section>
<section><h2>${escapeHtml(L.decisionsTitle)}</h2>${decisions}</section>
<section><h2>${escapeHtml(L.endingsTitle)}</h2>${endings}</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
