/**
 * Completion and success of modules and of the course, from the course index and what the learner has done.
 *
 * Ids: `LearnerProgress` is keyed by item id. A quiz item's id is the id of its quiz (the `quizId` of
 * `course-quiz-state`), and a role-play item's id the id of its role-play (the `roleplayId` of
 * `course-roleplay-state`), so the player stores component states under the ids the events carry.
 */
import type { QuizAttemptState, RolePlayState, Score } from './interactions.js';
import { bestResult, isPassed, meetsPassMark } from './quiz.js';
import type { CourseIndex, ItemSummary, ModuleSummary } from './types.js';

/** Everything the learner has done, as the player keeps it in browser storage (plain JSON). */
export interface LearnerProgress {
  /** Items opened, by item id (pages, and any other item the player marks as visited). */
  visited: Record<string, true>;
  /** Quiz states, by quiz id. */
  quizzes: Record<string, QuizAttemptState>;
  /** Role-play states, by role-play id. */
  roleplays: Record<string, RolePlayState>;
}

export type ModuleState = 'not-started' | 'in-progress' | 'completed';

/** One part of a module's completion rule: how many of its items are done, and whether all are. */
export interface PartStatus {
  done: number;
  total: number;
  met: boolean;
}

export interface ModuleStatus {
  moduleId: string;
  status: ModuleState;
  /** Every page visited; null when the rule is off or the module has no pages. */
  pages: PartStatus | null;
  /** The module's quiz passed; null when the rule is off or the module has no quiz. */
  quiz: PartStatus | null;
  /** Every required role-play met; null when the rule is off or the module has no required role-play. */
  checkpoints: PartStatus | null;
  /** Items done / items, 0–1 (1 for a module without items). */
  progress: number;
}

export interface CourseStatus {
  completed: boolean;
  /** null while it cannot be known yet (no finished final assessment, or no final assessment and not completed). */
  passed: boolean | null;
  /** The best final assessment score; null without one. */
  score: Score | null;
  /** Items done / items over all modules and the final assessment, 0–1, for a progress bar. */
  progress: number;
}

/** An empty progress record, for a learner who has not started. */
export function emptyProgress(): LearnerProgress {
  return { visited: {}, quizzes: {}, roleplays: {} };
}

function quizFinished(state: QuizAttemptState | undefined): boolean {
  return (state?.results.length ?? 0) > 0;
}

function checkpointMet(progress: LearnerProgress, item: ItemSummary): boolean {
  return progress.roleplays[item.id]?.best?.met === true;
}

/** Whether the learner has touched an item at all. */
function itemTouched(progress: LearnerProgress, item: ItemSummary): boolean {
  if (progress.visited[item.id]) return true;
  if (item.kind === 'quiz') {
    const state = progress.quizzes[item.id];
    return !!state && (state.startedAt !== null || state.results.length > 0);
  }
  if (item.kind === 'roleplay') {
    const state = progress.roleplays[item.id];
    return !!state && (state.path.length > 0 || state.runs > 0);
  }
  return false;
}

/**
 * Whether an item counts as done for progress: a page once visited; a quiz once passed (a module quiz while the quiz
 * rule is on) or otherwise once an attempt is finished; a role-play once its requirement is met (a required one
 * while the checkpoint rule is on) or otherwise once played to an ending.
 */
function itemDone(index: CourseIndex, progress: LearnerProgress, item: ItemSummary, final: boolean): boolean {
  const rules = index.completion.module;
  switch (item.kind) {
    case 'page':
      return !!progress.visited[item.id];
    case 'quiz': {
      const state = progress.quizzes[item.id];
      return !final && rules.quiz ? isPassed(state) : quizFinished(state);
    }
    case 'roleplay':
      return item.required && rules.checkpoints
        ? checkpointMet(progress, item)
        : (progress.roleplays[item.id]?.runs ?? 0) > 0;
  }
}

function part(items: ItemSummary[], done: (item: ItemSummary) => boolean, on: boolean): PartStatus | null {
  if (!on || items.length === 0) return null;
  const count = items.filter(done).length;
  return { done: count, total: items.length, met: count === items.length };
}

function findModule(index: CourseIndex, moduleId: string): { module: ModuleSummary; final: boolean } {
  const module = index.modules.find((m) => m.id === moduleId);
  if (module) return { module, final: false };
  if (index.finalAssessment?.id === moduleId) return { module: index.finalAssessment, final: true };
  throw new RangeError(`Unknown module: ${moduleId}`);
}

