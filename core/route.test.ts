import { describe, expect, it } from 'vitest';
import { locate, parseHash, readingSequence, toHash } from './route.js';
import type { CourseIndex } from './types.js';

const index: CourseIndex = {
  id: 'https://example.com/c',
  title: 'C',
  description: 'd',
  language: 'zh-CN',
  version: '1',
  passingScore: 80,
  completion: {
    module: { pages: true, quiz: true, checkpoints: true },
    course: { modules: true, finalAssessment: true },
  },
  modules: [
    {
      id: 'm1',
      title: 'M1',
      description: '',
      objectives: [],
      href: 'modules/m1.json',
      items: [
        { kind: 'page', id: 'p1', title: 'P1' },
        { kind: 'quiz', id: 'q1', title: 'Q1' },
      ],
    },
    {
      id: 'm2',
      title: 'M2',
      description: '',
      objectives: [],
      href: 'modules/m2.json',
      items: [{ kind: 'page', id: 'p2', title: 'P2' }],
    },
  ],
  finalAssessment: {
    id: 'final',
    title: 'F',
    description: '',
    objectives: [],
    href: 'modules/final.json',
    items: [{ kind: 'quiz', id: 'final', title: 'F' }],
  },
};

describe('route', () => {
  it('parses and formats locations', () => {
    expect(parseHash('#/m1/p1')).toEqual({ moduleId: 'm1', itemId: 'p1' });
    expect(parseHash(toHash({ moduleId: 'a b', itemId: 'c/d' }))).toEqual({ moduleId: 'a b', itemId: 'c/d' });
    expect(parseHash('')).toBeNull();
    expect(parseHash('#/m1')).toBeNull();
    expect(parseHash('#/%E0%A4%A/x')).toBeNull();
  });

  it('orders every item, final assessment last', () => {
    expect(readingSequence(index).map((e) => e.itemId)).toEqual(['p1', 'q1', 'p2', 'final']);
  });

  it('finds neighbours across module boundaries', () => {
    const at = locate(index, { moduleId: 'm1', itemId: 'q1' })!;
    expect(at.previous?.itemId).toBe('p1');
    expect(at.next).toMatchObject({ moduleId: 'm2', itemId: 'p2' });
    expect(at.position).toBe(1);
    expect(at.total).toBe(4);
    expect(locate(index, { moduleId: 'm1', itemId: 'final' })).toBeNull();
    expect(locate(index, { moduleId: 'final', itemId: 'final' })?.next).toBeNull();
  });
});
