// Durability: clients post batches concurrently, the server process is killed with SIGKILL mid-stream and started
// again on the same database. Every statement acknowledged with a 2xx must be there exactly once, and the clients'
// retries (same statement ids) complete the rest without duplicates.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { statement, tempDb, xapiClient } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dbPath = tempDb();
let child: ChildProcess | null = null;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts `server/cli.ts` in its own Node process (tsx as a loader, so SIGKILL hits the server itself). */
function startProcess(port: number): Promise<{ endpoint: string; key: string; secret: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', '--json', '--port', String(port), '--db', dbPath],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = proc;
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { endpoint: string; key: string; secret: string });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

afterAll(() => {
  child?.kill('SIGKILL');
});

it('loses no acknowledged statement when the server is killed mid-stream', { timeout: 120000 }, async () => {
  const port = await freePort();
  const info = await startProcess(port);
  const lrs = xapiClient(info.endpoint, { key: info.key, secret: info.secret });
  const clients = 4;
  const batches = 12;
  const perBatch = 25;
  const acked = new Set<string>();
  let ackedBatches = 0;
  let ackedAtKill: Set<string> | null = null;
  let killed = null as Promise<void> | null; // assigned in a callback, so not narrowed to null

  const killAndRestart = async () => {
    const proc = child!;
    proc.removeAllListeners('exit');
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    ackedAtKill = new Set(acked);
    await exited;
    await startProcess(port);
    if (process.env.DEBUG_CRASH) console.log('restarted');
  };

  const runClient = async (c: number) => {
    const registration = randomUUID();
    for (let b = 0; b < batches; b++) {
      const batch = Array.from({ length: perBatch }, (_, i) =>
        statement({ context: { registration, extensions: { 'https://example.com/n': c * 1000 + b * 100 + i } } }),
      );
      let done = false;
      // Bounded: at most 1200 attempts 50 ms apart (a minute), enough for the restart.
      for (let attempt = 0; attempt < 1200 && !done; attempt++) {
        try {
          const res = await lrs.request('POST', 'statements', batch);
          if (res.ok) {
            for (const s of batch) acked.add(s.id as string);
            done = true;
            ackedBatches++;
            if (ackedBatches === 10 && !killed) killed = killAndRestart();
          } else {
            throw new Error(`status ${res.status}: ${await res.text()}`);
          }
        } catch (error) {
          if (process.env.DEBUG_CRASH) console.log(c, b, attempt, String(error).slice(0, 200));
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(done, `client ${c} batch ${b} never acknowledged`).toBe(true);
    }
    return registration;
  };

  const registrations = await Promise.all(Array.from({ length: clients }, (_, c) => runClient(c)));
  await killed;
  expect(ackedAtKill).not.toBeNull();
  expect(ackedAtKill!.size).toBeGreaterThanOrEqual(10 * perBatch);

  const stored: string[] = [];
  for (const registration of registrations) {
    const res = await lrs.request('GET', `statements?registration=${registration}&limit=500`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { statements: { id: string }[]; more: string };
    expect(page.more).toBe('');
    stored.push(...page.statements.map((s) => s.id));
  }
  expect(stored.length).toBe(clients * batches * perBatch);
  expect(new Set(stored).size).toBe(stored.length);
  for (const id of ackedAtKill!) expect(stored).toContain(id);
  for (const id of acked) expect(stored).toContain(id);
});
