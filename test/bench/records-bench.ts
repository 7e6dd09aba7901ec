/**
 * The records benchmark (part of `npm run bench`): 1,000 statements queued in the real outbox
 * (tracking/xapi/outbox.ts, as a learner's browser queues them through a long offline stretch) delivered to a fresh
 * embedded LRS over real HTTP. Counts the requests and the time; prints one JSON line (RecordsBench) on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import { DEFAULT_BATCH_SIZE, Outbox } from '../../tracking/xapi/outbox.js';
import { memoryStorage } from '../../tracking/memory-storage.js';
import { xapiClient } from '../server/support.js';
import { generatedStatements } from './report-bench.js';

export interface RecordsBench {
  statements: number;
  requests: number;
  ms: number;
  batchSize: number;
}

export async function benchRecords(count = 1000): Promise<RecordsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'records-bench-'));
  const credentials = { key: 'bench', secret: 'bench-secret-0123456789abcdef' };
  const server = await startServer({ port: 0, dbPath: join(dir, 'lrs.db'), fresh: true, credentials });
  const lrs = xapiClient(server.endpoint, credentials);
  try {
    let requests = 0;
    const outbox = new Outbox({
      storage: memoryStorage(),
      key: 'bench-outbox',
      withLock: (task) => task(),
      send: async (statements) => {
        requests++;
        const response = await lrs.request('POST', 'statements', statements);
        await response.arrayBuffer();
        return response;
      },
    });
    const iri = 'https://training.telecom-academy.cn/courses/bench';
    for (const s of generatedStatements(iri, count, ['q1', 'q2', 'q3'], ['m1', 'm2'])) outbox.add(s);
    const started = performance.now();
    await outbox.flush();
    const ms = performance.now() - started;
    if (outbox.pending() > 0 || outbox.setAside().length > 0)
      throw new Error(
        `the outbox did not deliver everything: ${outbox.pending()} pending, ${outbox.setAside().length} set aside`,
      );
    return { statements: count, requests, ms: Math.round(ms), batchSize: DEFAULT_BATCH_SIZE };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchRecords(Number(process.argv[2] ?? 1000))));
}
