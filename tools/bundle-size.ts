import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rollup';

/** Most JavaScript, gzipped, a learner may download before the first page shows. */
export const INITIAL_JS_BUDGET = 30 * 1024;

export function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

/** The entry chunk and everything it imports statically: what loads before the first page can render. */
export function initialJavaScript(bundle: OutputBundle): OutputChunk[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk | undefined): void => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    chunk.imports.forEach((name) => visit(byName.get(name)));
  };
  chunks.filter((c) => c.isEntry).forEach(visit);
  return [...seen].map((name) => byName.get(name)!);
}
