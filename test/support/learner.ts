import type { Page } from 'playwright-core';
import { emptyProgress } from '../../core/completion.js';
import type { SavedProgress } from '../../core/progress-store.js';
import { loadCourse, type BuiltCourse } from '../../tools/content/load-course.js';
import { courseRoot, seedsDir } from '../../tools/paths.js';
import { encodeResume } from '../../tracking/resume/resume-codec.js';

let course: BuiltCourse | null = null;

/**
 * Names the tab's learner (standalone mode keeps progress per learner) and gives them a fixed seed before the course
 * starts, so quiz draws and shuffles are the same on every run. The seed goes in as the resume record standalone
 * mode reads, and only for a learner with nothing saved yet: a reload keeps what the course saved since.
 */
export async function seedLearner(page: Page, learnerSeed: string, learner = 'e2e'): Promise<void> {
  course ??= loadCourse(courseRoot, { seedsDir }).course;
  if (!course) throw new Error('the course does not load; run npm run validate');
  const fresh: SavedProgress = { version: 1, location: null, learnerSeed, progress: emptyProgress() };
  const key = `course-resume:${course.index.id}:${learner}`;
  await page.addInitScript(
    ({ key, value, learner }) => {
      sessionStorage.setItem('course-learner', learner);
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    { key, value: encodeResume(course, fresh).text, learner },
  );
}
