/**
 * State, agent profile and activity profile documents (xAPI 1.0.3 Communication 2.2-2.7): opaque bytes with a
 * content type and an ETag; JSON objects merge on POST; If-Match / If-None-Match decide concurrent writes.
 */
import { createHash } from 'node:crypto';
import type { Db } from './database.js';
import { LrsError, badRequest } from './errors.js';
import { isoNow } from './statements.js';

export type DocumentKind = 'state' | 'agentProfile' | 'activityProfile';

/** Where a document lives: '' stands for "not part of the key" (no registration, no agent for activity profiles). */
export interface DocumentKey {
  kind: DocumentKind;
  activityId: string;
  agent: string;
  registration: string;
}

export interface StoredDocument {
  contentType: string;
  content: Buffer;
  etag: string;
  updated: string;
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

const etagOf = (content: Buffer): string => `"${createHash('sha1').update(content).digest('hex')}"`;
const isJson = (type: string): boolean => /^application\/json\b/i.test(type.trim());

export class DocumentStore {
  constructor(private readonly db: Db) {}

  get(key: DocumentKey, id: string): StoredDocument | null {
    const row = this.db
      .prepare(
        'SELECT content_type, content, etag, updated FROM documents WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ? AND doc_id = ?',
      )
      .get(key.kind, key.activityId, key.agent, key.registration, id) as
      | { content_type: string; content: Buffer; etag: string; updated: string }
      | undefined;
    return row ? { contentType: row.content_type, content: row.content, etag: row.etag, updated: row.updated } : null;
  }

  /** The ids of the documents under a key, optionally only those changed after `since`. */
  ids(key: DocumentKey, since?: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT doc_id FROM documents WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ?${since ? ' AND updated > ?' : ''} ORDER BY doc_id`,
      )
      .all(key.kind, key.activityId, key.agent, key.registration, ...(since ? [since] : [])) as { doc_id: string }[];
    return rows.map((r) => r.doc_id);
  }

  /**
   * PUT (replace) or POST (merge JSON objects). `requireConcurrency`: profiles need If-Match or If-None-Match to
   * overwrite an existing document (Communication 3.1); the state resource does not.
   */
  write(
    key: DocumentKey,
    id: string,
    contentType: string,
    content: Buffer,
    mode: 'put' | 'post',
    pre: Preconditions,
    requireConcurrency: boolean,
  ): string {
    let etag = '';
    this.db
      .transaction(() => {
        const existing = this.get(key, id);
        checkPreconditions(existing, pre);
        if (mode === 'put' && existing && requireConcurrency && pre.ifMatch === undefined && pre.ifNoneMatch === undefined) {
          throw new LrsError(
            409,
            'The document already exists: send If-Match with its ETag to replace it, or If-None-Match: * to create only',
          );
        }
        let type = contentType;
        let body = content;
        if (mode === 'post' && existing) {
          if (!isJson(existing.contentType) || !isJson(contentType)) {
            throw badRequest('POST merges JSON objects only: the stored and the sent document must both be application/json');
          }
          const before = parseObject(existing.content, 'The stored document');
          const patch = parseObject(content, 'The sent document');
          body = Buffer.from(JSON.stringify({ ...before, ...patch }));
          type = 'application/json';
        } else if (mode === 'post' && isJson(contentType)) {
          parseObject(content, 'The sent document');
        }
        etag = etagOf(body);
        this.db
          .prepare(
            `INSERT INTO documents (kind, activity_id, agent, registration, doc_id, content_type, content, etag, updated)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (kind, activity_id, agent, registration, doc_id) DO UPDATE SET
               content_type = excluded.content_type, content = excluded.content, etag = excluded.etag, updated = excluded.updated`,
          )
          .run(key.kind, key.activityId, key.agent, key.registration, id, type, body, etag, isoNow());
      })
      .immediate();
    return etag;
  }

  /** Deletes one document (id given) or every document under the key (state only). */
  delete(key: DocumentKey, id: string | undefined, pre: Preconditions): void {
    this.db
      .transaction(() => {
        if (id !== undefined) {
          checkPreconditions(this.get(key, id), pre);
          this.db
            .prepare(
              'DELETE FROM documents WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ? AND doc_id = ?',
            )
            .run(key.kind, key.activityId, key.agent, key.registration, id);
        } else {
          this.db
            .prepare('DELETE FROM documents WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ?')
            .run(key.kind, key.activityId, key.agent, key.registration);
        }
      })
      .immediate();
  }
}

function parseObject(content: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch {
    throw badRequest(`${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`${what} must be a JSON object to be merged`);
  }
  return value as Record<string, unknown>;
}

function checkPreconditions(existing: StoredDocument | null, pre: Preconditions): void {
  if (pre.ifMatch !== undefined) {
    const tags = pre.ifMatch.split(',').map((t) => t.trim());
    if (!existing || !(tags.includes('*') || tags.includes(existing.etag))) {
      throw new LrsError(412, 'If-Match does not match the current document: fetch it again and retry');
    }
  }
  if (pre.ifNoneMatch !== undefined && existing) {
    const tags = pre.ifNoneMatch.split(',').map((t) => t.trim());
    if (tags.includes('*') || tags.includes(existing.etag)) {
      throw new LrsError(412, 'If-None-Match: the document already exists');
    }
  }
}
