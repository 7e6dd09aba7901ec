import { rollup, type OutputBundle } from 'rollup';
import { describe, expect, it } from 'vitest';
import { withModulePreloads } from './rollup-plugin-course.js';

const SHELL = '<body>\n    <link rel="modulepreload" href="./app.js" />\n  </body>';

/** A real rollup bundle: the entry imports two chunks statically and one lazily. */
async function bundle(): Promise<OutputBundle> {
  const sources: Record<string, string> = {
    main: `import { a } from 'a'; import { b } from 'b'; console.log(a, b, import('lazy'));`,
    a: `export const a = 1;`,
    b: `export const b = 2;`,
    lazy: `export const c = 3;`,
  };
  const build = await rollup({
    input: 'main',
    plugins: [{ name: 'virtual', resolveId: (id) => id, load: (id) => sources[id] ?? null }],
  });
  const { output } = await build.generate({
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks: { a: ['a'], b: ['b'] },
  });
  await build.close();
  return Object.fromEntries(output.map((o) => [o.fileName, o]));
}

describe('withModulePreloads', () => {
  it('lists the entry’s static imports after its own preload link, and no lazily loaded chunk', async () => {
    const out = await bundle();
    const html = withModulePreloads(SHELL, out);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)" \/>/g)]
      .map((m) => m[1])
      .filter((file) => file !== 'app.js');
    const entry = Object.values(out).find((o) => o.type === 'chunk' && o.isEntry)!;
    expect(entry.type === 'chunk' && [...entry.imports].sort()).toEqual([...preloaded].sort());
    expect(preloaded.length).toBeGreaterThan(0);
    expect(preloaded.some((file) => file?.includes('lazy'))).toBe(false);
    expect(html.indexOf('app.js')).toBeLessThan(html.indexOf('chunks/'));
  });

  it('fails the build when the shell no longer loads the entry the way it expects', async () => {
    const out = await bundle();
    expect(() => withModulePreloads('<head></head>', out)).toThrow(/does not preload the entry/);
  });
});
