import type { Candidate, CompiledRule, ScanStats } from './matcher';
import { MAX_MATCHES, nextWindow, push } from './matcher';
import { occurrenceFinder } from './occurrences';

/**
 * Runs an anchored rule (every match starts with one of its keywords, see `startsAtKeyword`): the
 * pattern is tried, sticky on the whole text, at each keyword occurrence in its hit runs and nowhere
 * else. Windows are formed as `matchAroundHits` forms them, for the same match cap and counters; what
 * changes is that a window whose keyword is frequent (`token` in most lines of a file) costs one
 * attempt per occurrence instead of a regex search through all of it.
 *
 * Occurrences are found again (see `occurrenceFinder`): the prefilter keeps runs, not each hit. Each
 * search's answer is kept until the scan passes it, so each moves through the text about once, whatever
 * the number of runs; occurrences that the pattern's start edges (see `startEdges`) rule out are passed
 * over or skipped without an attempt. Linear: at most one bounded attempt per occurrence.
 */
export function matchAtKeywords(
  text: string,
  lower: string,
  base: number,
  cr: CompiledRule,
  hitKeywords: readonly string[],
  runs: readonly number[],
  stats: ScanStats,
  out: Candidate[],
): void {
  const { head, notAfter } = cr.edges;
  const next = occurrenceFinder(text, lower, base, cr, hitKeywords);
  const re = cr.sticky;
  const bits = cr.startBits;
  const ends = endsFinder(text, cr);
  for (let i = 0; i < runs.length;) {
    const { start, end, next: after } = nextWindow(text, cr, runs, i);
    stats.windows++;
    stats.windowChars += end - start;
    // As in a window search, matches of one window do not overlap, and each offset is tried once.
    let cursor = 0;
    let examined = 0;
    for (let j = i; j < after; j += 2) {
      const first = runs[j]!;
      const last = runs[j + 1]!;
      // A run's first offset is a hit itself (so is its last): only a run of several needs a search.
      let p =
        first >= cursor && (head === undefined || text.startsWith(head, first))
          ? first
          : next(Math.max(first, cursor), last);
      while (p >= cursor && p <= last) {
        cursor = p + 1;
        // The keyword is compared ignoring case, the pattern may not be (`SK…` at each `sk-`): a character
        // no match starts with, or one the pattern rejects before a match, costs a lookup, not an attempt.
        const c = text.charCodeAt(p);
        const b = p > 0 ? text.charCodeAt(p - 1) : 128;
        const ready = ends(p);
        const m =
          (bits !== undefined && (c < 128 ? bits[c] === 0 : !cr.startsNonAscii)) ||
          (notAfter !== undefined && b < 128 && notAfter[b] === 1) ||
          ready > p
            ? null
            : attempt(re, text, p);
        if (m !== null && m[0].length > 0) {
          stats.matches++;
          if (++examined > MAX_MATCHES) {
            stats.capped++;
            stats.unexamined.push(p, end);
            j = after;
            break;
          }
          push(cr, m, 0, out);
          cursor = p + m[0].length;
        } else if (ready > cursor) {
          // No value end is in reach before `ready`: the occurrences before it would all be skipped.
          cursor = ready;
        }
        p = cursor > last ? -1 : next(cursor, last);
      }
    }
    i = after;
  }
}

/**
 * The first offset from `p` on where a match of `cr` may start, judged by its `endsBefore` characters: one
 * of them (or the text's end) must lie within `maxLength` + 2 of it. `p` itself when it may; in a flood of
 * a keyword with no value end (`password=password=…`) the offset where the end comes in reach, so that
 * the occurrences before it cost nothing. Attempts mostly come in ascending order, so the next such
 * character is searched for once and kept until an attempt passes it: the text is read about once.
 */
function endsFinder(text: string, cr: CompiledRule): (p: number) => number {
  const re = cr.endsBefore;
  if (re === undefined) {
    return (p) => p;
  }
  const reach = cr.maxLength + 2;
  let from = -1;
  let next = -1;
  return (p) => {
    // Searched afresh when `p` is past the character kept, or behind the offset it was searched from.
    if (next < p || p < from) {
      from = p;
      re.lastIndex = p;
      next = re.exec(text)?.index ?? text.length;
    }
    return Math.max(p, next - reach);
  };
}

/** The sticky `re` tried at `p` of `text`. */
function attempt(re: RegExp, text: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(text);
}
