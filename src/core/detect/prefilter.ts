import { gramOffset } from './gramOffset';

/**
 * Keyword prefilter: finds every occurrence of every rule keyword in one linear pass, so that rule
 * patterns only ever run in small windows around their keywords.
 *
 * Measured on the bench's generated source code with the catalogue's ~140 keywords and with ~220
 * gitleaks-like ones (Node 20, one core, best of five on a loaded machine): one alternation RegExp over
 * all keywords ~150 MB/s (a trie-shaped one the same), `indexOf` per keyword ~13-90 MB/s (it grows with
 * the keyword count), a table of keywords' first two characters ~100 MB/s (pairs like `to`, `se`, `re`
 * make most positions candidates). What wins is a rolling 4-byte window over a Latin-1 copy of the
 * text, checked against one table of hashed bits: almost every position is rejected by one lookup, on
 * the hash of its first three bytes, which marks three-character keywords, two-character ones (entered
 * with each of the 256 bytes that can follow them) and the first three bytes of each longer keyword's
 * indexed four; only where the last is marked (some 4% of positions in code) is the four-byte hash
 * looked up too: a third less time on the bench tree than two hashed lookups and a direct pair table per
 * position. Only a non-Latin-1 keyword gets a native `indexOf` pass of its own.
 *
 * Hits are kept as runs: a hit within `RUN_GAP` of the previous one of the same keyword extends its
 * run instead of adding an entry, since every rule's windows would merge there anyway. A file that is
 * one keyword repeated thus costs one run, not a million entries.
 */

/** Keywords of a rule set, indexed for `findKeywordHits`. Build once per rule set. */
export interface KeywordIndex {
  /** Distinct lower-case keywords. */
  readonly keywords: readonly string[];
  /** For each rule (in the order given), the ids of its keywords; empty when it has none. */
  readonly ruleKeywords: readonly (readonly number[])[];
  /** For each keyword id, the rules that list it. */
  readonly keywordRules: readonly (readonly number[])[];
  /** Rules without keywords: they run on every text. */
  readonly keywordless: readonly number[];
  readonly longestKeyword: number;
  /**
   * Per hash slot: bit 1, some keyword's indexed four bytes hash here (on the four-byte hash); bit 2, some
   * keyword of two or three bytes does (on the three-byte hash, a two-byte one once per third byte); bit 4,
   * the first three of some keyword's indexed four bytes do (on the three-byte hash).
   */
  readonly mask: Uint8Array;
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
  /** Keywords the rolling window does not look for: not Latin-1. */
  readonly otherKeywords: readonly number[];
}

/**
 * Keyword ids per table slot, packed: slot `s` holds `ids[start[s]]` to `ids[start[s + 1] - 1]`. Typed
 * arrays, not an array of arrays: `new Array(n)` past about 100K elements is a dictionary in V8, and its
 * lookups made the ~1M positions per 60 MB that pass the mask cost as much as all the others.
 */
export interface SlotLists {
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

function packSlots(size: number, lists: ReadonlyMap<number, readonly number[]>): SlotLists {
  const start = new Int32Array(size + 1);
  lists.forEach((list, slot) => (start[slot + 1] = list.length));
  for (let s = 0; s < size; s++) {
    start[s + 1]! += start[s]!;
  }
  const ids = new Int32Array(start[size]!);
  lists.forEach((list, slot) => ids.set(list, start[slot]));
  return { start, ids };
}

/**
 * Hits of one keyword as runs, flattened: `[start0, last0, start1, last1, …]`, where each run holds
 * hits no more than `RUN_GAP` apart and `last` is the offset of its last hit.
 */
export type HitRuns = number[];

/** Hits closer than this merge into one run: every rule's windows reach 64 characters before a hit. */
export const RUN_GAP = 64;

/**
 * 128K slots: with ~500 keywords a 64K table let common code trigrams (`: "`) collide with keyword
 * slots and tripled the positions that needed a closer look; 256K no longer fits the L2 cache as well.
 */
const HASH_BITS = 17;
const SHIFT = 32 - HASH_BITS;
/** Four-byte and three-byte grams hash with different multipliers into one table. */
const QUAD_MUL = 0x9e3779b1;
const TRI_MUL = 0x85ebca6b;

/** Zero bytes after the copied text: the four-byte window plus the furthest tail read (8 + 4). */
const PAD = 12;

/** Reused across scans: allocating a Buffer per scanned file costs more than the search itself. */
let scratch = Buffer.alloc(1 << 16);

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      return false;
    }
  }
  return true;
}

