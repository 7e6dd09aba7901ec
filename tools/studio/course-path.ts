import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { badRequest } from './errors.js';

/** A checked path: the course-relative one with `/`, and the absolute one on disk. */
export interface CoursePath {
  rel: string;
  abs: string;
}

/**
 * Resolves a course-relative path from a request, refusing (400) anything that could reach outside the course
 * folder: NUL, backslashes, absolute or drive paths, `..` or `.` segments, hidden names (`.git`, `.studio`), and
 * symbolic links whose target lies outside. Nothing is read or written before this check passes.
 */
export function resolveCoursePath(root: string, path: unknown): CoursePath {
  const outside = (): Error =>
    badRequest(
      `路径“${String(path).replace(/\0/g, '\\0')}”不在课程文件夹中，已拒绝。`,
      `The path "${String(path).replace(/\0/g, '\\0')}" is outside the course folder; refused.`,
    );
  if (typeof path !== 'string' || path === '' || path.includes('\0') || path.includes('\\')) throw outside();
  if (isAbsolute(path) || /^[a-z]:/i.test(path)) throw outside();
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.') || s === 'node_modules'))
    throw outside();
  const abs = join(root, ...segments);
  if (relative(root, abs).startsWith('..')) throw outside();
  // The deepest part that exists must really be inside the course (a symlink may point anywhere).
  // lstat, so a dangling link counts as existing and is then refused by realpath.
  let existing = abs;
  while (!lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = dirname(existing);
  const realRoot = realpathSync(root);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw outside();
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) throw outside();
  return { rel: segments.join('/'), abs };
}
