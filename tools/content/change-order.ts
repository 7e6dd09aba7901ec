import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Bilingual } from './diagnostics.js';

/** How recently a line of a content file was written, as far as git and the file system can tell. */
export interface LineAge {
  /** 3: the file is new to git; 2: the line is added in the uncommitted change; 1: the file has other changes; 0: committed. */
  git: number;
  /** Last modification of the file (ms). */
  modified: number;
}

/**
 * Tells which of two places in the course was written more recently: by git status and the uncommitted diff when
 * the course is in a git work tree, else by file modification time. Git is asked only when a question arises.
 */
export class ChangeOrder {
  private status: Map<string, string> | null | undefined;
  private top = '';
  private readonly added = new Map<string, Set<number>>();

  constructor(private readonly root: string) {}

  age(file: string, line: number): LineAge {
    const absolute = join(this.root, file);
    let modified = 0;
    try {
      modified = statSync(absolute).mtimeMs;
    } catch {
      // A file that vanished while validating; no age.
    }
    const status = this.gitStatus();
    if (!status) return { git: 0, modified };
    const path = relative(this.top, absolute).split(/[\\/]/).join('/');
    const code = status.get(path);
    if (code === undefined) return { git: 0, modified };
    if (code === '??' || code.includes('A')) return { git: 3, modified };
    return { git: this.addedLines(path).has(line) ? 2 : 1, modified };
  }

  /** Negative when `a` is older than `b` (so sorting puts the oldest first). */
  static compare(a: LineAge | undefined, b: LineAge | undefined): number {
    if (!a || !b) return 0;
    return a.git - b.git || a.modified - b.modified;
  }

  /** Why a place counts as the newer one, for a message. */
  static describe(age: LineAge | undefined, sameFile: boolean): Bilingual {
    if (age?.git === 3)
      return { zh: '这个文件是新加的（还没有提交到 git）。', en: 'This file is new (not yet committed to git).' };
    if (age?.git === 2)
      return { zh: '这一行是新改的（还没有提交到 git）。', en: 'This line is an uncommitted change.' };
    if (age?.git === 1) return { zh: '这个文件有还没提交的修改。', en: 'This file has uncommitted changes.' };
    if (sameFile)
      return {
        zh: '两处在同一个文件里，这里写在后面，多半是新加的。',
        en: 'Both are in one file; this one comes later, so it is likely the new one.',
      };
    return { zh: '这个文件是后修改的。', en: 'This file was modified more recently.' };
  }

  private gitStatus(): Map<string, string> | null {
    if (this.status !== undefined) return this.status;
    this.status = null;
    const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: this.root, encoding: 'utf8' });
    if (top.status !== 0) return null;
    this.top = top.stdout.trim();
    const result = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], {
      cwd: this.root,
      encoding: 'utf8',
    });
    if (result.status !== 0) return null;
    this.status = new Map();
    const entries = result.stdout.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.length < 4) continue;
      const code = entry.slice(0, 2);
      this.status.set(entry.slice(3), code.trim() || code);
      if (code.startsWith('R') || code.startsWith('C')) i++; // the source path of a rename follows
    }
    return this.status;
  }

  /** Line numbers (in the working file) that the uncommitted diff adds. */
  private addedLines(path: string): Set<number> {
    let lines = this.added.get(path);
    if (lines) return lines;
    lines = new Set();
    const diff = spawnSync('git', ['diff', '--no-ext-diff', '--no-color', '-U0', 'HEAD', '--', path], {
      cwd: this.top,
      encoding: 'utf8',
    });
    for (const m of diff.stdout.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let k = 0; k < count; k++) lines.add(start + k);
    }
    this.added.set(path, lines);
    return lines;
  }
}
