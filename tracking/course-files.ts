/** Loads one course file (course.json or a module) as parsed JSON. */
export type JsonLoader = (url: URL) => Promise<unknown>;

/** The browser's fetch, parsed as JSON; a non-2xx answer is an error that names the file. */
export async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url.pathname}`);
  return (await response.json()) as unknown;
}

/**
 * One download per course file per page load: the tracker (which reads course.json and, to decode a resume, every
 * module) and the player (course.json, then the current module) are handed the same loader, so the second reader
 * waits on the first one's request instead of starting another after it. Each read gets its own copy of the parsed
 * file: a reader that changes what it got (the player arranging a quiz, say) must never change what the tracker
 * encodes a resume against. A failed download is forgotten, so a retry really retries.
 */
export function courseFiles(load: JsonLoader = fetchJson): JsonLoader {
  const files = new Map<string, Promise<unknown>>();
  return (url) => {
    const key = url.href;
    let pending = files.get(key);
    if (!pending) {
      pending = load(url);
      pending.catch(() => files.delete(key));
      files.set(key, pending);
    }
    return pending.then((file) => structuredClone(file));
  };
}
