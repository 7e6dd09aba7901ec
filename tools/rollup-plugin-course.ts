import { readFileSync } from 'node:fs';

import { build as esbuild } from 'esbuild';
import type { OutputBundle, Plugin } from 'rollup';
import { toHash } from '../core/route.js';
import type { CourseIndex, ModuleData } from '../core/types.js';
import { initialJavaScript } from './bundle-size.js';
import { formatReport } from './content/diagnostics.js';
import { loadCourse } from './content/load-course.js';
import { REPLACEMENT } from './content/read-text.js';

export interface CoursePluginOptions {
  /** Folder holding course.yaml, modules/ and quizzes/. */
  root: string;
  /** Seed documents pages cite; checked when present. */
  seedsDir?: string;
  /**
   * HTML shell; `%COURSE_TITLE%` is replaced with the course title, `<!--first-page-gate-->` (in `<head>`) with the
   * inline gate script and the `<!--first-page-->…<!--/first-page-->` span with the prerendered first page (when
   * there is one; its render-blocking link then goes before the gate).
   */
  indexHtml: string;
  /** Renders the first page into index.html so its text paints before any JavaScript runs. */
  firstPage?: FirstPageOptions;
}

export interface FirstPageOptions {
  /** Module exporting `renderFirstPage(index, modules)` (run here, in Node, at build time). */
  renderer: string;
  /** Browser script inlined before first paint: shows the prerendered page or its placeholder. */
  gate: string;
}

type RenderFirstPage = (
  index: CourseIndex,
  modules: readonly ModuleData[],
) => { location: { moduleId: string; itemId: string }; html: string; head: string } | null;

/**
 * Validates every content file before anything is bundled; on any problem the build fails with all of them and
 * writes nothing. Otherwise emits the course index, one JSON file per module (loaded on demand), images and the
 * HTML shell next to the bundle.
 */
export function coursePlugin(options: CoursePluginOptions): Plugin {
  let built: ReturnType<typeof loadCourse>['course'] = null;
  let firstPage: { render: RenderFirstPage; gate: string } | null = null;
  return {
    name: 'course-content',
    async buildStart() {
      if (options.firstPage) {
        const loaded = await loadFirstPage(options.firstPage);
        for (const file of loaded.inputs) this.addWatchFile(file);
        firstPage = loaded;
      }
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
      const html = shell.replace('<html lang="zh-CN">', `<html lang="${escapeHtml(built.index.language)}">`);
      const page = firstPage ? withFirstPage(html, firstPage, built.index, built.modules) : html;
      asset('index.html', withModuleList(page, bundle));
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

/**
 * Adds the chunks the entry imports statically to the list the shell's starter script loads (`data-modules`, the
 * entry first), so the browser fetches them alongside the entry instead of only once it has parsed it: one round
 * trip less before the tracker can start (it matters most on a slow LMS connection). Same files, same bytes. They
 * are not `<link rel="modulepreload">` tags in the HTML: the preload scanner would fetch them, and the browser
 * handle their responses, while it is still parsing the first page.
 */
export function withModuleList(html: string, bundle: OutputBundle): string {
  const initial = initialJavaScript(bundle);
  const entry = initial.find((chunk) => chunk.isEntry);
  const imported = initial.filter((chunk) => !chunk.isEntry);
  // A bundle of one file has nothing to add to the list.
  if (!entry || !imported.length) return html;
  const attribute = `data-modules="./${entry.fileName}"`;
  if (!html.includes(attribute)) throw new Error(`index.html does not start the entry with ${attribute}`);
  const list = [entry, ...imported].map((chunk) => `./${escapeHtml(chunk.fileName)}`).join(' ');
  return html.replace(attribute, () => `data-modules="${list}"`);
}

/** Bundles the renderer for Node and loads it, and the gate as one classic script; both from the app's sources. */
async function loadFirstPage(
  options: FirstPageOptions,
): Promise<{ render: RenderFirstPage; gate: string; inputs: string[] }> {
  const [renderer, gate] = await Promise.all([
    esbuild({
      entryPoints: [options.renderer],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    }),
    esbuild({
      entryPoints: [options.gate],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    }),
  ]);
  const code = renderer.outputFiles[0]!.text;
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    renderFirstPage: RenderFirstPage;
  };
  const inputs = [...Object.keys(renderer.metafile.inputs), ...Object.keys(gate.metafile.inputs)].filter(
    (file) => !file.includes('node_modules'),
  );
  return { render: module.renderFirstPage, gate: gate.outputFiles[0]!.text.trim(), inputs };
}

/** The shell with the gate script and, when the course starts with a page, that page prerendered and its head link. */
function withFirstPage(
  html: string,
  firstPage: { render: RenderFirstPage; gate: string },
  index: CourseIndex,
  modules: readonly ModuleData[],
): string {
  const page = firstPage.render(index, modules);
  const hash = page ? toHash(page.location) : '';
  const gate = `<script data-course-id="${escapeHtml(index.id)}" data-first-page="${escapeHtml(hash)}">${firstPage.gate.replace(/<\//g, '<\\/')}</script>`;
  const withGate = html.replace('<!--first-page-gate-->', () => (page ? `${page.head}\n    ${gate}` : gate));
  return page ? withGate.replace(/<!--first-page-->[\s\S]*?<!--\/first-page-->/, () => page.html) : withGate;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
