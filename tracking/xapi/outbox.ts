/**
 * The persistent outbox of xAPI statements: every statement is stored (with the id it got when created) before
 * anything is sent, so a reload, a closed tab or a dead network loses nothing. Sent in batches; network errors, 5xx
 * and 429 are retried with exponential backoff (honouring Retry-After); 409 counts as delivered (the LRS has that
 * id); any other 4xx isolates the statement that caused it and sets it aside, reported, never retried forever.
 *
 * Two tabs of one launch share the outbox. Each statement is stored under a key of its own (`<key>:q:<id>`), because
 * localStorage has no transactions and reaches other tabs late: a whole-outbox value read, changed and written back
 * by one tab would drop a statement another tab had just added. A tab only ever adds its own keys; sending, retrying
 * and setting aside touch only the keys of the statements sent. Only one tab sends at a time (a Web Lock), and it
 * re-reads the stored entries under the lock, so two tabs never send a statement twice.
 */
import type { KeyValueStorage } from '../../core/progress-store.js';
import { keysWithPrefix } from '../storage-keys.js';

/** The part of the Web Storage API the outbox uses: it lists its own keys. */
export interface OutboxStorage extends KeyValueStorage {
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface QueuedStatement {
  id: string;
  statement: unknown;
  /** Failed sends so far; -1 marks a statement to send on its own (it was in a batch the LRS refused). */
  attempts: number;
  /** Not before this time (ms since epoch). */
  notBefore: number;
  /** When it was added (ms since epoch) and the adding tab's counter: the order statements are sent in. */
  added: number;
  seq: number;
}

export interface SetAside {
  statement: unknown;
  status: number;
  reason: string;
}

export type OutboxState = 'saved' | 'saving' | 'offline';

export interface OutboxOptions {
  storage: OutboxStorage;
  /** One outbox per launch (endpoint + registration): the prefix of its entries' keys. */
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
  private readonly queuePrefix: string;
  private readonly asidePrefix: string;
  private seq = 0;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.keepaliveBytes = options.keepaliveBytes ?? 60_000;
    this.queuePrefix = `${options.key}:q:`;
    this.asidePrefix = `${options.key}:aside:`;
    this.adoptSingleValueOutbox();
  }

  /** Stores a statement (it must carry its id); returns false when the browser refused to store it. */
  add(statement: { id: string }): boolean {
    const key = this.queuePrefix + statement.id;
    if (this.options.storage.getItem(key) !== null) return true;
    const entry: QueuedStatement = {
      id: statement.id,
      statement,
      attempts: 0,
      notBefore: 0,
      added: this.now(),
      seq: this.seq++,
    };
    return this.put(key, entry);
  }

  /** Statements not yet delivered (including ones waiting for a retry). */
  pending(): number {
    return this.queue().length;
  }

  setAside(): SetAside[] {
    return this.entries<SetAside>(this.asidePrefix).map(([, entry]) => entry);
  }

  /** Sends every due statement, batch by batch, under the launch's lock. */
  flush(keepalive = false): Promise<void> {
    return this.options.withLock(async () => {
      for (;;) {
        const queue = this.queue();
        const due = queue.filter((q) => q.notBefore <= this.now());
        if (due.length === 0) {
          this.options.onState?.(queue.length === 0 ? 'saved' : 'offline');
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
    if ((status >= 200 && status < 300) || status === 409) {
      for (const q of batch) this.options.storage.removeItem(this.queuePrefix + q.id);
      return 'next';
    }
    if (status === 0 || status === 429 || status >= 500) {
      const delay = retryAfter(retryHeader, this.now());
      for (const q of this.stillQueued(batch)) {
        q.attempts = Math.abs(q.attempts) + 1;
        q.notBefore = this.now() + (delay ?? backoff(q.attempts));
        this.put(this.queuePrefix + q.id, q);
      }
      return 'stop';
    }
    // Another 4xx: with several statements, try each alone; a single one is set aside and reported.
    if (batch.length > 1) {
      for (const q of this.stillQueued(batch)) this.put(this.queuePrefix + q.id, { ...q, attempts: -1 });
      return 'next';
    }
    const entry = batch[0]!;
    const aside = { statement: entry.statement, status, reason: `LRS answered ${status}` };
    this.put(this.asidePrefix + entry.id, aside);
    this.options.storage.removeItem(this.queuePrefix + entry.id);
    this.options.onSetAside?.(aside);
    return 'next';
  }

  /** The stored entries of `batch` as they are now (another tab may have delivered some while this one sent). */
  private stillQueued(batch: QueuedStatement[]): QueuedStatement[] {
    return batch.flatMap((q) => {
      const entry = this.read<QueuedStatement>(this.queuePrefix + q.id);
      return entry ? [entry] : [];
    });
  }

  /** Every queued statement, in the order they were added. */
  private queue(): QueuedStatement[] {
    return this.entries<QueuedStatement>(this.queuePrefix)
      .map(([, entry]) => entry)
      .filter((q) => typeof q.id === 'string' && typeof q.attempts === 'number')
      .sort((a, b) => (a.added ?? 0) - (b.added ?? 0) || (a.seq ?? 0) - (b.seq ?? 0));
  }

  private entries<T>(prefix: string): [string, T][] {
    return keysWithPrefix(this.options.storage, prefix).flatMap((key) => {
      const entry = this.read<T>(key);
      return entry ? [[key, entry] as [string, T]] : [];
    });
  }

  /**
   * A browser may still hold an outbox from an earlier version, stored as one value ({ queue, setAside }) under the
   * launch's key: its statements move to keys of their own, so nothing it held is lost.
   */
  private adoptSingleValueOutbox(): void {
    const old = this.read<{ queue?: QueuedStatement[]; setAside?: (SetAside & { statement: { id?: string } })[] }>(
      this.options.key,
    );
    if (!old || !Array.isArray(old.queue) || !Array.isArray(old.setAside)) return;
    let moved = true;
    old.queue.forEach((q, i) => {
      const key = this.queuePrefix + q.id;
      if (this.options.storage.getItem(key) === null) moved &&= this.put(key, { ...q, added: 0, seq: i });
    });
    old.setAside.forEach((aside, i) => {
      moved &&= this.put(this.asidePrefix + (aside.statement.id ?? `adopted-${i}`), aside);
    });
    if (moved) this.options.storage.removeItem(this.options.key);
  }

  private read<T>(key: string): T | null {
    try {
      const text = this.options.storage.getItem(key);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null; // Unreadable: left where it is, never overwritten.
    }
  }

  private put(key: string, value: unknown): boolean {
    try {
      this.options.storage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }
}
