import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic, FileResponse, Snapshot } from '../../core/studio-api.js';
import { isError } from '../content/diagnostics.js';
import { loadCourse, type LoadResult } from '../content/load-course.js';
import type { CourseOverlay } from '../content/course-files.js';
import { resolveCoursePath } from './course-path.js';
import { ProblemsError, StudioError } from './errors.js';
import type { Snapshots } from './snapshots.js';

/** Changes to write together: course-relative path → new text or bytes, or null to remove a file or folder. */
export type Changes = Map<string, string | Uint8Array | null>;

export const etagOf = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('base64url').slice(0, 22);

/**
 * The course folder as the studio reads and writes it. The files on disk are the only source of truth: every write
 * is checked first against the whole course with the change laid over it in memory, refused with the build's own
 * diagnostics when it would add an error, written atomically (temporary file, then rename) and recorded as a snapshot.
 */
export class CourseStore {
  constructor(
    readonly root: string,
    readonly snapshots: Snapshots,
    private readonly seedsDir?: string,
  ) {}

  load(overlay?: CourseOverlay): LoadResult {
    return loadCourse(this.root, {
      ...(this.seedsDir ? { seedsDir: this.seedsDir } : {}),
      ...(overlay ? { overlay } : {}),
    });
  }

  read(path: unknown): FileResponse {
    const { rel, abs } = resolveCoursePath(this.root, path);
    if (!/\.(md|ya?ml|xml)$/.test(rel))
      throw new StudioError(400, {
        zh: `工作室只打开 .md、.yaml 和 .xml 文件，不打开“${rel}”。`,
        en: `The studio opens .md, .yaml and .xml files only, not "${rel}".`,
      });
    if (!existsSync(abs)) throw notFound(rel);
    const bytes = readFileSync(abs);
    return { path: rel, text: bytes.toString('utf8'), etag: etagOf(bytes) };
  }

  /** The current etag of a file, or null when it does not exist. */
  etag(rel: string): string | null {
    const abs = join(this.root, rel);
    return existsSync(abs) ? etagOf(readFileSync(abs)) : null;
  }

  /** 409 unless the file is still the version the editor read (`null`: the file must not exist yet). */
  expectEtag(rel: string, etag: unknown): void {
    if (etag !== null && typeof etag !== 'string')
      throw new StudioError(400, { zh: '缺少 etag。', en: 'etag is missing.' });
    if (this.etag(rel) !== etag)
      throw new StudioError(409, {
        zh: `“${rel}”在你打开之后已被修改（可能在别的窗口或编辑器中）。请重新打开文件，再把修改做一次。`,
        en: `"${rel}" changed on disk since you opened it (another window or editor). Reopen it and make the change again.`,
      });
  }

  /** The problems of the course with the changes laid over it (nothing written). */
  validate(changes: Changes): Diagnostic[] {
    return this.load(changes).diagnostics;
  }

  /**
   * Checks, writes and snapshots the changes; throws ProblemsError (422) when they would add an error to the
   * course. Errors the course already had are not blamed on this change, so a broken course can still be fixed.
   */
  write(changes: Changes, what: string): Snapshot | undefined {
    const before = new Set(this.load().diagnostics.filter(isError).map(key));
    const added = this.load(changes).diagnostics.filter((d) => isError(d) && !before.has(key(d)));
    if (added.length > 0) throw new ProblemsError(added);
    if (this.snapshots.kind === 'copies' && this.snapshots.list().length === 0)
      this.snapshots.take('开始编辑前 / before the first studio save', []);
    for (const [rel, value] of changes) {
      const abs = join(this.root, rel);
      if (value === null) {
        rmSync(abs, { recursive: true, force: true });
        continue;
      }
      mkdirSync(dirname(abs), { recursive: true });
      // A dot name, so neither the loader nor the watcher takes the half-written file for content.
      const temp = join(dirname(abs), `.${basename(abs)}.${randomBytes(4).toString('hex')}.studio-tmp`);
      writeFileSync(temp, value);
      renameSync(temp, abs);
    }
    return this.snapshots.take(what, [...changes.keys()]);
  }
}

/** The same problem before and after a change, whatever line it moved to. */
const key = (d: Diagnostic): string => `${d.file}\n${d.code}\n${d.message.zh}`;

export const notFound = (rel: string): StudioError =>
  new StudioError(404, { zh: `找不到文件“${rel}”。`, en: `File "${rel}" not found.` });
