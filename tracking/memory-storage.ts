/**
 * An in-memory Web Storage (getItem, setItem, removeItem, key, length) for tracking's unit tests (the outbox, storage
 * keys, the LRS adapter) and the records benchmark: "tabs" given the same one share it the way they share localStorage.
 */
import type { OutboxStorage } from './xapi/outbox.js';

export function memoryStorage(): OutboxStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}
