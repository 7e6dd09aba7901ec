import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DiagnosticList } from './diagnostics.js';
import { readContentText } from './read-text.js';

/**
 * Files that differ in memory from the disk, keyed by course-relative path with `/`: a text (or bytes) replaces or
 * adds a file, null removes a file or a whole folder. The authoring studio validates a save this way before it writes.
 */
export type CourseOverlay = ReadonlyMap<string, string | Uint8Array | null>;

/** The course folder as the loader sees it: the disk with an optional {@link CourseOverlay} laid over it. */
export class CourseFiles {
  private readonly overlay = new Map<string, string | Uint8Array | null>();

  constructor(
    private readonly root: string,
    overlay?: CourseOverlay,
  ) {
    for (const [path, value] of overlay ?? []) this.overlay.set(join(root, ...path.split('/')), value);
  }

  exists(file: string): boolean {
    const hit = this.lookup(file);
    if (hit !== undefined) return hit !== null;
    return this.hasAddedBelow(file) || existsSync(file);
  }

  isDirectory(file: string): boolean {
    const hit = this.lookup(file);
    if (hit !== undefined) return false;
    if (this.hasAddedBelow(file)) return true;
    return existsSync(file) && statSync(file).isDirectory();
  }

  /** Names in a folder, from the disk and the overlay, without the removed ones. */
  list(dir: string): string[] {
    const names = new Set<string>();
    if (this.lookup(dir) === undefined && existsSync(dir)) {
      for (const name of readdirSync(dir)) if (this.exists(join(dir, name))) names.add(name);
    }
    for (const [path, value] of this.overlay) {
      if (value === null || !path.startsWith(dir + sep)) continue;
      names.add(relative(dir, path).split(sep)[0]!);
    }
    return [...names];
  }

  /** A content file's text (see readContentText); an overlaid text is taken as it is, without a byte-order mark. */
  readText(file: string, relPath: string, diagnostics: DiagnosticList): string | null {
    const hit = this.overlay.get(file);
    if (typeof hit === 'string') return hit.replace(/^\ufeff/, '');
    return readContentText(file, relPath, diagnostics);
  }

  /** The overlay's word on a path: its value, null when it or a folder above it is removed, undefined when silent. */
  private lookup(file: string): string | Uint8Array | null | undefined {
    if (this.overlay.has(file)) return this.overlay.get(file);
    for (let dir = file; dir.length > this.root.length;) {
      const up = dir.slice(0, dir.lastIndexOf(sep));
      if (up === dir) break;
      dir = up;
      if (this.overlay.get(dir) === null) return null;
    }
    return undefined;
  }

  private hasAddedBelow(dir: string): boolean {
    for (const [path, value] of this.overlay) if (value !== null && path.startsWith(dir + sep)) return true;
    return false;
  }
}
