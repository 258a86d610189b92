import type { KeywordIndex } from './keywordIndex';
import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';
import { LowerText } from './lowerText';
import { gramLoop, noteCopy } from './byteLoops';
import { BATCH } from './byteLoopsJs';
import { findStretch, findStretchIn, skipPeriods, type Stretch } from './periodicSkip';
import { QUAD_STRIDE, slotEntries, TRI_STRIDE } from './slotEntries';

import { type KeywordWords, keywordWords, narrowText, wordsAt } from './keywordWords';

/** The slot strides for the hot loop (an imported constant compiled to CommonJS is a property load at each use). */
const QUAD = QUAD_STRIDE;
const TRI = TRI_STRIDE;
const FULL = BATCH;

/**
 * Keyword prefilter: finds every occurrence of every rule keyword in one linear pass, so that rule
 * patterns only ever run in small windows around their keywords.
 *
 * Measured on the bench's generated source code with the catalogue's ~140 keywords and with ~220
 * gitleaks-like ones (Node 20, one core, best of five on a loaded machine): one alternation RegExp over
 * all keywords ~150 MB/s (a trie-shaped one the same), `indexOf` per keyword ~13-90 MB/s (it grows with
 * the keyword count), a table of keywords' first two characters ~100 MB/s (pairs like `to`, `se`, `re`
 * make most positions candidates). What wins is a 4-byte window at each position of a Latin-1 copy of the
 * text, checked against one table of hashed bits: almost every position is rejected by one lookup, on
 * the hash of its first three bytes, which marks three-character keywords, two-character ones (entered
 * with each of the 256 bytes that can follow them) and the first three bytes of each longer keyword's
 * indexed four; only where the last is marked (some 2-4% of positions in code) is the four-byte hash
 * looked up too, and a direct pair table where a two-character keyword's mark is: a third less time on
 * the bench tree than two hashed lookups and the pair table at every position. That rejecting loop runs
 * as WebAssembly (byteLoops.ts; in JavaScript where it is missing); the keyword checks at the few
 * positions it passes run here. Only a non-Latin-1 keyword gets a native `indexOf` pass of its own.
 *
 * Hits are kept as runs: a hit within `RUN_GAP` of the previous one of the same keyword extends its
 * run instead of adding an entry, since every rule's windows would merge there anyway. A file that is
 * one keyword repeated thus costs one run, not a million entries. Where hits come dense and the text
 * repeats with a short period, whole periods are skipped (periodicSkip.ts): the same runs, without a
 * look at each of the hostile file's hundreds of thousands of hits.
 */

/**
 * Hits of one keyword as runs, flattened: `[start0, last0, start1, last1, …]`, where each run holds
 * hits no more than `RUN_GAP` apart and `last` is the offset of its last hit.
 */
export type HitRuns = number[];

/** Hits closer than this merge into one run: every rule's windows reach 64 characters before a hit. */
export const RUN_GAP = 64;
/** `RUN_GAP` for the hot loop: an exported constant compiled to CommonJS is a property load at each use. */
const GAP = 64;

/**
 * Zero bytes after the copied text: the four-byte window plus the furthest tail read (8 + 4), and room for
 * `fold`, which lower-cases sixteen bytes at a time.
 */
const PAD = 16;

/**
 * Hits, as runs, of each keyword of `index` starting in [from, to) of `lower` (the text after
 * `asciiLower`, or a `LowerText` that makes it only if it must); undefined for a keyword not found. Linear in `to - from`: one or two table lookups per
 * position, and a few integer compares where a keyword may start. `found`, when given, receives the id
 * of each keyword found, once each, in no set order: a caller need not look through every id.
 */
