import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { externalLoads, fileNameProblems, listFiles } from './contents.js';

const dir = mkdtempSync(join(tmpdir(), 'contents-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text: string): void => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

describe('package contents checks', () => {
  it('flags names an LMS may mangle and files a learner never needs', () => {
    const files = [
      'index.html',
      'chunks/define-Ab_1.js',
      'chunks/app.js.map',
      '课程.html',
      'a b.js',
      'x.test.js',
      '.DS_Store',
    ];
    expect(fileNameProblems(files).map((p) => p.file)).toEqual([
      'chunks/app.js.map',
      '课程.html',
      'a b.js',
      'x.test.js',
      '.DS_Store',
    ]);
  });

  it('finds every kind of load from another host, and ignores links and identifiers', () => {
    put(
      'index.html',
      '<link rel="stylesheet" href="https://fonts.example.net/css"><script src="//cdn.example.net/x.js"></script><a href="https://www.10086.cn/">10086</a>',
    );
    put(
      'styles.css',
      '@font-face{font-family:x;src:url("https://fonts.example.net/f.woff2")} @import "https://cdn.example.net/a.css";',
    );
    put(
      'app.js',
      'const svg="http://www.w3.org/2000/svg";import("https://cdn.example.net/m.js");fetch("https://api.example.net/x");',
    );
    put(
      'content/page.json',
      JSON.stringify({
        id: 'https://training.telecom-academy.cn/c',
        html: '<p><img src="https://img.example.net/a.png" alt="a"><a href="https://www.10086.cn/">x</a></p>',
      }),
    );
    const found = externalLoads(dir, listFiles(dir)).map((p) => `${p.file}: ${p.problem}`);
    expect(found).toEqual([
      'app.js: module import loads https://cdn.example.net/m.js',
      'app.js: fetch loads https://api.example.net/x',
      'content/page.json: src attribute loads https://img.example.net/a.png',
      'index.html: src attribute loads //cdn.example.net/x.js',
      'index.html: link href loads https://fonts.example.net/css',
      'styles.css: CSS url() loads https://fonts.example.net/f.woff2',
      'styles.css: CSS @import loads https://cdn.example.net/a.css',
    ]);
  });
});
