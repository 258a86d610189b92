// One seeded PRNG for randomised tests: a failure names its seed, and the same seed replays the same inputs.
import { mulberry32 } from '../../src/core/detect/random';

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
