import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type {
  Diagnostic,
  RenderPageResponse,
  RenderQuizResponse,
  RenderRoleplayResponse,
  RoleplayGraph,
} from '../../core/studio-api.js';
import { analyseRolePlay } from '../../core/roleplay.js';
import type { ModuleItem, RolePlay } from '../../core/types.js';
import { DiagnosticList, isError } from '../content/diagnostics.js';
import { renderMarkdown, splitFrontMatter } from '../content/markdown.js';
import { resolveCoursePath } from './course-path.js';
import { moduleFolders } from './outline.js';
import type { CourseStore } from './store.js';

/**
 * Previews as the learner gets them: a page through the build's markdown renderer and sanitizer; a quiz or a
 * role-play as the runtime JSON the build writes for the player, from the whole course with the edited text laid
 * over it in memory. `assetUrl` maps a course-relative image path to a URL the studio serves it at.
 */
export class Renderer {
  constructor(
    private readonly store: CourseStore,
    private readonly assetUrl: (rel: string) => string,
  ) {}

  page(path: unknown, text: string): RenderPageResponse {
    const { rel, abs } = resolveCoursePath(this.store.root, path);
    const problems = this.problemsOf(rel, text);
    const split = splitFrontMatter(text);
    const diagnostics = new DiagnosticList();
    const pages = this.pageLinks();
    const html = renderMarkdown(split.body, {
      file: rel,
      absoluteFile: abs,
      bodyLine: split.bodyLine,
      pageHref: (file) => pages.get(file),
      addImage: (image) => this.assetUrl(image.slice(this.store.root.length).split(/[\\/]/).filter(Boolean).join('/')),
      diagnostics,
    });
    return { html, problems: merge(problems, diagnostics.sorted()) };
  }

  quiz(path: unknown, text: string): RenderQuizResponse {
    const { item, problems } = this.built(path, text, 'quiz');
    return { quiz: item?.kind === 'quiz' ? item.quiz : null, problems };
  }

  roleplay(path: unknown, text: string): RenderRoleplayResponse {
    const { item, problems } = this.built(path, text, 'roleplay');
    return { roleplay: item?.kind === 'roleplay' ? item.roleplay : null, graph: graphOf(text), problems };
  }

  /** The item of this file in the built course (null when the course does not build), and the file's problems. */
  private built(
    path: unknown,
    text: string,
    kind: 'quiz' | 'roleplay',
  ): { item: ModuleItem | null; problems: Diagnostic[] } {
    const { rel } = resolveCoursePath(this.store.root, path);
    const result = this.store.load(new Map([[rel, text]]));
    const own = result.diagnostics.filter((d) => d.file === rel);
    // When another file stops the build, say so: otherwise the missing preview would be unexplained.
    const problems = result.course || own.some(isError) ? own : result.diagnostics;
    const id = (parseSafely(text) as { id?: unknown } | null)?.id;
    const item = result.course?.modules.flatMap((m) => m.items).find((i) => i.kind === kind && i.id === id) ?? null;
    return { item, problems };
  }

  private problemsOf(rel: string, text: string): Diagnostic[] {
    return this.store.load(new Map([[rel, text]])).diagnostics.filter((d) => d.file === rel);
  }

  /** Every page file (absolute path) and its in-course link, as the build resolves links between pages. */
  private pageLinks(): Map<string, string> {
    const links = new Map<string, string>();
    for (const m of moduleFolders(this.store.root).values()) {
      for (const file of m.items.filter((f) => f.endsWith('.md'))) {
        const abs = join(this.store.root, 'modules', m.folder, file);
        const front = splitFrontMatter(readFileSync(abs, 'utf8')).frontMatter;
        const id = front === null ? undefined : (parseSafely(front) as { id?: unknown } | null)?.id;
        if (typeof id === 'string') links.set(abs, `#/${m.id}/${id}`);
      }
    }
    return links;
  }
}

/** Unreachable nodes and dead ends (no replies and no ending, or a loop with no way out), as the validator finds them. */
export function graphOf(text: string): RoleplayGraph {
  const data = parseSafely(text) as RolePlay | null;
  if (!data || !Array.isArray(data.nodes)) return { unreachable: [], deadEnds: [] };
  let problems: ReturnType<typeof analyseRolePlay>;
  try {
    problems = analyseRolePlay(data);
  } catch {
    return { unreachable: [], deadEnds: [] }; // a graph too malformed to walk; the validator reports why
  }
  return {
    unreachable: problems.filter((p) => p.kind === 'unreachable').map((p) => p.nodeId),
    deadEnds: problems.filter((p) => p.kind === 'dead-end' || p.kind === 'no-exit-cycle').map((p) => p.nodeId),
  };
}

function parseSafely(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

function merge(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  const seen = new Set(a.map((d) => `${d.line}:${d.column}:${d.code}`));
  return [...a, ...b.filter((d) => !seen.has(`${d.line}:${d.column}:${d.code}`))];
}
