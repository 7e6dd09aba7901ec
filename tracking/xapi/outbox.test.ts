import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../memory-storage.js';
import { backoff, DEFAULT_BATCH_SIZE, Outbox, retryAfter, type OutboxOptions } from './outbox.js';

type Reply = number | 'network' | { status: number; retryAfter: string };

/** Like navigator.locks.request(name, { ifAvailable: true }): a tab that finds the lock held does nothing. */
function sharedLock() {
  let held = false;
  return async (task: () => Promise<void>) => {
    if (held) return;
    held = true;
    try {
      await task();
    } finally {
      held = false;
    }
  };
}

function setup(replies: Reply[], over: Partial<OutboxOptions> = {}) {
  let clock = 1_000_000;
  const sent: string[][] = [];
  const states: string[] = [];
  const options: OutboxOptions = {
    storage: memoryStorage(),
    key: 'outbox:test',
    withLock: sharedLock(),
    now: () => clock,
    batchSize: 3,
    onState: (s) => states.push(s),
    send: async (statements) => {
      sent.push(statements.map((s) => (s as { id: string }).id));
      await Promise.resolve();
      const reply = replies.shift() ?? 200;
      if (reply === 'network') throw new TypeError('Failed to fetch');
      const status = typeof reply === 'number' ? reply : reply.status;
      const header = typeof reply === 'object' ? reply.retryAfter : null;
      return { status, headers: { get: (name: string) => (name === 'Retry-After' ? header : null) } };
    },
    ...over,
  };
  return { outbox: new Outbox(options), options, sent, states, advance: (ms: number) => (clock += ms) };
}

const statement = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

