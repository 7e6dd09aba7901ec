import { describe, expect, it } from 'vitest';
import { courseFiles } from './course-files.js';

function countingLoader(fail = new Set<string>()) {
  const calls: string[] = [];
  const load = async (url: URL): Promise<unknown> => {
    calls.push(url.href);
    if (fail.has(url.href)) throw new Error(`404: ${url.pathname}`);
    return { href: url.href };
  };
  return { calls, load };
}

describe('courseFiles', () => {
  it('loads each URL once, whoever asks and however it is spelt', async () => {
    const { calls, load } = countingLoader();
    const files = courseFiles(load);
    const index = new URL('http://127.0.0.1/course/content/course.json');
    const [a, b, c] = await Promise.all([
      files(index),
      files(new URL('content/course.json', 'http://127.0.0.1/course/')),
      files(new URL('modules/intro.json', index)),
    ]);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(c).toEqual({ href: 'http://127.0.0.1/course/content/modules/intro.json' });
    await files(index);
    expect(calls).toEqual([index.href, 'http://127.0.0.1/course/content/modules/intro.json']);
  });

  it('gives each reader its own copy: what one reader changes, the other never sees', async () => {
    const files = courseFiles(async () => ({ questions: ['q1', 'q2', 'q3'] }));
    const url = new URL('http://127.0.0.1/content/modules/quiz.json');
    const player = (await files(url)) as { questions: string[] };
    player.questions.reverse();
    expect(await files(url)).toEqual({ questions: ['q1', 'q2', 'q3'] });
  });

  it('forgets a failed download, so a retry asks again', async () => {
    const url = new URL('http://127.0.0.1/content/course.json');
    const fail = new Set([url.href]);
    const { calls, load } = countingLoader(fail);
    const files = courseFiles(load);
    await expect(files(url)).rejects.toThrow('404');
    fail.clear();
    await expect(files(url)).resolves.toEqual({ href: url.href });
    expect(calls).toEqual([url.href, url.href]);
  });
});