/** Builds the index over each rule's keyword list (lower-cased here, empty strings dropped). */
export function buildKeywordIndex(keywordLists: readonly (readonly string[])[]): KeywordIndex {
  const ids = new Map<string, number>();
  const keywords: string[] = [];
  const ruleKeywords = keywordLists.map((list) => {
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
  });
  const mask = new Uint8Array(1 << HASH_BITS);
  const quadSlots = new Map<number, number[]>();
  const triSlots = new Map<number, number[]>();
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
      // 768 slots for the catalogue's three: fewer positions pass than a direct pair table's third lookup costs.
      shortShift[id] = 16;
      for (let b = 0; b < 256; b++) {
        enter(triSlots, Math.imul((gram << 8) | b, TRI_MUL) >>> SHIFT, 2, id);
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
    keywordRules,
    keywordless,
    longestKeyword,
    mask,
    quadSlots: packSlots(1 << HASH_BITS, quadSlots),
    triSlots: packSlots(1 << HASH_BITS, triSlots),
    grams,
    shortShift,
    gramAt,
    maxGramAt: gramAt.reduce((max, at) => Math.max(max, at), 0),
    tails,
    tailAt,
    covered,
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
 * ASCII-only path taken.
 */
export function asciiLower(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * Hits, as runs, of each keyword of `index` starting in [from, to) of `lower` (the text after
 * `asciiLower`); undefined for a keyword not found. Linear in `to - from`: one or two table lookups per
 * position, and a few integer compares where a keyword may start. `found`, when given, receives the id
 * of each keyword found, in the order of their first hits: a caller need not look through every id.
 */
export function findKeywordHits(
  index: KeywordIndex,
  lower: string,
  from: number,
  to: number,
  found?: number[],
): (HitRuns | undefined)[] {
  const hits: (HitRuns | undefined)[] = new Array<HitRuns | undefined>(index.keywords.length);
  foundIds = found;
  const end = Math.min(lower.length, to + index.longestKeyword);
  if (end - from >= 2 && index.otherKeywords.length < index.keywords.length) {
    scanGrams(index, lower, from, to, end, hits);
  }
  for (const id of index.otherKeywords) {
    const kw = index.keywords[id]!;
    for (let i = lower.indexOf(kw, from); i !== -1 && i < to; i = lower.indexOf(kw, i + 1)) {
      addHit(hits, id, i);
    }
  }
  foundIds = undefined;
  return hits;
}

/** Where `addHit` lists each keyword at its first hit, during a `findKeywordHits` call that asked for it. */
let foundIds: number[] | undefined;

function scanGrams(
  index: KeywordIndex,
  lower: string,
  from: number,
  to: number,
  end: number,
  hits: (HitRuns | undefined)[],
): void {
  // A Latin-1 copy is a memcpy for one-byte strings; for others each code unit keeps its low byte,
  // which can only add hits (a hit only opens a window, where the rule's pattern has the last word).
  // Zero bytes pad the end so that the last positions still form a four-byte window and a tail read.
  const length = end - from;
  if (scratch.length < length + PAD) {
    scratch = Buffer.alloc(Math.max(length + PAD, scratch.length * 2));
  }
  const buf = scratch;
  buf.write(from === 0 && end === lower.length ? lower : lower.slice(from, end), 0, 'latin1');
  buf.fill(0, length, length + PAD);
  const mask = index.mask;
  // A keyword starting in the range may have its indexed window up to `maxGramAt` bytes past it.
  const last = Math.min(length - 1, to - from + index.maxGramAt);
  const limit = to - from;
  for (let i = nextCandidate(buf, mask, 0, last); i < last; i = nextCandidate(buf, mask, i + 1, last)) {
    const v = (buf[i]! << 24) | (buf[i + 1]! << 16) | (buf[i + 2]! << 8) | buf[i + 3]!;
    const tri = Math.imul(v >>> 8, TRI_MUL) >>> SHIFT;
    const quad = Math.imul(v, QUAD_MUL) >>> SHIFT;
    checkAt(index, lower, buf, i, limit, from, v, (mask[tri]! & 2) | (mask[quad]! & 1), quad, tri, hits);
  }
}

/**
 * The first position in [i, last) of `buf` whose four bytes `mask` marks (see `KeywordIndex.mask`), or
 * `last`. The loop only rejects, one hashed lookup per position (a second for the few percent whose first
 * three bytes begin some keyword's indexed four), and calls nothing: with the keyword checks in the same
 * loop, TurboFan inlined them into it or not from one run to the next, and the loop ran at half speed
 * or less when it did.
 */
function nextCandidate(buf: Uint8Array, mask: Uint8Array, i: number, last: number): number {
  // The hash constants as locals: read from the module's scope inside the loop, each was a context load
  // per position, and the multipliers (over 2^31, heap numbers) a double-to-int conversion each as well,
  // about half of the loop's instructions in TurboFan's code. `| 0` gives the same products in `imul`.
  const quadMul = QUAD_MUL | 0;
  const triMul = TRI_MUL | 0;
  const shift = SHIFT;
  let v = (buf[i]! << 16) | (buf[i + 1]! << 8) | buf[i + 2]!;
  for (; i < last; i++) {
    v = (v << 8) | buf[i + 3]!;
    const first = mask[Math.imul(v >>> 8, triMul) >>> shift]!;
    if ((first & 6) !== 0 && ((first & 2) | (mask[Math.imul(v, quadMul) >>> shift]! & 1)) !== 0) {
      return i;
    }
  }
  return last;
}

/**
 * Records the keywords whose indexed bytes are `v`, at `i` in `buf` (offset `from + i` in `lower`), that
 * start in [0, limit) of `buf`: on the four-byte hash `quad` when `marks` has bit 1, on the three-byte
 * hash `tri` when it has bit 2.
 */
function checkAt(
  index: KeywordIndex,
  lower: string,
  buf: Uint8Array,
  i: number,
  limit: number,
  from: number,
  v: number,
  marks: number,
  quad: number,
  tri: number,
  hits: (HitRuns | undefined)[],
): void {
  const { grams, gramAt, tails, tailAt, keywords } = index;
  if ((marks & 1) !== 0) {
    const { start, ids } = index.quadSlots;
    for (let k = start[quad]!; k < start[quad + 1]!; k++) {
      const id = ids[k]!;
      const begin = i - gramAt[id]!;
      if (grams[id] !== v || begin < 0 || begin >= limit) {
        continue;
      }
      if (keywords[id]!.length > 4) {
        const t = begin + tailAt[id]!;
        const tail = (buf[t]! << 24) | (buf[t + 1]! << 16) | (buf[t + 2]! << 8) | buf[t + 3]!;
        if (
          tail !== tails[id] ||
          (index.covered[id] === 0 && !lower.startsWith(keywords[id]!, from + begin))
        ) {
          continue;
        }
      }
      addHit(hits, id, from + begin);
    }
  }
  if ((marks & 2) !== 0 && i < limit) {
    const { start, ids } = index.triSlots;
    const shortShift = index.shortShift;
    for (let k = start[tri]!; k < start[tri + 1]!; k++) {
      const id = ids[k]!;
      if (grams[id] === v >>> shortShift[id]!) {
        addHit(hits, id, from + i);
      }
    }
  }
}

function addHit(hits: (HitRuns | undefined)[], id: number, at: number): void {
  const runs = hits[id];
  if (runs === undefined) {
    hits[id] = [at, at];
    foundIds?.push(id);
  } else if (at - runs[runs.length - 1]! <= RUN_GAP) {
    runs[runs.length - 1] = at;
  } else {
    runs.push(at, at);
  }
}
