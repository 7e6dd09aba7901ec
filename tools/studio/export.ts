import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ExportResponse } from '../../core/studio-api.js';
import { isError } from '../content/diagnostics.js';
import { buildLocales } from '../locales.js';
import { PackagingError } from '../packaging/errors.js';
import { packageCourse } from '../packaging/package-course.js';
import { courseRoot } from '../paths.js';
import { ProblemsError, StudioError } from './errors.js';
import type { CourseStore } from './store.js';

/**
 * Where the studio's exports go: a folder of the system's temporary directory per course, so an export never adds
 * files to the course folder (or to its git status). `npm run package` still writes dist/packages/.
 */
export const exportDir = (root: string): string =>
  join(tmpdir(), 'course-studio-exports', createHash('sha256').update(root).digest('hex').slice(0, 16));

/** The export under way per course: a second click joins it rather than building twice at once. */
const running = new WeakMap<CourseStore, Promise<ExportResponse>>();

/**
 * Builds the four LMS packages with tools/packaging (one export at a time). A course the packager refuses (the
 * example IRI, a bad identifier, an image name) answers 422 with the packager's own message.
 */
export function exportPackages(store: CourseStore, downloadUrl: (file: string) => string): Promise<ExportResponse> {
  let job = running.get(store);
  if (!job) {
    job = run(store, downloadUrl).finally(() => running.delete(store));
    running.set(store, job);
  }
  return job;
}

async function run(store: CourseStore, downloadUrl: (file: string) => string): Promise<ExportResponse> {
  const problems = store.load().diagnostics;
  if (problems.some(isError)) throw new ProblemsError(problems.filter(isError));
  if (!existsSync(join(courseRoot, 'locales', 'generated'))) buildLocales();
  try {
    const result = await packageCourse({ root: store.root, outDir: exportDir(store.root) });
    return {
      packages: result.packages.map((p) => ({
        kind: p.kind,
        file: basename(p.file),
        bytes: p.bytes,
        url: downloadUrl(basename(p.file)),
      })),
      problems,
    };
  } catch (error) {
    if (error instanceof PackagingError) throw new PackagingRefusal(error);
    throw new StudioError(500, {
      zh: `生成课程包时出错：${(error as Error).message}`,
      en: `Packaging failed: ${(error as Error).message}`,
    });
  }
}

/** 422 with the packager's message: where, what and how to fix. */
export class PackagingRefusal extends Error {
  constructor(readonly refusal: PackagingError) {
    super(refusal.message);
    this.name = 'PackagingRefusal';
  }

  get body(): unknown {
    const [file = '', line = '1'] = this.refusal.where.split(/\s+/)[0]!.split(':');
    return {
      error: this.refusal.problem,
      problems: [
        {
          file,
          line: Number(line) || 1,
          column: 1,
          code: 'packaging',
          message: this.refusal.problem,
          fix: this.refusal.fix,
        },
      ],
    };
  }
}