describe('outbox', () => {
  it('stores before sending and sends in batches', async () => {
    const { outbox, sent, states } = setup([200, 200]);
    for (let n = 1; n <= 5; n++) outbox.add(statement(n));
    expect(outbox.pending()).toBe(5);
    await outbox.flush();
    expect(sent.map((b) => b.length)).toEqual([3, 2]);
    expect(outbox.pending()).toBe(0);
    expect(states.at(-1)).toBe('saved');
  });

  it('delivers a backlog of 1,000 statements in at most 20 requests by default', async () => {
    const { options, sent } = setup([]);
    const { batchSize: _fixture, ...defaults } = options;
    const outbox = new Outbox(defaults);
    for (let n = 1; n <= 1000; n++) outbox.add(statement(n));
    await outbox.flush();
    expect(DEFAULT_BATCH_SIZE).toBe(50);
    expect(sent.length).toBeLessThanOrEqual(20);
    expect(new Set(sent.flat()).size).toBe(1000);
    expect(outbox.pending()).toBe(0);
  });

  it('survives a reload: a new outbox on the same storage still has what was not sent', async () => {
    const first = setup(['network']);
    first.outbox.add(statement(1));
    await first.outbox.flush();
    const reloaded = new Outbox({
      ...first.options,
      send: async () => ({ status: 204, headers: { get: () => null } }),
    });
    expect(reloaded.pending()).toBe(1);
    first.advance(60_000);
    await reloaded.flush();
    expect(reloaded.pending()).toBe(0);
  });

  it('backs off on network errors, 5xx and 429, honouring Retry-After', async () => {
    const { outbox, sent, advance, states } = setup(['network', 503, { status: 429, retryAfter: '30' }, 200]);
    outbox.add(statement(1));
    await outbox.flush();
    expect(states.at(-1)).toBe('offline');
    await outbox.flush(); // not due yet (1 s backoff)
    expect(sent).toHaveLength(1);
    advance(1000);
    await outbox.flush(); // 503 → 2 s
    advance(2000);
    await outbox.flush(); // 429 with Retry-After: 30 s
    advance(29_000);
    await outbox.flush();
    expect(sent).toHaveLength(3);
    advance(1000);
    await outbox.flush();
    expect(sent).toHaveLength(4);
    expect(outbox.pending()).toBe(0);
  });

  it('counts 409 as delivered', async () => {
    const { outbox } = setup([409]);
    outbox.add(statement(1));
    await outbox.flush();
    expect(outbox.pending()).toBe(0);
    expect(outbox.setAside()).toEqual([]);
  });

  it('a 400 in a batch isolates the statement and sets only it aside, reported', async () => {
    const reported: number[] = [];
    const { outbox, sent } = setup([400, 204, 400, 204], { onSetAside: (e) => reported.push(e.status) });
    for (let n = 1; n <= 3; n++) outbox.add(statement(n));
    await outbox.flush();
    expect(sent.map((b) => b.length)).toEqual([3, 1, 1, 1]);
    expect(outbox.pending()).toBe(0);
    expect(outbox.setAside().map((e) => (e.statement as { id: string }).id)).toEqual([statement(2).id]);
    expect(reported).toEqual([400]);
  });

  it('two tabs of the same launch never send a statement twice', async () => {
    const tabA = setup([]);
    const tabB = new Outbox({ ...tabA.options });
    for (let n = 1; n <= 4; n++) tabA.outbox.add(statement(n));
    tabB.add(statement(4)); // the same statement seen by both tabs is stored once
    await Promise.all([tabA.outbox.flush(), tabB.flush(), tabA.outbox.flush()]);
    await tabB.flush();
    expect(tabA.sent.flat().sort()).toEqual([1, 2, 3, 4].map((n) => statement(n).id));
  });

  it('a statement another tab adds while this one sends is kept, though localStorage reaches other tabs late', async () => {
    // Two tabs' views of localStorage: each sees its own writes at once and the other tab's only at sync(), when
    // every write lands in the order it was made (the last write to a key wins), as in a browser.
    const writes: [string, string | null][] = [];
    const view = () => {
      const own = memoryStorage();
      return {
        storage: {
          ...own,
          get length() {
            return own.map.size;
          },
          setItem: (k: string, v: string) => (own.setItem(k, v), void writes.push([k, v])),
          removeItem: (k: string) => (own.removeItem(k), void writes.push([k, null])),
        },
        own,
      };
    };
    const a = view();
    const b = view();
    const sync = () => {
      for (const tab of [a, b]) {
        for (const [k, v] of writes) v === null ? tab.own.removeItem(k) : tab.own.setItem(k, v);
      }
    };
    const tabA = setup([], { storage: a.storage });
    const tabB = new Outbox({ ...tabA.options, storage: b.storage });
    tabA.outbox.add(statement(1));
    sync();
    const sending = tabA.outbox.flush();
    tabB.add(statement(2)); // while tab A's request is on its way
    await sending;
    sync();
    expect(tabB.pending()).toBe(1);
    await tabB.flush();
    sync();
    expect(tabA.sent.flat()).toEqual([statement(1).id, statement(2).id]);
    expect(tabA.outbox.pending()).toBe(0);
  });

  it('sends statements in the order they were added, also after a retry', async () => {
    const { outbox, sent, advance } = setup(['network', 200, 200], { batchSize: 2 });
    for (let n = 1; n <= 4; n++) outbox.add(statement(n));
    await outbox.flush();
    advance(1000);
    await outbox.flush();
    expect(sent).toEqual(
      [
        [1, 2],
        [1, 2],
        [3, 4],
      ].map((b) => b.map((n) => statement(n).id)),
    );
  });

  it('adopts an outbox stored as one value by an earlier version, losing nothing', async () => {
    const storage = memoryStorage();
    const old = { id: statement(9).id, statement: statement(9), attempts: 2, notBefore: 0 };
    const aside = { statement: statement(8), status: 400, reason: 'LRS answered 400' };
    storage.setItem('outbox:test', JSON.stringify({ queue: [old], setAside: [aside] }));
    const { outbox, sent } = setup([], { storage });
    expect(storage.getItem('outbox:test')).toBeNull();
    expect(outbox.setAside()).toEqual([aside]);
    await outbox.flush();
    expect(sent).toEqual([[statement(9).id]]);
  });

  it('keepalive batches stay under the keepalive body limit', async () => {
    const { outbox, sent } = setup([], { keepaliveBytes: 200, batchSize: 25 });
    for (let n = 1; n <= 6; n++) outbox.add({ ...statement(n), pad: 'x'.repeat(40) } as { id: string });
    await outbox.flush(true);
    expect(sent.every((b) => b.length <= 2)).toBe(true);
    expect(sent.flat()).toHaveLength(6);
  });

  it('backoff and Retry-After', () => {
    expect([1, 2, 3, 20].map(backoff)).toEqual([1000, 2000, 4000, 300_000]);
    expect(retryAfter('120', 0)).toBe(120_000);
    expect(retryAfter('Fri, 27 Nov 2026 16:00:10 GMT', Date.parse('2026-11-27T16:00:00Z'))).toBe(10_000);
    expect(retryAfter('soon', 0)).toBeNull();
  });
});
