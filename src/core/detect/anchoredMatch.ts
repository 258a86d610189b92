import type { Candidate, CompiledRule, ScanStats } from './matcher';
import { MAX_MATCHES, nextWindow, push } from './matcher';

/**
 * Runs an anchored rule (every match starts with one of its keywords, see `startsAtKeyword`): the
 * pattern is tried, sticky on the whole text, at each keyword occurrence in its hit runs and nowhere
 * else. Windows are formed as `matchAroundHits` forms them, for the same match cap and counters; what
 * changes is that a window whose keyword is frequent (`token` in most lines of a file) costs one
 * attempt per occurrence instead of a regex search through all of it.
 *
 * Occurrences are found again with a native `indexOf` per keyword that has hits (`hitKeywords`), in
 * `lower` (the lower-cased text from `base` on): the prefilter keeps runs, not each hit. Each
 * keyword's next occurrence is remembered until the scan passes it, so each keyword's search moves
 * through the text once, whatever the number of runs. Linear: one bounded attempt per occurrence.
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
  const seen: Seen = { next: new Array<number>(hitKeywords.length).fill(-1), from: -1 };
  const re = cr.sticky;
  const bits = cr.startBits;
  const ends = endsFinder(text, cr);
  // One keyword needs no bookkeeping: its next occurrence is one `indexOf`.
  const single = hitKeywords.length === 1 ? hitKeywords[0] : undefined;
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
        first >= cursor
          ? first
          : single !== undefined
            ? lower.indexOf(single, cursor - base) + base
            : occurrence(lower, hitKeywords, seen, cursor - base) + base;
      while (p >= cursor && p <= last) {
        cursor = p + 1;
        // The keyword is compared ignoring case, the pattern may not be (`SK…` at each `sk-`): a character
        // no match starts with costs a lookup instead of an attempt.
        const c = text.charCodeAt(p);
        const m =
          (bits !== undefined && (c < 128 ? bits[c] === 0 : !cr.startsNonAscii)) || !ends(p)
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
        }
        p =
          cursor > last
            ? -1
            : single !== undefined
              ? lower.indexOf(single, cursor - base) + base
              : occurrence(lower, hitKeywords, seen, cursor - base) + base;
      }
    }
    i = after;
  }
}

/**
 * Whether a match of `cr` may start at `p`, judged by its `endsBefore` characters: one of them (or the
 * text's end) must lie within `maxLength` + 2 of `p`. Attempts mostly come in ascending order, so the next
 * such character is searched for once and kept until an attempt passes it: the text is read about once.
 */
function endsFinder(text: string, cr: CompiledRule): (p: number) => boolean {
  const re = cr.endsBefore;
  if (re === undefined) {
    return () => true;
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
    return next - p <= reach;
  };
}

/** The sticky `re` tried at `p` of `text`. */
function attempt(re: RegExp, text: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(text);
}

/** Each keyword's next occurrence in `lower` (-1: none) at or after offset `from`; `from` is -1 before any search. */
interface Seen {
  readonly next: number[];
  from: number;
}

/**
 * The first offset at or after `from` where one of `keywords` occurs in `lower`, or -1. Each keyword's
 * last answer is reused while it is still ahead, so that each keyword's search moves through the text
 * once. A `from` behind the last one (a match longer than its rule's maxLength ran on past the next
 * window's first hit) is searched up to the last one only, in a bounded slice; past it the answers
 * kept still hold.
 */
function occurrence(lower: string, keywords: readonly string[], seen: Seen, from: number): number {
  if (from < seen.from) {
    let best = -1;
    for (const kw of keywords) {
      const at = lower.slice(from, seen.from + kw.length - 1).indexOf(kw);
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
      }
    }
    if (best !== -1) {
      return from + best;
    }
    from = seen.from;
  }
  const fresh = seen.from === -1;
  seen.from = from;
  let best = -1;
  for (let k = 0; k < keywords.length; k++) {
    let at = seen.next[k]!;
    if (fresh || (at !== -1 && at < from)) {
      at = seen.next[k] = lower.indexOf(keywords[k]!, from);
    }
    if (at !== -1 && (best === -1 || at < best)) {
      best = at;
    }
  }
  return best;
}
