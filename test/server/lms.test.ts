// The launcher's LMS side over real HTTP: what a cmi5 or TinCan launch hands the course, and what it refuses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index.js';
import { statement, tempDb, xapiClient, type Client } from './support.js';

const COURSE = {
  id: 'https://training.example.com/courses/test',
  title: '测试课程',
  language: 'zh-CN',
  passingScore: 80,
};
let server: RunningServer;
let admin: Client;

beforeAll(async () => {
  const dbPath = tempDb();
  const courseDir = join(dirname(dbPath), 'dist');
  mkdirSync(join(courseDir, 'content'), { recursive: true });
  writeFileSync(join(courseDir, 'content/course.json'), JSON.stringify(COURSE));
  writeFileSync(join(courseDir, 'index.html'), '<!doctype html><title>course</title>');
  server = await startServer({ port: 0, dbPath, fresh: true, courseDir });
  admin = xapiClient(server.endpoint, server.credentials);
});
afterAll(() => server.close());

async function launch(standard: string, account: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(new URL('lms/api/launches', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `学员 ${account}`, account, standard, ...extra }),
  });
  expect(res.status).toBe(201);
  const { launch } = (await res.json()) as { launch: { url: string; registration: string; id: string } };
  return { ...launch, params: new URL(launch.url).searchParams };
}

