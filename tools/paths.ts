import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project root: where course.yaml, modules/ and quizzes/ live. */
export const courseRoot = fileURLToPath(new URL('..', import.meta.url));
/**
 * The seed documents pages cite (read-only, never copied in): `shared/seeds/` beside the project, or beside the folder
 * that holds it (a git worktree under `wt/`); `COURSE_SEEDS_DIR` overrides both.
 */
export const seedsDir =
  process.env['COURSE_SEEDS_DIR'] ??
  ['../../shared/seeds/', '../../../shared/seeds/']
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((dir) => existsSync(dir)) ??
  fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
/** Where `npm run build` writes the course. */
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
