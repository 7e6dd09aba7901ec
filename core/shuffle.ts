/**
 * Seeded, deterministic shuffling: the same seed always gives the same order, so a learner who reloads the page sees
 * the options (and the quiz its drawn questions) exactly as before.
 */

/** cyrb53: a fast, well-distributed 53-bit string hash (public domain, bryc). */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: a small 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random number generator in [0, 1) for the given seed string. */
export function seededRandom(seed: string): () => number {
  // Use the low 32 bits of the hash: mulberry32 takes a 32-bit state.
  return mulberry32(hashString(seed) % 4294967296);
}

/**
 * Returns a shuffled copy of `items` (Fisher–Yates driven by a PRNG seeded from `seed`); `items` is not changed.
 * Same items and seed ⇒ same order.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = items.slice();
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
