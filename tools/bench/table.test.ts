import { describe, expect, it } from 'vitest';
import { renderTable, tableRows, type BenchResult, type PageRow } from './table.js';

const page = (target: PageRow['target'], firstTextMs: number, totalBytes: number): PageRow => ({
  target,
  jsBytes: totalBytes / 2,
  cssBytes: 0,
  totalBytes,
  requests: 3,
  fcpMs: firstTextMs - 100,
  firstTextMs,
  interactiveMs: firstTextMs + 500,
  blockedRequests: 0,
});

const result: BenchResult = {
  date: '2026-11-27T19:00:00.000Z',
  command: 'npm run bench',
  machine: { cpus: 2, node: 'v20.19.0', platform: 'linux x64' },
  liascript: '@liascript/editor 1.1.41--1.0.1',
  build: { validateMs: 180, buildMs: 9000, firstPageJsGzip: 24_000, courseIndexGzip: 4100, firstModuleGzip: 1200 },
  pages: {
    runs: 5,
    cpuSlowdown: 4,
    network: 'slow 4G',
    quietWindowMs: 2000,
    rows: [page('floor', 500, 1000), page('liascript', 5000, 1_000_000), page('standalone', 1000, 50_000)],
  },
  records: { statements: 1000, requests: 20, ms: 900, batchSize: 50 },
  lrs: { statements: 100_000, batchSize: 500, storePerSecond: 2000, query: { pages: 200, ms: 30_000, pageSize: 500 } },
  report: { statements: 100_000, perSecond: 3000, seconds: 33.3, peakMemoryMiB: 150 },
  package: { ms: 20_000, zips: [{ kind: 'course-scorm12', bytes: 209_107 }] },
};

describe('the bench table', () => {
  it('has a row for every figure the issue asks for, with the ratios between the three pages', () => {
    const rows = tableRows(result);
    const find = (measure: RegExp) => rows.find(([, m]) => measure.test(m))?.[2];
    expect(rows.filter(([area]) => area === 'first page: LiaScript')).toHaveLength(2);
    expect(find(/ours \(standalone\) ÷ floor/)).toBe('2.00× / 1.50× / 50.00×');
    expect(find(/LiaScript ÷ floor/)).toBe('10.00× / 5.50× / 1000.00×');
    expect(find(/LiaScript ÷ ours/)).toBe('5.00× / 3.67× / 20.00×');
    expect(find(/queued statements/)).toBe('900 ms, 20 requests');
    expect(find(/store 100,000/)).toBe('2,000 statements/s');
    expect(find(/following `more`/)).toBe('30,000 ms, 200 pages');
    expect(find(/statements from the LRS/)).toContain('peak memory 150 MiB');
    expect(find(/course-scorm12 zip/)).toBe('204.2 KB (209,107 bytes)');
  });

  it('leaves out the parts that were skipped and shows a missing time as a dash', () => {
    const rows = tableRows({
      ...result,
      pages: { ...result.pages!, rows: [{ ...page('floor', 500, 1000), interactiveMs: null }] },
      report: null,
      lrs: null,
      package: null,
    });
    expect(rows.some(([area]) => area === 'report' || area === 'embedded LRS')).toBe(false);
    const times = rows.find(([area, measure]) => area === 'first page: static floor page' && /responds/.test(measure));
    expect(times![2]).toBe('400 ms / 500 ms / —');
    expect(rows.find(([, m]) => /ours \(standalone\) ÷ floor/.test(m))![2]).toBe('— / — / —');
  });

  it('renders one Markdown table with a header, a rule and a line per row, all the same width', () => {
    const lines = renderTable(result).split('\n');
    expect(lines[0]).toMatch(/^\| Area +\| Measure +\| Figure +\|$/);
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+ \|$/);
    expect(lines).toHaveLength(tableRows(result).length + 2);
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });

  it('is JSON-safe: the result survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
