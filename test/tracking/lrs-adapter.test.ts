// The LRS adapter in Node against the real embedded LRS over HTTP: two tabs of one launch (one shared browser storage,
// one registration) write the state resource with ETag preconditions and merge instead of overwriting each other, and
// what one tab reported for the registration is never reported again by the other.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateStatement from 'xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress } from '../../core/completion.js';
import { basicAuth, startServer, type RunningServer } from '../../server/index.js';
import type { ReportedStatus } from '../../tracking/tracker.js';
import { LrsAdapter, type ItemPlace, type LrsCourseIds } from '../../tracking/xapi/lrs-adapter.js';
import { memoryStorage } from '../../tracking/memory-storage.js';
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
type MemoryStorage = ReturnType<typeof memoryStorage>;

function tab(shared: MemoryStorage): Window {
  return {
    localStorage: shared,
    sessionStorage: memoryStorage(),
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

const ACTOR = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://127.0.0.1/', name: 'two-tabs' } });

function adapter(
  win: Window,
  registration: string,
  log: string[],
  more: Pick<LrsCourseIds, 'modulesCompleted'> = {},
): LrsAdapter {
  return new LrsAdapter(
    {
      kind: 'xapi',
      params: { endpoint: server.endpoint, auth: basicAuth(server.credentials), actor: ACTOR, registration },
    },
    { courseIri: COURSE, language: 'zh-CN', items, mergeResume, ...more },
    (m) => log.push(m),
    win,
  );
}

function stateQuery(registration: string): string {
  return new URLSearchParams({ activityId: COURSE, agent: ACTOR, registration, stateId: 'course-resume' }).toString();
}

async function remoteResume(registration: string): Promise<string | null> {
  const response = await admin.request('GET', `activities/state?${stateQuery(registration)}`);
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
    const storage = memoryStorage();
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
    const shared = memoryStorage();
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

/**
 * Where a launch keeps its state in the browser. Written out here on purpose: learners' browsers already hold copies
 * under these keys, so a change of layout must still adopt them.
 */
function launchKey(registration: string): string {
  return `course-lrs:${server.endpoint}:${registration}:${ACTOR}`;
}

interface StoredState {
  resume: string | null;
  record: { completed: boolean; passed: boolean };
  modules?: string[];
}

async function putRemoteState(registration: string, doc: StoredState): Promise<void> {
  const response = await admin.request('PUT', `activities/state?${stateQuery(registration)}`, doc);
  expect(response.status).toBe(204);
}

/** Ends a tab the way a closing page does and waits until its terminated statement is in the LRS. */
async function close(tab: LrsAdapter, registration: string): Promise<void> {
  tab.finish();
  await expect.poll(async () => (await statements(registration)).some((s) => /terminated$/.test(s.verb.id))).toBe(true);
}

describe('LRS adapter: starting a launch from the unsent copies its tabs left', () => {
  it("merges two tabs' unsent copies with the LRS's document: the first resume is resumed, the others come with it", async () => {
    const registration = randomUUID();
    const key = launchKey(registration);
    const storage = memoryStorage();
    // Two tabs closed with their last writes unconfirmed; one reported the course completed, the other passed.
    storage.setItem(
      `${key}:unsent:tab-1`,
      JSON.stringify({ resume: 'one', record: { completed: true, passed: false }, modules: ['m1'] }),
    );
    storage.setItem(
      `${key}:unsent:tab-2`,
      JSON.stringify({ resume: 'two', record: { completed: false, passed: true }, modules: ['m1', 'm3'] }),
    );
    // Another registration's copy is not this launch's.
    storage.setItem(
      `${launchKey(randomUUID())}:unsent:tab-9`,
      JSON.stringify({ resume: 'elsewhere', record: { completed: true, passed: true }, modules: ['m9'] }),
    );
    await putRemoteState(registration, {
      resume: 'remote',
      record: { completed: false, passed: false },
      modules: ['m2'],
    });

    const resuming = adapter(tab(storage), registration, []);
    const start = await resuming.start();
    expect(start.resume).toBe('one');
    expect(start.otherResumes).toEqual(['two', 'remote']);
    // What any of them reported counts as reported; read before the merged document's write to the LRS returns.
    const merged = JSON.parse(storage.getItem(`${key}:state`)!) as StoredState;
    expect({ ...merged, modules: [...(merged.modules ?? [])].sort() }).toEqual({
      resume: 'one',
      record: { completed: true, passed: true },
      modules: ['m1', 'm2', 'm3'],
    });
    await close(resuming, registration);
  });

  it("with no unsent copies, resumes the LRS's document as it is (not this browser's older copy)", async () => {
    const registration = randomUUID();
    const key = launchKey(registration);
    const storage = memoryStorage();
    storage.setItem(
      `${key}:state`,
      JSON.stringify({ resume: 'old-local', record: { completed: false, passed: false }, modules: [] }),
    );
    await putRemoteState(registration, {
      resume: 'remote',
      record: { completed: true, passed: false },
      modules: ['m2'],
    });

    const resumed = adapter(tab(storage), registration, [], { modulesCompleted: () => ['m1', 'm2'] });
    const start = await resumed.start();
    expect(start.resume).toBe('remote');
    expect(start.otherResumes).toEqual([]);
    expect([...storage.map.keys()].filter((k) => k.includes(':unsent:'))).toEqual([]);
    // The document's record is this session's: completion and module m2 are not reported again, m1 is.
    resumed.reportStatus({ ...done, learner: emptyProgress() });
    await close(resumed, registration);
    const reported = (await statements(registration)).filter((s) => /completed$/.test(s.verb.id));
    expect(reported.map((s) => s.object.id)).toEqual([`${COURSE}/modules/m1`]);
  });

  it("removes the adopted copies once this tab's own save is confirmed, not on its first write of the merge", async () => {
    const registration = randomUUID();
    const key = launchKey(registration);
    const storage = memoryStorage();
    const adopted = [`${key}:unsent:tab-1`, `${key}:unsent:tab-2`];
    adopted.forEach((k, i) =>
      storage.setItem(k, JSON.stringify({ resume: `r${i}`, record: { completed: false, passed: false }, modules: [] })),
    );
    const other = `${launchKey(randomUUID())}:unsent:tab-9`;
    storage.setItem(other, JSON.stringify({ resume: 'x', record: { completed: false, passed: false }, modules: [] }));
    const unsent = () => [...storage.map.keys()].filter((k) => k.includes(':unsent:')).sort();

    const resuming = adapter(tab(storage), registration, []);
    await resuming.start();
    // At start the merged document goes to the LRS and, confirmed, this tab's own unsent copy goes. The other resume
    // records are not merged into it yet (the runtime merges them, then saves), so the adopted copies stay.
    await expect.poll(unsent).toEqual([...adopted, other].sort());
    expect(await remoteResume(registration)).toBe('r0');

    // The learner's first save (the runtime flushes a second after it).
    resuming.saveState('r0,r1', 'm1/welcome');
    resuming.flush();
    await expect.poll(() => remoteResume(registration)).toBe('r0,r1');
    await expect.poll(unsent).toEqual([other]);
    await close(resuming, registration);
  });
});
