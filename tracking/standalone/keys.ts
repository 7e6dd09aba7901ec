/** Where standalone progress lives in the browser (shared with the first-page check, which runs before the runtime). */

/** Session storage key of the learner's name (asked once per browser session). */
export const LEARNER_KEY = 'course-learner';

/** Local storage keys of a course's standalone records start with this; the learner's name follows. */
export function resumeKeyPrefix(courseId: string): string {
  return `course-resume:${courseId}:`;
}
