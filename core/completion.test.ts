import { describe, expect, it } from 'vitest';
import {
  courseStatus,
  doneItemIds,
  emptyProgress,
  finalAssessmentAccess,
  moduleStatus,
  type LearnerProgress,
} from './completion.js';
import type { QuizAttemptState, RolePlayState } from './interactions.js';
import type { CompletionRules, CourseIndex, ItemSummary, ModuleSummary } from './types.js';

const ALL_ON: CompletionRules = {
  module: { pages: true, quiz: true, checkpoints: true },
  course: { modules: true, finalAssessment: true },
};

function module(id: string, items: ItemSummary[]): ModuleSummary {
  return { id, title: id, description: id, objectives: [], href: `${id}.json`, items };
}

const page = (id: string): ItemSummary => ({ kind: 'page', id, title: id, minutes: 3 });
const quiz = (id: string): ItemSummary => ({ kind: 'quiz', id, title: id });
const roleplay = (id: string, required = false): ItemSummary => ({
  kind: 'roleplay',
  id,
  title: id,
  ...(required ? { required: { outcome: 'good' } } : {}),
});

/**
 * m1: two pages, a quiz, a required role-play and an optional one; m2: one page; m3: only an optional role-play.
 * 8 items with the final assessment.
 */
function makeIndex(completion: CompletionRules = ALL_ON, withFinal = true): CourseIndex {
  return {
    id: 'course',
    title: '课程',
    description: '',
    language: 'zh-CN',
    version: '1.0.0',
    passingScore: 80,
    completion,
    modules: [
      module('m1', [page('p1'), page('p2'), quiz('m1-quiz'), roleplay('rp1', true), roleplay('rp2')]),
      module('m2', [page('p3')]),
      module('m3', [roleplay('rp3')]),
    ],
    ...(withFinal ? { finalAssessment: module('final', [quiz('final-quiz')]) } : {}),
  };
}

function rules(
  module: Partial<CompletionRules['module']>,
  course: Partial<CompletionRules['course']> = {},
): CompletionRules {
  return { module: { ...ALL_ON.module, ...module }, course: { ...ALL_ON.course, ...course } };
}

/** A quiz state with finished attempts of the given scaled scores (passing at 80%). */
function quizState(...scores: number[]): QuizAttemptState {
  return {
    attempt: Math.max(1, scores.length),
    seed: 's',
    questionIds: [],
    current: 0,
    answers: {},
    phase: scores.length > 0 ? 'result' : 'answering',
    startedAt: '2025-01-01T00:00:00.000Z',
    results: scores.map((scaled, i) => ({
      quizId: 'q',
      attempt: i + 1,
      score: { raw: scaled * 10, min: 0, max: 10, scaled },
      passed: scaled >= 0.8,
      questions: [],
      durationMs: 1000,
    })),
  };
}

function roleplayState(runs: number, met: boolean | null): RolePlayState {
  return {
    path: [],
    nodeId: 'start',
    showingFeedback: false,
    runs,
    best:
      met === null
        ? null
        : {
            roleplayId: 'rp',
            outcome: met ? 'good' : 'bad',
            endingId: 'end',
            score: { raw: 1, min: 0, max: 2, scaled: 0.5 },
            path: [],
            met,
            durationMs: 1000,
          },
  };
}

function progress(patch: Partial<LearnerProgress> = {}): LearnerProgress {
  return { ...emptyProgress(), ...patch };
}

/** Everything in m1 done. */
const m1Done = (): LearnerProgress =>
  progress({
    visited: { p1: true, p2: true },
    quizzes: { 'm1-quiz': quizState(0.9) },
    roleplays: { rp1: roleplayState(1, true) },
  });

/** Every module done (m3 opened), final not taken. */
const modulesDone = (): LearnerProgress => {
  const p = m1Done();
  return { ...p, visited: { ...p.visited, p3: true, rp3: true } };
};

