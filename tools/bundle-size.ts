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

/** Scripts index.html runs inline before the first page (the first-page gate), gzipped: they count in every budget. */
export function inlineScriptBytes(bundle: OutputBundle): number {
  const html = bundle['index.html'];
  if (html?.type !== 'asset') return 0;
  const source = typeof html.source === 'string' ? html.source : new TextDecoder().decode(html.source);
  const scripts = source.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g);
  return [...scripts].reduce((sum, match) => sum + (match[1] ? gzipSize(match[1]) : 0), 0);
}

/** What a launch of each standard may download before the first page shows, gzipped. */
export const LAUNCH_BUDGETS = {
  standalone: 30 * 1024,
  scorm12: 30 * 1024,
  scorm2004: 30 * 1024,
  xapi: 60 * 1024,
  cmi5: 60 * 1024,
} as const;

export type LaunchStandard = keyof typeof LAUNCH_BUDGETS;

/** The module each standard's adapter is loaded from (on demand, by the tracking runtime). */
const ADAPTER_MODULES: Record<LaunchStandard, RegExp> = {
  standalone: /tracking\/standalone\/standalone-adapter\.ts$/,
  scorm12: /tracking\/scorm\/scorm12-adapter\.ts$/,
  scorm2004: /tracking\/scorm\/scorm2004-adapter\.ts$/,
  xapi: /tracking\/xapi\/lrs-adapter\.ts$/,
  cmi5: /tracking\/xapi\/lrs-adapter\.ts$/,
};

/** Modules only an xAPI or cmi5 launch may download. */
export const XAPI_MODULES = /@xapi[/\\]xapi|tracking\/(xapi|cmi5)\//;

function withStaticImports(bundle: OutputBundle, roots: OutputChunk[]): OutputChunk[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk | undefined): void => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    chunk.imports.forEach((name) => visit(byName.get(name)));
  };
  roots.forEach(visit);
  return [...seen.values()];
}

/**
 * The JavaScript a launch of `standard` downloads before the first page: the initial chunks plus its adapter's
 * chunk and what that imports statically. Null when the build has no adapter for the standard.
 */
export function launchJavaScript(bundle: OutputBundle, standard: LaunchStandard): OutputChunk[] | null {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const adapter = chunks.find(
    (c) => c.facadeModuleId && ADAPTER_MODULES[standard].test(c.facadeModuleId.replace(/\\/g, '/')),
  );
  if (!adapter) return null;
  return withStaticImports(bundle, [...initialJavaScript(bundle), adapter]);
}

export interface LaunchSize {
  standard: LaunchStandard;
  /** Its chunks and the page's inline scripts, gzipped. */
  bytes: number;
  budget: number;
  files: string[];
  /** xAPI modules a SCORM or standalone launch would download (must be none). */
  strayXapi: string[];
}

/** Per standard: first-page JavaScript against its budget; standards without an adapter in the build are left out. */
export function launchSizes(bundle: OutputBundle): LaunchSize[] {
  const inline = inlineScriptBytes(bundle);
  return (Object.keys(LAUNCH_BUDGETS) as LaunchStandard[]).flatMap((standard) => {
    const chunks = launchJavaScript(bundle, standard);
    if (!chunks) return [];
    const xapiAllowed = standard === 'xapi' || standard === 'cmi5';
    return [
      {
        standard,
        bytes: inline + chunks.reduce((sum, c) => sum + gzipSize(c.code), 0),
        budget: LAUNCH_BUDGETS[standard],
        files: chunks.map((c) => c.fileName),
        strayXapi: xapiAllowed
          ? []
          : chunks.flatMap((c) => c.moduleIds.filter((id) => XAPI_MODULES.test(id.replace(/\\/g, '/')))),
      },
    ];
  });
}
