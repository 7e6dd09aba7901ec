/**
 * The shape of `npm run bench`'s result (written as JSON to bench/results/) and the one table it prints: a Markdown
 * table, so the README can show it as printed. Pure: no I/O.
 */
import { ratio } from './metrics.js';

export type PageTarget = 'floor' | 'liascript' | 'standalone' | 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';

/** One page loaded cold, medians over the runs; times in ms from navigation start, null when never reached. */
export interface PageRow {
  target: PageTarget;
  jsBytes: number;
  cssBytes: number;
  totalBytes: number;
  requests: number;
  fcpMs: number | null;
  firstTextMs: number;
  interactiveMs: number | null;
  /** Requests to anything but localhost, aborted (should be 0). */
  blockedRequests: number;
}

export interface BenchResult {
  date: string;
  command: string;
  machine: { cpus: number; node: string; platform: string };
  liascript: string;
  build: {
    validateMs: number;
    buildMs: number;
    firstPageJsGzip: number;
    courseIndexGzip: number;
    firstModuleGzip: number;
  };
  pages: {
    runs: number;
    cpuSlowdown: number;
    network: string;
    quietWindowMs: number;
    rows: PageRow[];
  } | null;
  records: { statements: number; requests: number; ms: number; batchSize: number } | null;
  lrs: {
    statements: number;
    batchSize: number;
    storePerSecond: number;
    query: { pages: number; ms: number; pageSize: number };
  } | null;
  report: { statements: number; perSecond: number; seconds: number; peakMemoryMiB: number } | null;
  package: { ms: number; zips: { kind: string; bytes: number }[] } | null;
}

const LABEL: Record<PageTarget, string> = {
  floor: 'static floor page',
  liascript: 'LiaScript',
  standalone: 'ours, standalone',
  scorm12: 'ours, SCORM 1.2',
  scorm2004: 'ours, SCORM 2004',
  cmi5: 'ours, cmi5',
  xapi: 'ours, xAPI',
};

const int = (n: number): string => Math.round(n).toLocaleString('en');
const kb = (bytes: number): string =>
  `${(bytes / 1024).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;
const ms = (n: number | null): string => (n === null ? '—' : `${int(n)} ms`);
const times = (n: number | null): string => (n === null ? '—' : `${n.toFixed(2)}×`);

/** The rows of the table: [area, measure, figure]. */
export function tableRows(r: BenchResult): [string, string, string][] {
  const rows: [string, string, string][] = [];
  if (r.pages) {
    const p = r.pages;
    rows.push([
      'first page',
      'how it is measured (every first-page figure below)',
      `median of ${p.runs} cold loads, CPU ${p.cpuSlowdown}× slower, ${p.network}`,
    ]);
    for (const row of p.rows) {
      const area = `first page: ${LABEL[row.target]}`;
      rows.push([
        area,
        'JS / CSS / total transferred before the text shows',
        `${kb(row.jsBytes)} / ${kb(row.cssBytes)} / ${kb(row.totalBytes)} (${row.requests} ${row.requests === 1 ? 'request' : 'requests'})`,
      ]);
      rows.push([
        area,
        'first paint / first text / responds to input',
        `${ms(row.fcpMs)} / ${ms(row.firstTextMs)} / ${ms(row.interactiveMs)}` +
          (row.blockedRequests > 0 ? ` · ${row.blockedRequests} requests off localhost blocked` : ''),
      ]);
    }
    const find = (t: PageTarget) => p.rows.find((row) => row.target === t);
    const floor = find('floor');
    const lia = find('liascript');
    const ours = find('standalone');
    const pair = (a: PageRow | undefined, b: PageRow | undefined) =>
      [
        times(ratio(a?.firstTextMs, b?.firstTextMs)),
        times(ratio(a?.interactiveMs, b?.interactiveMs)),
        times(ratio(a?.totalBytes, b?.totalBytes)),
      ].join(' / ');
    const what = 'first text / responds / bytes';
    rows.push(['ratios', `ours (standalone) ÷ floor: ${what}`, pair(ours, floor)]);
    rows.push(['ratios', `LiaScript ÷ floor: ${what}`, pair(lia, floor)]);
    rows.push(['ratios', `LiaScript ÷ ours (standalone): ${what}`, pair(lia, ours)]);
  }
  if (r.records) {
    rows.push([
      'records',
      `deliver ${int(r.records.statements)} queued statements from the outbox (batches of ${r.records.batchSize})`,
      `${ms(r.records.ms)}, ${r.records.requests} requests`,
    ]);
  }
  if (r.lrs) {
    rows.push([
      'embedded LRS',
      `store ${int(r.lrs.statements)} statements in batches of ${r.lrs.batchSize}`,
      `${int(r.lrs.storePerSecond)} statements/s`,
    ]);
    rows.push([
      'embedded LRS',
      `query all ${int(r.lrs.statements)} following \`more\` (${r.lrs.query.pageSize} a page)`,
      `${ms(r.lrs.query.ms)}, ${r.lrs.query.pages} pages`,
    ]);
  }
  if (r.report) {
    rows.push([
      'report',
      `${int(r.report.statements)} statements from the LRS`,
      `${int(r.report.perSecond)} statements/s (${r.report.seconds} s), peak memory ${r.report.peakMemoryMiB} MiB`,
    ]);
  }
  rows.push(['build', 'validate the course (median of 10)', ms(r.build.validateMs)]);
  rows.push(['build', 'full build (median of 3)', ms(r.build.buildMs)]);
  rows.push([
    'build',
    'first-page JavaScript / course index / first module, gzipped',
    `${int(r.build.firstPageJsGzip)} / ${int(r.build.courseIndexGzip)} / ${int(r.build.firstModuleGzip)} bytes`,
  ]);
  if (r.package) {
    rows.push(['build', 'cold `npm run package` (four zips)', ms(r.package.ms)]);
    for (const zip of r.package.zips)
      rows.push(['build', `${zip.kind} zip`, `${kb(zip.bytes)} (${int(zip.bytes)} bytes)`]);
  }
  return rows;
}

/** The table as Markdown, columns padded so it also reads well in a terminal. */
export function renderTable(r: BenchResult): string {
  const rows = [['Area', 'Measure', 'Figure'] as [string, string, string], ...tableRows(r)];
  const width = (i: number) => Math.max(...rows.map((row) => [...row[i]!].length));
  const widths = [0, 1, 2].map(width);
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}
