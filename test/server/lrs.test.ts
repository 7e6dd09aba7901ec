// The embedded store over real HTTP: what a course and a report rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index.js';
import { statement, tempDb, xapiClient, type Client } from './support.js';

let server: RunningServer;
let lrs: Client;
const dbPath = tempDb();

beforeAll(async () => {
  server = await startServer({ port: 0, dbPath, fresh: true });
  lrs = xapiClient(server.endpoint, server.credentials);
});
afterAll(() => server.close());

describe('statements', () => {
  it('accepts an identical repeat and refuses the same id with other content (409)', async () => {
    const s = statement();
    expect((await lrs.request('PUT', `statements?statementId=${String(s.id)}`, s)).status).toBe(204);
    expect((await lrs.request('PUT', `statements?statementId=${String(s.id)}`, s)).status).toBe(204);
    const repeat = await lrs.request('POST', 'statements', [s]);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual([s.id]);
    const changed = { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } };
    const conflict = await lrs.request('POST', 'statements', changed);
    expect(conflict.status).toBe(409);
    const stored = (await (await lrs.request('GET', `statements?statementId=${String(s.id)}`)).json()) as {
      verb: { id: string };
    };
    expect(stored.verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
  });

  it('pages a query through `more` links without loss or repetition', async () => {
    const registration = crypto.randomUUID();
    const batch = Array.from({ length: 23 }, () => statement({ context: { registration } }));
    expect((await lrs.request('POST', 'statements', batch)).status).toBe(200);
    const seen: string[] = [];
    let next: string | null = `statements?registration=${registration}&limit=5`;
    let pages = 0;
    while (next && pages < 10) {
      const res: Response = await lrs.request('GET', next.replace(/^\/xapi\//, ''));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-/);
      const page = (await res.json()) as { statements: { id: string }[]; more: string };
      seen.push(...page.statements.map((s) => s.id));
      next = page.more || null;
      pages++;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect(seen.reverse()).toEqual(batch.map((s) => s.id));
  });

  it("refuses an invalid statement with the validator's message and stores nothing of the batch", async () => {
    const good = statement();
    const bad = statement({ actor: { mbox: 'learner@example.com' } });
    const res = await lrs.request('POST', 'statements', [good, bad]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toContain('statement.actor.mbox');
    expect(body.error).toContain('Mailto');
    expect((await lrs.request('GET', `statements?statementId=${String(good.id)}`)).status).toBe(404);
  });

  it('refuses requests without the version header or with a wrong password', async () => {
    const noVersion = await fetch(new URL('statements', server.endpoint), {
      headers: {
        Authorization: `Basic ${Buffer.from(`${server.credentials.key}:${server.credentials.secret}`).toString('base64')}`,
      },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.headers.get('x-experience-api-version')).toBe('1.0.3');
    const wrong = xapiClient(server.endpoint, { key: server.credentials.key, secret: 'not-the-secret' });
    const res = await wrong.request('GET', 'statements');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Basic');
    expect((await wrong.request('POST', 'statements', statement())).status).toBe(401);
  });

  it('allows a course from another origin (CORS preflight)', async () => {
    const res = await fetch(new URL('statements', server.endpoint), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:9999', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('X-Experience-API-Version');
  });
});

describe('documents', () => {
  const params = (stateId: string) =>
    `activities/state?activityId=${encodeURIComponent('https://training.example.com/courses/test')}&agent=${encodeURIComponent(
      JSON.stringify({ mbox: 'mailto:learner@example.com' }),
    )}&stateId=${stateId}`;

  it('answers 412 when If-Match names an old ETag, and keeps the current document', async () => {
    const first = await lrs.request('PUT', params('resume'), { page: 1 });
    expect(first.status).toBe(204);
    const etag = first.headers.get('etag')!;
    const second = await lrs.request('PUT', params('resume'), { page: 2 }, { 'If-Match': etag });
    expect(second.status).toBe(204);
    const stale = await lrs.request('PUT', params('resume'), { page: 3 }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(await (await lrs.request('GET', params('resume'))).json()).toEqual({ page: 2 });
    const create = await lrs.request('PUT', params('resume'), { page: 4 }, { 'If-None-Match': '*' });
    expect(create.status).toBe(412);
  });

  it('merges JSON on POST', async () => {
    await lrs.request('POST', params('merge'), { a: 1, b: 1 });
    await lrs.request('POST', params('merge'), { b: 2, c: 3 });
    expect(await (await lrs.request('GET', params('merge'))).json()).toEqual({ a: 1, b: 2, c: 3 });
  });
});

describe('restart', () => {
  it('keeps statements, documents and credentials across a restart', async () => {
    const s = statement();
    expect((await lrs.request('POST', 'statements', s)).status).toBe(200);
    const { credentials } = server;
    await server.close();
    server = await startServer({ port: 0, dbPath });
    expect(server.credentials).toEqual(credentials);
    lrs = xapiClient(server.endpoint, server.credentials);
    const res = await lrs.request('GET', `statements?statementId=${String(s.id)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(s.id);
  });
});
