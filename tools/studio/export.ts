import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExportResponse } from '../../core/studio-api.js';
import { isError } from '../content/diagnostics.js';
import { buildLocales } from '../locales.js';
import { PackagingError } from '../packaging/errors.js';
import { packageCourse } from '../packaging/package-course.js';
import { courseRoot } from '../paths.js';
import { ProblemsError, StudioError } from './errors.js';
import type { CourseStore } from './store.js';

/** Where the studio's exports go: the course's dist/packages/, as `npm run package` writes them. */
export const exportDir = (root: string): string => join(root, 'dist', 'packages');

let running: Promise<ExportResponse> | null = null;

/**
 * Builds the four LMS packages with tools/packaging (one export at a time). A course the packager refuses (the
 * example IRI, a bad identifier, an image name) answers 422 with the packager's own message.
 */
export function exportPackages(store: CourseStore, downloadUrl: (file: string) => string): Promise<ExportResponse> {
  running ??= run(store, downloadUrl).finally(() => (running = null));
  return running;
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
