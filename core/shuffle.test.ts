import { describe, expect, it } from 'vitest';
import { hashString, mulberry32, seededRandom, seededShuffle } from './shuffle.js';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('hashString', () => {
  it('is deterministic and depends on the text and the salt', () => {
    expect(hashString('quiz-1')).toBe(hashString('quiz-1'));
    expect(hashString('quiz-1')).not.toBe(hashString('quiz-2'));
    expect(hashString('quiz-1', 1)).not.toBe(hashString('quiz-1'));
    expect(Number.isSafeInteger(hashString('任意文字'))).toBe(true);
  });
});

describe('mulberry32 / seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(95);
  });

  it('gives different sequences for different seeds', () => {
    const a = seededRandom('x');
    const b = seededRandom('y');
    expect([a(), a(), a()]).not.toEqual([b(), b(), b()]);
  });
});

describe('seededShuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = Object.freeze([...letters]);
    const result = seededShuffle(input, 'seed');
    expect(result).not.toBe(input);
    expect([...result].sort()).toEqual([...letters]);
    expect(input).toEqual(letters);
  });

  it('gives the same order for the same seed', () => {
    expect(seededShuffle(letters, 'learner-1:q1')).toEqual(seededShuffle(letters, 'learner-1:q1'));
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => seededShuffle(letters, `seed-${i}`).join('')));
    expect(orders.size).toBeGreaterThan(15);
  });

  it('actually moves items', () => {
    const unchanged = Array.from({ length: 50 }, (_, i) => seededShuffle(letters, String(i))).filter(
      (order) => order.join('') === letters.join(''),
    );
    expect(unchanged.length).toBeLessThan(3);
  });

  it('is roughly uniform: each item lands first about equally often', () => {
    const counts = new Map<string, number>();
    const runs = 8000;
    for (let i = 0; i < runs; i++) {
      const first = seededShuffle(letters, `u${i}`)[0]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    for (const letter of letters) {
      expect(counts.get(letter) ?? 0).toBeGreaterThan((runs / letters.length) * 0.85);
      expect(counts.get(letter) ?? 0).toBeLessThan((runs / letters.length) * 1.15);
    }
  });

  it('handles empty and single-item lists', () => {
    expect(seededShuffle([], 's')).toEqual([]);
    expect(seededShuffle(['only'], 's')).toEqual(['only']);
  });
});
