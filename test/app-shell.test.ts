/** The HTML shell every learner loads first (app/index.html). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseRoot } from '../tools/paths.js';

const shell = readFileSync(`${courseRoot}app/index.html`, 'utf8');

describe('app/index.html', () => {
  it('carries its favicon inline, so the browser never asks for a /favicon.ico that is not there', () => {
    const icon = /<link\s+rel="icon"\s+href="([^"]+)"/.exec(shell)?.[1] ?? '';
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(icon.slice('data:image/svg+xml,'.length))).toMatch(/^<svg [^>]*xmlns=/);
  });

  it('defines no design token: they have one source, components/shared/tokens.styles.ts', () => {
    expect(shell).not.toMatch(/--course-[a-z-]+\s*:/);
  });

  it('starts in the course language; the player then follows the learner’s interface language', () => {
    expect(shell).toMatch(/<html lang="zh-CN">/);
  });
});