function statusOf(index: CourseIndex, module: ModuleSummary, final: boolean, progress: LearnerProgress): ModuleStatus {
  const rules = index.completion.module;
  const pages = part(
    module.items.filter((item) => item.kind === 'page'),
    (item) => !!progress.visited[item.id],
    rules.pages,
  );
  const quiz = part(
    module.items.filter((item) => item.kind === 'quiz'),
    (item) => isPassed(progress.quizzes[item.id]),
    rules.quiz,
  );
  const checkpoints = part(
    module.items.filter((item) => item.kind === 'roleplay' && item.required),
    (item) => checkpointMet(progress, item),
    rules.checkpoints,
  );
  const parts = [pages, quiz, checkpoints].filter((p): p is PartStatus => p !== null);
  const touched = module.items.some((item) => itemTouched(progress, item));
  // With no part to meet (rules off, or no such items), opening the module completes it.
  const completed = parts.length > 0 ? parts.every((p) => p.met) : touched;
  const done = module.items.filter((item) => itemDone(index, progress, item, final)).length;
  return {
    moduleId: module.id,
    status: completed ? 'completed' : touched || done > 0 ? 'in-progress' : 'not-started',
    pages,
    quiz,
    checkpoints,
    progress: module.items.length > 0 ? done / module.items.length : 1,
  };
}

/**
 * A module's status: completed when every part its rules switch on (pages seen, quiz passed, checkpoints met) is
 * met, a part counting only when the module has such items; in progress once any of its items is touched.
 * Also accepts the final assessment's id.
 */
export function moduleStatus(index: CourseIndex, moduleId: string, progress: LearnerProgress): ModuleStatus {
  const { module, final } = findModule(index, moduleId);
  return statusOf(index, module, final, progress);
}

/** Every item of the course with whether it belongs to the final assessment. */
function allItems(index: CourseIndex): { item: ItemSummary; final: boolean }[] {
  return [
    ...index.modules.flatMap((m) => m.items.map((item) => ({ item, final: false }))),
    ...(index.finalAssessment?.items ?? []).map((item) => ({ item, final: true })),
  ];
}

/**
 * Ids of the items the learner has done, over modules and the final assessment, for ticks in a table of contents:
 * a page visited; a module quiz passed (finished, when the quiz rule is off), the final assessment finished; a
 * required role-play met (played to an ending, when the checkpoint rule is off), an optional one played to an ending.
 */
export function doneItemIds(index: CourseIndex, progress: LearnerProgress): Set<string> {
  return new Set(
    allItems(index)
      .filter(({ item, final }) => itemDone(index, progress, item, final))
      .map(({ item }) => item.id),
  );
}

/** The final assessment's quiz item, if the course has one. */
function finalQuizItem(index: CourseIndex): ItemSummary | null {
  return index.finalAssessment?.items.find((item) => item.kind === 'quiz') ?? null;
}

/**
 * The course's status.
 * - completed: every module completed (when `completion.course.modules`) and the final assessment has a finished
 *   attempt (when `completion.course.finalAssessment` and the course has one); with neither rule applying, once
 *   the learner has started anything.
 * - passed: the final assessment's best scaled score × 100 ≥ the course `passingScore`; null before a finished
 *   attempt. Without a final assessment: true once completed, null before.
 * - score: the final assessment's best score, or null.
 * - progress: items done / items, over modules and the final assessment.
 */
export function courseStatus(index: CourseIndex, progress: LearnerProgress): CourseStatus {
  const rules = index.completion.course;
  const finalItem = finalQuizItem(index);
  const finalState = finalItem ? progress.quizzes[finalItem.id] : undefined;
  const best = bestResult(finalState);

  const requirements: boolean[] = [];
  if (rules.modules) {
    requirements.push(index.modules.every((m) => statusOf(index, m, false, progress).status === 'completed'));
  }
  if (rules.finalAssessment && finalItem) requirements.push(quizFinished(finalState));

  const items = allItems(index);
  const started = items.some(({ item }) => itemTouched(progress, item));
  const completed = requirements.length > 0 ? requirements.every(Boolean) : started;

  let passed: boolean | null;
  if (finalItem) passed = best ? meetsPassMark(best.score.scaled, index.passingScore) : null;
  else passed = completed ? true : null;

  const done = items.filter(({ item, final }) => itemDone(index, progress, item, final)).length;
  return {
    completed,
    passed,
    score: best ? best.score : null,
    progress: items.length > 0 ? done / items.length : completed ? 1 : 0,
  };
}

/** Whether the learner may open the final assessment, and if not, which modules are still to complete. */
export interface FinalAssessmentAccess {
  open: boolean;
  /** Ids of the modules not yet complete, in course order (empty when open). */
  modulesToComplete: string[];
}

/**
 * Whether the final assessment is open: always, unless `completion.finalAssessment.opensAfterModules` is set; then
 * once every module is complete. An assessment the learner has already started or finished stays open, so no
 * saved attempt is ever locked away (e.g. after the course content changed).
 */
export function finalAssessmentAccess(index: CourseIndex, progress: LearnerProgress): FinalAssessmentAccess {
  const finalItem = finalQuizItem(index);
  if (!finalItem || !index.completion.finalAssessment?.opensAfterModules) return { open: true, modulesToComplete: [] };
  // Only an attempt counts as started: the player marks the locked page visited as soon as the learner opens it.
  const state = progress.quizzes[finalItem.id];
  if (state && (state.startedAt !== null || state.results.length > 0)) return { open: true, modulesToComplete: [] };
  const modulesToComplete = index.modules
    .filter((m) => statusOf(index, m, false, progress).status !== 'completed')
    .map((m) => m.id);
  return { open: modulesToComplete.length === 0, modulesToComplete };
}
