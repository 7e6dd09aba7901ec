/**
 * Statement storage and retrieval (xAPI 1.0.3 Communication 2.1): idempotent writes, voiding, the activity and
 * agent records statements carry, and queries with `more` paging. All SQL is parameterised.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import {
  agentIds,
  agentKey,
  isObject,
  statementActivities,
  statementAgents,
  type Json,
  type JsonObject,
} from './agents.js';
import { LrsError, badRequest } from './errors.js';

export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

export interface Attachment {
  contentType: string;
  data: Buffer;
}

export interface StatementQuery {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedActivities?: boolean;
  relatedAgents?: boolean;
  since?: string;
  until?: string;
  limit?: number;
  ascending?: boolean;
}

export interface QueryPage {
  statements: JsonObject[];
  /** The seq to continue after, or null on the last page. */
  next: number | null;
}

const MAX_PAGE = 500;

/** Fixed-width UTC ISO time, so stored times compare as strings. */
export const isoNow = (): string => new Date().toISOString();

export class StatementStore {
  #lastStored = '';

  constructor(private readonly db: Db) {}

  /**
   * Stores a batch atomically. A statement whose id is already stored with the same content is skipped; with other
   * content the whole batch is refused with 409. Returns the ids in order.
   */
  store(input: JsonObject[], authority: JsonObject, attachments: Map<string, Attachment>): string[] {
    const ids = new Set<string>();
    const prepared = input.map((raw) => {
      const s = structuredClone(raw);
      if (typeof s.id !== 'string') s.id = randomUUID();
      s.id = s.id.toLowerCase();
      if (ids.has(s.id)) throw badRequest(`Statement id ${s.id} appears twice in the batch`);
      ids.add(s.id);
      return { raw, s };
    });
    this.checkAttachments(input, attachments);

    const tx = this.db.transaction(() => {
      const stored = this.nextStored();
      const toInsert: JsonObject[] = [];
      for (const { raw, s } of prepared) {
        const existing = this.db.prepare('SELECT json FROM statements WHERE id = ?').get(s.id) as
          { json: string } | undefined;
        if (existing) {
          if (!sameStatement(JSON.parse(existing.json) as JsonObject, raw)) {
            throw new LrsError(409, `Statement ${s.id as string} is already stored with different content`);
          }
          continue;
        }
        s.stored = stored;
        if (s.timestamp === undefined) s.timestamp = stored;
        s.authority = authority;
        if (s.version === undefined) s.version = '1.0.0';
        toInsert.push(s);
      }
      // Voiding targets must exist and not be voiding statements themselves; checked before anything is written.
      for (const s of toInsert) {
        if (isVoiding(s)) {
          const target = ((s.object as JsonObject).id as string).toLowerCase();
          const row = this.db.prepare('SELECT is_voiding FROM statements WHERE id = ?').get(target) as
            { is_voiding: number } | undefined;
          const inBatch = toInsert.find((t) => t.id === target);
          if (row?.is_voiding || (inBatch && isVoiding(inBatch))) {
            throw badRequest(`Statement ${s.id as string} voids ${target}, which is itself a voiding statement`);
          }
        }
      }
      for (const s of toInsert) this.insert(s);
      for (const [sha2, a] of attachments) {
        this.db
          .prepare('INSERT OR IGNORE INTO attachments (sha2, content_type, data) VALUES (?, ?, ?)')
          .run(sha2, a.contentType, a.data);
      }
    });
    tx.immediate();
    return prepared.map(({ s }) => s.id as string);
  }

