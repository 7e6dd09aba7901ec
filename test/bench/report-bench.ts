/**
 * The report's benchmark (part of `npm run bench`): stores 100,000 generated statements in a fresh embedded LRS,
 * then runs the report over them in a separate process and measures statements per second and that process's peak
 * memory. Figures are printed and returned, never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import { xapiClient } from '../server/support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ReportBench {
  statements: number;
  storePerSecond: number;
  reportPerSecond: number;
  reportSeconds: number;
  peakMemoryMiB: number;
  /** Statements a POST carried while storing. */
  storeBatch: number;
  /** Reading every statement back with `GET statements`, following `more` to the end. */
  query: { pages: number; ms: number; pageSize: number };
}

function uuid(n: number, prefix = '00000000'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix}-0000-4000-8000-${hex}`;
}

/** `count` statements over `count / 100` learners: answers, role-play choices, module and course results. */
export function* generatedStatements(courseIri: string, count: number, questionIds: string[], moduleIds: string[]) {
  const learners = Math.max(1, Math.round(count / 100));
  for (let i = 0; i < count; i++) {
    const learner = i % learners;
    const step = Math.floor(i / learners);
    const registration = uuid(learner, '11111111');
    const actor = { name: `学员${learner}`, account: { homePage: 'https://lms.example.net', name: `u${learner}` } };
    const context = { registration, contextActivities: { grouping: [{ id: courseIri }] } };
    const base = { id: uuid(i), actor, timestamp: new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString() };
    const q = questionIds[step % questionIds.length]!;
    if (step % 25 === 24) {
      const m = moduleIds[Math.floor(step / 25) % moduleIds.length]!;
      yield {
        ...base,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: `${courseIri}/modules/${m}` },
        context,
      };
    } else if (step % 50 === 49) {
      yield {
        ...base,
        verb: { id: `http://adlnet.gov/expapi/verbs/${learner % 3 === 0 ? 'failed' : 'passed'}` },
        object: { id: courseIri },
        result: { score: { scaled: (60 + (learner % 40)) / 100 } },
        context: { registration },
      };
    } else {
      yield {
        ...base,
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
        object: { id: `${courseIri}/questions/${q}` },
        result: { success: (i * 7) % 10 > 3, response: (i * 7) % 10 > 3 ? 'a' : 'b' },
        context: { ...context, extensions: { [`${courseIri}/extensions/attempt`]: 1 + (step % 2) } },
      };
    }
  }
}

export async function benchReport(count = 100_000): Promise<ReportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const credentials = { key: 'bench', secret: 'bench-secret-0123456789abcdef' };
  const server = await startServer({ port: 0, dbPath: join(dir, 'lrs.db'), fresh: true, credentials });
  const lrs = xapiClient(server.endpoint, credentials);
  try {
    // The course as learners get it, built afresh beside the database.
    const { build } = await import('../../tools/build.js');
    await build({ outDir: join(dir, 'course') });
    const contentDir = join(dir, 'course/content');
    const { readBuiltCourse } = await import('../../report/course-files.js');
    const catalog = readBuiltCourse(contentDir);
    const questions = catalog.questions.map((q) => q.id);
    const modules = catalog.modules.map((m) => m.id);
    const started = performance.now();
    let batch: unknown[] = [];
    const flush = async () => {
      const response = await lrs.request('POST', 'statements', batch);
      if (!response.ok) throw new Error(`LRS refused a batch: ${response.status} ${await response.text()}`);
      batch = [];
    };
    for (const s of generatedStatements(catalog.courseIri, count, questions, modules)) {
      batch.push(s);
      if (batch.length === 500) await flush();
    }
    if (batch.length > 0) await flush();
    const storeSeconds = (performance.now() - started) / 1000;

    // The whole store read back a page at a time, as an analytics tool or the report does.
    const queryStarted = performance.now();
    let pages = 0;
    let read = 0;
    let next: string | null = `${server.endpoint}statements?limit=500&ascending=true`;
    while (next) {
      const response: Response = await lrs.request('GET', next);
      if (!response.ok) throw new Error(`LRS query failed: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { statements: unknown[]; more?: string };
      pages++;
      read += page.statements.length;
      next = page.more ? new URL(page.more, server.endpoint).href : null;
    }
    if (read !== count) throw new Error(`the query returned ${read} statements, not ${count}`);
    const queryMs = Math.round(performance.now() - queryStarted);

    // Asynchronously: the LRS runs in this process and must go on answering while the report reads it.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(root, 'node_modules/.bin/tsx'),
          join(root, 'test/bench/report-run.ts'),
          server.endpoint,
          credentials.key,
          credentials.secret,
          contentDir,
        ],
        { cwd: root },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    if (run.status !== 0) throw new Error(`report run failed: ${run.stderr}`);
    const measured = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      read: number;
      seconds: number;
      maxRssKiB: number;
    };
    return {
      statements: count,
      storePerSecond: Math.round(count / storeSeconds),
      reportPerSecond: Math.round(measured.read / measured.seconds),
      reportSeconds: Math.round(measured.seconds * 10) / 10,
      peakMemoryMiB: Math.round(measured.maxRssKiB / 1024),
      storeBatch: 500,
      query: { pages, ms: queryMs, pageSize: 500 },
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 100_000);
  const result = await benchReport(count);
  console.log(JSON.stringify(result));
  console.error(
    `report: ${result.statements.toLocaleString('en')} statements · LRS stored ${result.storePerSecond.toLocaleString('en')}/s · report read ${result.reportPerSecond.toLocaleString('en')}/s (${result.reportSeconds} s) · peak memory ${result.peakMemoryMiB} MiB · query ${result.query.pages} pages in ${result.query.ms} ms`,
  );
}