export function findKeywordHits(
  index: KeywordIndex,
  lowerText: string | LowerText,
  from: number,
  to: number,
  found?: number[],
): (HitRuns | undefined)[] {
  const lower = LowerText.of(lowerText);
  const count = index.keywords.length;
  const hits: (HitRuns | undefined)[] = new Array<HitRuns | undefined>(count);
  foundIds = found;
  if (lastHit.length < count) {
    lastHit = new Int32Array(count).fill(NONE);
    seen = new Int32Array(count);
  }
  // Back to `NONE` for the keywords the last call found (here, not as it ends: a throw cannot leave them).
  for (let k = 0; k < seenCount; k++) {
    lastHit[seen[k]!] = NONE;
  }
  seenCount = 0;
  const end = Math.min(lower.length, to + index.longestKeyword);
  // Whether the copy was of a one-byte text: no keyword past Latin-1 can occur in it, and one within is
  // searched for in the copy's bytes (`LowerText.indexOf`), without the lower-cased string.
  const oneByte =
    end - from >= 2 && index.otherKeywords.length < index.keywords.length
      ? searchedEach(index, lower, from, to, hits) || scanGrams(index, lower, from, to, end, hits)
      : false;
  for (const id of index.otherKeywords) {
    const kw = index.keywords[id]!;
    if (oneByte && !narrowText(kw)) {
      continue;
    }
    for (let i = lower.indexOf(kw, from); i !== -1 && i < to; i = lower.indexOf(kw, i + 1)) {
      addHit(hits, id, i);
    }
  }
  foundIds = undefined;
  settleRuns(hits);
  return hits;
}

/**
 * A small one-byte text while the index's hash tables are not made yet (see `withLazyTables`) is searched
 * keyword by keyword: ~950 `indexOf`s over a 44-byte text take ~0.05 ms, where making the tables and the
 * byte loops took 15-25 ms of a process that scans three small files (about 0.35 ms per KB of text, so the
 * tables pay from some tens of KB on). The same hits: every keyword of two characters or more at every place
 * in [from, to) (one character and past Latin-1 are searched for by the caller, `otherKeywords`). Texts up
 * to `EACH_MAX` long, until such searches have read `EACH_BUDGET` characters for the index. A text past
 * Latin-1 takes the tables' path, whose low-byte copy may add hits (which only open windows).
 */
function searchedEach(index: KeywordIndex, lower: LowerText, from: number, to: number, hits: Hits): boolean {
  const end = Math.min(lower.length, to + index.longestKeyword);
  if (index.tablesBuilt || end - from > EACH_MAX) {
    return false;
  }
  const read = (eachRead.get(index) ?? 0) + (end - from);
  const base = lower.from;
  if (read > EACH_BUDGET || !narrowText(lower.text.slice(base + from, base + end))) {
    return false;
  }
  eachRead.set(index, read);
  const { keywords, otherKeywords } = index;
  let other = 0;
  for (let id = 0; id < keywords.length; id++) {
    if (other < otherKeywords.length && otherKeywords[other] === id) {
      other++;
      continue;
    }
    const kw = keywords[id]!;
    for (let i = lower.indexOf(kw, from); i !== -1 && i < to; i = lower.indexOf(kw, i + 1)) {
      addHit(hits, id, i);
    }
  }
  return true;
}

const EACH_MAX = 2048;
const EACH_BUDGET = 16384;
/** Each keyword's runs by id, as `findKeywordHits` returns them. */
type Hits = (HitRuns | undefined)[];
/** Characters `searchedEach` has read per index. */
const eachRead = new WeakMap<KeywordIndex, number>();

/**
 * Each keyword's last hit during a `findKeywordHits` call (`NONE` before its first), kept here rather
 * than in its runs until `settleRuns`: the hits of a dense text mostly just move it, and a typed array
 * costs less to read and write than the last element of a growing list. `seen` lists the ids found, so
 * that neither the reset nor the settling goes through all of the catalogue's ~900 keywords per text.
 */
let lastHit = new Int32Array(0);
let seen = new Int32Array(0);
let seenCount = 0;
const NONE = -(1 << 30);

/** Writes each found keyword's last hit into its runs (`reload`: the other way round). */
function settleRuns(hits: (HitRuns | undefined)[], reload = false): void {
  for (let k = 0; k < seenCount; k++) {
    const id = seen[k]!;
    const runs = hits[id]!;
    if (reload) {
      lastHit[id] = runs[runs.length - 1]!;
    } else {
      runs[runs.length - 1] = lastHit[id]!;
    }
  }
}

/** Where `addHit` lists each keyword at its first hit, during a `findKeywordHits` call that asked for it. */
let foundIds: number[] | undefined;

