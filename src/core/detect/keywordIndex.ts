import { gramOffset } from './gramOffset';

// The keyword index the prefilter (prefilter.ts) searches with: built once per rule set.

/** Keywords of a rule set, indexed for `findKeywordHits`. Build once per rule set. */
export interface KeywordIndex {
  /** Distinct lower-case keywords. */
  readonly keywords: readonly string[];
  /** For each rule (in the order given), the ids of its keywords; empty when it has none. */
  readonly ruleKeywords: readonly (readonly number[])[];
  /** For each rule, the ids of the words its finder reads (see `Rule.finderWords`); they run no rule. */
  readonly ruleWords: readonly (readonly number[])[];
  /** For each keyword id, the rules that list it. */
  readonly keywordRules: readonly (readonly number[])[];
  /** Rules without keywords: they run on every text. */
  readonly keywordless: readonly number[];
  readonly longestKeyword: number;
  /**
   * Per hash slot: bit 1, some keyword's indexed four bytes hash here (on the four-byte hash); bit 2, some
   * three-byte keyword does (on the three-byte hash); bit 4, the first three of some keyword's indexed
   * four bytes do (on the three-byte hash); bit 8, a two-byte keyword and some third byte do.
   */
  readonly mask: Uint8Array;
  /**
   * Per two-byte value (not hashed), 1 where it is a two-byte keyword. Read only where bit 8 marks a slot:
   * the 256 slots of each such keyword met common trigrams (`ame` of `name:`) often enough that a third of
   * the bench tree's candidates were `:a`'s, none of them a hit.
   */
  readonly pairs: Uint8Array;
  /** Per hash slot, the keywords whose indexed four bytes (`quadSlots`) or two or three bytes (`triSlots`) hash there. */
  readonly quadSlots: SlotLists;
  readonly triSlots: SlotLists;
  /** Per keyword, the four bytes at `gramAt` (or all of its two or three) as one big-endian number. */
  readonly grams: Int32Array;
  /** Per keyword of two or three bytes, how far a position's four bytes shift right to give its `grams` (16 or 8). */
  readonly shortShift: Uint8Array;
  /** Per keyword longer than four, where its indexed four bytes start (see `gramOffset`). */
  readonly gramAt: Uint8Array;
  /** Largest `gramAt`: how far past the range a four-byte window may still belong to a keyword in it. */
  readonly maxGramAt: number;
  /** Per keyword longer than four, four more bytes (at `tailAt`) checked before the string compare. */
  readonly tails: Int32Array;
  readonly tailAt: Uint8Array;
  /** 1 where the gram and tail together hold the whole keyword, so no string compare is needed. */
  readonly covered: Uint8Array;
  /** Per keyword, what a match of its indexed bytes still needs: 0 nothing (four bytes or fewer), 1 the tail, 2 the tail and a string compare. */
  readonly verify: Uint8Array;
  /** Keywords the rolling window does not look for: not Latin-1. */
  readonly otherKeywords: readonly number[];
}

/**
 * Keyword ids per table slot, packed: slot `s` holds `ids[first[s]]` to `ids[first[s] + count[s] - 1]`.
 * Typed arrays, not an array of arrays: `new Array(n)` past about 100K elements is a dictionary in V8, and
 * its lookups made the ~1M positions per 60 MB that pass the mask cost as much as all the others. A first
 * offset and a count per slot, not running offsets: filled from the few slots used, with no pass over all
 * 128K of them (a pass over each table was a millisecond or two of a short process's start-up).
 */
export interface SlotLists {
  readonly first: Int32Array;
  readonly count: Uint16Array;
  readonly ids: Int32Array;
}

function packSlots(size: number, lists: ReadonlyMap<number, readonly number[]>): SlotLists {
  const first = new Int32Array(size);
  const count = new Uint16Array(size);
  let total = 0;
  lists.forEach((list) => (total += list.length));
  const ids = new Int32Array(total);
  let at = 0;
  lists.forEach((list, slot) => {
    first[slot] = at;
    count[slot] = list.length;
    ids.set(list, at);
    at += list.length;
  });
  return { first, count, ids };
}

/**
 * 128K slots: with ~500 keywords a 64K table let common code trigrams (`: "`) collide with keyword
 * slots and tripled the positions that needed a closer look; 256K no longer fits the L2 cache as well.
 */
export const HASH_BITS = 17;
export const SHIFT = 32 - HASH_BITS;
/** Four-byte and three-byte grams hash with different multipliers into one table. */
export const QUAD_MUL = 0x9e3779b1;
export const TRI_MUL = 0x85ebca6b;

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      return false;
    }
  }
  return true;
}

/**
 * Builds the index over each rule's keyword list (lower-cased here, empty strings dropped), and over the
 * words each rule's finder reads (`wordLists`, by rule).
 */
