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

/**
 * Built once per index, at the first scan: each keyword's pairs written into its array, where a `flatMap`
 * of pairs into `Int32Array.from` cost ~4 ms of every process's start-up for the catalogue's ~900 keywords.
 */
function wordsOfKeyword(keyword: string): Int32Array {
  const length = keyword.length;
  if (length < 4) {
    return new Int32Array(0);
  }
  // Offsets 0, 4, … below `length - 4`, then `length - 4`.
  const pairs = new Int32Array(2 * (Math.ceil((length - 4) / 4) + 1));
  let k = 0;
  for (let at = 0; at + 4 < length; at += 4) {
    pairs[k++] = at;
    pairs[k++] = wordAt(keyword, at);
  }
  pairs[k++] = length - 4;
  pairs[k] = wordAt(keyword, length - 4);
  return pairs;
}

/** The low bytes of `keyword`'s four characters at `at`, as one big-endian word. */
function wordAt(keyword: string, at: number): number {
  return (
    ((keyword.charCodeAt(at) & 0xff) << 24) |
    ((keyword.charCodeAt(at + 1) & 0xff) << 16) |
    ((keyword.charCodeAt(at + 2) & 0xff) << 8) |
    (keyword.charCodeAt(at + 3) & 0xff)
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
