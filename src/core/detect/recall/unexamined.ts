import type { RecallDetector } from './recallSpan';

/**
 * Never stop silently: when the engine abandons a window (too many matches in it, a file of decoys),
 * the text it did not examine is hidden conservatively. Every token-like run of `MIN_RUN` characters or
 * more there is a recall span, whatever its shape.
 */

/** Shortest run hidden: shorter than most keys, longer than most words. */
export const MIN_RUN = 16;
const RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** How far back a run that straddles the start of a range is followed. */
const BACK_REACH = 512;

/** `ranges` (flattened `[start, end)` pairs, any order, overlapping or not) merged and sorted. */
export function mergeRanges(ranges: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    pairs.push([ranges[i]!, ranges[i + 1]!]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (out.length > 0 && start <= out[out.length - 1]!) {
      out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    } else if (end > start) {
      out.push(start, end);
    }
  }
  return out;
}

/** A detector that hides every token-like run in `ranges` of the text (what the engine did not examine). */
export function unexaminedRuns(ranges: readonly number[]): RecallDetector {
  const merged = mergeRanges(ranges);
  return (text, out) => {
    const re = new RegExp(RUN.source, 'g');
    for (let i = 0; i < merged.length; i += 2) {
      let start = merged[i]!;
      const end = Math.min(merged[i + 1]!, text.length);
      const floor = Math.max(0, start - BACK_REACH);
      while (start > floor && /[A-Za-z0-9+/_-]/.test(text[start - 1]!)) {
        start--;
      }
      re.lastIndex = start;
      for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
        out.push({ start: m.index, end: m.index + m[0].length, kind: 'unexamined' });
      }
    }
  };
}