function scanGrams(
  index: KeywordIndex,
  lower: LowerText,
  from: number,
  to: number,
  end: number,
  hits: (HitRuns | undefined)[],
): boolean {
  // A Latin-1 copy, in the memory of the wasm loop (byteLoops.ts) that rejects positions: for a one-byte
  // string a memcpy of the text, lower-cased there (`fold`: the same bytes as `asciiLower`'s string, which
  // is then not made); for others `asciiLower`'s string, each code unit keeping its low byte, which can only
  // add hits (a hit only opens a window, where the rule's pattern has the last word). Zero bytes pad the
  // end so that the last positions still form a four-byte window and a tail read.
  const length = end - from;
  const loops = gramLoop(index, length + PAD);
  const { text: buf, view } = loops;
  const whole = from === 0 && end === lower.length;
  const source = lower.text;
  // Plain declarations here, no array destructuring (`const [a, b] = [x, y]`): each is the iterator protocol
  // in bytecode, with its close on a throw, and TurboFan's compile of this function took 16.8-17.1 ms of
  // CPU with four of them, 13.4-14.4 without.
  const a = lower.from + from;
  const b = lower.from + end;
  const slice = a === 0 && b === source.length ? source : source.slice(a, b);
  const oneByte = narrowText(slice);
  if (oneByte) {
    buf.write(slice, 0, 'latin1');
    loops.fold(length);
  } else {
    buf.write(whole ? lower.value : lower.value.slice(from, end), 0, 'latin1');
  }
  buf.fill(0, length, length + PAD);
  // Only a copy of all of a one-byte text serves tokenRuns.ts; any other copy replaces what it could reuse.
  noteCopy(oneByte && a === 0 && b === source.length ? source : undefined, buf);
  narrow = oneByte && whole ? 1 : 0;
  words = keywordWords(index);
  copied = length;
  const mask = index.mask;
  // A keyword starting in the range may have its indexed window up to `maxGramAt` bytes past it.
  const last = Math.min(length - 1, to - from + index.maxGramAt);
  const limit = to - from;
  // `| 0` gives the same products in `imul` as the multipliers (over 2^31) themselves.
  const quadMul = QUAD_MUL | 0;
  const triMul = TRI_MUL | 0;
  const shift = SHIFT;
  // Candidates closer than `DENSE_GAP` in a row (`dense` of them) prompt a look for a periodic stretch
  // (periodicSkip.ts); one found is scanned for a period from `start`, then skipped to its `resume`.
  let dense = 0;
  let previous = -DENSE_GAP - 1;
  let stretch: Stretch | undefined;
  let start = 0;
  // The loop passes positions in batches (`found`, `n` of them): a full batch may have more after it.
  const found = loops.found;
  const { first: triFirst, count: triCount } = index.triSlots;
  const { first: quadFirst, count: quadCount } = index.quadSlots;
  const { quad: quads, tri: tris } = slotEntries(index);
  // The three bytes (`v >>> 8`) of the last candidate looked up on its three-byte hash, where at most
  // two short keywords matched (-1 if more), and those (`triMatched` of them: `triA`, `triB`).
  let triKey = -1;
  let triMatched = 0;
  let triA = 0;
  let triB = 0;
  let n = loops.nextBatch(0, last);
  for (let k = 0; k < n;) {
    const i = found[k++]!;
    if (stretch !== undefined && i >= start + stretch.period) {
      settleRuns(hits);
      skipPeriods(hits, index.gramAt, from, start, stretch);
      settleRuns(hits, true);
      n = loops.nextBatch(stretch.resume, last);
      k = 0;
      stretch = undefined;
      dense = 0;
      continue;
    }
    const v = view.getInt32(i);
    const tri = Math.imul(v >>> 8, triMul) >>> shift;
    const quad = Math.imul(v, quadMul) >>> shift;
    const marks = ((mask[tri]! & 10) !== 0 ? 2 : 0) | (mask[quad]! & 1);
    // The keywords whose indexed bytes are `v` at `i` (on the four-byte hash when `marks` has bit 1, the
    // three-byte one when it has bit 2), checked inline: a call per candidate was much of a dense text's
    // cost (`sk-` and a random letter: a hit every four bytes). A hit that only moves its keyword's last
    // hit is taken without a call too. Each site stores the last hit whatever follows, and a sum is made
    // once per candidate: an operation of its own in a branch that the first files never took had no type
    // feedback, and the first file to take it threw away TurboFan's code for the whole loop (compiled
    // again, ~20 ms of CPU).
    if ((marks & 1) !== 0) {
      for (let k = quadFirst[quad]! * QUAD, stop = k + quadCount[quad]! * QUAD; k < stop; k += QUAD) {
        const begin = i - quads[k + 1]!;
        if (quads[k] !== v || begin < 0 || begin >= limit) {
          continue;
        }
        const how = quads[k + 2]!;
        if (
          how !== 0 &&
          (view.getInt32(begin + quads[k + 3]!) !== quads[k + 4] ||
            (how === 2 && !keywordAt(index, quads[k + 5]!, lower, view, from, begin)))
        ) {
          continue;
        }
        const id = quads[k + 5]!;
        const at = from + begin;
        const lastAt = lastHit[id]!;
        lastHit[id] = at;
        if (at - lastAt > GAP) {
          newRun(hits, id, at, lastAt);
        }
      }
    }
    if ((marks & 2) !== 0 && i < limit) {
      const at = from + i;
      // Which short keywords match depends on the first three bytes only: a dense text's candidates
      // often share them (`sk-` every four bytes), and then only the (up to two) keywords that matched
      // there are checked.
      if (v >>> 8 === triKey) {
        for (let m = 0; m < triMatched; m++) {
          const id = m === 0 ? triA : triB;
          const lastAt = lastHit[id]!;
          lastHit[id] = at;
          if (at - lastAt > GAP) {
            newRun(hits, id, at, lastAt);
          }
        }
      } else {
        let matched = 0;
        for (let k = triFirst[tri]! * TRI, stop = k + triCount[tri]! * TRI; k < stop; k += TRI) {
          if (tris[k] === v >>> tris[k + 1]!) {
            const id = tris[k + 2]!;
            if (matched === 0) {
              triA = id;
            } else {
              triB = id;
            }
            matched++;
            const lastAt = lastHit[id]!;
            lastHit[id] = at;
            if (at - lastAt > GAP) {
              newRun(hits, id, at, lastAt);
            }
          }
        }
        triKey = matched <= 2 ? v >>> 8 : -1;
        triMatched = matched;
      }
    }
    if (i - previous > DENSE_GAP) {
      dense = 0;
    } else if (++dense === DENSE_RUN && stretch === undefined) {
      // On a one-byte text the folded copy holds `lower.value`'s bytes: no need to make that string.
      stretch = oneByte
        ? findStretchIn(buf, length, i + 1, index.maxGramAt, index.longestKeyword, limit)
        : findStretch(lower.value, from, i + 1, index.maxGramAt, index.longestKeyword, limit);
      start = i + 1;
      // None here: look again only after many more dense candidates, so a dense text that does not
      // repeat pays for a look at most once per `DENSE_RETRY` candidates.
      dense = stretch === undefined ? -DENSE_RETRY : 0;
    }
    previous = i;
    if (k === FULL) {
      n = loops.nextBatch(i + 1, last);
      k = 0;
    }
  }
  return oneByte;
}

