import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { courseRoot } from '../../tools/paths.js';
import { validFixture } from './fixtures.js';

/** The IRI the package tests give their copy of the course: packaging refuses the shipped example.com one. */
export const TEST_COURSE_IRI = 'https://training.telecom-academy.cn/courses/telecom-customer-service';

/**
 * A copy of the shipped course (course.yaml, modules/, quizzes/, imsmanifest.xml) in a temporary folder, with the
 * course IRI set as an organisation would set it, so it can be packaged and changed without touching the repository.
 */
export function copyCourse(iri: string | null = TEST_COURSE_IRI): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'course-copy-'));
  for (const entry of ['course.yaml', 'modules', 'quizzes', 'imsmanifest.xml']) {
    cpSync(join(courseRoot, entry), join(dir, entry), { recursive: true });
  }
  if (iri) editCourseYaml(dir, (text) => text.replace(/^id: .*$/m, `id: ${iri}`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function editCourseYaml(dir: string, edit: (text: string) => string): void {
  const file = join(dir, 'course.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** Adds an image (the valid fixture's SVG) under `name` to the first module and shows it on its first page. */
export function addImage(dir: string, name: string): void {
  const module = join(dir, 'modules', '00-introduction');
  mkdirSync(join(module, 'media'), { recursive: true });
  cpSync(join(validFixture, 'modules', '01-basics', 'media', 'counter.svg'), join(module, 'media', name));
  appendFileSync(join(module, '01-welcome.md'), `\n![营业厅柜台示意图](media/${name})\n`);
}