describe('moduleStatus', () => {
  it('is not started with no progress', () => {
    const status = moduleStatus(makeIndex(), 'm1', emptyProgress());
    expect(status).toEqual({
      moduleId: 'm1',
      status: 'not-started',
      pages: { done: 0, total: 2, met: false },
      quiz: { done: 0, total: 1, met: false },
      checkpoints: { done: 0, total: 1, met: false },
      progress: 0,
    });
  });

  it('is in progress after one page and completed when every part is met', () => {
    const index = makeIndex();
    expect(moduleStatus(index, 'm1', progress({ visited: { p1: true } })).status).toBe('in-progress');
    const done = moduleStatus(index, 'm1', m1Done());
    expect(done.status).toBe('completed');
    expect(done.pages?.met && done.quiz?.met && done.checkpoints?.met).toBe(true);
    // The optional role-play is not needed for completion, but counts towards progress.
    expect(done.progress).toBe(4 / 5);
  });

  it('counts an opened quiz or a started role-play as in progress', () => {
    const index = makeIndex();
    const started = { ...quizState(), results: [] };
    expect(moduleStatus(index, 'm1', progress({ quizzes: { 'm1-quiz': started } })).status).toBe('in-progress');
    const intro = { ...started, phase: 'intro' as const, startedAt: null };
    expect(moduleStatus(index, 'm1', progress({ quizzes: { 'm1-quiz': intro } })).status).toBe('not-started');
    const playing = { ...roleplayState(0, null), path: [{ nodeId: 'start', replyId: 'r1', score: 1 }] };
    expect(moduleStatus(index, 'm1', progress({ roleplays: { rp1: playing } })).status).toBe('in-progress');
  });

  describe('pages rule', () => {
    const withoutPages = (p: LearnerProgress) => ({ ...p, visited: { p1: true } as Record<string, true> });
    it('on: an unvisited page keeps the module in progress', () => {
      const status = moduleStatus(makeIndex(), 'm1', withoutPages(m1Done()));
      expect(status.status).toBe('in-progress');
      expect(status.pages).toEqual({ done: 1, total: 2, met: false });
    });
    it('off: pages are not required', () => {
      const status = moduleStatus(makeIndex(rules({ pages: false })), 'm1', withoutPages(m1Done()));
      expect(status.status).toBe('completed');
      expect(status.pages).toBeNull();
    });
  });

  describe('quiz rule', () => {
    const failed = (p: LearnerProgress) => ({ ...p, quizzes: { 'm1-quiz': quizState(0.5, 0.7) } });
    it('on: a failed quiz keeps the module in progress, a later pass completes it', () => {
      const index = makeIndex();
      expect(moduleStatus(index, 'm1', failed(m1Done())).status).toBe('in-progress');
      expect(moduleStatus(index, 'm1', failed(m1Done())).quiz).toEqual({ done: 0, total: 1, met: false });
      const passedLater = { ...m1Done(), quizzes: { 'm1-quiz': quizState(0.5, 0.85, 0.6) } };
      expect(moduleStatus(index, 'm1', passedLater).status).toBe('completed');
    });
    it('off: the quiz is not required', () => {
      const index = makeIndex(rules({ quiz: false }));
      expect(moduleStatus(index, 'm1', failed(m1Done())).status).toBe('completed');
      const noQuiz = { ...m1Done(), quizzes: {} };
      const status = moduleStatus(index, 'm1', noQuiz);
      expect(status.status).toBe('completed');
      expect(status.quiz).toBeNull();
    });
  });

  describe('checkpoints rule', () => {
    const unmet = (p: LearnerProgress) => ({ ...p, roleplays: { rp1: roleplayState(2, false) } });
    it('on: a required role-play whose best run did not meet the requirement keeps it in progress', () => {
      const status = moduleStatus(makeIndex(), 'm1', unmet(m1Done()));
      expect(status.status).toBe('in-progress');
      expect(status.checkpoints).toEqual({ done: 0, total: 1, met: false });
      expect(moduleStatus(makeIndex(), 'm1', { ...m1Done(), roleplays: {} }).status).toBe('in-progress');
    });
    it('off: checkpoints are not required', () => {
      const status = moduleStatus(makeIndex(rules({ checkpoints: false })), 'm1', unmet(m1Done()));
      expect(status.status).toBe('completed');
      expect(status.checkpoints).toBeNull();
    });
    it('does not require optional role-plays', () => {
      const status = moduleStatus(makeIndex(), 'm1', m1Done());
      expect(status.checkpoints?.total).toBe(1);
    });
  });

  it('ignores a part the module has no items for', () => {
    const index = makeIndex();
    const m2 = moduleStatus(index, 'm2', progress({ visited: { p3: true } }));
    expect(m2).toMatchObject({ status: 'completed', quiz: null, checkpoints: null, progress: 1 });
    expect(moduleStatus(index, 'm2', emptyProgress()).status).toBe('not-started');
  });

  it('completes a module with no applicable part once it is opened', () => {
    const index = makeIndex();
    expect(moduleStatus(index, 'm3', emptyProgress()).status).toBe('not-started');
    const opened = moduleStatus(index, 'm3', progress({ visited: { rp3: true } }));
    expect(opened).toMatchObject({ status: 'completed', pages: null, quiz: null, checkpoints: null, progress: 0 });
    const allOff = makeIndex(rules({ pages: false, quiz: false, checkpoints: false }));
    expect(moduleStatus(allOff, 'm1', emptyProgress()).status).toBe('not-started');
    expect(moduleStatus(allOff, 'm1', progress({ visited: { p1: true } })).status).toBe('completed');
  });

  it('accepts the final assessment id and rejects unknown ids', () => {
    const index = makeIndex();
    expect(moduleStatus(index, 'final', progress({ quizzes: { 'final-quiz': quizState(0.9) } })).status).toBe(
      'completed',
    );
    expect(() => moduleStatus(index, 'nope', emptyProgress())).toThrow(RangeError);
  });
});

