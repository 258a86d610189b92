import type { CompiledRule } from './matcher';

/**
 * Where the anchored matcher (see `anchoredMatch.ts`) tries a rule next: a function from an offset of
 * `text` and the last offset of its run of hits to the first place in between where a match may start,
 * or -1 (or a place past the run, which the caller drops). Every place a match can start is among its
 * answers; the places it passes over are ones the pattern would fail at.
 *
 * - By default, the occurrences of the rule's keywords that have hits (`hitKeywords`) in `lower`, the
 *   lower-cased text from `base` on.
 * - When every match starts with a case-exact head (see `startEdges`), the occurrences of the head in
 *   `text`: `SK` rather than every `sk` of `task` or `sk-`.
 * - When, besides, the pattern rejects some characters right before a match (a leading `(?<![…])` or
 *   `\b`), a regex finds the head where no such character precedes it: a file of `sk-sk-sk-…` is then
 *   one regex pass, not one search and one check per `sk-`.
 *
 * Offsets are asked for mostly in ascending order, and each answer is kept until an offset passes it.
 * A keyword's search moves through the text once (its next occurrence lies in a run of hits); a head's,
 * which may be rarer, is bounded by the run, so that a head that never comes does not cost a read of the
 * rest of the text at every run.
 */
export function occurrenceFinder(
  text: string,
  lower: string,
  base: number,
  cr: CompiledRule,
  hitKeywords: readonly string[],
): (from: number, last: number) => number {
  const head = cr.edges.head;
  if (head !== undefined) {
    return headFinder(text, head, cr.gate);
  }
  if (hitKeywords.length === 1) {
    // The next occurrence of a keyword lies in the next run of hits at the latest: nothing to keep.
    const kw = hitKeywords[0]!;
    return (from) => {
      const at = lower.indexOf(kw, from - base);
      return at === -1 ? -1 : at + base;
    };
  }
  const seen: Seen = { next: new Array<number>(hitKeywords.length).fill(-1), from: -1 };
  return (from) => {
    const at = occurrence(lower, hitKeywords, seen, from - base);
    return at === -1 ? -1 : at + base;
  };
}

/** The first occurrence of `head` in [from, last] (where `gate`, when given, matches), or -1. */
function headFinder(
  text: string,
  head: string,
  gate: RegExp | undefined,
): (from: number, last: number) => number {
  // `found` is the first occurrence in [searched, bound], or -1 when there is none there.
  let searched = -1;
  let bound = -1;
  let found = -1;
  return (from, last) => {
    if (from >= last) {
      // A run of one hit (most runs in code): no search, and nothing kept.
      return from === last && text.startsWith(head, from) ? from : -1;
    }
    if (searched !== -1 && from >= searched && (found !== -1 ? from <= found : last <= bound)) {
      return found;
    }
    searched = from;
    bound = last;
    // One character before `from` keeps the gate's lookbehind view; the slice ends where a head at `last` would.
    const lo = Math.max(0, from - 1);
    const slice = text.slice(lo, last + head.length);
    if (gate === undefined) {
      const at = slice.indexOf(head, from - lo);
      found = at === -1 ? -1 : lo + at;
    } else {
      gate.lastIndex = from - lo;
      const m = gate.exec(slice);
      found = m === null ? -1 : lo + m.index;
    }
    return found;
  };
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
