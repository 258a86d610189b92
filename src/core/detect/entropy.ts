/**
 * Per-character counts of ASCII text, reused by every call: the rules judge thousands of candidates in a
 * dense line of tokens, and a `Map` per candidate was a quarter of that scan's time (2026-12-05: a 1 MB
 * line of bot-token-shaped runs). `ORDER` holds the characters in the order first seen, so sums run in
 * the same order as over a `Map` and give the same bits to the last place.
 */
const COUNTS = new Int32Array(128);
const ORDER = new Uint8Array(128);

/** Shannon entropy of `text` in bits per character. */
export function shannonEntropy(text: string): number {
  const n = text.length;
  if (n === 0) {
    return 0;
  }
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      clearCounts(distinct);
      return entropyOfCodePoints(text);
    }
    const seen = COUNTS[c]!;
    COUNTS[c] = seen + 1;
    if (seen === 0) {
      ORDER[distinct++] = c;
    }
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = ORDER[k]!;
    const p = COUNTS[c]! / n;
    bits -= p * Math.log2(p);
    COUNTS[c] = 0;
  }
  return bits;
}

/**
 * The largest count of any one UTF-16 unit in `text` (0 for ''): how much one character fills a value.
 */
export function topCharCount(text: string): number {
  let distinct = 0;
  let top = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      clearCounts(distinct);
      return topUnitCount(text);
    }
    const n = COUNTS[c]! + 1;
    COUNTS[c] = n;
    if (n === 1) {
      ORDER[distinct++] = c;
    }
    top = n > top ? n : top;
  }
  clearCounts(distinct);
  return top;
}

function clearCounts(distinct: number): void {
  for (let k = 0; k < distinct; k++) {
    COUNTS[ORDER[k]!] = 0;
  }
}

/** The general case: counts per code point (a surrogate pair is one character). */
function entropyOfCodePoints(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function topUnitCount(text: string): number {
  const counts = new Map<number, number>();
  let top = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    top = n > top ? n : top;
  }
  return top;
}

/**
 * The entropy a random hex value of `length` characters stays above in all but about one draw in
 * 100,000, rounded down (measured on 200,000 draws: 2.92 bits for 32 characters, 2.64 for 24, 2.13
 * for 16). A rule's floor above this would drop real hex keys; placeholders (`aaaabbbb…`) sit far below.
 */
export function hexEntropyFloor(length: number): number {
  return length >= 32 ? 2.8 : length >= 24 ? 2.5 : length >= 16 ? 2 : 1.8;
}