describe('courseStatus', () => {
  it('starts incomplete with unknown success and no progress', () => {
    expect(courseStatus(makeIndex(), emptyProgress())).toEqual({
      completed: false,
      passed: null,
      score: null,
      progress: 0,
    });
  });

  it('needs every module and a finished final assessment when both rules are on', () => {
    const index = makeIndex();
    const before = courseStatus(index, modulesDone());
    expect(before.completed).toBe(false);
    expect(before.passed).toBeNull();
    const withFinal = { ...modulesDone(), quizzes: { ...modulesDone().quizzes, 'final-quiz': quizState(0.5) } };
    const after = courseStatus(index, withFinal);
    expect(after.completed).toBe(true);
    expect(after.passed).toBe(false);
    expect(after.score).toEqual({ raw: 5, min: 0, max: 10, scaled: 0.5 });
    const finalOnly = progress({ quizzes: { 'final-quiz': quizState(0.9) } });
    expect(courseStatus(index, finalOnly)).toMatchObject({ completed: false, passed: true });
  });

  it('modules rule off: the final assessment alone completes the course', () => {
    const index = makeIndex(rules({}, { modules: false }));
    expect(courseStatus(index, modulesDone()).completed).toBe(false);
    expect(courseStatus(index, progress({ quizzes: { 'final-quiz': quizState(0.4) } })).completed).toBe(true);
  });

  it('final assessment rule off: the modules alone complete the course, success still from the final', () => {
    const index = makeIndex(rules({}, { finalAssessment: false }));
    const status = courseStatus(index, modulesDone());
    expect(status.completed).toBe(true);
    expect(status.passed).toBeNull();
    const m2Missing = { ...modulesDone(), visited: { p1: true, p2: true, rp3: true } as Record<string, true> };
    expect(courseStatus(index, m2Missing).completed).toBe(false);
  });

  it('both course rules off: starting anything completes the course', () => {
    const index = makeIndex(rules({}, { modules: false, finalAssessment: false }));
    expect(courseStatus(index, emptyProgress()).completed).toBe(false);
    expect(courseStatus(index, progress({ visited: { p1: true } })).completed).toBe(true);
  });

  it('passes on the best final score against the course pass mark, at the boundary', () => {
    const index = makeIndex();
    const at = (...scores: number[]) =>
      courseStatus(index, {
        ...modulesDone(),
        quizzes: { ...modulesDone().quizzes, 'final-quiz': quizState(...scores) },
      });
    expect(at(0.79).passed).toBe(false);
    expect(at(0.8).passed).toBe(true);
    expect(at(0.6, 0.85, 0.7)).toMatchObject({ passed: true, score: { scaled: 0.85 } });
    // The course pass mark rules, not the quiz's own: a result flagged passed below 80% does not pass the course.
    const lenient = quizState(0.7);
    lenient.results[0]!.passed = true;
    expect(courseStatus(index, { ...modulesDone(), quizzes: { 'final-quiz': lenient } }).passed).toBe(false);
  });

  it('without a final assessment: the final rule does not apply and passed follows completion', () => {
    const index = makeIndex(ALL_ON, false);
    expect(courseStatus(index, m1Done())).toMatchObject({ completed: false, passed: null, score: null });
    expect(courseStatus(index, modulesDone())).toMatchObject({ completed: true, passed: true, score: null });
  });

  it('reports progress as items done over all items', () => {
    const index = makeIndex();
    expect(courseStatus(index, progress({ visited: { p1: true } })).progress).toBeCloseTo(1 / 8);
    // p1, p2, m1-quiz, rp1, p3; rp3 only visited (not played) does not count.
    expect(courseStatus(index, modulesDone()).progress).toBeCloseTo(5 / 8);
    const everything: LearnerProgress = {
      visited: { p1: true, p2: true, p3: true },
      quizzes: { 'm1-quiz': quizState(0.9), 'final-quiz': quizState(0.3) },
      roleplays: { rp1: roleplayState(1, true), rp2: roleplayState(1, false), rp3: roleplayState(1, null) },
    };
    expect(courseStatus(index, everything).progress).toBe(1);
  });

  it('counts a module quiz done when passed under the quiz rule, and when finished without it', () => {
    const failed = progress({ quizzes: { 'm1-quiz': quizState(0.5) } });
    expect(courseStatus(makeIndex(), failed).progress).toBe(0);
    expect(courseStatus(makeIndex(rules({ quiz: false })), failed).progress).toBeCloseTo(1 / 8);
  });

  it('counts a required role-play done when met under the checkpoint rule, and when played without it', () => {
    const unmet = progress({ roleplays: { rp1: roleplayState(1, false) } });
    expect(courseStatus(makeIndex(), unmet).progress).toBe(0);
    expect(courseStatus(makeIndex(rules({ checkpoints: false })), unmet).progress).toBeCloseTo(1 / 8);
  });
});

