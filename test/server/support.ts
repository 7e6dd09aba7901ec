/** Helpers for tests that talk to the preview server over real HTTP. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuth, type Credentials } from '../../server/index.js';

export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'lrs-test-')), 'lrs.sqlite');

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** An xAPI client for one endpoint and credential: sends the version header and Basic auth. */
export function xapiClient(endpoint: string, credentials: Credentials | string): Client {
  const authorization = typeof credentials === 'string' ? credentials : basicAuth(credentials);
  return {
    request(method, path, body, headers = {}) {
      return fetch(new URL(path, endpoint), {
        method,
        headers: {
          'X-Experience-API-Version': '1.0.3',
          Authorization: authorization,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
    },
  };
}

export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: '测试学员', mbox: 'mailto:learner@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { id: 'https://training.example.com/courses/test', objectType: 'Activity' },
    ...overrides,
  };
}
