/**
 * Text-level pieces of the service key table (see `serviceKeyTable.ts`): character classes, the one
 * pass over runs of token characters, the words before a value, and shape checks. Each is a bounded
 * loop over characters, so the table's rule stays linear whatever the input.
 */

/** Character classes a table shape names by one letter. */
export const CLASS_CHARS: Readonly<Record<string, string>> = {
  d: '0-9',
  h: '0-9a-f',
  H: '0-9A-F',
  x: '0-9a-fA-F',
  l: '0-9a-z',
  u: '0-9A-Z',
  a: '0-9a-zA-Z',
  L: '0-9a-z-',
  U: '0-9A-Z-',
  m: '0-9a-zA-Z-',
  n: '0-9a-zA-Z_',
  k: '0-9a-z_',
  w: '0-9a-zA-Z_-',
};

/** How far before a value the end of its service's word may lie (trufflehog's detectors use 40). */
export const LOOK_BACK = 40;

/** One segment of a shape: a class and a length range. Segments are joined by `-`. */
export interface Segment {
  readonly cls: string;
  readonly min: number;
  readonly max: number;
}

/** A shape: its segments, joined by `-`. */
export type Shape = readonly Segment[];

function classBits(cls: string): Uint8Array {
  const bits = new Uint8Array(128);
  const spec = CLASS_CHARS[cls]!;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) {
        bits[c] = 1;
      }
      i += 2;
    } else {
      bits[spec.charCodeAt(i)] = 1;
    }
  }
  return bits;
}

const BITS = new Map(Object.keys(CLASS_CHARS).map((c) => [c, classBits(c)]));
/** Characters of the one pass: every class's alphabet. */
const TOKEN = classBits('w');

/** Where the line holding `at` ends (past its newline): a companion search starts on a whole line. */
export function lineStartAtOrAfter(text: string, at: number): number {
  if (at === 0) {
    return 0;
  }
  const nl = text.indexOf('\n', at - 1);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * Calls `visit` with each piece of each run of token characters in [from, to) that is `min` long or
 * more: the run whole (`[A-Za-z0-9_-]` classes) and its parts between `_`, between `-`, and between
 * either (`KEY_<value>`, `<value>-suffix`), as trufflehog's `\b` would cut them. A run that goes on past
 * `to` is read to its end. Each character is visited a bounded number of times.
 */
export function forEachPiece(
  text: string,
  from: number,
  to: number,
  min: number,
  visit: (start: number, end: number) => void,
): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 128 || TOKEN[c] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isToken(text.charCodeAt(j))) {
      j++;
    }
    if (j - i >= min) {
      const seen = new Set<number>();
      for (const sep of SEPARATORS) {
        let p = i;
        for (let q = i; q <= j; q++) {
          if (q === j || sep(text.charCodeAt(q))) {
            if (q - p >= min && !seen.has(p * 65536 + q - p)) {
              seen.add(p * 65536 + q - p);
              visit(p, q);
            }
            p = q + 1;
          }
        }
      }
    }
    i = j;
  }
}

const SEPARATORS: readonly ((c: number) => boolean)[] = [
  () => false,
  (c) => c === 95,
  (c) => c === 45,
  (c) => c === 95 || c === 45,
];

function isToken(c: number): boolean {
  return c < 128 && TOKEN[c] === 1;
}

export function shapeLength(shape: Shape): [number, number] {
  const seps = shape.length - 1;
  return [shape.reduce((n, s) => n + s.min, seps), shape.reduce((n, s) => n + s.max, seps)];
}

/** A lower-cased word before a value, and where it ends. */
export interface WordAt {
  readonly word: string;
  readonly end: number;
}

/**
 * Lower-cased words that end at most `LOOK_BACK` characters before `at`: each run of letters and digits,
 * whole and split at camelCase humps (`apiMetricsKey` gives `apimetricskey`, `api`, `metrics`, `key`;
 * `ZIPBOOKS_API_KEY` and `zipbooks.com` give `zipbooks`).
 */
export function wordsBefore(text: string, at: number, longestWord: number): WordAt[] {
  const floor = Math.max(0, at - LOOK_BACK - longestWord);
  const words: WordAt[] = [];
  let i = at - 1;
  while (i >= floor) {
    if (!isAlnum(text.charCodeAt(i))) {
      i--;
      continue;
    }
    if (i + 1 < at - LOOK_BACK) {
      break;
    }
    let s = i;
    while (s > floor && isAlnum(text.charCodeAt(s - 1))) {
      s--;
    }
    splitHumps(text.slice(s, i + 1), i + 1, words);
    i = s - 1;
  }
  return words;
}

function splitHumps(run: string, end: number, words: WordAt[]): void {
  const whole = run.toLowerCase();
  words.push({ word: whole, end });
  let p = 0;
  for (let q = 1; q < run.length; q++) {
    const prev = run.charCodeAt(q - 1);
    const cur = run.charCodeAt(q);
    const next = q + 1 < run.length ? run.charCodeAt(q + 1) : 0;
    // `apiKey` splits before `K`; `APIKey` before `K` too (an upper followed by a lower).
    if (isUpper(cur) && (isLower(prev) || (isUpper(prev) && isLower(next)))) {
      words.push({ word: whole.slice(p, q), end: end - run.length + q });
      p = q;
    }
  }
  if (p > 0) {
    words.push({ word: whole.slice(p), end });
  }
}

/** Whether `value` has `shape`: each segment's class and length. */
export function matches(value: string, shape: Shape): boolean {
  const parts = shape.length === 1 ? [value] : value.split('-');
  if (parts.length !== shape.length) {
    return false;
  }
  return shape.every((seg, k) => {
    const part = parts[k]!;
    return part.length >= seg.min && part.length <= seg.max && allIn(part, BITS.get(seg.cls)!);
  });
}

/** Whether only a few separators, and no line break, lie between a word and a value. */
export function adjacent(text: string, wordEnd: number, valueStart: number): boolean {
  if (valueStart - wordEnd > 3) {
    return false;
  }
  for (let i = wordEnd; i < valueStart; i++) {
    if (text.charCodeAt(i) === 10) {
      return false;
    }
  }
  return true;
}

/**
 * Whether [start, end) of `text` reads as generated: letters with digits, or letters whose case flips
 * at least every third character (`kQzPwMfa…`), which a camelCase name (`getUserAccountSettings`) does not.
 */
export function looksGenerated(text: string, start: number, end: number): boolean {
  let digit = false;
  let letter = false;
  let flips = 0;
  let lastUpper: boolean | undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digit = true;
    } else if (isUpper(c) || isLower(c)) {
      letter = true;
      if (lastUpper !== undefined && lastUpper !== isUpper(c)) {
        flips++;
      }
      lastUpper = isUpper(c);
    }
  }
  return letter && (digit || flips * 3 >= end - start);
}

function allIn(s: string, bits: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || bits[c] === 0) {
      return false;
    }
  }
  return true;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || isUpper(c) || isLower(c);
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
