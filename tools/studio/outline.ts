import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic, Outline, OutlineItem, OutlineModule, OutlineQuiz } from '../../core/studio-api.js';
import type { CompletionRules } from '../../core/types.js';
import { splitFrontMatter } from '../content/markdown.js';

/** Folder and file names as the loader reads them (tools/content/load-course.ts). */
export const MODULE_FOLDER = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
export const ITEM_FILE = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)(\.md|\.roleplay\.yaml)$/;
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ModuleFolder {
  id: string;
  folder: string;
  /** Item file names in reading order. */
  items: string[];
}

/** The module folders on disk, by module id (the folder name's id part). */
export function moduleFolders(root: string): Map<string, ModuleFolder> {
  const dir = join(root, 'modules');
  const folders = new Map<string, ModuleFolder>();
  for (const folder of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const name = MODULE_FOLDER.exec(folder);
    if (!name || !statSync(join(dir, folder)).isDirectory() || folders.has(name[2]!)) continue;
    const items = readdirSync(join(dir, folder))
      .filter((f) => ITEM_FILE.test(f))
      .sort();
    folders.set(name[2]!, { id: name[2]!, folder, items });
  }
  return folders;
}

/** Quiz files (course-relative) with the module they belong to, or `final`. */
export function quizFiles(
  root: string,
): { path: string; id: string; title: string; module?: string; final: boolean }[] {
  const dir = join(root, 'quizzes');
  return (existsSync(dir) ? readdirSync(dir).sort() : [])
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('.'))
    .map((f) => {
      const data = readYaml(join(dir, f));
      return {
        path: `quizzes/${f}`,
        id: str(data.id, f.replace(/\.yaml$/, '')),
        title: str(data.title, f),
        ...(typeof data.module === 'string' ? { module: data.module } : {}),
        final: data.final === true,
      };
    });
}

/**
 * The course as a tree for the studio, read from the files as they are, so the trainer sees (and can fix) a course
 * that does not build: a title that cannot be read falls back to the file name. Modules in course.yaml's order;
 * folders course.yaml does not list come after (the build reports them).
 */
export function readOutline(root: string, seeds: string[], problems: Diagnostic[]): Outline {
  const course = readYaml(join(root, 'course.yaml'));
  const listed = Array.isArray(course.modules) ? course.modules.filter((m): m is string => typeof m === 'string') : [];
  const folders = moduleFolders(root);
  const quizzes = quizFiles(root);
  const quizOf = (q: (typeof quizzes)[number]): OutlineQuiz => ({ id: q.id, title: q.title, path: q.path });
  const ids = [...new Set([...listed.filter((id) => folders.has(id)), ...folders.keys()])];
  const modules = ids.map((id): OutlineModule => {
    const { folder, items } = folders.get(id)!;
    const base = `modules/${folder}`;
    const module = readYaml(join(root, base, 'module.yaml'));
    const quiz = quizzes.find((q) => q.module === id && !q.final);
    return {
      id,
      folder,
      path: `${base}/module.yaml`,
      title: str(module.title, id),
      items: items.map((file) => readItem(root, `${base}/${file}`)),
      ...(quiz ? { quiz: quizOf(quiz) } : {}),
    };
  });
  const final = quizzes.find((q) => q.final);
  return {
    course: {
      path: 'course.yaml',
      id: str(course.id, ''),
      title: str(course.title, ''),
      passingScore: typeof course.passingScore === 'number' ? course.passingScore : 0,
      completion: (isObject(course.completion) ? course.completion : {}) as unknown as CompletionRules,
      language: str(course.language, 'zh-CN'),
      ...(typeof course.finalAssessment === 'string' ? { finalAssessment: course.finalAssessment } : {}),
    },
    modules,
    ...(final ? { finalQuiz: quizOf(final) } : {}),
    seeds,
    problems,
  };
}

function readItem(root: string, path: string): OutlineItem {
  const file = path.split('/').pop()!;
  const slug = ITEM_FILE.exec(file)![2]!;
  if (file.endsWith('.md')) {
    const front = splitFrontMatter(readFileSync(join(root, path), 'utf8')).frontMatter;
    const data = front === null ? {} : safeParse(front);
    return { kind: 'page', id: str(data.id, slug), title: str(data.title, file), path };
  }
  const data = readYaml(join(root, path));
  return { kind: 'roleplay', id: str(data.id, slug), title: str(data.title, file), path };
}

export function readYaml(file: string): Record<string, unknown> {
  return existsSync(file) ? safeParse(readFileSync(file, 'utf8')) : {};
}

function safeParse(text: string): Record<string, unknown> {
  try {
    const data: unknown = parse(text);
    return isObject(data) ? data : {};
  } catch {
    return {};
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' && v.trim() ? v : fallback);
