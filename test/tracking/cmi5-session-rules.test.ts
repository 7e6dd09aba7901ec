// The cmi5 AU rules with the spec's sample launch data; every statement checked by xapi-validation.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import validateStatement from 'xapi-validation';
import { describe, expect, it } from 'vitest';
import { CMI5, Cmi5Session, type Cmi5LaunchData, type RegistrationRecord } from '../../tracking/cmi5/session-rules.js';

// The cmi5 working group's sample scenarios, in ../shared beside the project (read-only, never copied in).
const SCENARIOS = fileURLToPath(new URL('../../../shared/standards/cmi5/samples/scenarios', import.meta.url));
const launchData = (scenario: string): Cmi5LaunchData =>
  JSON.parse(readFileSync(`${SCENARIOS}/${scenario}/02-lms_launch_data.json`, 'utf8')) as Cmi5LaunchData;

const actor = { objectType: 'Agent', account: { homePage: 'http://127.0.0.1/', name: 'learner-1' } };
const activityId = 'http://example.org/cmi5/au-lms-id/4756b42214cb0cb4825b3c9b5c15053d6a6cf7f5';

const COURSE_IRI = 'https://training.example.org/courses/telecom-customer-service';

/** One clock for every session, as in a learner's life: sessions follow one another. */
let clock = Date.parse('2026-11-27T08:00:00Z');

function session(data: Cmi5LaunchData, record: RegistrationRecord = { completed: false, passed: false }) {
  const s = new Cmi5Session({
    actor,
    registration: randomUUID(),
    activityId,
    courseIri: COURSE_IRI,
    launchData: data,
    record,
    uuid: randomUUID,
    now: () => (clock += 1000),
  });
  return s;
}

const verbs = (list: Record<string, unknown>[]) => list.map((s) => (s.verb as { id: string }).id.split('/').pop());

function valid(statements: Record<string, unknown>[]): void {
  for (const s of statements) expect(validateStatement(s), JSON.stringify(s).slice(0, 200)).toEqual([]);
  const times = statements.map((s) => Date.parse(s.timestamp as string));
  expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
}

describe('cmi5 session rules', () => {
  it('Normal with masteryScore: initialized first, completed and passed once, terminated last, nothing after', () => {
    const data = launchData('10-completed_and_passed-masteryScore');
    const s = session(data);
    const out = [
      ...s.completed(), // before initialized: nothing
      ...s.initialized(),
      ...s.initialized(),
      ...s.completed(),
      ...s.completed(),
      ...s.judged(0.9, 18, 20, 0.8),
      ...s.judged(0.95, 19, 20, 0.8),
      ...s.terminatedStatement(),
      ...s.terminatedStatement(),
      ...s.completed(),
    ];
    expect(verbs(out)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    valid(out);
    const [, completed, passed, terminated] = out as unknown as { result: unknown; context: Record<string, unknown> }[];
    expect(completed!.result).not.toHaveProperty('score');
    expect(terminated!.result).not.toHaveProperty('score');
    expect(passed!.result).toMatchObject({ success: true, score: { scaled: 0.9, raw: 18 } });
    expect((passed!.context.extensions as Record<string, unknown>)[CMI5.masteryScore]).toBe(0.86);
    // The context template is kept as the LMS gave it; the course IRI is added to grouping, so an LRS query for the
    // course (related_activities) finds the course's cmi5 statements, whose object is the LMS's AU id.
    expect(passed!.context.extensions).toMatchObject(data.contextTemplate.extensions!);
    const grouping = (passed!.context.contextActivities as { grouping: { id: string }[] }).grouping;
    for (const a of data.contextTemplate.contextActivities?.grouping ?? []) expect(grouping).toContainEqual(a);
    expect(grouping).toContainEqual({ objectType: 'Activity', id: COURSE_IRI });
    expect(JSON.stringify(passed!.context.contextActivities)).toContain(CMI5.moveOnCategory);
  });

  it('the LMS masteryScore overrides the course pass mark: 0.85 fails against 0.86 though the course asks 0.8', () => {
    const s = session(launchData('10-completed_and_passed-masteryScore'));
    s.initialized();
    expect(s.judged(0.85, 17, 20, 0.8)).toEqual([]);
    expect(verbs(s.terminatedStatement())).toEqual(['failed', 'terminated']);
  });

  it('failed then passed in one session: the pass is reported and the fail never is', () => {
    const s = session(launchData('11-completed_and_passed-masteryScore-failed_first'));
    const out = [
      ...s.initialized(),
      ...s.judged(0.5, 10, 20, 0.8),
      ...s.judged(0.6, 12, 20, 0.8),
      ...s.judged(0.95, 19, 20, 0.8),
      ...s.judged(0.3, 6, 20, 0.8),
      ...s.terminatedStatement(),
    ];
    expect(verbs(out)).toEqual(['initialized', 'passed', 'terminated']);
    valid(out);
  });

  it('two fails in one session: one failed, with the latest score, sent just before terminated', () => {
    const s = session(launchData('11-completed_and_passed-masteryScore-failed_first'));
    const out = [...s.initialized(), ...s.judged(0.5, 10, 20, 0.8), ...s.judged(0.6, 12, 20, 0.8)];
    out.push(...s.terminatedStatement());
    expect(verbs(out)).toEqual(['initialized', 'failed', 'terminated']);
    expect((out[1] as unknown as { result: unknown }).result).toMatchObject({ success: false, score: { raw: 12 } });
    valid(out);
  });

  it('failed first, then passed in a second session; never failed after passed', () => {
    const data = launchData('11-completed_and_passed-masteryScore-failed_first');
    const first = session(data);
    const one = [...first.initialized(), ...first.judged(0.5, 10, 20, 0.8), ...first.terminatedStatement()];
    expect(verbs(one)).toEqual(['initialized', 'failed', 'terminated']);
    const second = session(data, first.record);
    const two = [
      ...second.initialized(),
      ...second.judged(0.95, 19, 20, 0.8),
      ...second.completed(),
      ...second.terminatedStatement(),
    ];
    expect(verbs(two)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
    const third = session(data, second.record);
    const three = [
      ...third.initialized(),
      ...third.judged(0.1, 2, 20, 0.8),
      ...third.completed(),
      ...third.terminatedStatement(),
    ];
    expect(verbs(three)).toEqual(['initialized', 'terminated']);
    valid([...one, ...two, ...three]);
  });

  it('Browse and Review send nothing but initialized and terminated', () => {
    for (const launchMode of ['Browse', 'Review'] as const) {
      const s = session({ ...launchData('10-completed_and_passed-masteryScore'), launchMode });
      const out = [
        ...s.initialized(),
        ...s.completed(),
        ...s.judged(1, 20, 20, 0.8),
        ...s.allowed({
          verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
          object: { id: 'https://x.example/q' },
        }),
        ...s.terminatedStatement(),
      ];
      expect(verbs(out)).toEqual(['initialized', 'terminated']);
    }
  });
});
