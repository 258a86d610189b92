import { TOKEN_BYTES } from '../byteLoopsJs';

/**
 * The dotted runs of the service key table (see `serviceKeyTable.ts`): a value whose shape holds a `.`
 * (`<8>.<35>`) is read as the whole run of token characters and dots around a piece. Split from
 * serviceKeyText.ts. The read jumps over the text's long token runs (see `tokenRuns`), whose bounds the
 * finder already holds, and reads only the dots and the short runs between them: a line of 16,600 JWTs
 * (three long runs joined by dots) was read character by character, about a third of the finder's time.
 */
export class DottedRuns {
  /** Characters read one by one (tests count the work with it). */
  read = 0;
  /** Index in `long` of the run last looked up: lookups come mostly in ascending order. */
  private k = 0;

  /**
   * @param long The text's long runs of token characters, flattened `[start, end, …]`, ascending, each
   * holding token characters only (see `tokenRuns`).
   */
  constructor(
    private readonly text: string,
    private readonly long: readonly number[],
  ) {}

  /**
   * The run of token characters and dots around [start, end), when a dot joins it to more (`<8>.<35>`):
   * its bounds, or undefined when no dot touches the piece. A run longer than `max` is read no further
   * than `max + 1` characters, so each call costs a bounded amount and the caller sees it is too long.
   */
  at(start: number, end: number, max: number): [number, number] | undefined {
    return this.find(start, end, max) ? [this.start, this.end] : undefined;
  }

  /** The bounds `find` found last. */
  start = 0;
  end = 0;

  /**
   * `at` without a pair made per call: whether a run is there, its bounds left in `start` and `end`. A line
   * of JWTs asks at each of its 33,000 dotted pieces (a megabyte of pairs).
   */
  find(start: number, end: number, max: number): boolean {
    const text = this.text;
    const dotBefore = start > 0 && text.charCodeAt(start - 1) === 46;
    const dotAfter = end < text.length && text.charCodeAt(end) === 46;
    if (!dotBefore && !dotAfter) {
      return false;
    }
    // Back while a token character or a dot precedes, but not past `end - max - 1`.
    const floor = Math.max(0, end - max - 1);
    let s = start;
    while (s > floor) {
      const c = text.charCodeAt(s - 1);
      this.read++;
      if (c === 46) {
        s--;
      } else if (isToken(c)) {
        const k = this.runHolding(s - 1);
        s = k === -1 ? s - 1 : Math.max(floor, this.long[k]!);
      } else {
        break;
      }
    }
    // On while one follows, but not past `s + max + 1`.
    const limit = Math.min(text.length, s + max + 1);
    let e = end;
    while (e < limit) {
      const c = text.charCodeAt(e);
      this.read++;
      if (c === 46) {
        e++;
      } else if (isToken(c)) {
        const k = this.runHolding(e);
        e = k === -1 ? e + 1 : Math.min(limit, this.long[k + 1]!);
      } else {
        break;
      }
    }
    // A sentence's full stop or a host name's dots end the run on a dot: the value is what comes before.
    while (e > end && text.charCodeAt(e - 1) === 46) {
      e--;
    }
    while (s < start && text.charCodeAt(s) === 46) {
      s++;
    }
    this.start = s;
    this.end = e;
    return true;
  }

  /** The index in `long` of the run that holds offset `at`, or -1 when none does. */
  private runHolding(at: number): number {
    const long = this.long;
    let k = this.k;
    while (k > 0 && long[k - 1]! > at) {
      k -= 2;
    }
    while (k < long.length && long[k + 1]! <= at) {
      k += 2;
    }
    this.k = k;
    return k < long.length && long[k]! <= at ? k : -1;
  }
}

function isToken(c: number): boolean {
  return c < 128 && TOKEN_BYTES[c] === 1;
}
