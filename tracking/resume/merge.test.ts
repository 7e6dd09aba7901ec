import { describe, expect, it } from 'vitest';
import type { QuizAttemptState, RolePlayState } from '../../core/interactions.js';
import type { SavedProgress } from '../../core/progress-store.js';
import { mergeProgress } from './merge.js';

const quiz = (results: number, answers: string[], attempt = results + 1): QuizAttemptState => ({
  attempt,
  seed: 's',
  questionIds: ['q1', 'q2'],
  current: 0,
  answers: Object.fromEntries(answers.map((id) => [id, { response: null, tries: 1, checked: true } as never])),
  phase: answers.length > 0 ? 'answering' : 'intro',
  startedAt: answers.length > 0 ? '2026-11-27T08:00:00Z' : null,
  results: Array.from({ length: results }, () => ({}) as never),
});

const roleplay = (runs: number, steps: number): RolePlayState => ({
  path: Array.from({ length: steps }, (_, i) => ({ nodeId: `n${i}`, replyId: 'r', score: 1 })),
  nodeId: `n${steps}`,
  showingFeedback: false,
  runs,
  best: null,
});

function saved(seed: string, parts: Partial<SavedProgress['progress']>, at = 'p1'): SavedProgress {
  return {
    version: 1,
    location: { moduleId: 'm', itemId: at },
    learnerSeed: seed,
    progress: { visited: {}, quizzes: {}, roleplays: {}, ...parts },
  };
}

describe('merging two tabs’ progress', () => {
  it('keeps what either did: pages visited in both, the quiz and role-play that went further, this tab’s place', () => {
    const ours = saved('seed', {
      visited: { p1: true, p2: true },
      quizzes: { qa: quiz(1, []), qb: quiz(0, ['q1']) },
      roleplays: { ra: roleplay(0, 2) },
    });
    const theirs = saved(
      'seed',
      {
        visited: { p3: true },
        quizzes: { qa: quiz(0, ['q1', 'q2']), qb: quiz(0, ['q1', 'q2']), qc: quiz(2, []) },
        roleplays: { ra: roleplay(1, 0), rb: roleplay(0, 1) },
      },
      'p3',
    );
    const merged = mergeProgress(ours, theirs);
    expect(Object.keys(merged.progress.visited).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(merged.progress.quizzes.qa).toBe(ours.progress.quizzes.qa); // a finished attempt beats answers
    expect(merged.progress.quizzes.qb).toBe(theirs.progress.quizzes.qb); // more answers in the same attempt
    expect(merged.progress.quizzes.qc).toBe(theirs.progress.quizzes.qc);
    expect(merged.progress.roleplays.ra).toBe(theirs.progress.roleplays.ra); // a finished run beats steps
    expect(merged.progress.roleplays.rb).toBe(theirs.progress.roleplays.rb);
    expect(merged.location).toEqual({ moduleId: 'm', itemId: 'p1' });
    expect(merged.learnerSeed).toBe('seed');
  });

  it('on a tie keeps this tab’s', () => {
    const ours = saved('seed', { quizzes: { qa: quiz(1, ['q1']) }, roleplays: { ra: roleplay(1, 1) } });
    const theirs = saved('seed', { quizzes: { qa: quiz(1, ['q2']) }, roleplays: { ra: roleplay(1, 1) } });
    const merged = mergeProgress(ours, theirs);
    expect(merged.progress.quizzes.qa).toBe(ours.progress.quizzes.qa);
    expect(merged.progress.roleplays.ra).toBe(ours.progress.roleplays.ra);
  });

  it('never mixes quizzes drawn from two learner seeds: the side with more quiz work keeps its quizzes and seed', () => {
    const ours = saved('mine', { quizzes: { qa: quiz(0, ['q1']) }, visited: { p1: true } });
    const theirs = saved('other', { quizzes: { qb: quiz(2, []) }, roleplays: { ra: roleplay(1, 0) } });
    const merged = mergeProgress(ours, theirs);
    expect(merged.learnerSeed).toBe('other');
    expect(Object.keys(merged.progress.quizzes)).toEqual(['qb']);
    expect(merged.progress.roleplays.ra?.runs).toBe(1);
    expect(merged.progress.visited.p1).toBe(true);
  });
});
