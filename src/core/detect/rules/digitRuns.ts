import { heldCopy } from '../byteLoops';

/**
 * The one pass of the service key table (see `serviceKeyTable.ts`): the runs of token characters that
 * hold a digit, and their pieces between `_` and `-`. Split from serviceKeyText.ts.
 */
/**
 * Calls `visit` with each piece of each run of token characters that holds a digit: the run whole
 * (`[A-Za-z0-9_-]` classes), the rest of it after a glued credential word (`codakey-<uuid>`, see
 * `afterCredentialWords`) and its pieces between `_`, between `-`, and between either (`KEY_<value>`,
 * `<value>-suffix`), as trufflehog's `\b` would cut them, when `min` long or more. The runs are the
 * shared long runs of the text (`long`, see `tokenRuns`) and the few shorter ones read beside a word of
 * a service with short values (`short`, see `shortRuns.ts`), both flattened `[start, end, …]` and
 * ascending; they are visited in order. The finder's values all hold a digit (see `looksGenerated`).
 */
export function forEachDigitRun(
  text: string,
  long: readonly number[],
  short: readonly number[],
  min: number,
  max: number,
  visit: (start: number, end: number) => void,
): void {
  let s = 0;
  const seps = new RunReader(text);
  for (let k = 0; k <= long.length; k += 2) {
    const i = k < long.length ? long[k]! : Infinity;
    for (; s < short.length && short[s]! < i; s += 2) {
      piecesOfRun(text, short[s]!, short[s + 1]!, min, max, seps, visit);
    }
    if (k < long.length) {
      piecesOfRun(text, i, long[k + 1]!, min, max, seps, visit);
    }
  }
}

/**
 * Reads runs for the digits and separators they hold. Which separators a run holds comes from the next `_`
 * and `-` at or after a point, found natively and kept: runs come in ascending order, so each search
 * starts past the last one found and the text is searched once for each. A line of 33,000 tokens with no
 * separator was read character by character for them, every run to its end, a sixth of the scan.
 */
class RunReader {
  /** The prefilter's Latin-1 copy of the text, while it holds one (see `heldCopy`). */
  private readonly bytes: Buffer | undefined;
  /** Where the last search for `_` (`-`) started, and the first one found at or after it (Infinity: none). */
  private underFrom = Infinity;
  private under = Infinity;
  private dashFrom = Infinity;
  private dash = Infinity;

  constructor(private readonly text: string) {
    this.bytes = heldCopy(text);
  }

  /**
   * Whether [i, j), a run of token characters, holds a digit, read up to the first. The copy's bytes are
   * read while it holds the text: a run's characters are ASCII, which the copy keeps (letters folded),
   * and a byte costs less than a `charCodeAt` (a bot token's first part, the base64 of its id, holds no
   * digit in 24 characters: a megabyte of them, the finder 6.3 -> 5.9 ms). A regex's slice per run cost more.
   */
  holdsDigit(i: number, j: number): boolean {
    const bytes = this.bytes;
    if (bytes !== undefined && heldCopy(this.text) === bytes) {
      for (let q = i; q < j; q++) {
        const c = bytes[q]!;
        if (c >= 48 && c <= 57) {
          return true;
        }
      }
      return false;
    }
    const text = this.text;
    for (let q = i; q < j; q++) {
      const c = text.charCodeAt(q);
      if (c >= 48 && c <= 57) {
        return true;
      }
    }
    return false;
  }

  /** Bits 1 (`_`) and 2 (`-`): the separators [i, j) holds. */
  within(i: number, j: number): number {
    if (i < this.underFrom || i > this.under) {
      this.underFrom = i;
      this.under = found(this.text.indexOf('_', i));
    }
    if (i < this.dashFrom || i > this.dash) {
      this.dashFrom = i;
      this.dash = found(this.text.indexOf('-', i));
    }
    return (this.under < j ? 1 : 0) | (this.dash < j ? 2 : 0);
  }
}

function found(at: number): number {
  return at === -1 ? Infinity : at;
}

/**
 * Whether [i, j) of `text` is digits alone that read as drawn at random: no digit over a quarter of them,
 * and under a third of the steps counting up by one, down by one or repeating (`1234567890…`,
 * `9876…`, `1000000…` fail), and not opening with a year and a month (a timestamp). Random digits take
 * each kind of step one time in ten.
 */
export function randomDigits(text: string, i: number, j: number): boolean {
  const counts = new Uint8Array(10);
  let up = 0;
  let down = 0;
  let same = 0;
  let prev = -1;
  for (let q = i; q < j; q++) {
    const d = text.charCodeAt(q) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
    counts[d]!++;
    if (prev >= 0) {
      up += d === (prev + 1) % 10 ? 1 : 0;
      down += prev === (d + 1) % 10 ? 1 : 0;
      same += d === prev ? 1 : 0;
    }
    prev = d;
  }
  const n = j - i;
  return (
    counts.every((c) => c * 4 <= n) &&
    Math.max(up, down, same) * 3 < n - 1 &&
    !DATE.test(text.slice(i, i + 6))
  );
}

