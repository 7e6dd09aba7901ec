/**
 * `npm run package`: builds the course once and writes the four LMS packages to dist/packages/, with a progress
 * line per step and each zip's size at the end. Exits 1, writing nothing, on any problem.
 */
import { relative, resolve } from 'node:path';
import { buildLocales } from '../locales.js';
import { courseRoot } from '../paths.js';
import { packageCourse } from './package-course.js';

const LABEL = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  cmi5: 'cmi5',
  xapi: 'xAPI (TinCan launch)',
} as const;

const shown = (file: string): string =>
  relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);

try {
  buildLocales();
  // Like `npm run validate`, an optional argument names another course folder (zips go to its dist/packages/).
  const root = process.argv[2] ? resolve(process.argv[2]) : courseRoot;
  const result = await packageCourse({ root, log: (line) => console.log(line), allowWithoutXmllint: true });
  console.log(`\n课程包已生成 / Packages written (${result.meta.files.length} course files each):`);
  for (const p of result.packages) {
    const kb = (p.bytes / 1024).toFixed(1);
    console.log(`  ${shown(p.file)}  ${kb} KB (${p.bytes} bytes, ${p.entries} files)  ${LABEL[p.kind]}`);
  }
  if (!result.validated)
    console.log('\n注意：清单未经 XML Schema 校验。 / Note: the manifests were not schema-checked.');
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
