import { hexEntropyFloor, shannonEntropy } from '../entropy';

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
  // Letters, digits, `.` and `_`: a value whose dots fall anywhere (`tkn.v1_…`, Yandex's dotted keys).
  p: '0-9a-zA-Z._',
};

/** How far before a value the end of its service's word may lie (trufflehog's detectors use 40). */
export const LOOK_BACK = 40;

/** One segment of a shape: a class and a length range, and the `-`, `_` or `.` that joins it to the one before. */
export interface Segment {
  readonly cls: string;
  readonly min: number;
  readonly max: number;
  readonly join?: '-' | '_' | '.';
}

/** A shape: its segments, each joined to the one before by its `join` (`-` when unset). */
export type Shape = readonly Segment[];

/** Whether a value of `shape` can hold a `.`: such values are read as whole dotted runs (see `DottedRuns`). */
export function isDotted(shape: Shape): boolean {
  return shape.some((seg) => seg.join === '.' || CLASS_CHARS[seg.cls]!.includes('.'));
}

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

/** The first line start in [at, limit], or `at` when there is none: a companion search starts on a whole line. */
export function lineStartBetween(text: string, at: number, limit: number): number {
  if (at === 0) {
    return 0;
  }
  for (let i = at - 1; i < limit; i++) {
    if (text.charCodeAt(i) === 10) {
      return i + 1;
    }
  }
  return at;
}

/**
 * Calls `visit` with each whole run of token characters in [from, to) that is `min` long or more. A run
 * is read no further than `to`, so a window costs its own length whatever surrounds it.
 */
export function forEachRun(
  text: string,
  from: number,
  to: number,
  min: number,
  visit: (start: number, end: number) => void,
): void {
  let i = from;
  while (i < to) {
    if (!isToken(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && isToken(text.charCodeAt(j))) {
      j++;
    }
    if (j - i >= min) {
      visit(i, j);
    }
    i = j;
  }
}

/**
 * Whether [start, end) is a piece of a longer token joined by `+`, `/`, `=` or `.` (`<24>=<33>`, base64,
 * a dotted token): reporting the piece would leave the rest of the secret behind.
 */
export function partOfLonger(text: string, start: number, end: number): boolean {
  const joins = (c: number): boolean => c === 43 || c === 47 || c === 61 || c === 46;
  const after = end + 1 < text.length && joins(text.charCodeAt(end)) && isAlnum(text.charCodeAt(end + 1));
  const before =
    start >= 2 &&
    joins(text.charCodeAt(start - 1)) &&
    text.charCodeAt(start - 1) !== 61 &&
    isAlnum(text.charCodeAt(start - 2)) &&
    // A name glued to its value by a dot after its credential word (`signupgeniusPRIVATE.<hex>`) is no token.
    !(text.charCodeAt(start - 1) === 46 && gluedNameEnd(text, start - 1));
  return after || before;
}

/** A credential word that ends a name, any case. */
const GLUED_NAME_END = /(?:key|token|secret|private|access)$/i;

/**
 * Whether the name that ends at `end` ends in a credential word (`GLUED_NAME_END`). Each word ends in `y`,
 * `n`, `t`, `e` or `s`: a last letter read in place rules most names out with no slice (a line of JWTs asked
 * at each of its 33,000 dotted pieces, a slice each).
 */
function gluedNameEnd(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1) | 32;
  if (last !== 121 && last !== 110 && last !== 116 && last !== 101 && last !== 115) {
    return false;
  }
  return GLUED_NAME_END.test(text.slice(Math.max(0, end - 7), end));
}

/** Whether the run ending at `end` is a name: an assignment (`=`, `:`) follows it, past a quote or spaces. */
export function isNameAt(text: string, end: number): boolean {
  for (let i = end; i < Math.min(text.length, end + 4); i++) {
    const c = text.charCodeAt(i);
    if (c === 61 || c === 58) {
      return true;
    }
    if (c !== 32 && c !== 34 && c !== 39) {
      return false;
    }
  }
  return false;
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
 * whole, split at camelCase humps, and from each inner hump to its end (`apiMetricsKey` gives
 * `apimetricskey`, `api`, `metrics`, `metricskey`, `key`; `ZIPBOOKS_API_KEY` and `zipbooks.com` give
 * `zipbooks`).
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
  const n = run.length;
  let p = 0;
  for (let q = 1; q <= n; q++) {
    const hump = q < n && isHump(run, q);
    if (!hump && q < n) {
      continue;
    }
    // At a hump, the piece before it; at each later hump and at the run's end, the run from the last
    // inner hump on: a service's word of several humps inside a longer name (`getBetterStackToken`,
    // `validateAppSynergyKey`), read as a prefix like any longer word. One push for both: a second one,
    // reached only from a name's second hump on, had no type feedback when TurboFan compiled the caller.
    for (let k = hump ? 0 : 1; k < 2 && (k === 0 || p > 0); k++) {
      const to = k === 0 ? q : n;
      words.push({ word: whole.slice(p, to), end: end - n + to });
    }
    p = q;
  }
}

/** Whether a camelCase word starts at `q` of `run`: `apiKey`, `8x8Key` and `APIKey` all split before `K`. */
function isHump(run: string, q: number): boolean {
  const prev = run.charCodeAt(q - 1);
  const cur = run.charCodeAt(q);
  const next = q + 1 < run.length ? run.charCodeAt(q + 1) : 0;
  return isUpper(cur) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next)));
}

