// The LRS adapter in Node against the real embedded LRS over HTTP: two tabs of one launch (one shared browser storage,
// one registration) write the state resource with ETag preconditions and merge instead of overwriting each other, and
// what one tab reported for the registration is never reported again by the other.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateStatement from 'xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, startServer, type RunningServer } from '../../server/index.js';
import type { ReportedStatus } from '../../tracking/tracker.js';
import { LrsAdapter, type ItemPlace } from '../../tracking/xapi/lrs-adapter.js';
import { xapiClient, type Client } from '../server/support.js';

const COURSE = 'https://training.example.com/courses/adapter-test';
let dir: string;
let server: RunningServer;
let admin: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lrs-adapter-'));
  server = await startServer({ port: 0, dbPath: join(dir, 'lrs.sqlite') });
  admin = xapiClient(server.endpoint, server.credentials);
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Web Storage over a Map: one instance is what two tabs of one browser profile share. */
class MemoryStorage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

function tab(shared: MemoryStorage): Window {
  return {
    localStorage: shared,
    sessionStorage: new MemoryStorage(),
    navigator: {},
    document: { visibilityState: 'hidden' },
    location: { assign: () => undefined },
  } as unknown as Window;
}

const items = new Map<string, ItemPlace>([
  ['welcome', { moduleId: 'm1', kind: 'page', title: '欢迎' }],
  ['quiz-1', { moduleId: 'm1', kind: 'quiz', title: '测验一' }],
  ['rp-1', { moduleId: 'm1', kind: 'roleplay', title: '投诉' }],
]);

/** A resume record for the test: a set of tokens; merging is their union (the real one merges progress). */
const mergeResume = (ours: string, theirs: string) =>
  [...new Set([...ours.split(','), ...theirs.split(',')])].sort().join(',');

function adapter(win: Window, registration: string, log: string[]): LrsAdapter {
  return new LrsAdapter(
    {
      kind: 'xapi',
      params: {
        endpoint: server.endpoint,
        auth: basicAuth(server.credentials),
        actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://127.0.0.1/', name: 'two-tabs' } }),
        registration,
      },
    },
    { courseIri: COURSE, language: 'zh-CN', items, mergeResume },
    (m) => log.push(m),
    win,
  );
}

async function remoteResume(registration: string): Promise<string | null> {
  const agent = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://127.0.0.1/', name: 'two-tabs' } });
  const query = new URLSearchParams({ activityId: COURSE, agent, registration, stateId: 'course-resume' });
  const response = await admin.request('GET', `activities/state?${query.toString()}`);
  return response.ok ? ((await response.json()) as { resume: string }).resume : null;
}

async function statements(registration: string) {
  const response = await admin.request('GET', `statements?registration=${registration}&ascending=true&limit=500`);
  return (
    (await response.json()) as {
      statements: { verb: { id: string }; object: { id: string; definition?: { type?: string } } }[];
    }
  ).statements;
}

const done: ReportedStatus = { completed: true, passed: null, score: null, progress: 1, passingScaled: 0.8 };

const judged = (passed: boolean, raw: number): ReportedStatus => ({
  completed: true,
  passed,
  score: { raw, min: 0, max: 20, scaled: raw / 20 },
  progress: 1,
  passingScaled: 0.8,
});

describe('LRS adapter: sessions of one registration', () => {
  it('a fail resumed from an earlier session is not judged again; the pass that follows is', async () => {
    const registration = randomUUID();
    const storage = new MemoryStorage();
    const first = adapter(tab(storage), registration, []);
    await first.start();
    first.reportStatus(judged(false, 8));
    first.saveState('s1', 'm1/quiz-1');
    first.finish();
    await expect
      .poll(async () => (await statements(registration)).some((s) => /terminated$/.test(s.verb.id)))
      .toBe(true);
    const second = adapter(tab(storage), registration, []);
    expect((await second.start()).resume).toBe('s1');
    second.reportStatus(judged(false, 8));
    second.reportStatus(judged(true, 18));
    second.finish();
    await expect
      .poll(async () => (await statements(registration)).filter((s) => /terminated$/.test(s.verb.id)).length)
      .toBe(2);
    const verbs = (await statements(registration)).map((s) => s.verb.id.split('/').pop());
    expect(verbs.filter((v) => v === 'failed' || v === 'passed')).toEqual(['failed', 'passed']);
    expect(verbs.filter((v) => v === 'completed')).toEqual(['completed']);
  });
});

describe('LRS adapter: two tabs of one launch', () => {
  it('merges the state resource on 412 instead of overwriting, and reports completion once', async () => {
    const registration = randomUUID();
    const shared = new MemoryStorage();
    const logA: string[] = [];
    const logB: string[] = [];
    const a = adapter(tab(shared), registration, logA);
    const b = adapter(tab(shared), registration, logB);
    expect((await a.start()).resume).toBeNull();
    expect((await b.start()).resume).toBeNull();

    a.saveState('a1', 'm1/welcome');
    a.flush();
    await expect.poll(() => remoteResume(registration)).toBe('a1');
    // Tab B read the state before A wrote it: its If-None-Match: * fails, it merges A's record with its own.
    b.saveState('b1', 'm1/quiz-1');
    b.flush();
    await expect.poll(() => remoteResume(registration)).toBe('a1,b1');
    // Tab A's ETag is now stale: its next write merges again.
    a.saveState('a2', 'm1/rp-1');
    a.flush();
    await expect.poll(() => remoteResume(registration)).toBe('a1,a2,b1');
    expect(logB.some((m) => /another tab or device/.test(m))).toBe(true);
    expect(logA.some((m) => /another tab or device/.test(m))).toBe(true);

    // The course completed in both tabs: one completed statement for the registration.
    a.reportStatus(done);
    b.reportStatus(done);
    a.finish();
    b.finish();
    await expect
      .poll(async () => (await statements(registration)).filter((s) => /terminated$/.test(s.verb.id)).length)
      .toBe(2);
    const all = await statements(registration);
    for (const s of all) expect(validateStatement(s)).toEqual([]);
    expect(all.filter((s) => /completed$/.test(s.verb.id) && s.object.id === COURSE)).toHaveLength(1);
    // Each item as what it is.
    const seen = Object.fromEntries(
      all.filter((s) => /experienced$/.test(s.verb.id)).map((s) => [s.object.id, s.object.definition?.type]),
    );
    expect(seen).toEqual({
      [`${COURSE}/pages/welcome`]: 'http://activitystrea.ms/schema/1.0/page',
      [`${COURSE}/quizzes/quiz-1`]: 'http://adlnet.gov/expapi/activities/assessment',
      [`${COURSE}/roleplays/rp-1`]: 'http://adlnet.gov/expapi/activities/simulation',
    });
  });
});
