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

/** Fires a course event from `source`: bubbling and composed, so ancestors outside shadow roots hear it. */
export function emit<K extends CourseEventName>(source: EventTarget, name: K, detail: CourseEventMap[K]): boolean {
  return source.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: true, detail }));
}

declare global {
  interface HTMLElementEventMap {
    'course-interaction': CustomEvent<CourseEventMap['course-interaction']>;
    'course-question-state': CustomEvent<CourseEventMap['course-question-state']>;
    'course-quiz-state': CustomEvent<CourseEventMap['course-quiz-state']>;
    'course-quiz-complete': CustomEvent<CourseEventMap['course-quiz-complete']>;
    'course-roleplay-state': CustomEvent<CourseEventMap['course-roleplay-state']>;
    'course-roleplay-complete': CustomEvent<CourseEventMap['course-roleplay-complete']>;
  }
}
