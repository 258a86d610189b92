import { lastAtOrBefore } from '../../sortedSearch';
import { patternFact } from '../patternFacts';
import { startChars } from '../regexShape';

/**
 * Long runs of token characters, found without reading every character. Several detectors look for
 * tokens that are long runs of one class of characters (base64, a provider's alphabet); ordinary text
 * is short words between spaces and punctuation. A regex led by a class is tried at every position of
 * the text, and a loop over every character costs a lookup each; probing only every `min`th position
 * skips most of a text whose runs are short, and still reads each character at most twice.
 */

/** A lookup table over char codes below 128: 1 for each of `chars`. */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) {
    table[chars.charCodeAt(i)] = 1;
  }
  return table;
}

/** The table of `chars` with the ASCII letters and digits added. */
export function alnumTable(chars: string): Uint8Array {
  return charTable(`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789${chars}`);
}

/**
 * The maximal runs of `table` characters that are `min` long or longer, as flattened `[start, end)`
 * offsets in ascending order.
 *
 * Six of the redact tier's detectors ask this of the same text, each with its own table and length. Every
 * run they ask for lies inside a run of the union of their tables (`SHARED`) at least as long, and such runs
 * are a small part of ordinary code: they are found once per text (the last text asked about is kept), and
 * each question then reads inside them only. A table outside the union, or a shorter `min`, reads the
 * whole text.
 */
export function longRuns(text: string, table: Uint8Array, min: number): number[] {
  if (min < SHARED_MIN || !withinShared(table)) {
    return runsIn(text, table, min, 0, text.length, []);
  }
  if (text !== shared.text) {
    shared.runs = runsIn(text, SHARED, SHARED_MIN, 0, text.length, []);
    shared.text = text;
  }
  const out: number[] = [];
  const runs = shared.runs;
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r + 1]! - runs[r]! >= min) {
      runsIn(text, table, min, runs[r]!, runs[r + 1]!, out);
    }
  }
  return out;
}

/** The union of the tables the tier's detectors pass to `longRuns`, and the shortest `min` they ask. */
const SHARED = alnumTable('_.+/=:|$\\-');
const SHARED_MIN = 12;
/** The last text's runs of `SHARED`. */
const shared: { text: string | undefined; runs: number[] } = { text: undefined, runs: [] };
const sharedTables = new WeakMap<Uint8Array, boolean>();

function withinShared(table: Uint8Array): boolean {
  let within = sharedTables.get(table);
  if (within === undefined) {
    within = table.every((v, c) => v === 0 || SHARED[c] === 1);
    sharedTables.set(table, within);
  }
  return within;
}

/**
 * The runs of `longRuns` that lie in `[from, to)`, appended to `out`, where the characters just outside
 * that range (if any) are not in `table`. Any such run holds position `i + min - 1` for the first `i` it
 * could start at, so only that position is probed: outside a run the scan moves `min` characters on,
 * inside one it walks back to the run's start and on to its end.
 */
function runsIn(
  text: string,
  table: Uint8Array,
  min: number,
  from: number,
  to: number,
  out: number[],
): number[] {
  // Invariant: `i` is `from` or follows a character outside the table, so no run crosses it.
  let i = from;
  while (i + min <= to) {
    const probe = i + min - 1;
    let c = text.charCodeAt(probe);
    if (c >= 128 || table[c] === 0) {
      i = probe + 1;
      continue;
    }
    let start = probe;
    while (start > i) {
      c = text.charCodeAt(start - 1);
      if (c >= 128 || table[c] === 0) {
        break;
      }
      start--;
    }
    // A long run from `start` holds `start + min - 1` too: probed first, it rules most short runs out unread.
    const reach = start + min - 1;
    if (reach >= to) {
      break;
    }
    c = text.charCodeAt(reach);
    if (c >= 128 || table[c] === 0) {
      i = reach + 1;
      continue;
    }
    let end = probe + 1;
    while (end < to) {
      c = text.charCodeAt(end);
      if (c >= 128 || table[c] === 0) {
        break;
      }
      end++;
    }
    if (end - start >= min) {
      out.push(start, end);
    }
    i = end + 1;
  }
  return out;
}

