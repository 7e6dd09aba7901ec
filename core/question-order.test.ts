import { describe, expect, it } from 'vitest';
import { questionOrder, unsolvedStart } from './question-order.js';
import { fillIn, matching, multiple, sequencing, single, trueFalse } from './testing/questions.fixture.js';
import { seededShuffle } from './shuffle.js';
import type { SequencingQuestion } from './types.js';

const seeds = Array.from({ length: 40 }, (_, i) => `seed-${i}`);
const ids = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);
const sorted = (list: readonly string[]): string[] => [...list].sort();

describe('unsolvedStart', () => {
  it('keeps an order that is not the answer', () => {
    expect(unsolvedStart(['b', 'a', 'c'], ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('rotates the answer left by one', () => {
    expect(unsolvedStart(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
    expect(unsolvedStart(['a', 'b'], ['a', 'b'])).toEqual(['b', 'a']);
  });

  it('leaves a single item and no items alone', () => {
    expect(unsolvedStart(['a'], ['a'])).toEqual(['a']);
    expect(unsolvedStart([], [])).toEqual([]);
  });

  it('returns a copy and never changes its input', () => {
    const order = ['a', 'b'];
    const start = unsolvedStart(order, ['b', 'a']);
    expect(start).toEqual(order);
    expect(start).not.toBe(order);
    unsolvedStart(order, order);
    expect(order).toEqual(['a', 'b']);
  });
});

describe('questionOrder', () => {
  it('single and multiple: the options as id and text, in file order without shuffle', () => {
    for (const question of [single, multiple]) {
      const order = questionOrder(question, 'seed', false);
      expect(order.options).toEqual(question.options.map(({ id, text }) => ({ id, text })));
      expect(order).toMatchObject({ sequencingStart: [], sources: [], targets: [] });
    }
  });

  it('single and multiple: shuffled with `<seed>|<question id>|options`, the same for the same seed', () => {
    const order = questionOrder(multiple, 'attempt-1', true);
    expect(ids(order.options)).toEqual(seededShuffle(ids(multiple.options), 'attempt-1|q-multiple|options'));
    expect(questionOrder(multiple, 'attempt-1', true)).toEqual(order);
    expect(sorted(ids(order.options))).toEqual(sorted(ids(multiple.options)));
    const orders = new Set(seeds.map((seed) => ids(questionOrder(multiple, seed, true).options).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('true-false and fill-in: nothing to order', () => {
    for (const question of [trueFalse, fillIn]) {
      for (const shuffle of [false, true]) {
        expect(questionOrder(question, 'seed', shuffle)).toEqual({
          options: [],
          sequencingStart: [],
          sources: [],
          targets: [],
        });
      }
    }
  });

  it('matching: sources and targets as id and text, each shuffled with its own seed', () => {
    const plain = questionOrder(matching, 'seed', false);
    expect(plain.sources).toEqual(matching.sources.map(({ id, text }) => ({ id, text })));
    expect(plain.targets).toEqual(matching.targets.map(({ id, text }) => ({ id, text })));
    expect(plain).toMatchObject({ options: [], sequencingStart: [] });

    const shuffled = questionOrder(matching, 'seed', true);
    expect(ids(shuffled.sources)).toEqual(seededShuffle(ids(matching.sources), 'seed|q-match|sources'));
    expect(ids(shuffled.targets)).toEqual(seededShuffle(ids(matching.targets), 'seed|q-match|targets'));
  });

  it('sequencing: the items shuffled with `<seed>|<question id>|items`, when that is not the answer', () => {
    const shuffled = seededShuffle(ids(sequencing.items), 'seed-0|q-seq|items');
    expect(shuffled).not.toEqual(sequencing.answer);
    expect(questionOrder(sequencing, 'seed-0', true)).toEqual({
      options: [],
      sequencingStart: shuffled,
      sources: [],
      targets: [],
    });
  });

  it('sequencing: never starts in the correct order, for any seed, shuffled or not', () => {
    for (const seed of seeds) {
      for (const shuffle of [true, false]) {
        const start = questionOrder(sequencing, seed, shuffle).sequencingStart;
        expect(start).not.toEqual(sequencing.answer);
        expect(sorted(start)).toEqual(sorted(sequencing.answer));
      }
    }
  });

  it('sequencing: items listed in the correct order start rotated by one without shuffle', () => {
    expect(questionOrder(sequencing, 'seed', false).sequencingStart).toEqual([
      'apologise',
      'solve',
      'follow',
      'listen',
    ]);
  });

  it('sequencing: two items always start swapped, whatever the seed', () => {
    const two: SequencingQuestion = {
      ...sequencing,
      items: sequencing.items.slice(0, 2),
      answer: ['listen', 'apologise'],
    };
    for (const seed of seeds) expect(questionOrder(two, seed, true).sequencingStart).toEqual(['apologise', 'listen']);
  });

  it('sequencing: a single item stays as it is', () => {
    const one: SequencingQuestion = { ...sequencing, items: sequencing.items.slice(0, 1), answer: ['listen'] };
    expect(questionOrder(one, 'seed', true).sequencingStart).toEqual(['listen']);
  });
});
