import type { CourseIndex, ModuleData } from '../core/types.js';
import type { ResumeCourse } from './resume/resume-codec.js';

/** The built course as the tracker reads it: the index, and module data fetched once each when needed. */
export class CourseSource {
  private readonly modules = new Map<string, Promise<ModuleData>>();

  constructor(
    readonly indexUrl: URL,
    readonly index: CourseIndex,
  ) {}

  static async load(indexUrl: URL): Promise<CourseSource> {
    return new CourseSource(indexUrl, await fetchJson<CourseIndex>(indexUrl));
  }

  /** Every module (with the final assessment), as the resume codec needs them. */
  async all(): Promise<ResumeCourse> {
    const summaries = [...this.index.modules, ...(this.index.finalAssessment ? [this.index.finalAssessment] : [])];
    const modules = await Promise.all(summaries.map((m) => this.module(m.href)));
    return { index: this.index, modules };
  }

  private module(href: string): Promise<ModuleData> {
    let pending = this.modules.get(href);
    if (!pending) {
      pending = fetchJson<ModuleData>(new URL(href, this.indexUrl));
      pending.catch(() => this.modules.delete(href));
      this.modules.set(href, pending);
    }
    return pending;
  }
}

async function fetchJson<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url.pathname}`);
  return (await response.json()) as T;
}
