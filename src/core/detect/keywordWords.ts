import type { KeywordIndex } from './keywordIndex';

/**
 * The prefilter's last check of a long keyword (one its indexed four bytes and four-byte tail do not
 * cover, see `verify` in keywordIndex.ts), on the Latin-1 copy of the text in four-byte words rather than
 * a string compare: `startsWith` cost some 30 ns a call where such keywords come every few bytes
 * (`password=` and a letter, repeated, a third of that scan's time), a word compare a few. The copy keeps
 * only the low byte of each character, so a byte compare is exact only where the text holds none past
 * U+00FF (`narrowText`); elsewhere the prefilter keeps the string compare.
 */

/** Per keyword (of four characters or more), its bytes as pairs of offset and big-endian word: at 0, 4, … and one ending at its end. */
export type KeywordWords = readonly Int32Array[];

const wordsOf = new WeakMap<KeywordIndex, KeywordWords>();

export function keywordWords(index: KeywordIndex): KeywordWords {
  let words = wordsOf.get(index);
  if (words === undefined) {
    words = index.keywords.map(wordsOfKeyword);
    wordsOf.set(index, words);
  }
  return words;
}

function wordsOfKeyword(keyword: string): Int32Array {
  if (keyword.length < 4) {
    return new Int32Array(0);
  }
  const offsets: number[] = [];
  for (let at = 0; at + 4 < keyword.length; at += 4) {
    offsets.push(at);
  }
  offsets.push(keyword.length - 4);
  const b = (k: number): number => keyword.charCodeAt(k) & 0xff;
  return Int32Array.from(
    offsets.flatMap((at) => [at, (b(at) << 24) | (b(at + 1) << 16) | (b(at + 2) << 8) | b(at + 3)]),
  );
}

/**
 * Whether the keyword of `length` characters whose `words` these are is at `at` of `view`, whose first
 * `size` bytes are the copy (bytes past them are not read).
 */
export function wordsAt(
  view: DataView,
  at: number,
  words: Int32Array,
  length: number,
  size: number,
): boolean {
  if (at + length > size) {
    return false;
  }
  for (let k = 0; k < words.length; k += 2) {
    if (view.getInt32(at + words[k]!) !== words[k + 1]) {
      return false;
    }
  }
  return true;
}

/** A character past U+00FF: where the text holds one, the Latin-1 copy may show a keyword it does not hold. */
const WIDE = /[\u0100-\uffff]/;

/** Whether `text` holds only characters up to U+00FF (next to free on a one-byte string: the regex knows it cannot match). */
export function narrowText(text: string): boolean {
  return !WIDE.test(text);
}
