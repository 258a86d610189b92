/**
 * Long runs of token characters (`[A-Za-z0-9_-]`), found once per text and shared: the service key table
 * reads its values from them (see `digitRuns.ts`), and the anchored matcher skips an attempt of a rule
 * whose every match holds such a run when none is in reach (see `requiredRun.ts`).
 *
 * Code holds few runs of 16 or more, so the pass looks for them, not at each character: it reads the
 * character `min - 1` ahead and jumps past it when it is no token character; only when it is one does it
 * read back to where its run starts. A read back stops at the last jump's target, so each character is
 * read a bounded number of times and hostile input stays linear; in code about one in five is read.
 * The pass reads a Latin-1 copy of the text (a memcpy for one-byte strings): a typed array read costs
 * less than `charCodeAt`, and a native regex for the digit-led tails (`[0-9][A-Za-z0-9_-]*`) stopped at
 * every number (measured on the bench tree: about 60 ms per 50 MB for the regex, 40 for this pass). The
 * pass runs as WebAssembly (`runStart`, `runEnd` in byteLoops.ts), on a copy in its memory: 46 -> ~20 ms
 * per 52 MB of the bench tree, where TurboFan's code re-checked the buffer and table at each read
 * (in JavaScript, byteLoopsJs.ts, where WebAssembly is missing).
 */
import { holdsCopyOf, noteCopy, tokenLoop } from './byteLoops';
import { TOKEN_BYTES } from './byteLoopsJs';

/**
 * The run length the engine's users ask for. The service table reads its few shorter values (12-15
 * characters) only beside their service's word (see `rules/shortRuns.ts`): a shared pass at 12 cost
 * about four times this one on the bench tree.
 */
export const TOKEN_RUN = 16;

/** The runs of the last text asked for: the finder and the anchored matcher ask for the same ones. */
let last: { text: string; from: number; to: number; min: number; runs: readonly number[] } | undefined;

/**
 * The maximal runs of token characters of `text` from `from` on (a run that began before `from` is read
 * from `from`) that are `min` long or more and start before `to`, flattened `[start, end, …]`, ascending.
 * A run that starts before `to` is read to its end.
 */
export function tokenRuns(text: string, from: number, to: number, min: number): readonly number[] {
  if (last !== undefined && last.text === text && last.from === from && last.to === to && last.min === min) {
    return last.runs;
  }
  const found = new Found();
  const length = text.length - from;
  if (length > 0 && to > from) {
    // A code unit past Latin-1 keeps its low byte, which may read as a token character: runs of the copy
    // hold the text's runs and may join some. Each is split again on the text (see `exactRuns`).
    // The prefilter's copy of the whole text, when the loops still hold it: a letter's case is no matter here.
    const { runStart, runEnd, text: buf } = tokenLoop(length);
    if (from !== 0 || !holdsCopyOf(text, buf)) {
      buf.write(from === 0 ? text : text.slice(from), 0, 'latin1');
      noteCopy(undefined, buf);
    }
    const limit = to - from;
    const span = Math.max(1, min);
    for (let i = runStart(0, length, limit, span); i !== -1;) {
      const e = runEnd(i + span, length);
      exactRuns(text, from + i, from + e, to, min, found);
      i = runStart(e, length, limit, span);
    }
  }
  const runs = found.list();
  last = { text, from, to, min, runs };
  return runs;
}

/**
 * Runs as they are found, gathered in a buffer kept from call to call and then copied to a list of their
 * exact number. A list grown by a push at each run reallocated itself some 25 times on a line of 50,000
 * tokens, past the young heap into fresh pages each time: 9 ms where the one pass took 1 (a megabyte of
 * JWT-shaped tokens, its first scan; later scans of the same text reuse the runs).
 */
class Found {
  /** The buffer calls fill (one call at a time, from its start), grown by doubling up to `KEPT` entries. */
  private static kept = new Int32Array(1024);
  private buffer = Found.kept;
  private n = 0;

  push(start: number, end: number): void {
    if (this.n + 2 > this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
      if (grown.length <= KEPT) {
        Found.kept = grown;
      }
    }
    this.buffer[this.n] = start;
    this.buffer[this.n + 1] = end;
    this.n += 2;
  }

  /** The runs found, as a plain list (the callers' type). */
  list(): number[] {
    const out = new Array<number>(this.n);
    for (let k = 0; k < this.n; k++) {
      out[k] = this.buffer[k]!;
    }
    return out;
  }
}

/** Entries of the buffer kept between calls (4 MB): a text with more runs grows one of its own. */
const KEPT = 1 << 20;

/** Appends to `runs` the text's own runs inside [s, e) (a run of the Latin-1 copy) that are `min` long or more and start before `to`. */
function exactRuns(text: string, s: number, e: number, to: number, min: number, runs: Found): void {
  // A one-byte string holds nothing past Latin-1, and the regex says so without reading it: a megabyte of
  // one character is then not read again here.
  if (!PAST_LATIN1.test(text.slice(s, e))) {
    runs.push(s, e);
    return;
  }
  let i = s;
  while (i < e && i < to) {
    let j = i;
    while (j < e && isToken(text.charCodeAt(j))) {
      j++;
    }
    if (j - i >= min) {
      runs.push(i, j);
    }
    i = j + 1;
  }
}

const PAST_LATIN1 = /[\u0100-\uffff]/;

function isToken(c: number): boolean {
  return c < 128 && TOKEN_BYTES[c] === 1;
}
