/** Helpers for the studio server tests: a course copy (git-initialised or not), the studio on it, real HTTP. */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { startStudio, type RunningStudio } from '../../tools/studio/server.js';
import { seedsDir } from '../../tools/paths.js';
import { copyCourse, TEST_COURSE_IRI } from '../support/course-copy.js';

export const TOKEN = 'studio-test-token';

export interface StudioUnderTest {
  dir: string;
  studio: RunningStudio;
  /** JSON request with the token (or `token`), answering the status and the parsed body. */
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T }>;
  git(...args: string[]): string;
  dispose(): Promise<void>;
}

/** A temporary copy of the course (a git repository with one commit when `git`), served by a studio on a free port. */
export async function studioOnCopy(options: { git: boolean; iri?: string | null }): Promise<StudioUnderTest> {
  const course = copyCourse(options.iri === undefined ? TEST_COURSE_IRI : options.iri);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], {
      cwd: course.dir,
      encoding: 'utf8',
    });
  if (options.git) {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'the course as shipped');
  }
  const studio = await startStudio({ root: course.dir, port: 0, token: TOKEN, seedsDir });
  return {
    dir: course.dir,
    studio,
    async api(method, path, body, token = TOKEN) {
      const res = await fetch(new URL(path, studio.url), {
        method,
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as never };
    },
    git,
    async dispose() {
      await studio.close();
      course.dispose();
    },
  };
}

/** A GET with a chosen Host header (fetch does not let a page choose it; an attacker's DNS does). */
export function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw request path, unnormalised (fetch and URL would resolve `..` and `%2e%2e` before sending). */
export function rawGet(url: string, path: string, token = TOKEN): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
