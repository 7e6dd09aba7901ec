/**
 * Who may talk to the store. The administrator's key and secret come from LRS_KEY / LRS_SECRET or are generated on
 * first start and kept beside the database (never a default). Launches get their own key, scoped to one actor and
 * registration: a course launched for one learner can only write that learner's records.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Db } from './database.js';
import type { JsonObject } from './agents.js';
import { isoNow } from './statements.js';

export interface Credentials {
  key: string;
  secret: string;
}

/** What a launch credential may do: write and read only this actor's records in this registration. */
export interface Scope {
  kind: 'cmi5' | 'xapi';
  actor: JsonObject;
  registration: string;
  activityId: string;
  sessionId?: string;
}

export type Principal = { admin: true; key: string } | { admin: false; key: string; scope: Scope };

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** Reads the administrator credentials from the environment or the file beside the database, creating it if needed. */
export function adminCredentials(file: string, env: NodeJS.ProcessEnv = process.env): Credentials & { generated: boolean } {
  if (env.LRS_KEY && env.LRS_SECRET) return { key: env.LRS_KEY, secret: env.LRS_SECRET, generated: false };
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    return { ...saved, generated: false };
  }
  const created = { key: `lrs-${random(6)}`, secret: random(24) };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return { ...created, generated: true };
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class CredentialStore {
  constructor(
    private readonly db: Db,
    private readonly admin: Credentials,
  ) {}

  /** A new key and secret for one launch. */
  issue(scope: Scope): Credentials {
    const creds = { key: `launch-${random(9)}`, secret: random(24) };
    this.db
      .prepare('INSERT INTO credentials (key, secret, scope, created) VALUES (?, ?, ?, ?)')
      .run(creds.key, creds.secret, JSON.stringify(scope), isoNow());
    return creds;
  }

  /** The principal behind an `Authorization: Basic …` header, or null when it is missing or wrong. */
  authenticate(header: string | undefined): Principal | null {
    const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const key = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    if (same(key, this.admin.key) && same(secret, this.admin.secret)) return { admin: true, key };
    const row = this.db.prepare('SELECT secret, scope FROM credentials WHERE key = ?').get(key) as
      | { secret: string; scope: string }
      | undefined;
    if (!row || !same(secret, row.secret)) return null;
    return { admin: false, key, scope: JSON.parse(row.scope) as Scope };
  }
}

export const basicAuth = (c: Credentials): string => `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString('base64')}`;
