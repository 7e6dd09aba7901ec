/** Finding a launch's entries in Web Storage, which can only list its keys one index at a time. */

/**
 * Every key of `storage` that starts with `prefix`. The keys are all listed before the caller reads or removes any:
 * removing an item while walking `key(i)` shifts the indices and skips a key.
 */
export function keysWithPrefix(storage: Pick<Storage, 'key' | 'length'>, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}
