import { zipSync, unzipSync, type Zippable } from 'fflate';

/** Already-compressed formats are stored as they are; deflating them again only costs time. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|mp3|mp4|webm|zip)$/i;

/** A zip of the given files (path → bytes), paths as given: relative, forward slashes, no folder entries. */
export function zipFiles(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    entries[path] = [data, { level: STORED.test(path) ? 0 : 9 }];
  }
  return zipSync(entries);
}

/** The files of a zip, path → bytes (folder entries left out). */
export function unzipFiles(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)).filter(([path]) => !path.endsWith('/')));
}
