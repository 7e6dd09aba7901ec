import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../../core/studio-api.js';
import { listContentFiles } from './content-files.js';

/** What the studio may roll back: the course's content files (course.yaml, modules/, quizzes/). */
export const CONTENT = ['course.yaml', 'modules', 'quizzes'];

/** Every save is a snapshot the trainer can go back to. */
export interface Snapshots {
  readonly kind: 'git' | 'copies';
  /** Records the files just saved (course-relative; removed ones too) under `studio: <what>`. */
  take(what: string, files: string[]): Snapshot | undefined;
  list(): Snapshot[];
  /** Every content file at a snapshot, course-relative, with its bytes. */
  filesAt(id: string): Map<string, Uint8Array> | null;
}

/** Git commits when the course folder is in a git work tree, else copies under `.studio/snapshots/`. */
export function openSnapshots(root: string): Snapshots {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
  return inside.status === 0 && inside.stdout.trim() === 'true' ? new GitSnapshots(root) : new CopySnapshots(root);
}

class GitSnapshots implements Snapshots {
  readonly kind = 'git';
  constructor(private readonly root: string) {}

  take(what: string, files: string[]): Snapshot | undefined {
    // Only the saved files are staged and committed (`--only`): whatever else the working tree or the index holds
    // stays as it was. A path git has never seen and that no longer exists has nothing to record.
    const paths = files.filter((f) => existsSync(join(this.root, f)) || this.tracked(f));
    if (paths.length === 0) return undefined;
    this.git(['add', '-A', '--', ...paths]);
    const identity = this.hasIdentity()
      ? []
      : ['-c', 'user.name=Authoring studio', '-c', 'user.email=studio@localhost'];
    const commit = spawnSync(
      'git',
      [...identity, 'commit', '--no-verify', '--only', '-q', '-m', `studio: ${what}`, '--', ...paths],
      { cwd: this.root, encoding: 'utf8' },
    );
    // Nothing to commit (the text saved was the text there) is not an error.
    if (commit.status !== 0) return undefined;
    return this.list(1)[0];
  }

  list(limit = 50): Snapshot[] {
    const out = this.git([
      'log',
      `-n${limit}`,
      '--relative',
      '--name-only',
      '--format=%x1e%H%x1f%aI%x1f%s',
      '--',
      ...CONTENT,
    ]);
    return out
      .split('\x1e')
      .filter((entry) => entry.trim())
      .map((entry) => {
        const [head = '', ...names] = entry.split('\n');
        const [id = '', time = '', message = ''] = head.split('\x1f');
        return { id, time, message, files: names.filter(Boolean) };
      });
  }

  filesAt(id: string): Map<string, Uint8Array> | null {
    if (!/^[0-9a-f]{7,40}$/.test(id)) return null;
    const check = spawnSync('git', ['cat-file', '-e', `${id}^{commit}`], { cwd: this.root });
    if (check.status !== 0) return null;
    const names = this.git(['ls-tree', '-r', '-z', '--name-only', id, '--', ...CONTENT])
      .split('\0')
      .filter(Boolean);
    const files = new Map<string, Uint8Array>();
    for (const name of names) {
      files.set(name, new Uint8Array(execFileSync('git', ['cat-file', 'blob', `${id}:./${name}`], { cwd: this.root })));
    }
    return files;
  }

  private tracked(file: string): boolean {
    return this.git(['ls-files', '--', file]).trim() !== '';
  }

  private hasIdentity(): boolean {
    return spawnSync('git', ['config', 'user.email'], { cwd: this.root }).status === 0;
  }

  private git(args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }
}

/** Without git: a full copy of the content files per snapshot (the course is small), newest listed first. */
class CopySnapshots implements Snapshots {
  readonly kind = 'copies';
  private readonly dir: string;

  constructor(private readonly root: string) {
    this.dir = join(root, '.studio', 'snapshots');
  }

  take(what: string, files: string[]): Snapshot {
    const time = new Date();
    const id = `${time.toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 6)}`;
    const target = join(this.dir, id);
    mkdirSync(join(target, 'files'), { recursive: true });
    for (const name of CONTENT) {
      const from = join(this.root, name);
      if (existsSync(from)) cpSync(from, join(target, 'files', name), { recursive: true });
    }
    const snapshot: Snapshot = { id, time: time.toISOString(), message: `studio: ${what}`, files };
    writeFileSync(join(target, 'snapshot.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
    return snapshot;
  }

  list(): Snapshot[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((id) => existsSync(join(this.dir, id, 'snapshot.json')))
      .map((id) => JSON.parse(readFileSync(join(this.dir, id, 'snapshot.json'), 'utf8')) as Snapshot)
      .sort((a, b) => b.id.localeCompare(a.id));
  }

  filesAt(id: string): Map<string, Uint8Array> | null {
    if (!/^[\w-]+$/.test(id) || !existsSync(join(this.dir, id, 'snapshot.json'))) return null;
    const base = join(this.dir, id, 'files');
    return new Map(listContentFiles(base).map((f) => [f, new Uint8Array(readFileSync(join(base, f)))]));
  }
}
