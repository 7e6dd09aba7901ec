/** `npm run validate`: checks every content file and cross-reference; prints each problem and exits 1 if any. */
import { loadCourse } from './content/load-course.js';
import { formatReport } from './content/diagnostics.js';
import { courseRoot, seedsDir } from './paths.js';

const root = process.argv[2] ?? courseRoot;
const { course, diagnostics } = loadCourse(root, { seedsDir });
if (!course) {
  console.error(formatReport(diagnostics, false));
  process.exit(1);
}
// Warnings only: shown, but the course is valid.
if (diagnostics.length) console.warn(`${formatReport(diagnostics, false)}\n`);
const pages = course.modules.flatMap((m) => m.items).filter((i) => i.kind === 'page').length;
const questions = course.modules
  .flatMap((m) => m.items)
  .flatMap((i) => (i.kind === 'quiz' ? i.quiz.pools.flatMap((p) => p.questions) : [])).length;
const roleplays = course.modules.flatMap((m) => m.items).filter((i) => i.kind === 'roleplay').length;
console.log(
  `课程内容检查通过 / Content is valid: ${course.index.modules.length} modules, ${pages} pages, ${questions} questions, ${roleplays} role-plays.`,
);
