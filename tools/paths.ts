import { fileURLToPath } from 'node:url';

/** The project root: where course.yaml, modules/ and quizzes/ live. */
export const courseRoot = fileURLToPath(new URL('..', import.meta.url));
/** The seed documents pages cite, beside the project (read-only, never copied in). */
export const seedsDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
/** Where `npm run build` writes the course. */
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
