import type { Page } from 'playwright-core';
import { emptyProgress } from '../../core/completion.js';
import type { SavedProgress } from '../../core/progress-store.js';

/**
 * Gives the page a learner with a fixed seed before the course starts, so quiz draws and shuffles are the same on
 * every run. Only a learner with nothing saved yet is seeded: a reload keeps what the course saved since.
 */
export async function seedLearner(page: Page, courseId: string, learnerSeed: string): Promise<void> {
  const key = `course-progress:${courseId}`;
  const fresh: SavedProgress = { version: 1, location: null, learnerSeed, progress: emptyProgress() };
  await page.addInitScript(
    ({ key, value }) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    { key, value: JSON.stringify(fresh) },
  );
}
