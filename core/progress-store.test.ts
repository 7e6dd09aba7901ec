import { describe, expect, it } from 'vitest';
import { ProgressStore, type KeyValueStorage } from './progress-store.js';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('ProgressStore', () => {
  it('starts a fresh record with a new seed when nothing is saved', () => {
    const store = new ProgressStore('c1', memoryStorage(), () => 'seed-1');
    expect(store.load()).toEqual({
      version: 1,
      location: null,
      learnerSeed: 'seed-1',
      progress: { visited: {}, quizzes: {}, roleplays: {} },
    });
  });

  it('round-trips location, seed, progress and locale', () => {
    const storage = memoryStorage();
    const store = new ProgressStore('c1', storage, () => 'seed-1');
    const saved = store.load();
    saved.location = { moduleId: 'm', itemId: 'p2' };
    saved.progress.visited['p1'] = true;
    saved.locale = 'en';
    expect(store.save(saved)).toBe(true);
    expect(new ProgressStore('c1', storage, () => 'other').load()).toEqual(saved);
  });

  it('keeps courses apart', () => {
    const storage = memoryStorage();
    const a = new ProgressStore('a', storage, () => 'sa');
    const saved = a.load();
    saved.progress.visited['x'] = true;
    a.save(saved);
    expect(new ProgressStore('b', storage, () => 'sb').load().progress.visited).toEqual({});
  });

  it('backs up an unreadable record instead of losing it', () => {
    const storage = memoryStorage({ 'course-progress:c1': '{not json' });
    const loaded = new ProgressStore('c1', storage, () => 'fresh').load();
    expect(loaded.learnerSeed).toBe('fresh');
    const backups = [...storage.data.entries()].filter(([k]) => k.startsWith('course-progress:c1:unreadable:'));
    expect(backups.map(([, v]) => v)).toEqual(['{not json']);
  });

  it('reports a refused write and survives a storage that throws', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = new ProgressStore('c1', throwing, () => 's');
    const saved = store.load();
    expect(saved.learnerSeed).toBe('s');
    expect(store.save(saved)).toBe(false);
    expect(new ProgressStore('c1', null, () => 's').save(saved)).toBe(false);
  });
});
