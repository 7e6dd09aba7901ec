/**
 * The report's charts, drawn by Vega-Lite at report time into static SVG: the page needs no script and makes no
 * request to show them. Each chart is also given as a table (see html.ts), so no figure exists only as a picture.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ReportData } from './aggregate.js';
import type { Labels } from './labels.js';

export interface Chart {
  id: string;
  title: string;
  svg: string;
  /** The same figures as rows, for the table beside the chart. */
  table: { headers: string[]; rows: (string | number)[][] };
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

async function render(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile({
    ...spec,
    config: { font: FONT, background: 'white', axis: { labelLimit: 220 }, bar: { color: '#1f5f8b' } },
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function buildCharts(data: ReportData, L: Labels): Promise<Chart[]> {
  const charts: Chart[] = [];

  const funnel = data.funnel.map((m) => ({ module: m.title, learners: m.learners }));
  charts.push({
    id: 'chart-funnel',
    title: L.funnelChart,
    svg: await render({
      width: 520,
      data: { values: funnel },
      mark: 'bar',
      encoding: {
        y: { field: 'module', type: 'nominal', sort: null, title: null },
        x: { field: 'learners', type: 'quantitative', title: L.learners, axis: { tickMinStep: 1 } },
      },
    }),
    table: { headers: [L.modules, L.learners], rows: funnel.map((f) => [f.module, f.learners]) },
  });

  const bands = Array.from({ length: 10 }, (_, i) => ({
    band: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
    learners: 0,
  }));
  for (const row of data.completion) {
    if (row.bestScore === null) continue;
    bands[Math.min(9, Math.floor(row.bestScore / 10))]!.learners++;
  }
  charts.push({
    id: 'chart-scores',
    title: L.scoreChart,
    svg: await render({
      width: 520,
      height: 200,
      data: { values: bands },
      mark: 'bar',
      encoding: {
        x: { field: 'band', type: 'ordinal', sort: null, title: L.scoreBand },
        y: { field: 'learners', type: 'quantitative', title: L.learners, axis: { tickMinStep: 1 } },
      },
    }),
    table: { headers: [L.scoreBand, L.learners], rows: bands.map((b) => [b.band, b.learners]) },
  });

  const difficulty = data.questions
    .filter((q) => q.firstTryCorrect !== null)
    .map((q) => ({ question: q.questionId, share: Math.round(q.firstTryCorrect! * 1000) / 10 }))
    .sort((a, b) => a.share - b.share);
  charts.push({
    id: 'chart-difficulty',
    title: L.difficultyChart,
    svg: await render({
      width: 520,
      data: { values: difficulty },
      mark: 'bar',
      encoding: {
        y: { field: 'question', type: 'nominal', sort: null, title: null },
        x: { field: 'share', type: 'quantitative', title: `${L.firstTryCorrect} (%)`, scale: { domain: [0, 100] } },
      },
    }),
    table: { headers: [L.question, `${L.firstTryCorrect} (%)`], rows: difficulty.map((d) => [d.question, d.share]) },
  });

  const paths = data.decisions.flatMap((d) =>
    d.replies.map((r) => ({
      decision: `${d.roleplayId}/${d.nodeId}`,
      reply: `${r.replyId}${r.harmful ? L.harmful : ''}`,
      share: d.total > 0 ? Math.round((r.count / d.total) * 1000) / 10 : 0,
      count: r.count,
    })),
  );
  charts.push({
    id: 'chart-paths',
    title: L.pathsChart,
    svg: await render({
      width: 520,
      data: { values: paths },
      mark: 'bar',
      encoding: {
        y: { field: 'decision', type: 'nominal', sort: null, title: null },
        x: { field: 'share', type: 'quantitative', stack: 'zero', title: `${L.share} (%)` },
        color: { field: 'reply', type: 'nominal', title: L.reply, scale: { scheme: 'tableau10' } },
      },
    }),
    table: {
      headers: [L.decision, L.reply, L.count, `${L.share} (%)`],
      rows: paths.map((p) => [p.decision, p.reply, p.count, p.share]),
    },
  });
  return charts;
}
