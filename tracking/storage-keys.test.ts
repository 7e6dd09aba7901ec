import { describe, expect, it } from 'vitest';
import { memoryStorage } from './memory-storage.js';
import { keysWithPrefix } from './storage-keys.js';

describe('keysWithPrefix', () => {
  it('lists the keys that start with the prefix, and only those', () => {
    const storage = memoryStorage();
    for (const key of ['launch:q:1', 'other:q:2', 'launch:q:3', 'launch:aside:4', 'launch:q']) {
      storage.setItem(key, '{}');
    }
    expect(keysWithPrefix(storage, 'launch:q:')).toEqual(['launch:q:1', 'launch:q:3']);
    expect(keysWithPrefix(storage, 'none:')).toEqual([]);
  });

  it('gives a list the caller can remove every listed key by (no key skipped as indices shift)', () => {
    const storage = memoryStorage();
    for (let i = 0; i < 5; i++) storage.setItem(`launch:unsent:${i}`, '{}');
    storage.setItem('launch:state', '{}');
    for (const key of keysWithPrefix(storage, 'launch:unsent:')) storage.removeItem(key);
    expect([...storage.map.keys()]).toEqual(['launch:state']);
  });
});
