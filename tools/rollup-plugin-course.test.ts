import { rollup, type OutputBundle } from 'rollup';
import { describe, expect, it } from 'vitest';
import { withModuleList } from './rollup-plugin-course.js';

const SHELL = '<body>\n    <script data-modules="./app.js"></script>\n  </body>';

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

describe('withModuleList', () => {
  it('lists the entry first, then its static imports, and no lazily loaded chunk', async () => {
    const out = await bundle();
    const html = withModuleList(SHELL, out);
    const [first, ...rest] = /data-modules="([^"]+)"/.exec(html)![1]!.split(' ');
    expect(first).toBe('./app.js');
    const entry = Object.values(out).find((o) => o.type === 'chunk' && o.isEntry)!;
    expect(entry.type === 'chunk' && [...entry.imports].map((file) => `./${file}`).sort()).toEqual([...rest].sort());
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.some((file) => file.includes('lazy'))).toBe(false);
  });

  it('fails the build when the shell no longer loads the entry the way it expects', async () => {
    const out = await bundle();
    expect(() => withModuleList('<head></head>', out)).toThrow(/does not start the entry/);
  });
});
