/**
 * Periodic stretches for the keyword prefilter (prefilter.ts). A hostile file of one short unit repeated
 * (`sk-sk-sk-…`, `password=password=…`) makes a third or a fifth of all positions keyword hits, and each
 * costs the prefilter some 30 ns where an ordinary position costs 3: `sk-` repeated was 3.3 times the
 * per-byte time of ordinary code, over the bench's bound of 3. Where the text repeats with a period no
 * longer than the prefilter's run gap, the hits of one period say what all the others hold: each keyword
 * found there recurs every period, so its run only grows, and its last hit before the end of the
 * stretch is known. The prefilter scans one period, moves each such run's last hit forward by the
 * periods it skips, and goes on past them: the runs it returns are those a scan of every position gives.
 */

/** Longest period looked for: no longer than the prefilter's run gap, so every recurring hit extends its run. */
export const MAX_PERIOD = 64;

/** Fewest periods a stretch must hold to be skipped: fewer save less than the look for them cost. */
const MIN_PERIODS = 4;

/** About how many characters one native compare covers while a stretch is followed. */
const CHUNK = 4096;

/** A stretch to skip: scan `period` positions from the one it was found at, then go on at `resume`. */
export interface Stretch {
  readonly period: number;
  readonly resume: number;
}

/**
 * The shortest period `p` (up to `MAX_PERIOD`) with which `lower` repeats from `from + start - before`
 * on, such that the scan positions [start, resume) of the prefilter's copy (which starts at `lower`'s
 * `from`) hold at least `MIN_PERIODS` whole periods, each position's reads (from `before` characters back
 * to `after` ahead, where a keyword starting or indexed there may lie) inside the stretch, and
 * `resume <= bound`; undefined when there is none. Each candidate period is checked by a linear compare
 * that stops at its first mismatch, so one call reads at most `MAX_PERIOD` short prefixes plus the
 * stretch it finds.
 */
export function findStretch(
  lower: string,
  from: number,
  start: number,
  before: number,
  after: number,
  bound: number,
): Stretch | undefined {
  const a = from + start - before;
  if (start - before < 0) {
    return undefined;
  }
  const stop = from + bound + after;
  const end = Math.min(lower.length, stop);
  for (let p = 1; p <= MAX_PERIOD; p++) {
    // Enough for MIN_PERIODS periods of scan positions and the reads of the last of them.
    const need = start + MIN_PERIODS * p + after;
    if (from + need > end) {
      return undefined;
    }
    let x = a + p;
    while (x < end && lower.charCodeAt(x) === lower.charCodeAt(x - p) && x < a + 2 * p + after) {
      x++;
    }
    // Past a few periods, whole chunks at a time against the start of the stretch (a native compare:
    // 2.7 ns a character read one at a time), then one at a time to the first difference.
    if (x === a + 2 * p + after) {
      const chunk = p * Math.ceil(CHUNK / p);
      const head = lower.slice(a, a + chunk);
      for (x = a + p; x + chunk <= end && lower.slice(x, x + chunk) === head; x += chunk) {
        // Each step moves a whole number of periods.
      }
      while (x < end && lower.charCodeAt(x) === lower.charCodeAt(x - p)) {
        x++;
      }
    }
    // `lower` repeats with period p over [a, x): scan positions up to x - after have all their reads inside.
    const periods = Math.floor((Math.min(x - from - after, bound) - start) / p);
    if (periods >= MIN_PERIODS) {
      return { period: p, resume: start + periods * p };
    }
  }
  return undefined;
}

/**
 * `findStretch` over bytes: `bytes[0, length)` holds what `lower` holds from the copy's `from` on, to
 * the end `findStretch` reads (the prefilter's folded copy of a one-byte text, which is `lower`'s bytes):
 * the same stretch, without the lower-cased string. Chunks compare natively (`Buffer.compare`).
 */
export function findStretchIn(
  bytes: Buffer,
  length: number,
  start: number,
  before: number,
  after: number,
  bound: number,
): Stretch | undefined {
  const a = start - before;
  if (a < 0) {
    return undefined;
  }
  const end = Math.min(length, bound + after);
  for (let p = 1; p <= MAX_PERIOD; p++) {
    if (start + MIN_PERIODS * p + after > end) {
      return undefined;
    }
    let x = a + p;
    while (x < end && bytes[x] === bytes[x - p] && x < a + 2 * p + after) {
      x++;
    }
    if (x === a + 2 * p + after) {
      const chunk = p * Math.ceil(CHUNK / p);
      for (
        x = a + p;
        x + chunk <= end && bytes.compare(bytes, a, a + chunk, x, x + chunk) === 0;
        x += chunk
      ) {
        // Each step moves a whole number of periods.
      }
      while (x < end && bytes[x] === bytes[x - p]) {
        x++;
      }
    }
    const periods = Math.floor((Math.min(x - after, bound) - start) / p);
    if (periods >= MIN_PERIODS) {
      return { period: p, resume: start + periods * p };
    }
  }
  return undefined;
}

/**
 * After the scan of one period [start, start + period) of a stretch, moves each keyword's last hit that
 * a position of that period found (a keyword found at scan position `begin + gramAt`) forward to where
 * the scan positions up to `resume` would have left it: `resume - start - period` further on.
 */
export function skipPeriods(
  hits: (number[] | undefined)[],
  gramAt: Uint8Array,
  from: number,
  start: number,
  stretch: Stretch,
): void {
  const periodEnd = start + stretch.period;
  const shift = stretch.resume - periodEnd;
  for (let id = 0; id < hits.length; id++) {
    const runs = hits[id];
    if (runs === undefined) {
      continue;
    }
    const at = runs[runs.length - 1]!;
    const found = at - from + gramAt[id]!;
    if (found >= start && found < periodEnd) {
      runs[runs.length - 1] = at + shift;
    }
  }
}