describe('doneItemIds', () => {
  it('lists the items done under the same rules as progress', () => {
    const index = makeIndex();
    expect(doneItemIds(index, emptyProgress())).toEqual(new Set());
    const p: LearnerProgress = {
      visited: { p1: true, p3: true, rp3: true },
      quizzes: { 'm1-quiz': quizState(0.5), 'final-quiz': quizState(0.3) },
      roleplays: { rp1: roleplayState(1, false), rp2: roleplayState(1, false) },
    };
    expect(doneItemIds(index, p)).toEqual(new Set(['p1', 'p3', 'rp2', 'final-quiz']));
    const relaxed = makeIndex(rules({ quiz: false, checkpoints: false }));
    expect(doneItemIds(relaxed, p)).toEqual(new Set(['p1', 'p3', 'm1-quiz', 'rp1', 'rp2', 'final-quiz']));
    expect(doneItemIds(index, p).size / 8).toBe(courseStatus(index, p).progress);
  });
});

describe('finalAssessmentAccess', () => {
  const locking: CompletionRules = { ...ALL_ON, finalAssessment: { opensAfterModules: true } };

  it('is open when the course sets no rule, or sets it off', () => {
    expect(finalAssessmentAccess(makeIndex(), emptyProgress())).toEqual({ open: true, modulesToComplete: [] });
    const off = makeIndex({ ...ALL_ON, finalAssessment: { opensAfterModules: false } });
    expect(finalAssessmentAccess(off, emptyProgress()).open).toBe(true);
  });

  it('with opensAfterModules, stays closed for a new learner and names every module still to complete', () => {
    const index = makeIndex(locking);
    expect(finalAssessmentAccess(index, emptyProgress())).toEqual({
      open: false,
      modulesToComplete: ['m1', 'm2', 'm3'],
    });
    expect(finalAssessmentAccess(index, m1Done())).toEqual({ open: false, modulesToComplete: ['m2', 'm3'] });
  });

  it('opens once every module is complete', () => {
    expect(finalAssessmentAccess(makeIndex(locking), modulesDone())).toEqual({ open: true, modulesToComplete: [] });
  });

  it('never locks away an assessment the learner has already started or finished', () => {
    const index = makeIndex(locking);
    const started = progress({ quizzes: { 'final-quiz': quizState() } });
    expect(finalAssessmentAccess(index, started).open).toBe(true);
    const finished = progress({ quizzes: { 'final-quiz': quizState(0.5) } });
    expect(finalAssessmentAccess(index, finished).open).toBe(true);
    // Merely opening its page (the player marks it visited) or seeing its intro does not count as starting.
    expect(finalAssessmentAccess(index, progress({ visited: { 'final-quiz': true } })).open).toBe(false);
    const intro = { ...quizState(), phase: 'intro' as const, startedAt: null };
    expect(finalAssessmentAccess(index, progress({ quizzes: { 'final-quiz': intro } })).open).toBe(false);
  });

  it('is open for a course without a final assessment', () => {
    expect(finalAssessmentAccess(makeIndex(locking, false), emptyProgress()).open).toBe(true);
  });
});