/**
 * Long runs packed into one string, a space between two, so that a pattern runs once over them all
 * rather than over the whole text. Where each run starts in the text and in `packed` maps a match back.
 */
export interface PackedRuns {
  readonly packed: string;
  readonly textStarts: readonly number[];
  readonly packedStarts: readonly number[];
}

/**
 * Packs the long runs of `text` (see `longRuns`). A pattern finds the same matches in `packed` as in
 * `text` when every character it consumes is in `table` and every character its look-arounds test is in
 * `table` too: a match then lies inside one run, and a look-around sees a space at a run's edge where
 * the text has some other character outside the table, which it rejects alike.
 */
export function packRuns(text: string, table: Uint8Array, min: number): PackedRuns {
  const runs = longRuns(text, table, min);
  if (runs.length === 2 && runs[0] === 0 && runs[1] === text.length) {
    return { packed: text, textStarts: [0], packedStarts: [0] };
  }
  const parts: string[] = [];
  const textStarts: number[] = [];
  const packedStarts: number[] = [];
  let length = 0;
  for (let r = 0; r < runs.length; r += 2) {
    parts.push(text.slice(runs[r], runs[r + 1]));
    textStarts.push(runs[r]!);
    packedStarts.push(length);
    length += runs[r + 1]! - runs[r]! + 1;
  }
  return { packed: parts.join(' '), textStarts, packedStarts };
}

/** The text offset of offset `at` in `runs.packed` (not on a separator). */
export function textOffsetOf(runs: PackedRuns, at: number): number {
  const k = lastAtOrBefore(runs.packedStarts, at);
  return runs.textStarts[k]! + at - runs.packedStarts[k]!;
}

/**
 * What a global pattern finds in `text`, found by trying `sticky` (the same pattern, flag `y`) only at
 * `starts`: ascending offsets that include every offset a match can start at. Each start before the end of
 * the last match is skipped, as a scan of the whole text would.
 */
export function* matchesAt(
  text: string,
  sticky: RegExp,
  starts: Iterable<number>,
): Generator<RegExpExecArray> {
  // An array is read by index: `for … of` over it made an iterator result per start inside this generator,
  // about 400 KB of garbage on 100 KB of code, whose call names give a start every 25 characters.
  const list = Array.isArray(starts) ? (starts as readonly number[]) : [...starts];
  const first = firstChars(sticky);
  let resume = 0;
  for (let k = 0; k < list.length; k++) {
    const start = list[k]!;
    if (start < resume || start < 0) {
      continue;
    }
    // A start whose character no match can begin with fails the pattern: it is not tried (no regex call).
    const c = text.charCodeAt(start);
    if (first !== undefined && (c < 128 ? first[c] === 0 : first[128] === 0)) {
      continue;
    }
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m !== null) {
      resume = Math.max(sticky.lastIndex, start + 1);
      yield m;
    }
  }
}

/**
 * What a match of `sticky` can start with, read once per pattern from its shape (`startChars`): a table of
 * 129 entries, the char codes below 128 and one for every other character; undefined when a match may
 * start with anything. Call names give a start every 25 characters of code, and each pattern tried there
 * names a few dozen words: most starts fail on their first character, for a regex call each.
 */
function firstChars(sticky: RegExp): Uint8Array | undefined {
  if (!firstCharsOf.has(sticky)) {
    const entries = patternFact('first-chars', sticky, () => {
      // The shape parser reads `\p{…}`, `\k<…>` and `\cX` as letters, and knows no Unicode-mode case folding.
      const readable = !/\\[pPkc]/.test(sticky.source) && !/[uv]/.test(sticky.flags);
      const set = readable ? startChars(sticky) : undefined;
      return set === undefined ? null : [...set.bits, set.other ? 1 : 0];
    });
    firstCharsOf.set(sticky, entries === null ? undefined : Uint8Array.from(entries));
  }
  return firstCharsOf.get(sticky);
}
const firstCharsOf = new WeakMap<RegExp, Uint8Array | undefined>();
