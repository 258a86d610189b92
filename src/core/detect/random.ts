import { randomInt } from 'node:crypto';

/** Character sets for building fixture secrets at test time. */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_HEX = '0123456789ABCDEF';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';
export const DIGITS = '0123456789';

/** Where every draw of this module comes from: the system's generator, or a seeded one (`seedDraws`). */
let nextIndex: (n: number) => number = (n) => randomInt(n);

/**
 * Makes every draw of this module repeatable from `seed`, or the system's again when `seed` is
 * undefined. The unit tests seed each test from its title (test/support/seededDraws.ts), so that a rule's
 * generated samples are the same on every run and a failure can be replayed.
 */
export function seedDraws(seed: number | undefined): void {
  if (seed === undefined) {
    nextIndex = (n) => randomInt(n);
    return;
  }
  const next = mulberry32(seed);
  nextIndex = (n) => Math.floor((next() / 4294967296) * n);
}

/** mulberry32: a small seeded generator of unsigned 32-bit integers (for repeatable draws, never for keys). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An integer in [0, n). */
export function randomIndex(n: number): number {
  return nextIndex(n);
}

/** A number in [0, 1): the samples' choice among shapes, from the same source as every other draw. */
export function randomFraction(): number {
  return nextIndex(0x40000000) / 0x40000000;
}

/**
 * A random string over `charset`. Rule tests build their positives with it, so the repo holds no
 * key-shaped literal. It retries until the result has both a letter and a digit where the charset has
 * both, which keeps a generated key from looking like a placeholder.
 */
export function randomToken(charset: string, length: number): string {
  const mixed = /[a-z]/i.test(charset) && /\d/.test(charset) && length >= 8;
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += charset[nextIndex(charset.length)];
    }
    if (!mixed || (/[a-z]/i.test(out) && /\d/.test(out))) {
      return out;
    }
  }
}
