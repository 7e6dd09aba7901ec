// The SCORM adapters against scorm-again's data model (as the LMS), in Node.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import type { ReportedStatus } from '../tracker.js';
import type { TrackedInteraction } from '../interaction.js';
import { Scorm12Adapter } from './scorm12-adapter.js';
import { Scorm2004Adapter } from './scorm2004-adapter.js';
import { ScormSession } from './scorm-session.js';

/** The elements these tests read of either SCORM version's data model. */
interface CmiModel {
  core: { lesson_status: string; score: { raw: string }; exit: string; session_time: string };
  interactions: Record<string, unknown>;
  suspend_data: string;
  completion_status: string;
  success_status: string;
  score: { scaled: string };
  exit: string;
}

/** The LMS's data model as it would store it (write-only elements included). */
const model = (lms: { cmi: unknown }): CmiModel => JSON.parse(JSON.stringify(lms.cmi)) as CmiModel;

const status = (over: Partial<ReportedStatus>): ReportedStatus => ({
  completed: false,
  passed: null,
  score: null,
  progress: 0.5,
  passingScaled: 0.8,
  ...over,
});

const record: TrackedInteraction = {
  id: 'rp-1.n-open',
  parentId: 'rp-1',
  parentKind: 'roleplay',
  type: 'choice',
  description: '客户说',
  response: { type: 'choice', choiceIds: ['b'] },
  correctResponses: [{ type: 'choice', choiceIds: ['a'] }],
  success: false,
  score: { raw: 0, min: 0, max: 2, scaled: 0 },
  durationMs: 1234,
  attempt: 1,
  timestamp: '2026-11-27T08:30:12.345Z',
  choices: [
    { id: 'a', description: 'A' },
    { id: 'b', description: 'B' },
  ],
};

describe('ScormSession', () => {
  it('logs a refused SetValue with its error code and retries it at the next commit', () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const log = vi.fn();
    const states: string[] = [];
    const session = new ScormSession(
      {
        get: (e) => lms.LMSGetValue(e),
        set: (e, v) => lms.LMSSetValue(e, v),
        commit: () => lms.LMSCommit(''),
        lastError: () => lms.LMSGetLastError(),
        errorString: (c) => lms.LMSGetErrorString(c),
      },
      log,
    );
    session.onState((s) => states.push(s));
    // Before LMSInitialize the LMS refuses (error 301): logged, kept, warned.
    session.set('cmi.core.lesson_location', 'm/i');
    expect(log.mock.calls[0]![0]).toMatch(/SetValue\(cmi\.core\.lesson_location.*error 301/);
    expect(session.commit()).toBe(false);
    expect(states.at(-1)).toBe('failed');
    lms.LMSInitialize('');
    expect(session.commit()).toBe(true);
    expect(lms.LMSGetValue('cmi.core.lesson_location')).toBe('m/i');
    expect(states.at(-1)).toBe('saved');
  });
});

describe('Scorm12Adapter', () => {
  it('mastery score from the LMS, status, 0–100 score, journaled interactions, exit and session time', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    lms.cmi.student_data.mastery_score = '70';
    const adapter = new Scorm12Adapter(lms);
    const start = await adapter.start();
    expect(start).toMatchObject({ masteryScaled: 0.7, mode: 'normal', resume: null });
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    adapter.reportInteraction(record);
    adapter.reportInteraction({ ...record, response: { type: 'choice', choiceIds: ['a'] }, success: true });
    adapter.reportStatus(status({ completed: true, passed: true, score: { raw: 19, min: 0, max: 20, scaled: 0.95 } }));
    adapter.saveState('[1]', 'm/i');
    adapter.finish();
    const cmi = model(lms);
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe('95');
    expect(cmi.core.exit).toBe('');
    expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    expect(
      Object.values(cmi.interactions).map((i) => [(i as { id: string }).id, (i as { result: string }).result]),
    ).toEqual([
      ['rp-1_n-open', 'wrong'],
      ['rp-1_n-open', 'correct'],
    ]);
  });

  it('exit suspend while unfinished; browse and review record nothing', async () => {
    const lms = new Scorm12API({ logLevel: 5, autocommit: false });
    const adapter = new Scorm12Adapter(lms);
    await adapter.start();
    adapter.reportStatus(status({}));
    adapter.finish();
    expect(model(lms).core.exit).toBe('suspend');
    const review = new Scorm12API({ logLevel: 5, autocommit: false });
    review.cmi.core.lesson_mode = 'review';
    const reviewing = new Scorm12Adapter(review);
    expect((await reviewing.start()).mode).toBe('review');
    reviewing.reportInteraction(record);
    reviewing.reportStatus(status({ completed: true }));
    reviewing.saveState('[1]', 'm/i');
    expect(Object.keys(model(review).interactions)).toHaveLength(0);
    expect(model(review).suspend_data).toBe('');
  });
});

describe('Scorm2004Adapter', () => {
  it('one entry per interaction id, updated; success against scaled_passing_score; exit', async () => {
    const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
    lms.cmi.scaled_passing_score = '0.7';
    const adapter = new Scorm2004Adapter(lms, { language: 'zh-CN' });
    expect((await adapter.start()).masteryScaled).toBe(0.7);
    adapter.reportInteraction(record);
    adapter.reportInteraction({ ...record, response: { type: 'choice', choiceIds: ['a'] }, success: true });
    adapter.reportStatus(
      status({ completed: true, passed: true, progress: 1, score: { raw: 19, min: 0, max: 20, scaled: 0.95 } }),
    );
    adapter.finish();
    const cmi = model(lms);
    expect(Object.values(cmi.interactions)).toHaveLength(1);
    expect(cmi.interactions[0]).toMatchObject({ id: 'rp-1.n-open', learner_response: 'a', result: 'correct' });
    expect([cmi.completion_status, cmi.success_status, cmi.score.scaled, cmi.exit]).toEqual([
      'completed',
      'passed',
      '0.95',
      'normal',
    ]);
  });
});
