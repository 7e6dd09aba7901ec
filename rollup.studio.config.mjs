// Bundles the authoring studio's UI (studio/main.ts + studio/index.html) into dist-studio/, never into dist/ (which the
// packager ships to learners). `npm run build:studio` (npm start builds it too); tools/studio/ serves `/` → index.html
// and `/studio/*` → the other files of dist-studio/ (main.js, chunks/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Emits studio/index.html beside the bundle, unchanged: it loads `/studio/main.js`. */
function studioHtml() {
  return {
    name: 'studio-html',
    buildStart() {
      this.addWatchFile(here('studio/index.html'));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'index.html', source: readFileSync(here('studio/index.html'), 'utf8') });
    },
  };
}

/** Ships the build's JSON Schemas as `schemas/*.schema.json` (served as `/studio/schemas/`): the quiz and role-play forms are described by them. */
function studioSchemas() {
  const names = ['quiz', 'roleplay'];
  return {
    name: 'studio-schemas',
    generateBundle() {
      for (const name of names) {
        const file = here(`schemas/${name}.schema.json`);
        this.addWatchFile(file);
        this.emitFile({
          type: 'asset',
          fileName: `schemas/${name}.schema.json`,
          source: readFileSync(file, 'utf8'),
        });
      }
    },
  };
}

/**
 * @param {{ outDir?: string, minify?: boolean }} options
 * @returns {import('rollup').RollupOptions & { output: import('rollup').OutputOptions }}
 */
export function createStudioConfig({ outDir = here('dist-studio'), minify = true } = {}) {
  return {
    input: here('studio/main.ts'),
    preserveEntrySignatures: false,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: 'main.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    },
    plugins: [
      studioHtml(),
      studioSchemas(),
      nodeResolve({ exportConditions: ['production'] }),
      esbuild({ target: 'es2022', tsconfig: here('tsconfig.base.json') }),
      minify && terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    watch: { clearScreen: false },
  };
}

export default createStudioConfig();
