/** The launcher (LMS side) of the preview server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventEmitter } from 'node:events';
import type { Db } from '../lrs/database.js';
import type { CredentialStore, Principal } from '../lrs/credentials.js';
import type { DocumentStore } from '../lrs/documents.js';
import type { XapiEvents } from '../lrs/http.js';
import type { StatementStore } from '../lrs/statements.js';
import type { JsonObject } from '../lrs/agents.js';

export interface LmsOptions {
  db: Db;
  statements: StatementStore;
  documents: DocumentStore;
  credentials: CredentialStore;
  events: EventEmitter<XapiEvents>;
  courseDir: string | null;
}

export function createLms(_options: LmsOptions) {
  return {
    checkLaunchStatements(_list: JsonObject[], _principal: Principal & { admin: false }): void {},
    async handle(_req: IncomingMessage, res: ServerResponse, _url: URL): Promise<void> {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    },
    close(): void {},
  };
}
