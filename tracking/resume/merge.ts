/**
 * Two copies of one learner's progress written by two tabs (or devices) of the same registration, merged so neither
 * silently wipes out the other: pages visited in either count; for each quiz and role-play the copy with more done
 * wins (more finished attempts or runs, then more answers or steps), this copy on a tie; where the learner is comes
 * from this copy. Quiz draws derive from the learner seed, so quizzes are only mixed when both copies share it.
 */
import type { QuizAttemptState, RolePlayState } from '../../core/interactions.js';
import type { SavedProgress } from '../../core/progress-store.js';

function quizWeight(q: QuizAttemptState): [number, number, number] {
  return [q.results.length, q.attempt, Object.keys(q.answers).length];
}

function roleplayWeight(r: RolePlayState): [number, number] {
  return [r.runs, r.path.length];
}

/** Whether `a` has strictly more done than `b` (compared part by part). */
function ahead(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

function quizzesDone(p: SavedProgress): number {
  return Object.values(p.progress.quizzes).reduce((n, q) => n + q.results.length + Object.keys(q.answers).length, 0);
}

/** `ours` (this tab's, newest) merged with `theirs` (what another tab or device saved meanwhile). */
export function mergeProgress(ours: SavedProgress, theirs: SavedProgress): SavedProgress {
  const sameSeed = ours.learnerSeed === theirs.learnerSeed;
  // With different seeds the quizzes cannot be mixed: keep the side that did more of them, with its seed.
  const quizSide = sameSeed || quizzesDone(ours) >= quizzesDone(theirs) ? ours : theirs;
  const quizzes = { ...quizSide.progress.quizzes };
  if (sameSeed) {
    for (const [id, q] of Object.entries(theirs.progress.quizzes)) {
      const mine = quizzes[id];
      if (!mine || ahead(quizWeight(q), quizWeight(mine))) quizzes[id] = q;
    }
  }
  const roleplays = { ...ours.progress.roleplays };
  for (const [id, r] of Object.entries(theirs.progress.roleplays)) {
    const mine = roleplays[id];
    if (!mine || ahead(roleplayWeight(r), roleplayWeight(mine))) roleplays[id] = r;
  }
  const merged: SavedProgress = {
    ...ours,
    learnerSeed: quizSide.learnerSeed,
    progress: { visited: { ...theirs.progress.visited, ...ours.progress.visited }, quizzes, roleplays },
  };
  if (!merged.locale && theirs.locale) merged.locale = theirs.locale;
  return merged;
}
