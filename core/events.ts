import type {
  InteractionRecord,
  QuestionState,
  QuizAttemptState,
  QuizResult,
  RolePlayState,
  RolePlayResult,
} from './interactions.js';

/** Every event the course's components fire, by name, with its detail. All bubble and cross shadow roots. */
export interface CourseEventMap {
  /** A question was checked or a role-play reply chosen: what a tracker reports as one interaction. */
  'course-interaction': InteractionRecord;
  /** A question's state changed (selection, check, reset); the parent persists it to restore after a reload. */
  'course-question-state': { questionId: string; state: QuestionState };
  /** A quiz's attempt state changed; the parent persists it. */
  'course-quiz-state': { quizId: string; state: QuizAttemptState };
  /** A quiz attempt was finished and scored. */
  'course-quiz-complete': QuizResult;
  /** A role-play's state changed; the parent persists it. */
  'course-roleplay-state': { roleplayId: string; state: RolePlayState };
  /** A role-play reached an ending. */
  'course-roleplay-complete': RolePlayResult;
}

export type CourseEventName = keyof CourseEventMap;
