import type { CourseIndex, ModuleData } from '../../core/types.js';

/** Fetches the course index and module data, each module once (modules are loaded on demand, then cached). */
export class CourseData {
  private readonly modules = new Map<string, Promise<ModuleData>>();

  constructor(private readonly indexUrl: URL) {}

  async index(signal?: AbortSignal): Promise<CourseIndex> {
    return fetchJson<CourseIndex>(this.indexUrl, signal);
  }

  /** Module data by its href (relative to the index). */
  module(href: string): Promise<ModuleData> {
    let pending = this.modules.get(href);
    if (!pending) {
      pending = fetchJson<ModuleData>(new URL(href, this.indexUrl));
      // A failed load is not cached, so "retry" really retries.
      pending.catch(() => this.modules.delete(href));
      this.modules.set(href, pending);
    }
    return pending;
  }
}

async function fetchJson<T>(url: URL, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url.pathname}`);
  return (await response.json()) as T;
}