/** A year of 1900-2099 and a month: a timestamp (`20241231235959…`), which one random value in 400 opens with. */
const DATE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])/;

/** Whether [i, j) of `text` holds a digit: a native search, as a run may be a megabyte of letters. */
export function holdsDigit(text: string, i: number, j: number): boolean {
  return DIGIT.test(text.slice(i, j));
}

const DIGIT = /[0-9]/;

/** Runs longer than this are searched for a digit natively (`holdsDigit`), not read. */
const LONG_RUN = 256;

/**
 * The pieces of run [i, j) when it is `min` long or more and holds a digit: whole, then cut at the
 * separators it holds. A run of ordinary length is read for a digit up to its first (see `RunReader`): a
 * slice and a regex search per run were a third of the finder's time on a line of JWT-shaped values
 * (50,000 runs a megabyte). The separators are looked up, not read.
 */
function piecesOfRun(
  text: string,
  i: number,
  j: number,
  min: number,
  max: number,
  seps: RunReader,
  visit: (start: number, end: number) => void,
): void {
  const long = j - i > LONG_RUN;
  if (j - i < min || !(long ? holdsDigit(text, i, j) : seps.holdsDigit(i, j))) {
    return;
  }
  // Bit 1: the run holds `_`; bit 2: it holds `-`. Only those cuts are tried.
  const seen = seps.within(i, j);
  visit(i, j);
  if ((seen & 3) !== 0) {
    afterCredentialWords(text, i, j, min, max, visit);
  }
  if ((seen & 1) !== 0) {
    cut(text, i, j, min, 1, visit);
  }
  if ((seen & 2) !== 0) {
    cut(text, i, j, min, 2, visit);
  }
  if ((seen & 3) === 3) {
    cut(text, i, j, min, 3, visit);
  }
}

/** Credential words a glued name ends in before its value (`codakey-`, `cliengo-SECRET-`, `mailmodo ACCESS-`). */
const GLUED_WORDS = ['key', 'token', 'secret', 'private', 'access'];

/**
 * The rest of run [i, j) after each credential word that ends a name glued to its value by `-` or `_`
 * (`codakey-<uuid>`, `nftport-private-key-<uuid>`, `mailmodo ACCESS-<7>-<7>-<7>-<7>`), when `min` long or
 * more: name and value are one run of token characters, and no cut at the separators gives a value that
 * holds them itself (a UUID, a key in groups), and `max` long or less. Letters that merely end so (`monkey-`) give a piece too: what
 * follows is judged as any piece is, by a service's word before it and that service's shape.
 */
function afterCredentialWords(
  text: string,
  i: number,
  j: number,
  min: number,
  max: number,
  visit: (start: number, end: number) => void,
): void {
  // Only a rest of `max` or less can be a value: a long run costs its last `max` characters.
  for (let q = Math.max(i + 3, j - max - 1); q < j - min; q++) {
    const c = text.charCodeAt(q);
    if ((c === 95 || c === 45) && endsCredentialWord(text, i, q)) {
      visit(q + 1, j);
    }
  }
}

/** Whether the letters of `text` before `end` (not before `from`) end in one of `GLUED_WORDS`, any case. */
function endsCredentialWord(text: string, from: number, end: number): boolean {
  const last = text.charCodeAt(end - 1) | 32;
  // Only `y`, `n`, `t`, `e` and `s` end a credential word: most separators are ruled out by one read.
  if (last !== 121 && last !== 110 && last !== 116 && last !== 101 && last !== 115) {
    return false;
  }
  for (const word of GLUED_WORDS) {
    const at = end - word.length;
    if (at >= from && text.slice(at, end).toLowerCase() === word) {
      return true;
    }
  }
  return false;
}

/**
 * The pieces of run [start, end) between the separators in `seps` (1 `_`, 2 `-`, 3 both). Cutting at
 * both skips a piece that one separator alone already gave (bounded by that separator or the run's ends).
 */
function cut(
  text: string,
  start: number,
  end: number,
  min: number,
  seps: number,
  visit: (start: number, end: number) => void,
): void {
  let p = start;
  for (let q = start; q <= end; q++) {
    const k = q === end ? 0 : separatorAt(text, q);
    if (q < end && (k & seps) === 0) {
      continue;
    }
    if (q - p >= min) {
      const left = p === start ? 3 : separatorAt(text, p - 1);
      const right = q === end ? 3 : k;
      if (seps !== 3 || ((left & right & 1) === 0 && (left & right & 2) === 0)) {
        visit(p, q);
      }
    }
    p = q + 1;
  }
}

/** 1 for `_` at `at`, 2 for `-`, else 0. A plain function: a closure made at each cut cost an allocation and a call target per run. */
function separatorAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c === 95 ? 1 : c === 45 ? 2 : 0;
}
