// One seeded PRNG for randomised tests: a failure names its seed, and the same seed replays the same inputs.

/** mulberry32: a seeded sequence of unsigned 32-bit integers. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Seeded integers in [0, n): each draw is the next mulberry32 value modulo `n`. */
export function seededInts(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n) => next() % n;
}

/** Seeded numbers in [0, 1): each draw is the next mulberry32 value over 2^32. */
export function seededFloats(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}
