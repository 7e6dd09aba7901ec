/**
 * The report against the embedded LRS over real HTTP: paging at 10, incremental runs that match a full run (voiding
 * included), and the clear failures HR meets (unreachable, wrong password, not an LRS, nothing to report).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index.js';
import type { Statement } from '../../report/classify.js';
import { ReportError } from '../../report/lrs-reader.js';
import { runReport, type RunState } from '../../report/run.js';
import { xapiClient } from './support.js';
import { IRI, REG1, REG2, catalog, li, statement, zhang } from '../../report/testing/fixture.js';

let server: RunningServer;
let dir: string;
const credentials = { key: 'report-test', secret: 'report-test-secret-0123456789' };

async function post(statements: Statement[]): Promise<void> {
  const response = await xapiClient(server.endpoint, credentials).request('POST', 'statements', statements);
  expect(response.status, await response.clone().text()).toBe(200);
}

const attempt = (k: number) => ({ [`${IRI}/extensions/attempt`]: k });
const wang = { name: '王芳', account: { homePage: 'https://lms.example.net', name: 'wangfang' } };

/** Three learners' worth of statements, 36 in all: several pages at 10. */
function batch(): Statement[] {
  const out: Statement[] = [];
  for (const who of [zhang, li, wang]) {
    const registration = who === li ? REG2 : REG1;
    for (let i = 0; i < 4; i++) {
      out.push(
        statement(who, 'answered', `${IRI}/questions/q1`, {
          result: { success: i === 3, response: i === 3 ? 'a' : 'b' },
          context: { registration, extensions: attempt(i === 0 ? 1 : 2) },
        }),
      );
    }
    out.push(
      statement(who, 'answered', `${IRI}/roleplays/rp/nodes/n1`, {
        result: { response: 'calm' },
        context: { registration },
      }),
    );
    out.push(
      statement(who, 'completed', `${IRI}/roleplays/rp`, {
        result: { extensions: { [`${IRI}/extensions/ending`]: 'good' } },
        context: { registration },
      }),
    );
    out.push(statement(who, 'completed', `${IRI}/modules/m1`, { context: { registration } }));
    out.push(
      statement(who, 'failed', `${IRI}/quizzes/final`, {
        result: { score: { scaled: 0.6 } },
        context: { registration },
      }),
    );
    out.push(
      statement(who, 'passed', `${IRI}/quizzes/final`, {
        result: { score: { scaled: 0.9 } },
        context: { registration },
      }),
    );
    out.push(statement(who, 'terminated', IRI, { result: { duration: 'PT10M' }, context: { registration } }));
    out.push(statement(who, 'completed', IRI, { context: { registration } }));
    out.push(statement(who, 'experienced', `${IRI}/pages/welcome`, { context: { registration } }));
  }
  return out;
}

const options = () => ({
  endpoint: server.endpoint,
  user: credentials.key,
  password: credentials.secret,
  pageSize: 10,
  catalog: catalog(),
});
const figures = (data: Awaited<ReturnType<typeof runReport>>['data']) => ({ ...data, generatedAt: '' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-lrs-'));
  server = await startServer({ port: 0, dbPath: join(dir, 'lrs.db'), fresh: true, credentials });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report over the embedded LRS', () => {
  it('refuses an empty LRS with a clear message and exit code 3', async () => {
    const error = await runReport(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).exitCode).toBe(3);
    expect((error as ReportError).zh).toContain('没有这门课程');
  });

  it('pages at 10, and an incremental run after new statements and a voiding equals a full run', async () => {
    const first = batch();
    // In several posts, as learners' courses send them; one batch shares one stored time.
    for (let i = 0; i < first.length; i += 9) {
      await post(first.slice(i, i + 9));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    let pages = 0;
    const run1 = await runReport({ ...options(), onProgress: () => pages++ });
    expect(run1.read).toBe(first.length);
    expect(pages).toBe(Math.ceil(first.length / 10));
    expect(
      run1.data.completion.map((r) => [r.identifier, r.passed, r.bestScore, r.attempts, r.modulesCompleted]),
    ).toEqual([
      ['lina@example.net', true, 90, 2, 1],
      ['wangfang', true, 90, 2, 1],
      ['zhangwei', true, 90, 2, 1],
    ]);
    const state: RunState = JSON.parse(JSON.stringify(run1.state)) as RunState;

    // Later: more statements, and an administrator voids Wang Fang's pass.
    const passedId = first.find((s) => s.actor === wang && s.verb?.id?.endsWith('/passed'))!.id!;
    const later = [
      statement(li, 'failed', `${IRI}/quizzes/final`, {
        result: { score: { scaled: 0.7 } },
        context: { registration: REG2 },
      }),
      statement(zhang, 'answered', `${IRI}/roleplays/rp/nodes/n1`, {
        result: { response: 'deny' },
        context: { registration: REG1 },
      }),
      {
        ...statement(wang, 'voided', passedId),
        object: { objectType: 'StatementRef', id: passedId },
      },
    ];
    await post(later);

    const incremental = await runReport({ ...options(), state });
    // Only the last post's boundary is read again, and the new statements.
    expect(incremental.read).toBeLessThanOrEqual(9 + later.length);
    const full = await runReport(options());
    expect(figures(incremental.data)).toEqual(figures(full.data));
    const wangRow = full.data.completion.find((r) => r.identifier === 'wangfang')!;
    expect(wangRow).toMatchObject({ passed: false, attempts: 1, bestScore: 60 });
    expect(full.data.completion.find((r) => r.identifier === 'lina@example.net')).toMatchObject({
      attempts: 3,
      lastScore: 70,
    });
    expect(full.data.decisions[0]!.replies.map((r) => r.count)).toEqual([3, 1]);

    // Nothing new: the incremental run reads only its boundary and keeps the figures.
    const again = await runReport({ ...options(), state: incremental.state });
    expect(figures(again.data)).toEqual(figures(full.data));
  });

  it('says what is wrong with the endpoint or the credentials', async () => {
    const wrong = await runReport({ ...options(), password: 'not-the-secret' }).catch((e: unknown) => e);
    expect((wrong as ReportError).zh).toContain('用户名或密码');
    const notLrs = await runReport({ ...options(), endpoint: `${server.url}no-such-place/` }).catch((e: unknown) => e);
    expect((notLrs as ReportError).zh).toContain('不像是 xAPI LRS');
    const closed = await runReport({ ...options(), endpoint: 'http://127.0.0.1:9/xapi/' }).catch((e: unknown) => e);
    expect((closed as ReportError).zh).toContain('无法连接');
  });

  it('the command line refuses a --since that is not a date, with a non-zero exit', () => {
    const result = spawnSync(
      process.execPath,
      [
        'node_modules/.bin/tsx',
        'report/cli.ts',
        '--endpoint',
        server.endpoint,
        '--user',
        'u',
        '--password',
        'p',
        '--since',
        'yesterday',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--since「yesterday」不是日期');
  });
});
