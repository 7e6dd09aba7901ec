import type { CourseIndex, ModuleData } from '../core/types.js';
import { courseFiles, type JsonLoader } from './course-files.js';
import type { ResumeCourse } from './resume/resume-codec.js';

/** The built course as the tracker reads it: the index, and module data fetched once each when needed. */
export class CourseSource {
  constructor(
    readonly indexUrl: URL,
    readonly index: CourseIndex,
    private readonly load: JsonLoader,
  ) {}

  /** `load` is shared with the player on a page (app/main.ts), so each file downloads once for both. */
  static async load(indexUrl: URL, load: JsonLoader = courseFiles()): Promise<CourseSource> {
    return new CourseSource(indexUrl, (await load(indexUrl)) as CourseIndex, load);
  }

  /** Every module (with the final assessment), as the resume codec needs them. */
  async all(): Promise<ResumeCourse> {
    const summaries = [...this.index.modules, ...(this.index.finalAssessment ? [this.index.finalAssessment] : [])];
    const modules = await Promise.all(summaries.map((m) => this.module(m.href)));
    return { index: this.index, modules };
  }

  private module(href: string): Promise<ModuleData> {
    return this.load(new URL(href, this.indexUrl)) as Promise<ModuleData>;
  }
}