/** Compiled forms of shapes joined by `_` or `.`, or holding `.`: a split at `-` cannot read those. */
const SHAPE_REGEX = new WeakMap<Shape, RegExp>();

function shapeRegex(shape: Shape): RegExp {
  let re = SHAPE_REGEX.get(shape);
  if (re === undefined) {
    // Bounded classes anchored at both ends: a table value is at most a few hundred characters.
    const body = shape
      .map(
        (seg, k) =>
          `${k === 0 ? '' : `\\${seg.join ?? '-'}`}[${CLASS_CHARS[seg.cls]!.replace(/-$/, '\\-')}]{${seg.min},${seg.max}}`,
      )
      .join('');
    re = new RegExp(`^${body}$`);
    SHAPE_REGEX.set(shape, re);
  }
  return re;
}

/** Whether `value` has `shape`: each segment's class and length. */
export function matches(value: string, shape: Shape): boolean {
  if (shape.some((seg) => seg.join !== undefined && seg.join !== '-') || isDotted(shape)) {
    return shapeRegex(shape).test(value);
  }
  const parts = shape.length === 1 ? [value] : value.split('-');
  if (parts.length !== shape.length) {
    return false;
  }
  return shape.every((seg, k) => {
    const part = parts[k]!;
    return part.length >= seg.min && part.length <= seg.max && allIn(part, BITS.get(seg.cls)!);
  });
}

/** An assignment between a word and its value, blanks around the operator: ` = "`, `: '`, ` := `. */
const ASSIGNMENT_MARKS = /^[ \t]{0,2}(?::?=|:)[ \t]{0,2}["'`]?$/;

/**
 * Whether only a few separators, and no line break, lie between a word and a value: three marks of any
 * kind (`mite '…'`, `kanban: …`), or an assignment spaced out (`owm = "…"`, five at most).
 */
export function adjacent(text: string, wordEnd: number, valueStart: number): boolean {
  if (
    valueStart - wordEnd > 5 ||
    (valueStart - wordEnd > 3 && !ASSIGNMENT_MARKS.test(text.slice(wordEnd, valueStart)))
  ) {
    return false;
  }
  for (let i = wordEnd; i < valueStart; i++) {
    if (text.charCodeAt(i) === 10) {
      return false;
    }
  }
  return true;
}

/** Whether [start, end) of `text` holds letters and digits both, as generated keys of 16+ characters do. */
export function looksGenerated(text: string, start: number, end: number): boolean {
  let digit = false;
  let letter = false;
  for (let i = start; i < end && !(digit && letter); i++) {
    const c = text.charCodeAt(i);
    digit ||= c >= 48 && c <= 57;
    letter ||= isUpper(c) || isLower(c);
  }
  return digit && letter;
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

function isToken(c: number): boolean {
  return c < 128 && TOKEN[c] === 1;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether a credential word lies in the look-back before `at`: `namesCredential` can hold only there, so a
 * value with none before it is skipped before its letters are read (one native search of a short slice).
 */
export function credentialBefore(text: string, at: number, longestWord: number): boolean {
  return CREDENTIAL_IN_NAME.test(text.slice(Math.max(0, at - LOOK_BACK - longestWord), at));
}

/** Whether the slice from a service's word to its value is one name holding a credential word, then an assignment. */
export function namesCredential(slice: string): boolean {
  return NAME_THEN_VALUE.test(slice) && CREDENTIAL_IN_NAME.test(slice);
}

// `coda_token: "`, `DUO_SKEY=`, `"guardian_secret": "`, `swell token - '`, `bannerBearToken := "Bearer `,
// `oanda ACCESS TOKEN `: a name of at most three words, an operator, quotes, maybe an HTTP scheme word.
// Linear: each further word opens with a blank, which no word can hold.
const NAME_THEN_VALUE =
  /^[A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+){0,2}["'`]?[ \t]{0,3}(?:=>|:=|=|:|-)?[ \t]{0,3}["'`]?(?:Bearer )?$/;
// `access` and `private` too (`daily ACCESS …`, `nimble PRIVATE …`, `prospect-access-…`): the key they
// qualify, as the table's own credential words read them (`serviceKeyTable.ts` CREDENTIAL_WORDS).
const CREDENTIAL_IN_NAME = /key|token|secret|passw|pwd|auth|access|private/i;

/**
 * Whether `value` has `shape` and reads as a generated key: letters and digits both, not a hex digest
 * or a UUID unless a credential word names it, and above the entropy a random value of its class reaches.
 */
export function fits(value: string, shape: Shape, credential: boolean): boolean {
  if (!matches(value, shape)) {
    return false;
  }
  if (!looksGenerated(value, 0, value.length)) {
    return false;
  }
  const hexLike = /^[0-9a-fA-F-]+$/.test(value);
  if ((hexLike || shape.length > 1) && !credential) {
    return false;
  }
  const body = value.replace(/-/g, '');
  return shannonEntropy(body) >= entropyFloor(body, hexLike);
}

/** The entropy a table value's `body` (its `-` taken out) must reach: what a random value of its class reaches. */
export function entropyFloor(body: string, hexLike: boolean): number {
  // A random 12-character value repeats a few by chance: under 2.6 bits once in ~7,000 draws, 2.4 in ~130,000.
  const short = body.length >= 14 ? 2.6 : 2.4;
  return hexLike ? hexEntropyFloor(body.length) : body.length >= 20 ? 3.0 : short;
}
