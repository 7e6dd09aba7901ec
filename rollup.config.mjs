// Bundles the learner's app and, through the course-content plugin, validates and emits the course content.
// Run through `npm run build` / `npm start` (tsx loads the TypeScript build tools this file imports).
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { seedsDir as courseSeedsDir } from './tools/paths.ts';
import { coursePlugin } from './tools/rollup-plugin-course.ts';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * @param {{ root?: string, outDir?: string, seedsDir?: string | null, minify?: boolean }} options
 * @returns {import('rollup').RollupOptions & { output: import('rollup').OutputOptions }}
 */
export function createConfig({
  root = here('.'),
  outDir = here('dist'),
  seedsDir = courseSeedsDir,
  minify = true,
} = {}) {
  return {
    input: here('app/main.ts'),
    preserveEntrySignatures: false,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: 'app.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    },
    plugins: [
      coursePlugin({
        root,
        indexHtml: here('app/index.html'),
        // The first page, rendered into index.html by the player's own markup and styles (by path: tools import core only).
        firstPage: { renderer: here('components/course-player/first-page.ts'), gate: here('app/first-page-gate.ts') },
        ...(seedsDir ? { seedsDir } : {}),
      }),
      // The "production" condition selects Lit's production build (no dev-mode checks or warnings).
      nodeResolve({ exportConditions: ['production'] }),
      esbuild({ target: 'es2022', tsconfig: here('tsconfig.base.json') }),
      minify && terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    watch: { clearScreen: false },
  };
}

export default createConfig();
