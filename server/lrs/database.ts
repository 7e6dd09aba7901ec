/**
 * The one SQLite file behind the server. WAL with synchronous=FULL: a transaction that has committed is on disk,
 * so a write acknowledged with a 2xx survives a crash or a power cut.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS statements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  stored TEXT NOT NULL,
  verb_id TEXT NOT NULL,
  registration TEXT,
  ref_target TEXT,
  voided INTEGER NOT NULL DEFAULT 0,
  is_voiding INTEGER NOT NULL DEFAULT 0,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_verb ON statements (verb_id, seq);
CREATE INDEX IF NOT EXISTS statements_registration ON statements (registration, seq);
CREATE INDEX IF NOT EXISTS statements_ref ON statements (ref_target);
CREATE INDEX IF NOT EXISTS statements_stored ON statements (stored);
CREATE TABLE IF NOT EXISTS statement_agents (
  seq INTEGER NOT NULL, agent TEXT NOT NULL, direct INTEGER NOT NULL, PRIMARY KEY (agent, seq, direct)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_activities (
  seq INTEGER NOT NULL, activity TEXT NOT NULL, direct INTEGER NOT NULL, PRIMARY KEY (activity, seq, direct)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS attachments (
  sha2 TEXT PRIMARY KEY, content_type TEXT NOT NULL, data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS activities (
  id TEXT PRIMARY KEY, json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS agents (
  key TEXT PRIMARY KEY, json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  agent TEXT NOT NULL,
  registration TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content BLOB NOT NULL,
  etag TEXT NOT NULL,
  updated TEXT NOT NULL,
  PRIMARY KEY (kind, activity_id, agent, registration, doc_id)
);
CREATE TABLE IF NOT EXISTS credentials (
  key TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  scope TEXT,
  created TEXT NOT NULL
);
`;

/** Opens (creating when missing) the database file with the durability settings above. */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
