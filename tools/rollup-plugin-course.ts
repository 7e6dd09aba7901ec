import { readFileSync } from 'node:fs';

import type { Plugin } from 'rollup';
import { formatReport } from './content/diagnostics.js';
import { loadCourse } from './content/load-course.js';
import { REPLACEMENT } from './content/read-text.js';

export interface CoursePluginOptions {
  /** Folder holding course.yaml, modules/ and quizzes/. */
  root: string;
  /** Seed documents pages cite; checked when present. */
  seedsDir?: string;
  /** HTML shell; `%COURSE_TITLE%` is replaced with the course title. */
  indexHtml: string;
}

/**
 * Validates every content file before anything is bundled; on any problem the build fails with all of them and
 * writes nothing. Otherwise emits the course index, one JSON file per module (loaded on demand), images and the
 * HTML shell next to the bundle.
 */
export function coursePlugin(options: CoursePluginOptions): Plugin {
  let built: ReturnType<typeof loadCourse>['course'] = null;
  return {
    name: 'course-content',
    buildStart() {
      const result = loadCourse(options.root, options.seedsDir ? { seedsDir: options.seedsDir } : {});
      for (const file of result.watched) this.addWatchFile(file);
      this.addWatchFile(options.indexHtml);
      if (!result.course) this.error(`\n${formatReport(result.diagnostics)}`);
      if (result.diagnostics.length) this.warn(`\n${formatReport(result.diagnostics)}`);
      built = result.course;
    },
    generateBundle(_options, bundle) {
      if (!built) return;
      const asset = (fileName: string, source: string | Uint8Array): void => {
        this.emitFile({ type: 'asset', fileName, source });
      };
      asset('content/course.json', JSON.stringify(built.index));
      for (const module of built.modules) asset(`content/modules/${module.id}.json`, JSON.stringify(module));
      for (const { source, target } of built.assets) asset(target, readFileSync(source));
      const shell = readFileSync(options.indexHtml, 'utf8').replace(/%COURSE_TITLE%/g, escapeHtml(built.index.title));
      asset('index.html', shell.replace('<html lang="zh-CN">', `<html lang="${escapeHtml(built.index.language)}">`));
      // Last guard against mojibake, before anything is written: no output may hold U+FFFD.
      const damaged = Object.values(bundle)
        .filter((o) =>
          (o.type === 'chunk' ? o.code : typeof o.source === 'string' ? o.source : '').includes(REPLACEMENT),
        )
        .map((o) => o.fileName);
      if (damaged.length) {
        this.error(
          `生成的文件中有乱码字符“${REPLACEMENT}”：${damaged.join('、')}。请检查这些内容的源文件是否为 UTF-8 编码。 / ` +
            `U+FFFD in the output: ${damaged.join(', ')}.`,
        );
      }
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