  private nextStored(): string {
    let now = isoNow();
    if (now <= this.#lastStored) now = new Date(Date.parse(this.#lastStored) + 1).toISOString();
    this.#lastStored = now;
    return now;
  }

  private checkAttachments(statements: JsonObject[], parts: Map<string, Attachment>): void {
    const wanted = new Set<string>();
    const declared = new Set<string>();
    const collect = (s: JsonObject) => {
      if (Array.isArray(s.attachments)) {
        for (const a of s.attachments) {
          if (!isObject(a) || typeof a.sha2 !== 'string') continue;
          declared.add(a.sha2.toLowerCase());
          if (a.fileUrl === undefined) wanted.add(a.sha2.toLowerCase());
        }
      }
    };
    for (const s of statements) {
      collect(s);
      if (isObject(s.object) && s.object.objectType === 'SubStatement') collect(s.object);
    }
    for (const sha2 of wanted) {
      if (!parts.has(sha2) && !this.db.prepare('SELECT 1 FROM attachments WHERE sha2 = ?').get(sha2)) {
        throw badRequest(`Attachment with sha2 ${sha2} has no fileUrl and no part in the multipart request`);
      }
    }
    for (const sha2 of parts.keys()) {
      if (!declared.has(sha2)) throw badRequest(`Multipart part with hash ${sha2} matches no statement attachment`);
    }
  }

  private insert(s: JsonObject): void {
    const object = s.object as JsonObject;
    const refTarget = object.objectType === 'StatementRef' ? (object.id as string).toLowerCase() : null;
    const voiding = isVoiding(s);
    const ctx = isObject(s.context) ? s.context : {};
    const { lastInsertRowid } = this.db
      .prepare(
        'INSERT INTO statements (id, stored, verb_id, registration, ref_target, is_voiding, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        s.id,
        s.stored,
        (s.verb as JsonObject).id,
        typeof ctx.registration === 'string' ? ctx.registration.toLowerCase() : null,
        refTarget,
        voiding ? 1 : 0,
        JSON.stringify(s),
      );
    const seq = Number(lastInsertRowid);
    const agents = statementAgents(s);
    const addAgent = this.db.prepare('INSERT OR IGNORE INTO statement_agents (seq, agent, direct) VALUES (?, ?, ?)');
    for (const a of agents.direct) addAgent.run(seq, a, 1);
    for (const a of agents.related) addAgent.run(seq, a, 0);
    const activities = statementActivities(s);
    const addActivity = this.db.prepare(
      'INSERT OR IGNORE INTO statement_activities (seq, activity, direct) VALUES (?, ?, ?)',
    );
    for (const a of activities.direct) addActivity.run(seq, a, 1);
    for (const a of activities.related) addActivity.run(seq, a, 0);
    if (voiding && refTarget) {
      this.db.prepare('UPDATE statements SET voided = 1 WHERE id = ? AND is_voiding = 0').run(refTarget);
    }
    this.rememberActivities(s);
    this.rememberAgent(s.actor);
  }

  private rememberActivities(s: JsonObject): void {
    const visit = (a: unknown) => {
      if (!isObject(a) || typeof a.id !== 'string' || (a.objectType !== undefined && a.objectType !== 'Activity'))
        return;
      const row = this.db.prepare('SELECT json FROM activities WHERE id = ?').get(a.id) as { json: string } | undefined;
      const known = row ? (JSON.parse(row.json) as JsonObject) : { objectType: 'Activity', id: a.id };
      if (isObject(a.definition)) known.definition = mergeDefinition(known.definition, a.definition);
      this.db
        .prepare('INSERT INTO activities (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json')
        .run(a.id, JSON.stringify(known));
    };
    const walk = (st: JsonObject) => {
      visit(st.object);
      const ca = isObject(st.context) ? st.context.contextActivities : undefined;
      if (isObject(ca)) {
        for (const list of Object.values(ca)) for (const a of Array.isArray(list) ? list : [list]) visit(a);
      }
      if (isObject(st.object) && st.object.objectType === 'SubStatement') walk(st.object);
    };
    walk(s);
  }

  private rememberAgent(agent: Json | undefined): void {
    const key = agentKey(agent);
    if (!key || !isObject(agent) || typeof agent.name !== 'string') return;
    this.db
      .prepare('INSERT INTO agents (key, json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json')
      .run(key, JSON.stringify(agent));
  }

  /** One statement by id; voided ones only through `voided`. */
  get(id: string, voided: boolean): JsonObject | null {
    const row = this.db.prepare('SELECT json, voided FROM statements WHERE id = ?').get(id.toLowerCase()) as
      { json: string; voided: number } | undefined;
    if (!row || Boolean(row.voided) !== voided) return null;
    return JSON.parse(row.json) as JsonObject;
  }

  /**
   * Statements matching the filters, newest stored first unless ascending. A statement that targets a matching one
   * through a StatementRef matches too (Communication 2.1.3 "Filter Conditions for StatementRefs").
   */
  query(q: StatementQuery, after: number | null, ceiling: number): QueryPage {
    const cond = (alias: string): { sql: string[]; args: unknown[] } => {
      const sql: string[] = [];
      const args: unknown[] = [];
      if (q.agent !== undefined) {
        sql.push(
          `EXISTS (SELECT 1 FROM statement_agents x WHERE x.agent = ? AND x.seq = ${alias}.seq${q.relatedAgents ? '' : ' AND x.direct = 1'})`,
        );
        args.push(q.agent);
      }
      if (q.activity !== undefined) {
        sql.push(
          `EXISTS (SELECT 1 FROM statement_activities y WHERE y.activity = ? AND y.seq = ${alias}.seq${q.relatedActivities ? '' : ' AND y.direct = 1'})`,
        );
        args.push(q.activity);
      }
      if (q.verb !== undefined) {
        sql.push(`${alias}.verb_id = ?`);
        args.push(q.verb);
      }
      if (q.registration !== undefined) {
        sql.push(`${alias}.registration = ?`);
        args.push(q.registration.toLowerCase());
      }
      return { sql, args };
    };
    const where: string[] = ['s.voided = 0', 's.seq <= ?'];
    const args: unknown[] = [ceiling];
    const own = cond('s');
    if (own.sql.length) {
      const target = cond('t');
      where.push(
        `((${own.sql.join(' AND ')}) OR s.ref_target IN (SELECT t.id FROM statements t WHERE ${target.sql.join(' AND ')}))`,
      );
      args.push(...own.args, ...target.args);
    }
    if (q.since !== undefined) {
      where.push('s.stored > ?');
      args.push(q.since);
    }
    if (q.until !== undefined) {
      where.push('s.stored <= ?');
      args.push(q.until);
    }
    if (after !== null) {
      where.push(q.ascending ? 's.seq > ?' : 's.seq < ?');
      args.push(after);
    }
    const limit = q.limit && q.limit > 0 ? Math.min(q.limit, MAX_PAGE) : MAX_PAGE;
    const rows = this.db
      .prepare(
        `SELECT s.seq, s.json FROM statements s WHERE ${where.join(' AND ')} ORDER BY s.seq ${q.ascending ? 'ASC' : 'DESC'} LIMIT ?`,
      )
      .all(...args, limit + 1) as { seq: number; json: string }[];
    const page = rows.slice(0, limit);
    return {
      statements: page.map((r) => JSON.parse(r.json) as JsonObject),
      next: rows.length > limit ? page[page.length - 1]!.seq : null,
    };
  }

  /** The highest seq stored so far: a query's snapshot, so later writes never shift its pages. */
  ceiling(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS m FROM statements').get() as { m: number | null };
    return row.m ?? 0;
  }

  attachment(sha2: string): Attachment | null {
    const row = this.db.prepare('SELECT content_type, data FROM attachments WHERE sha2 = ?').get(sha2) as
      { content_type: string; data: Buffer } | undefined;
    return row ? { contentType: row.content_type, data: row.data } : null;
  }

  activity(id: string): JsonObject | null {
    const row = this.db.prepare('SELECT json FROM activities WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as JsonObject) : null;
  }

  /** The Person object for an agent: every name the store has seen for its identifier. */
  person(agent: JsonObject): JsonObject {
    const person: JsonObject = { objectType: 'Person' };
    const key = agentKey(agent);
    const row = key
      ? (this.db.prepare('SELECT json FROM agents WHERE key = ?').get(key) as { json: string } | undefined)
      : undefined;
    const known = row ? (JSON.parse(row.json) as JsonObject) : agent;
    const name = typeof agent.name === 'string' ? agent.name : known.name;
    if (typeof name === 'string') person.name = [name];
    for (const ifi of ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const) {
      if (agent[ifi] !== undefined) person[ifi] = [agent[ifi]!];
    }
    return person;
  }
}

export const isVoiding = (s: JsonObject): boolean =>
  isObject(s.verb) && s.verb.id === VOIDED && isObject(s.object) && s.object.objectType === 'StatementRef';

function mergeDefinition(old: Json | undefined, next: JsonObject): JsonObject {
  const merged: JsonObject = isObject(old) ? { ...old } : {};
  for (const [k, v] of Object.entries(next)) {
    merged[k] =
      (k === 'name' || k === 'description') && isObject(merged[k]) && isObject(v) ? { ...merged[k], ...v } : v;
  }
  return merged;
}

// Statement comparison (Data 2.4 "Statement Comparison"): the properties the LRS sets are not part of a statement's
// meaning, nor is the order of object keys or the case of the id.
const IGNORED = new Set(['stored', 'authority', 'version', 'id', 'timestamp']);
function sameStatement(stored: JsonObject, incoming: JsonObject): boolean {
  const strip = (s: JsonObject) =>
    canonicalJson(Object.fromEntries(Object.entries(s).filter(([k]) => !IGNORED.has(k))));
  if (strip(stored) !== strip(incoming)) return false;
  if (
    incoming.timestamp !== undefined &&
    Date.parse(incoming.timestamp as string) !== Date.parse(stored.timestamp as string)
  ) {
    return false;
  }
  return true;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A statement in `format=ids`: agents, groups, activities and verbs reduced to what identifies them. */
export function idsFormat(s: JsonObject): JsonObject {
  const out = structuredClone(s);
  const agent = (a: Json | undefined) => (isObject(a) ? agentIds(a) : a);
  const activity = (a: Json) => (isObject(a) ? { id: a.id ?? null } : a);
  const walk = (st: JsonObject) => {
    if (st.actor) st.actor = agent(st.actor)!;
    if (isObject(st.verb)) st.verb = { id: st.verb.id ?? null };
    const o = st.object;
    if (isObject(o)) {
      if (o.objectType === 'Agent' || o.objectType === 'Group') st.object = agent(o)!;
      else if (o.objectType === 'SubStatement') walk(o);
      else if (o.objectType === undefined || o.objectType === 'Activity') st.object = activity(o);
    }
    if (isObject(st.context)) {
      const c = st.context;
      if (c.instructor) c.instructor = agent(c.instructor)!;
      if (c.team) c.team = agent(c.team)!;
      if (isObject(c.contextActivities)) {
        for (const [k, list] of Object.entries(c.contextActivities)) {
          c.contextActivities[k] = Array.isArray(list) ? list.map(activity) : activity(list);
        }
      }
    }
    if (st.authority) st.authority = agent(st.authority)!;
  };
  walk(out);
  return out;
}

/** A statement in `format=canonical`: each language map reduced to the one language the reader prefers. */
export function canonicalFormat(s: JsonObject, languages: string[]): JsonObject {
  const pick = (map: JsonObject): JsonObject => {
    const keys = Object.keys(map);
    for (const lang of languages) {
      const hit =
        keys.find((k) => k.toLowerCase() === lang) ??
        keys.find((k) => k.toLowerCase().split('-')[0] === lang.split('-')[0]);
      if (hit) return { [hit]: map[hit]! };
    }
    return keys.length ? { [keys[0]!]: map[keys[0]!]! } : map;
  };
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    const out: JsonObject = {};
    for (const [k, child] of Object.entries(v)) {
      out[k] = (k === 'display' || k === 'name' || k === 'description') && isObject(child) ? pick(child) : walk(child);
    }
    return out;
  };
  return walk(s) as JsonObject;
}
