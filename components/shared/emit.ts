import type { CourseEventMap, CourseEventName } from '../../core/events.js';

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