/** Candidates at most this far apart count as dense (`-----BEGIN ` repeated has them 10 apart). */
const DENSE_GAP = 16;
/** Dense candidates in a row that prompt a look for a periodic stretch. */
const DENSE_RUN = 16;
const DENSE_RETRY = 4096;

/**
 * Whether long keyword `id` (its gram and tail matched) is at `begin` of the copy in `view`: on words of
 * the copy where the text is narrow (see keywordWords.ts), by a string compare of `lower` elsewhere.
 */
function keywordAt(
  index: KeywordIndex,
  id: number,
  lower: LowerText,
  view: DataView,
  from: number,
  begin: number,
): boolean {
  if (narrow === 0) {
    narrow = narrowText(lower.value) ? 1 : 2;
  }
  const keyword = index.keywords[id]!;
  return narrow === 1
    ? wordsAt(view, begin, words[id]!, keyword.length, copied)
    : lower.value.startsWith(keyword, from + begin);
}

/** For `keywordAt`, during a `scanGrams` call: whether its text is narrow (0 not yet known, 1 yes, 2 no), the index's keyword words, the copy's length. */
let narrow = 0;
let words: KeywordWords = [];
let copied = 0;

function addHit(hits: (HitRuns | undefined)[], id: number, at: number): void {
  const previous = lastHit[id]!;
  lastHit[id] = at;
  if (at - previous > GAP) {
    newRun(hits, id, at, previous);
  }
}

/** A hit at `at` more than `GAP` past keyword `id`'s last hit `previous` (`NONE` if none): a new run. */
function newRun(hits: (HitRuns | undefined)[], id: number, at: number, previous: number): void {
  if (previous === NONE) {
    hits[id] = [at, at];
    seen[seenCount++] = id;
    foundIds?.push(id);
  } else {
    const runs = hits[id]!;
    runs[runs.length - 1] = previous;
    runs.push(at, at);
  }
}
