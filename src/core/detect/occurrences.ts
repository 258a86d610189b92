import type { LowerText } from './lowerText';
import type { CompiledRule } from './matcher';

/**
 * Where the anchored matcher (see `anchoredMatch.ts`) tries a rule next: an object whose `next` maps an offset of
 * `text` and the last offset of its run of hits to the first place in between where a match may start,
 * or -1 (or a place past the run, which the caller drops). Every place a match can start is among its
 * answers; the places it passes over are ones the pattern would fail at.
 *
 * - By default, the occurrences of the rule's keywords that have hits (`KeywordsHit`) in `lower`, the
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
  /** Each keyword's hit runs in `lower` (`KeywordsHit.runs`). */
  private readonly runs: readonly (readonly number[])[];
  /** `Kind.Keywords`: each keyword's first occurrence (-1: none) at or after the offset in `asked`. */
  private readonly seen: number[];
  private readonly asked: number[];
  /** `Kind.Head`: the first occurrence in [searched, bound], or -1 when there is none there. */
  private searched = -1;
  private bound = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly lower: LowerText,
    private readonly base: number,
    cr: CompiledRule,
    hit: KeywordsHit,
  ) {
    const head = cr.edges.head;
    const words = hit.words;
    this.kind = head !== undefined ? Kind.Head : words.length === 1 ? Kind.Keyword : Kind.Keywords;
    this.head = head ?? '';
    this.gate = cr.gate;
    this.keyword = words[0] ?? '';
    this.keywords = words;
    this.runs = hit.runs;
    const many = this.kind === Kind.Keywords;
    this.seen = many ? new Array<number>(words.length).fill(-1) : [];
    // Never asked: the first question of each keyword is searched.
    this.asked = many ? new Array<number>(words.length).fill(Number.MAX_SAFE_INTEGER) : [];
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
   * The first offset at or after `from` where one of the keywords occurs in `lower`, or -1. A keyword
   * occurs only inside its own hit runs (the prefilter's, which hold every occurrence), so each keyword is
   * searched for only there, from the first of its runs that ends at or after `from`: a keyword with a few
   * scattered hits costs a few bounded searches, not a read of the rest of the text (a line of distinct
   * bot tokens has some forty of the hundred `MT…` starts somewhere in its random bodies, and searching
   * each of them on to the text's end was most of its scan). Each answer is kept while it still holds:
   * asked from no later than `from`, and not behind it.
   */
  private nextKeyword(from: number): number {
    const { keywords, seen, asked } = this;
    let best = -1;
    for (let k = 0; k < keywords.length; k++) {
      let at = seen[k]!;
      if (asked[k]! > from || (at !== -1 && at < from)) {
        at = seen[k] = this.inRuns(k, from);
        asked[k] = from;
      }
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  /** Keyword `k`'s first occurrence at or after `from`, searched in its runs that end at or after it. */
  private inRuns(k: number, from: number): number {
    const runs = this.runs[k]!;
    const kw = this.keywords[k]!;
    // The first run whose last hit is at or after `from` (runs are ascending and do not overlap).
    let lo = 0;
    let hi = runs.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[2 * mid + 1]! < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (let i = 2 * lo; i < runs.length; i += 2) {
      // A run's ends are hits, but a text past Latin-1 may have hits that are no occurrence (the
      // prefilter reads the low byte of each code unit): the run is searched, bounded, all the same.
      const at = this.lower.indexOf(kw, Math.max(runs[i]!, from), runs[i + 1]! + kw.length);
      if (at !== -1) {
        return at;
      }
    }
    return -1;
  }
}

/** The keywords of a rule that have hits in the text, each with its hit runs (`HitRuns`) in `lower`'s offsets. */
export interface KeywordsHit {
  readonly words: readonly string[];
  readonly runs: readonly (readonly number[])[];
}

/** Where the occurrences come from: the pattern's case-exact head, the one keyword with hits, or several. */
const enum Kind {
  Head,
  Keyword,
  Keywords,
}
