import type { LowerText } from './lowerText';
import type { CompiledRule } from './matcher';

/**
 * Where the anchored matcher (see `anchoredMatch.ts`) tries a rule next: an object whose `next` maps an offset of
 * `text` and the last offset of its run of hits to the first place in between where a match may start,
 * or -1 (or a place past the run, which the caller drops). Every place a match can start is among its
 * answers; the places it passes over are ones the pattern would fail at.
 *
 * - By default, the occurrences of the rule's keywords that have hits (`hitKeywords`) in `lower`, the
 *   lower-cased text from `base` on (made at the first such search: many texts need none).
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
export class Occurrences {
  // Every field is set in the constructor, in one order, whatever the kind: each instance has the same
  // hidden class and `next` one target, so the matcher's call of it stays monomorphic and inlinable (with
  // a closure per kind, its call site saw three functions and TurboFan's code was thrown away for it).
  private readonly kind: Kind;
  private readonly head: string;
  private readonly gate: RegExp | undefined;
  /** The one keyword (`Kind.Keyword`), or the first of `keywords`. */
  private readonly keyword: string;
  private readonly keywords: readonly string[];
  /** `Kind.Keywords`: each keyword's next occurrence (-1: none) at or after `from`, -1 before any search. */
  private readonly seen: number[];
  private from = -1;
  /** `Kind.Head`: the first occurrence in [searched, bound], or -1 when there is none there. */
  private searched = -1;
  private bound = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly lower: LowerText,
    private readonly base: number,
    cr: CompiledRule,
    hitKeywords: readonly string[],
  ) {
    const head = cr.edges.head;
    this.kind = head !== undefined ? Kind.Head : hitKeywords.length === 1 ? Kind.Keyword : Kind.Keywords;
    this.head = head ?? '';
    this.gate = cr.gate;
    this.keyword = hitKeywords[0] ?? '';
    this.keywords = hitKeywords;
    this.seen = this.kind === Kind.Keywords ? new Array<number>(hitKeywords.length).fill(-1) : [];
  }

  /** The first place in [from, last] where a match may start, or -1 (or a place past `last`, which the caller drops). */
  next(from: number, last: number): number {
    if (this.kind === Kind.Head) {
      return this.nextHead(from, last);
    }
    // The next occurrence of a keyword lies in the next run of hits at the latest: nothing to keep.
    const at =
      this.kind === Kind.Keyword
        ? this.lower.indexOf(this.keyword, from - this.base)
        : this.nextKeyword(from - this.base);
    return at === -1 ? -1 : at + this.base;
  }

  /** The first occurrence of the head in [from, last] (where the gate, when there is one, matches), or -1. */
  private nextHead(from: number, last: number): number {
    const { text, head } = this;
    if (from >= last) {
      // A run of one hit (most runs in code): no search, and nothing kept.
      return from === last && text.startsWith(head, from) ? from : -1;
    }
    if (
      this.searched !== -1 &&
      from >= this.searched &&
      (this.found !== -1 ? from <= this.found : last <= this.bound)
    ) {
      return this.found;
    }
    this.searched = from;
    this.bound = last;
    // One character before `from` keeps the gate's lookbehind view; the slice ends where a head at `last` would.
    const lo = Math.max(0, from - 1);
    const slice = text.slice(lo, last + head.length);
    const gate = this.gate;
    if (gate === undefined) {
      const at = slice.indexOf(head, from - lo);
      this.found = at === -1 ? -1 : lo + at;
    } else {
      gate.lastIndex = from - lo;
      const m = gate.exec(slice);
      this.found = m === null ? -1 : lo + m.index;
    }
    return this.found;
  }

  /**
   * The first offset at or after `from` where one of the keywords occurs in `lower`, or -1. Each
   * keyword's last answer is reused while it is still ahead, so that each keyword's search moves through
   * the text once. A `from` behind the last one (a match longer than its rule's maxLength ran on past the
   * next window's first hit) is searched up to the last one only, in a bounded slice; past it the answers
   * kept still hold.
   */
  private nextKeyword(from: number): number {
    const { lower, keywords, seen } = this;
    if (from < this.from) {
      let best = -1;
      for (let k = 0; k < keywords.length; k++) {
        const kw = keywords[k]!;
        const at = lower.indexOf(kw, from, this.from + kw.length - 1);
        if (at !== -1 && (best === -1 || at < best)) {
          best = at;
        }
      }
      if (best !== -1) {
        return best;
      }
      from = this.from;
    }
    const fresh = this.from === -1;
    this.from = from;
    let best = -1;
    for (let k = 0; k < keywords.length; k++) {
      let at = seen[k]!;
      if (fresh || (at !== -1 && at < from)) {
        at = seen[k] = lower.indexOf(keywords[k]!, from);
      }
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
      }
    }
    return best;
  }
}

/** Where the occurrences come from: the pattern's case-exact head, the one keyword with hits, or several. */
const enum Kind {
  Head,
  Keyword,
  Keywords,
}
