// Reports must come out the same every time they are drafted from the same input, so every random
// choice (k-means++ seeds, samples) draws from this seeded generator, never from Math.random.

/** mulberry32: a small, fast 32-bit generator; plenty for choosing seeds and samples. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices of 0..n-1, in increasing order, chosen by a seeded shuffle. */
export function sampleIndices(n: number, count: number, random: () => number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}
