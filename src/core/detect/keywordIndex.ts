import { gramOffset } from './gramOffset';
import type { KeywordGrams } from './keywordGrams';
import { builtGrams, gramAtOf, gramsFor } from './keywordGrams';
import type { SlotLists } from './slotLists';
import { SlotListsBuilder } from './slotLists';

export type { SlotLists } from './slotLists';

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
  /** Keywords the rolling window does not look for: one character, or not Latin-1. */
  readonly otherKeywords: readonly number[];
  /** Whether the hash tables above are made yet (at their first read). */
  readonly tablesBuilt: boolean;
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
 * words each rule's finder reads (`wordLists`, by rule). `gramTable`: the build's table of gram offsets
 * (see keywordGrams.ts), used only when made for exactly these keywords.
 */
export function buildKeywordIndex(
  keywordLists: readonly (readonly string[])[],
  wordLists: readonly (readonly string[])[] = [],
  gramTable: KeywordGrams | undefined = builtGrams(),
): KeywordIndex {
  const ids = new Map<string, number>();
  const keywords: string[] = [];
  const idsOf = (list: readonly string[]): number[] => {
    const mine: number[] = [];
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
      if (!mine.includes(id)) {
        mine.push(id);
      }
    }
    return mine;
  };
  const ruleKeywords = keywordLists.map(idsOf);
  const ruleWords = keywordLists.map((_, r) => idsOf(wordLists[r] ?? []));
  const otherKeywords: number[] = [];
  let longestKeyword = 0;
  for (let id = 0; id < keywords.length; id++) {
    const kw = keywords[id]!;
    longestKeyword = Math.max(longestKeyword, kw.length);
    if (kw.length === 1 || !isLatin1(kw)) {
      otherKeywords.push(id);
    }
  }
  const keywordRules: number[][] = keywords.map(() => []);
  const keywordless: number[] = [];
  ruleKeywords.forEach((list, r) => {
    list.forEach((id) => keywordRules[id]!.push(r));
    if (list.length === 0) {
      keywordless.push(r);
    }
  });
  return withLazyTables(
    { keywords, ruleKeywords, ruleWords, keywordRules, keywordless, longestKeyword, otherKeywords },
    gramTable,
  );
}

/** What the index holds before its hash tables: each keyword, the rules', the lengths. */
type IndexLists = Pick<
  KeywordIndex,
  | 'keywords'
  | 'ruleKeywords'
  | 'ruleWords'
  | 'keywordRules'
  | 'keywordless'
  | 'longestKeyword'
  | 'otherKeywords'
>;

/** The hash tables of `KeywordIndex`, which only the prefilter's pass over a text reads. */
type HashTables = Omit<KeywordIndex, keyof IndexLists | 'tablesBuilt'>;

/**
 * The index with its hash tables made at their first read: about 1.7 MB of typed arrays and each keyword's
 * slots, 10-15 ms of a process's start-up, which a scan of a few small texts does without (the prefilter
 * searches each keyword in them instead, see `findKeywordHits`).
 */
function withLazyTables(lists: IndexLists, gramTable: KeywordGrams | undefined): KeywordIndex {
  let built: HashTables | undefined;
  const tables = (): HashTables => (built ??= hashTables(lists.keywords, gramTable));
  return {
    ...lists,
    get tablesBuilt() {
      return built !== undefined;
    },
    get mask() {
      return tables().mask;
    },
    get pairs() {
      return tables().pairs;
    },
    get quadSlots() {
      return tables().quadSlots;
    },
    get triSlots() {
      return tables().triSlots;
    },
    get grams() {
      return tables().grams;
    },
    get shortShift() {
      return tables().shortShift;
    },
    get gramAt() {
      return tables().gramAt;
    },
    get maxGramAt() {
      return tables().maxGramAt;
    },
    get tails() {
      return tables().tails;
    },
    get tailAt() {
      return tables().tailAt;
    },
    get covered() {
      return tables().covered;
    },
    get verify() {
      return tables().verify;
    },
  };
}

/** The hash tables over `keywords` (see `KeywordIndex`). */
function hashTables(keywords: readonly string[], gramTable: KeywordGrams | undefined): HashTables {
  const n = keywords.length;
  // The build's offsets (keywordGrams.ts) when made for these very keywords, else scored here.
  const offsets = gramsFor(keywords, gramTable);
  const mask = new Uint8Array(1 << HASH_BITS);
  const quadSlots = new SlotListsBuilder(1 << HASH_BITS);
  const triSlots = new SlotListsBuilder(1 << HASH_BITS);
  const pairs = new Uint8Array(1 << 16);
  const grams = new Int32Array(n);
  const shortShift = new Uint8Array(n);
  const gramAt = new Uint8Array(n);
  const tails = new Int32Array(n);
  const tailAt = new Uint8Array(n);
  const covered = new Uint8Array(n);
  const verify = new Uint8Array(n);
  let maxGramAt = 0;
  for (let id = 0; id < n; id++) {
    const kw = keywords[id]!;
    const length = kw.length;
    if (!isLatin1(kw)) {
      verify[id] = length > 4 ? 2 : 0;
      continue;
    }
    const at = length <= 4 ? 0 : offsets !== undefined ? gramAtOf(offsets, id) : gramOffset(kw);
    const end = Math.min(at + 4, length);
    let gram = 0;
    for (let i = at; i < end; i++) {
      gram = (gram << 8) | kw.charCodeAt(i);
    }
    grams[id] = gram;
    gramAt[id] = at;
    maxGramAt = Math.max(maxGramAt, at);
    if (length > 4) {
      // Four more bytes, away from the gram: a hostile text of one keyword's part repeated
      // (`-----BEGIN -----BEGIN …`) then fails on an integer compare, not a string compare.
      const tail = at === 0 ? Math.min(8, length - 4) : at >= 4 ? 0 : length - 4;
      tailAt[id] = tail;
      tails[id] = read32(kw, tail);
      const span = Math.max(at, tail) + 4 - Math.min(at, tail);
      covered[id] = Math.abs(at - tail) <= 4 && span >= length ? 1 : 0;
      verify[id] = covered[id] === 1 ? 1 : 2;
    }
    if (length === 1) {
      // Searched for by `indexOf` (`otherKeywords`).
    } else if (length === 2) {
      shortShift[id] = 16;
      pairs[gram] = 1;
      // The 256 land in 256 slots (TRI_MUL times any 1-255 is 2^15 or more from 0 mod 2^32; tested), so
      // the keyword enters each once.
      for (let b = 0; b < 256; b++) {
        const slot = Math.imul((gram << 8) | b, TRI_MUL) >>> SHIFT;
        mask[slot]! |= 8;
        triSlots.enter(slot, id);
      }
    } else if (length === 3) {
      shortShift[id] = 8;
      const slot = Math.imul(gram, TRI_MUL) >>> SHIFT;
      mask[slot]! |= 2;
      triSlots.enter(slot, id);
    } else {
      const slot = Math.imul(gram >>> 0, QUAD_MUL) >>> SHIFT;
      mask[slot]! |= 1;
      quadSlots.enter(slot, id);
      mask[Math.imul(gram >>> 8, TRI_MUL) >>> SHIFT]! |= 4;
    }
  }
  return {
    mask,
    pairs,
    quadSlots: quadSlots.pack(),
    triSlots: triSlots.pack(),
    grams,
    shortShift,
    gramAt,
    maxGramAt,
    tails,
    tailAt,
    covered,
    verify,
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
