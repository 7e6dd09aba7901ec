/**
 * The persistent outbox of xAPI statements: every statement is stored (with the id it got when created) before
 * anything is sent, so a reload, a closed tab or a dead network loses nothing. Sent in batches; network errors, 5xx
 * and 429 are retried with exponential backoff (honouring Retry-After); 409 counts as delivered (the LRS has that
 * id); any other 4xx isolates the statement that caused it and sets it aside, reported, never retried forever.
 * Only one tab of a launch sends at a time (a Web Lock), and it re-reads the stored outbox under the lock, so two
 * tabs never send a statement twice.
 */
import type { KeyValueStorage } from '../../core/progress-store.js';

export interface QueuedStatement {
  id: string;
  statement: unknown;
  /** Failed sends so far. */
  attempts: number;
  /** Not before this time (ms since epoch). */
  notBefore: number;
}

export interface SetAside {
  statement: unknown;
  status: number;
  reason: string;
}

interface Stored {
  queue: QueuedStatement[];
  setAside: SetAside[];
}

export type OutboxState = 'saved' | 'saving' | 'offline';

export interface OutboxOptions {
  storage: KeyValueStorage;
  /** One outbox per launch (endpoint + registration). */
  key: string;
  /** POSTs a batch of statements to the LRS; `keepalive` on pagehide. Rejects on network errors and timeouts. */
  send: (
    statements: unknown[],
    keepalive: boolean,
  ) => Promise<{ status: number; headers: { get(name: string): string | null } }>;
  /** Runs `task` holding the launch's lock; resolves without running it when another tab holds it. */
  withLock: (task: () => Promise<void>) => Promise<void>;
  now?: () => number;
  batchSize?: number;
  /** keepalive requests may carry at most 64 KB in all; stay below. */
  keepaliveBytes?: number;
  onState?: (state: OutboxState) => void;
  onSetAside?: (entry: SetAside) => void;
}

/**
 * Statements a request carries: 50, so a backlog of 1,000 (a long offline sitting) leaves in 20 requests; a batch of
 * 50 typical statements stays well under the LRS's body limit.
 */
export const DEFAULT_BATCH_SIZE = 50;
const BASE_DELAY = 1000;
const MAX_DELAY = 5 * 60_000;

/** Backoff before the next try after `attempts` failures: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoff(attempts: number): number {
  return Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.max(0, attempts - 1));
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export class Outbox {
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly keepaliveBytes: number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.keepaliveBytes = options.keepaliveBytes ?? 60_000;
  }

  /** Stores a statement (it must carry its id); returns false when the browser refused to store it. */
  add(statement: { id: string }): boolean {
    const stored = this.read();
    if (stored.queue.some((q) => q.id === statement.id)) return true;
    stored.queue.push({ id: statement.id, statement, attempts: 0, notBefore: 0 });
    return this.write(stored);
  }

  /** Statements not yet delivered (including ones waiting for a retry). */
  pending(): number {
    return this.read().queue.length;
  }

  setAside(): SetAside[] {
    return this.read().setAside;
  }

  /** Sends every due statement, batch by batch, under the launch's lock. */
  flush(keepalive = false): Promise<void> {
    return this.options.withLock(async () => {
      for (;;) {
        const stored = this.read();
        const due = stored.queue.filter((q) => q.notBefore <= this.now());
        if (due.length === 0) {
          this.options.onState?.(stored.queue.length === 0 ? 'saved' : 'offline');
          return;
        }
        this.options.onState?.('saving');
        const batch = this.batchOf(due, keepalive);
        const outcome = await this.sendBatch(batch, keepalive);
        if (outcome === 'stop') {
          this.options.onState?.('offline');
          return;
        }
      }
    });
  }

  private batchOf(due: QueuedStatement[], keepalive: boolean): QueuedStatement[] {
    // A statement that once caused a 4xx in a batch is sent on its own, to find which one the LRS refuses.
    if (due[0]!.attempts < 0) return [due[0]!];
    const batch: QueuedStatement[] = [];
    let bytes = 2;
    for (const entry of due) {
      if (entry.attempts < 0 || batch.length >= this.batchSize) break;
      const size = JSON.stringify(entry.statement).length + 1;
      if (keepalive && batch.length > 0 && bytes + size > this.keepaliveBytes) break;
      batch.push(entry);
      bytes += size;
    }
    return batch;
  }

  private async sendBatch(batch: QueuedStatement[], keepalive: boolean): Promise<'next' | 'stop'> {
    let status = 0;
    let retryHeader: string | null = null;
    try {
      const response = await this.options.send(
        batch.map((b) => b.statement),
        keepalive,
      );
      status = response.status;
      retryHeader = response.headers.get('Retry-After');
    } catch {
      status = 0; // Network error or timeout.
    }
    const ids = new Set(batch.map((b) => b.id));
    const stored = this.read();
    if ((status >= 200 && status < 300) || status === 409) {
      stored.queue = stored.queue.filter((q) => !ids.has(q.id));
      this.write(stored);
      return 'next';
    }
    if (status === 0 || status === 429 || status >= 500) {
      const delay = retryAfter(retryHeader, this.now());
      for (const q of stored.queue) {
        if (!ids.has(q.id)) continue;
        q.attempts = Math.abs(q.attempts) + 1;
        q.notBefore = this.now() + (delay ?? backoff(q.attempts));
      }
      this.write(stored);
      return 'stop';
    }
    // Another 4xx: with several statements, try each alone; a single one is set aside and reported.
    if (batch.length > 1) {
      for (const q of stored.queue) if (ids.has(q.id)) q.attempts = -1;
      this.write(stored);
      return 'next';
    }
    const entry = stored.queue.find((q) => ids.has(q.id));
    stored.queue = stored.queue.filter((q) => !ids.has(q.id));
    if (entry) {
      const aside = { statement: entry.statement, status, reason: `LRS answered ${status}` };
      stored.setAside.push(aside);
      this.options.onSetAside?.(aside);
    }
    this.write(stored);
    return 'next';
  }

  private read(): Stored {
    try {
      const text = this.options.storage.getItem(this.options.key);
      const parsed = text ? (JSON.parse(text) as Stored) : null;
      if (parsed && Array.isArray(parsed.queue) && Array.isArray(parsed.setAside)) return parsed;
    } catch {
      // Unreadable: start a new outbox (the old text stays under its key until overwritten by a write).
    }
    return { queue: [], setAside: [] };
  }

  private write(stored: Stored): boolean {
    try {
      this.options.storage.setItem(this.options.key, JSON.stringify(stored));
      return true;
    } catch {
      return false;
    }
  }
}
