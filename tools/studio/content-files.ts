import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The content files under a course folder (course.yaml, modules/**, quizzes/**), course-relative, hidden ones left out. */
export function listContentFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    if (!statSync(abs).isDirectory()) {
      files.push(rel);
      return;
    }
    for (const name of readdirSync(abs).sort()) if (!name.startsWith('.')) walk(`${rel}/${name}`);
  };
  for (const name of ['course.yaml', 'modules', 'quizzes']) walk(name);
  return files;
}
