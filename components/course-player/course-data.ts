import type { CourseIndex, ModuleData } from '../../core/types.js';

/**
 * Loads one course file as parsed JSON. The page hands the player the tracker's loader, so a file both read downloads
 * once (tracking/course-files.ts); such a shared download is not aborted when the player stops waiting for it.
 */
export type CourseFileLoader = (url: URL, signal?: AbortSignal) => Promise<unknown>;

/** Fetches the course index and module data, each module once (modules are loaded on demand, then cached). */
export class CourseData {
  private readonly modules = new Map<string, Promise<ModuleData>>();

  constructor(
    private readonly indexUrl: URL,
    private readonly load: CourseFileLoader = fetchJson,
  ) {}

  async index(signal?: AbortSignal): Promise<CourseIndex> {
    return (await this.load(this.indexUrl, signal)) as CourseIndex;
  }

  /** Module data by its href (relative to the index). */
  module(href: string): Promise<ModuleData> {
    let pending = this.modules.get(href);
    if (!pending) {
      pending = this.load(new URL(href, this.indexUrl)) as Promise<ModuleData>;
      // A failed load is not cached, so "retry" really retries.
      pending.catch(() => this.modules.delete(href));
      this.modules.set(href, pending);
    }
    return pending;
  }
}

async function fetchJson(url: URL, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url.pathname}`);
  return (await response.json()) as unknown;
}