describe('cmi5 launch', () => {
  it('writes LMS.LaunchData and learner preferences, records launched, and gives the token once', async () => {
    const l = await launch('cmi5', 'c1001');
    const { params } = l;
    expect(params.get('endpoint')).toBe(server.endpoint);
    const actor = JSON.parse(params.get('actor')!) as { account: { name: string } };
    expect(actor.account.name).toBe('c1001');
    const activityId = params.get('activityId')!;
    expect(activityId).not.toBe(COURSE.id);

    const q = new URLSearchParams({
      activityId,
      agent: JSON.stringify(actor),
      registration: params.get('registration')!,
      stateId: 'LMS.LaunchData',
    });
    const data = (await (await admin.request('GET', `activities/state?${q.toString()}`)).json()) as {
      launchMode: string;
      moveOn: string;
      masteryScore: number;
      returnURL: string;
      contextTemplate: { extensions: Record<string, string>; contextActivities: { grouping: { id: string }[] } };
    };
    expect(data.launchMode).toBe('Normal');
    expect(data.moveOn).toBe('CompletedAndPassed');
    expect(data.masteryScore).toBe(0.8);
    expect(data.returnURL).toContain('/records?launch=');
    const sessionId = data.contextTemplate.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'];
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.contextTemplate.contextActivities.grouping[0]!.id).toBe(COURSE.id);

    const prefs = await admin.request(
      'GET',
      `agents/profile?${new URLSearchParams({ agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' }).toString()}`,
    );
    expect(((await prefs.json()) as { languagePreference: string }).languagePreference).toContain('zh-CN');

    const launched = (await (
      await admin.request(
        'GET',
        `statements?${new URLSearchParams({ registration: params.get('registration')!, verb: 'http://adlnet.gov/expapi/verbs/launched' }).toString()}`,
      )
    ).json()) as { statements: { context: { extensions: Record<string, string> } }[] };
    expect(launched.statements).toHaveLength(1);
    expect(launched.statements[0]!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(
      sessionId,
    );

    const first = await fetch(params.get('fetch')!, { method: 'POST' });
    expect(first.status).toBe(200);
    const token = ((await first.json()) as { 'auth-token': string })['auth-token'];
    expect(token).toBeTruthy();
    const second = (await (await fetch(params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>;
    expect(second['error-code']).toBe('1');
    expect(second['auth-token']).toBeUndefined();
  });

  it("refuses a token's statements for another registration or another actor, and satisfies moveOn", async () => {
    const l = await launch('cmi5', 'c2002');
    const other = await launch('cmi5', 'c3003');
    const token = (
      (await (await fetch(l.params.get('fetch')!, { method: 'POST' })).json()) as { 'auth-token': string }
    )['auth-token'];
    const au = xapiClient(server.endpoint, `Basic ${token}`);
    const actor = JSON.parse(l.params.get('actor')!) as Record<string, unknown>;
    const activityId = l.params.get('activityId')!;
    const own = (verb: string, registration = l.registration, who = actor) =>
      statement({ actor: who, verb: { id: verb }, object: { id: activityId }, context: { registration } });

    const wrongRegistration = await au.request(
      'POST',
      'statements',
      own('http://adlnet.gov/expapi/verbs/initialized', other.registration),
    );
    expect(wrongRegistration.status).toBe(403);
    const wrongActor = await au.request(
      'POST',
      'statements',
      own('http://adlnet.gov/expapi/verbs/initialized', l.registration, JSON.parse(other.params.get('actor')!)),
    );
    expect(wrongActor.status).toBe(403);
    const otherState = await au.request(
      'GET',
      `activities/state?${new URLSearchParams({ activityId, agent: other.params.get('actor')!, registration: other.registration, stateId: 'LMS.LaunchData' }).toString()}`,
    );
    expect(otherState.status).toBe(403);

    expect((await au.request('POST', 'statements', own('http://adlnet.gov/expapi/verbs/initialized'))).status).toBe(
      200,
    );
    expect((await au.request('POST', 'statements', own('http://adlnet.gov/expapi/verbs/completed'))).status).toBe(200);
    expect((await au.request('POST', 'statements', own('http://adlnet.gov/expapi/verbs/passed'))).status).toBe(200);
    const satisfied = (await (
      await admin.request(
        'GET',
        `statements?${new URLSearchParams({ registration: l.registration, verb: 'https://w3id.org/xapi/adl/verbs/satisfied' }).toString()}`,
      )
    ).json()) as { statements: { object: { definition: { type: string } } }[] };
    expect(satisfied.statements).toHaveLength(1);
    expect(satisfied.statements[0]!.object.definition.type).toBe('https://w3id.org/xapi/cmi5/activitytype/course');

    // The session ends with terminated; its token no longer works.
    expect((await au.request('POST', 'statements', own('http://adlnet.gov/expapi/verbs/terminated'))).status).toBe(200);
    expect((await au.request('POST', 'statements', own('http://adlnet.gov/expapi/verbs/experienced'))).status).toBe(
      401,
    );
  });
});

describe('xAPI (TinCan) launch', () => {
  it('passes endpoint, a learner-scoped auth, actor, registration and activity_id', async () => {
    const l = await launch('xapi', 't1001');
    expect(l.params.get('endpoint')).toBe(server.endpoint);
    expect(l.params.get('activity_id')).toBe(COURSE.id);
    const actor = JSON.parse(l.params.get('actor')!) as Record<string, unknown>;
    const au = xapiClient(server.endpoint, l.params.get('auth')!);
    const mine = statement({
      actor,
      object: { id: COURSE.id },
      context: { registration: l.params.get('registration') },
    });
    expect((await au.request('POST', 'statements', mine)).status).toBe(200);
    const someoneElse = statement({
      object: { id: COURSE.id },
      context: { registration: l.params.get('registration') },
    });
    expect((await au.request('POST', 'statements', someoneElse)).status).toBe(403);
    expect((await au.request('GET', 'statements')).status).toBe(403);
  });
});

describe('SCORM launch', () => {
  it('saves committed data per learner and course and hands it to the next launch', async () => {
    const first = await launch('scorm12', 's1001');
    const commit = await fetch(new URL(`lms/api/scorm/${first.id}`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ cmi: { core: { lesson_location: 'm2', exit: 'suspend' }, suspend_data: 'abc' } }),
    });
    expect(await commit.json()).toEqual({ result: true, errorCode: 0 });
    const second = await launch('scorm12', 's1001');
    const config = (await (await fetch(new URL(`lms/api/scorm/${second.id}`, server.url))).json()) as {
      cmi: { suspend_data: string };
      course: { passingScore: number };
    };
    expect(config.cmi.suspend_data).toBe('abc');
    expect(config.course.passingScore).toBe(80);
    const stranger = await launch('scorm12', 's2002');
    expect(
      ((await (await fetch(new URL(`lms/api/scorm/${stranger.id}`, server.url))).json()) as { cmi: unknown }).cmi,
    ).toBeNull();
  });

  it('refuses a launch with a bad account with a message naming the field', async () => {
    const res = await fetch(new URL('lms/api/launches', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', account: 'has space', standard: 'cmi5' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('account');
  });
});

describe('an unzipped package served and launched by the LMS', () => {
  const AU = `${COURSE.id}/au/course`;
  let pkg: RunningServer;
  let pkgAdmin: Client;

  beforeAll(async () => {
    const dbPath = tempDb();
    const dir = join(dirname(dbPath), 'package');
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content/course.json'), JSON.stringify(COURSE));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>course</title>');
    writeFileSync(join(dirname(dbPath), 'beside.json'), '{}');
    // A pass mark in the manifest that differs from course.json's: the LMS must use the manifest's.
    pkg = await startServer({
      port: 0,
      dbPath,
      fresh: true,
      package: { kind: 'cmi5', dir, launch: 'index.html', iri: COURSE.id, auId: AU, masteryScore: 0.75, title: 'T' },
    });
    pkgAdmin = xapiClient(pkg.endpoint, pkg.credentials);
  });
  afterAll(() => pkg.close());

  const post = (standard: string) =>
    fetch(new URL('lms/api/launches', pkg.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '学员', account: 'p1', standard }),
    });

  it('serves the package from its sub-path only, and launches it in its own standard with its AU id and pass mark', async () => {
    expect((await fetch(new URL('lms/content/cmi5/index.html', pkg.url))).status).toBe(200);
    // A file beside the package folder (where the LRS keeps its credentials): an encoded ../ must not reach it.
    expect((await fetch(new URL('lms/content/cmi5/..%2fbeside.json', pkg.url))).status).toBe(404);
    expect((await fetch(new URL('course/index.html', pkg.url))).status).toBe(404);
    const wrong = await post('xapi');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toContain('cmi5 package');

    const res = await post('cmi5');
    expect(res.status).toBe(201);
    const { launch } = (await res.json()) as { launch: { url: string } };
    const url = new URL(launch.url);
    expect(url.pathname).toBe('/lms/content/cmi5/index.html');
    const params = url.searchParams;
    const q = new URLSearchParams({
      activityId: params.get('activityId')!,
      agent: params.get('actor')!,
      registration: params.get('registration')!,
      stateId: 'LMS.LaunchData',
    });
    const data = (await (await pkgAdmin.request('GET', `activities/state?${q.toString()}`)).json()) as {
      masteryScore: number;
      contextTemplate: { contextActivities: { grouping: { id: string }[] } };
    };
    expect(data.masteryScore).toBe(0.75);
    expect(data.contextTemplate.contextActivities.grouping[0]?.id).toBe(AU);
  });
});