export function buildKeywordIndex(
  keywordLists: readonly (readonly string[])[],
  wordLists: readonly (readonly string[])[] = [],
): KeywordIndex {
  const ids = new Map<string, number>();
  const keywords: string[] = [];
  const idsOf = (list: readonly string[]): number[] => {
    const mine = new Set<number>();
    for (const raw of list) {
      const kw = asciiLower(raw);
      if (kw.length === 0) {
        continue;
      }
      let id = ids.get(kw);
      if (id === undefined) {
        id = keywords.length;
        ids.set(kw, id);
        keywords.push(kw);
      }
      mine.add(id);
    }
    return [...mine];
  };
  const ruleKeywords = keywordLists.map(idsOf);
  const ruleWords = keywordLists.map((_, r) => idsOf(wordLists[r] ?? []));
  const mask = new Uint8Array(1 << HASH_BITS);
  const quadSlots = new Map<number, number[]>();
  const triSlots = new Map<number, number[]>();
  const pairs = new Uint8Array(1 << 16);
  const grams = new Int32Array(keywords.length);
  const shortShift = new Uint8Array(keywords.length);
  const gramAt = new Uint8Array(keywords.length);
  const tails = new Int32Array(keywords.length);
  const tailAt = new Uint8Array(keywords.length);
  const covered = new Uint8Array(keywords.length);
  const otherKeywords: number[] = [];
  const enter = (slots: Map<number, number[]>, slot: number, bit: number, id: number): void => {
    mask[slot]! |= bit;
    const list = slots.get(slot) ?? [];
    slots.set(slot, list);
    if (!list.includes(id)) {
      list.push(id);
    }
  };
  keywords.forEach((kw, id) => {
    if (!isLatin1(kw)) {
      otherKeywords.push(id);
      return;
    }
    const at = kw.length > 4 ? gramOffset(kw) : 0;
    let gram = 0;
    for (let i = at; i < Math.min(at + 4, kw.length); i++) {
      gram = (gram << 8) | kw.charCodeAt(i);
    }
    grams[id] = gram;
    gramAt[id] = at;
    if (kw.length > 4) {
      // Four more bytes, away from the gram: a hostile text of one keyword's part repeated
      // (`-----BEGIN -----BEGIN …`) then fails on an integer compare, not a string compare.
      tailAt[id] = at === 0 ? Math.min(8, kw.length - 4) : at >= 4 ? 0 : kw.length - 4;
      tails[id] = read32(kw, tailAt[id]);
      const span = Math.max(at, tailAt[id]) + 4 - Math.min(at, tailAt[id]);
      covered[id] = Math.abs(at - tailAt[id]) <= 4 && span >= kw.length ? 1 : 0;
    }
    if (kw.length === 1) {
      otherKeywords.push(id);
    } else if (kw.length === 2) {
      shortShift[id] = 16;
      pairs[gram] = 1;
      for (let b = 0; b < 256; b++) {
        enter(triSlots, Math.imul((gram << 8) | b, TRI_MUL) >>> SHIFT, 8, id);
      }
    } else if (kw.length === 3) {
      shortShift[id] = 8;
      enter(triSlots, Math.imul(gram, TRI_MUL) >>> SHIFT, 2, id);
    } else {
      enter(quadSlots, Math.imul(gram >>> 0, QUAD_MUL) >>> SHIFT, 1, id);
      mask[Math.imul(gram >>> 8, TRI_MUL) >>> SHIFT]! |= 4;
    }
  });
  const longestKeyword = keywords.reduce((max, kw) => Math.max(max, kw.length), 0);
  const keywordRules: number[][] = keywords.map(() => []);
  ruleKeywords.forEach((ids, r) => ids.forEach((id) => keywordRules[id]!.push(r)));
  const keywordless = ruleKeywords.flatMap((ids, r) => (ids.length === 0 ? [r] : []));
  return {
    keywords,
    ruleKeywords,
    ruleWords,
    keywordRules,
    keywordless,
    longestKeyword,
    mask,
    pairs,
    quadSlots: packSlots(1 << HASH_BITS, quadSlots),
    triSlots: packSlots(1 << HASH_BITS, triSlots),
    grams,
    shortShift,
    gramAt,
    maxGramAt: gramAt.reduce((max, at) => Math.max(max, at), 0),
    tails,
    tailAt,
    covered,
    verify: keywords.reduce(
      (v, kw, id) => ((v[id] = kw.length <= 4 ? 0 : covered[id] === 1 ? 1 : 2), v),
      new Uint8Array(keywords.length),
    ),
    otherKeywords,
  };
}

function read32(s: string, at: number): number {
  return (
    (s.charCodeAt(at) << 24) |
    (s.charCodeAt(at + 1) << 16) |
    (s.charCodeAt(at + 2) << 8) |
    s.charCodeAt(at + 3)
  );
}

/**
 * Lower-cases ASCII letters without moving any offset. `toLowerCase` is native and fast, and keeps the
 * length unless the text holds a character that lower-cases to two (U+0130); only then is the slower
 * ASCII-only path taken. A text with no upper-case ASCII letter and nothing past ASCII is already what
 * `toLowerCase` gives, and is returned as it is: a test that stops at the first such character costs
 * less than the copy (1.4 ms per MB) in a file of lower-case text, next to nothing in code.
 */
export function asciiLower(text: string): string {
  if (!MAY_CHANGE.test(text)) {
    return text;
  }
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** A character `toLowerCase` may change: an ASCII capital, or anything past ASCII. */
const MAY_CHANGE = /[A-Z\u0080-\uffff]/;
