// Every interaction record the real course can produce, through each standard's notation, checked by the oracles:
// scorm-again as a SCORM 1.2 and 2004 LMS, the strict SCORM 1.2 rules it relaxes, and xapi-validation.
import { randomUUID } from 'node:crypto';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import validateStatement from 'xapi-validation';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCourse, type BuiltCourse } from '../../tools/content/load-course.js';
import type { TrackedInteraction } from '../../tracking/interaction.js';
import { allRecords } from '../support/tracking/course-records.js';
import { strictScorm12InteractionProblems } from '../support/tracking/scorm12-strict.js';
import { scorm12Interaction } from '../../tracking/notation/scorm12.js';
import { scorm2004Interaction } from '../../tracking/notation/scorm2004.js';
import {
  courseActivityId,
  interactionActivity,
  interactionResult,
  itemActivityId,
} from '../../tracking/notation/xapi.js';

let course: BuiltCourse;
let records: TrackedInteraction[];
const warnings: string[] = [];

beforeAll(() => {
  const loaded = loadCourse(new URL('../../', import.meta.url).pathname);
  course = loaded.course!;
  records = allRecords(course);
  // scorm-again accepts some non-standard values with a console warning ("normalizing"): those count as failures.
  for (const level of ['warn', 'error', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  }
});

afterAll(() => vi.restoreAllMocks());

const language = () => ({ language: course.index.language });

describe('golden: the real course in every notation', () => {
  it('covers every question right and wrong and every role-play reply', () => {
    const questions = records.filter((r) => r.parentKind === 'quiz');
    const replies = records.filter((r) => r.parentKind === 'roleplay');
    // Counted from the course, so a trainer's new question or reply is covered without touching this test.
    const items = course.modules.flatMap((m) => m.items);
    const questionIds = new Set(
      items.flatMap((i) => (i.kind === 'quiz' ? i.quiz.pools.flatMap((p) => p.questions.map((q) => q.id)) : [])),
    );
    const replyCount = items
      .flatMap((i) => (i.kind === 'roleplay' ? i.roleplay.nodes : []))
      .reduce((n, node) => n + (node.replies?.length ?? 0), 0);
    expect(questionIds.size).toBeGreaterThan(100);
    expect(new Set(questions.map((r) => r.id))).toEqual(questionIds);
    expect(questions.some((r) => r.success) && questions.some((r) => !r.success)).toBe(true);
    expect(replies).toHaveLength(replyCount);
    console.info(`golden records: ${records.length}`);
  });

  it('SCORM 1.2: scorm-again accepts every value, without normalising any', () => {
    const api = new Scorm12API({ logLevel: 4 });
    expect(api.LMSInitialize('')).toBe('true');
    warnings.length = 0;
    const rejected: string[] = [];
    records.forEach((record, n) => {
      const i = scorm12Interaction(record);
      const set = (element: string, value: string) => {
        const key = `cmi.interactions.${n}.${element}`;
        if (api.LMSSetValue(key, value) !== 'true') rejected.push(`${key}=${value}: ${api.LMSGetLastError()}`);
      };
      set('id', i.id);
      set('type', i.type);
      if (i.objectiveId) set('objectives.0.id', i.objectiveId);
      set('time', i.time);
      i.correct_responses.forEach((p, c) => set(`correct_responses.${c}.pattern`, p));
      set('weighting', i.weighting);
      set('student_response', i.student_response);
      set('result', i.result);
      set('latency', i.latency);
    });
    expect(rejected).toEqual([]);
    expect(warnings.filter((w) => /non-standard|normaliz|invalid/i.test(w))).toEqual([]);
  });

  it('SCORM 1.2: the strict rules scorm-again relaxes hold for every value', () => {
    const problems = records.flatMap((r) => strictScorm12InteractionProblems(scorm12Interaction(r)));
    expect(problems).toEqual([]);
  });

  it('SCORM 2004: scorm-again accepts every value', () => {
    const rejected: string[] = [];
    let api = new Scorm2004API({ logLevel: 4 });
    api.Initialize('');
    warnings.length = 0;
    records.forEach((record, index) => {
      // A fresh data model per 200 entries keeps within the 250 interactions every LMS must hold.
      const n = index % 200;
      if (n === 0 && index > 0) {
        api = new Scorm2004API({ logLevel: 4 });
        api.Initialize('');
      }
      const i = scorm2004Interaction(record, language());
      const set = (element: string, value: string) => {
        const key = `cmi.interactions.${n}.${element}`;
        if (api.SetValue(key, value) !== 'true') rejected.push(`${key}=${value.slice(0, 80)}: ${api.GetLastError()}`);
      };
      set('id', i.id);
      set('type', i.type);
      set('description', i.description);
      if (i.objectiveId) set('objectives.0.id', i.objectiveId);
      set('timestamp', i.timestamp);
      i.correct_responses.forEach((p, c) => set(`correct_responses.${c}.pattern`, p));
      set('weighting', i.weighting);
      set('learner_response', i.learner_response);
      set('result', i.result);
      set('latency', i.latency);
    });
    expect(rejected).toEqual([]);
    expect(warnings.filter((w) => /non-standard|normaliz|invalid/i.test(w))).toEqual([]);
  });

  it('xAPI: xapi-validation finds nothing wrong in any answered statement', () => {
    const ids = { courseIri: course.index.id, language: course.index.language };
    const problems = records.flatMap((record) => {
      const statement = {
        id: randomUUID(),
        actor: { objectType: 'Agent', account: { homePage: 'http://127.0.0.1:8081', name: 'learner-1' } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered' } },
        object: interactionActivity(ids, record),
        result: interactionResult(record, ids),
        context: {
          contextActivities: {
            parent: [{ id: itemActivityId(ids, record.parentKind, record.parentId) }],
            grouping: [{ id: courseActivityId(ids) }],
          },
        },
        timestamp: record.timestamp,
      };
      return validateStatement(statement).map((w) => `${record.id}: ${w.path.join('.')} ${w.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('the oracles do reject records passed through unconverted (so the checks above can fail)', () => {
    const sample = records.find((r) => r.parentKind === 'roleplay')!;
    const raw = {
      id: sample.id,
      type: sample.type,
      student_response: (sample.response as { choiceIds: string[] }).choiceIds.join(','),
      correct_responses: ['true'],
      result: 'incorrect',
      weighting: '1',
      latency: 'PT0.181S',
      time: sample.timestamp,
    } as never;
    expect(strictScorm12InteractionProblems(raw).length).toBeGreaterThanOrEqual(4);
    const api = new Scorm2004API({ logLevel: 4 });
    api.Initialize('');
    api.SetValue('cmi.interactions.0.id', sample.id);
    expect(api.SetValue('cmi.interactions.0.latency', 'PT0.181S')).toBe('false');
    const statement = {
      actor: { mbox: 'mailto:learner@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: sample.id, definition: { name: '客户说' } },
    };
    expect(validateStatement(statement).length).toBeGreaterThan(0);
  });
});
