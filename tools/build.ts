/**
 * `npm run build`: generates the UI translations, validates the content and bundles the course into dist/, then
 * prints how much JavaScript a learner downloads before the first page shows, against its budget.
 */
import { rmSync } from 'node:fs';
import { rollup, type OutputBundle, type OutputChunk, type RollupOutput } from 'rollup';
import { createConfig } from '../rollup.config.mjs';
import { gzipSize, initialJavaScript, INITIAL_JS_BUDGET, inlineScriptBytes, launchSizes } from './bundle-size.js';
import { buildLocales } from './locales.js';
import { distDir } from './paths.js';

export interface BuildOptions {
  /** Course folder (default: this project). */
  root?: string;
  /** Output folder (default: dist/). */
  outDir?: string;
}

/** Bundles the course; the UI translations in locales/generated/ must exist (see buildLocales). */
export async function build(options: BuildOptions = {}): Promise<RollupOutput> {
  const config = createConfig(options);
  // Validation runs in buildStart: on a content error this throws before anything is written.
  const bundle = await rollup(config);
  try {
    rmSync(options.outDir ?? distDir, { recursive: true, force: true });
    return await bundle.write(config.output);
  } finally {
    await bundle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildLocales();
    const output = await build();
    const chunks = output.output.filter((o): o is OutputChunk => o.type === 'chunk');
    const bundle = Object.fromEntries<OutputBundle[string]>(output.output.map((o) => [o.fileName, o]));
    const initial = initialJavaScript(bundle);
    const inline = inlineScriptBytes(bundle);
    const bytes = inline + initial.reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
    const kb = (bytes / 1024).toFixed(1);
    console.log(`Built dist/: ${chunks.length} JavaScript files, ${output.output.length - chunks.length} other files.`);
    console.log(
      `首屏 JavaScript / JavaScript before the first page: ${kb} KB gzipped (${bytes} bytes; budget ${INITIAL_JS_BUDGET / 1024} KB) in ${initial.map((c) => c.fileName).join(', ')} and index.html's inline script (${inline} bytes)`,
    );
    let over = bytes > INITIAL_JS_BUDGET;
    const html = output.output.find((o) => o.fileName === 'index.html');
    if (html?.type === 'asset') {
      console.log(`首屏 HTML / index.html with the first page: ${gzipSize(String(html.source))} bytes gzipped`);
    }
    for (const launch of launchSizes(bundle)) {
      console.log(
        `  ${launch.standard} launch: ${(launch.bytes / 1024).toFixed(1)} KB gzipped (${launch.bytes} bytes; budget ${launch.budget / 1024} KB)`,
      );
      if (launch.bytes > launch.budget) over = true;
      if (launch.strayXapi.length > 0) {
        console.error(`A ${launch.standard} launch would download xAPI code: ${launch.strayXapi.join(', ')}`);
        over = true;
      }
    }
    if (over) {
      console.error('Over budget: move code behind a dynamic import() or remove it.');
      process.exit(1);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
