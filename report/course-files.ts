/** Reads the built course (`dist/content/`): the index and every module's data, as the learners' player does. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseIndex, ModuleData } from '../core/types.js';
import { buildCatalog, type Catalog } from './catalog.js';
import { ReportError } from './lrs-reader.js';

export function readBuiltCourse(contentDir: string): Catalog {
  const indexFile = join(contentDir, 'course.json');
  if (!existsSync(indexFile)) {
    throw new ReportError(
      `找不到课程文件 ${indexFile}。请先运行 npm run build，或用 --course 指向构建好的 content 文件夹。`,
      `Cannot find ${indexFile}. Run npm run build first, or point --course at a built content folder.`,
    );
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as CourseIndex;
  const summaries = [...index.modules, ...(index.finalAssessment ? [index.finalAssessment] : [])];
  const modules = summaries.map((m) => JSON.parse(readFileSync(join(contentDir, m.href), 'utf8')) as ModuleData);
  return buildCatalog(index, modules);
}
