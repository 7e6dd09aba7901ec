import type { KeyValueStorage } from '../core/progress-store.js';
import type { ProgressStorage } from './tracker.js';

/**
 * Hands the tracker's ProgressStorage to a player that still takes a key-value store (it keeps its record under
 * `course-progress:<course id>` as JSON). Goes away once the player takes a ProgressStorage itself.
 */
export function keyValueBridge(storage: ProgressStorage): KeyValueStorage {
  const isRecord = (key: string) => key.startsWith('course-progress:') && !key.includes(':unreadable:');
  return {
    getItem: (key) => (isRecord(key) ? JSON.stringify(storage.load()) : null),
    setItem: (key, value) => {
      if (isRecord(key) && !storage.save(JSON.parse(value))) throw new Error('progress not saved');
    },
  };
}
