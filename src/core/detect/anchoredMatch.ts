import { LowerText } from './lowerText';
import type { Candidate, CompiledRule, ScanStats } from './matcher';
import { MAX_MATCHES, nextWindow, push } from './matcher';
import { Occurrences, type KeywordsHit } from './occurrences';
import { TOKEN_RUN, tokenRuns } from './tokenRuns';

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
  lowerText: string | LowerText,
  base: number,
  cr: CompiledRule,
  hitKeywords: KeywordsHit,
  runs: readonly number[],
  stats: ScanStats,
  out: Candidate[],
): void {
  const { head, notAfter } = cr.edges;
  const lower = LowerText.of(lowerText);
  // State objects of one class each, not closures made per call: their call sites here stay monomorphic.
  const occurrences = new Occurrences(text, lower, base, cr, hitKeywords);
  const re = cr.sticky;
  const bits = cr.startBits;
  const ends = new Ends(text, cr);
  const tokens = new TokenRunsNear(text, lower, base, cr);
  const mayStartAt = cr.rule.mayStartAt;
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
          : occurrences.next(Math.max(first, cursor), last);
      while (p >= cursor && p <= last) {
        cursor = p + 1;
        // The keyword is compared ignoring case, the pattern may not be (`SK…` at each `sk-`): a character
        // no match starts with, or one the pattern rejects before a match, costs a lookup, not an attempt.
        const c = text.charCodeAt(p);
        const b = p > 0 ? text.charCodeAt(p - 1) : 128;
        const ready = ends.from(p);
        const m =
          (bits !== undefined && (c < 128 ? bits[c] === 0 : !cr.startsNonAscii)) ||
          (notAfter !== undefined && b < 128 && notAfter[b] === 1) ||
          ready > p ||
          !tokens.near(p) ||
          (mayStartAt !== undefined && !mayStartAt(text, p))
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
        p = cursor > last ? -1 : occurrences.next(cursor, last);
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
class Ends {
  private readonly re: RegExp | undefined;
  private readonly reach: number;
  /** The offset last searched from, and the first such character there (or the text's end). */
  private searched = -1;
  private next = -1;

  constructor(
    private readonly text: string,
    cr: CompiledRule,
  ) {
    this.re = cr.endsBefore;
    this.reach = cr.maxLength + 2;
  }

  from(p: number): number {
    const re = this.re;
    if (re === undefined) {
      return p;
    }
    // Searched afresh when `p` is past the character kept, or behind the offset it was searched from.
    if (this.next < p || p < this.searched) {
      this.searched = p;
      re.lastIndex = p;
      const m = re.exec(this.text);
      this.next = m === null ? this.text.length : m.index;
    }
    return Math.max(p, this.next - this.reach);
  }
}

/**
 * The text's runs of `TOKEN_RUN` or more when `cr` needs a run that long (see `requiredRun`) and the scan
 * reads all of `text` (`lower` is all of it, from `base` 0); undefined when every offset passes: a range
 * scan of part of a text, where listing the runs of all of it would cost more than the attempts.
 */
function neededRuns(
  text: string,
  lower: { readonly length: number },
  base: number,
  cr: CompiledRule,
): readonly number[] | undefined {
  return cr.tokenRun < TOKEN_RUN || base !== 0 || lower.length !== text.length
    ? undefined
    : tokenRuns(text, 0, text.length, TOKEN_RUN);
}

/**
 * Whether `text` holds a run of token characters as long as every match of anchored `cr` holds (see
 * `TokenRunsNear`). When it holds none, no attempt of `matchAtKeywords` passes, and the caller need not
 * gather the rule's hit runs: `token` opens 59K runs on the bench tree for `discord-bot-token` (27 in a
 * row), `pat` as many for `airtable-pat` (64), while few files hold a run of 27.
 */
export function holdsNeededRun(
  text: string,
  lower: { readonly length: number },
  base: number,
  cr: CompiledRule,
): boolean {
  const runs = neededRuns(text, lower, base, cr);
  return runs === undefined || longestRun(runs) >= cr.tokenRun;
}

/**
 * The length of the longest of `runs` (flattened `[start, end, …]`), kept for the last list asked about:
 * every anchored rule with a hit asks of the same list, and a line of 49,000 JWT-shaped tokens made each
 * of them walk all its runs (a tenth of its scan).
 */
function longestRun(runs: readonly number[]): number {
  if (runs !== longestOf) {
    let longest = 0;
    for (let i = 0; i < runs.length; i += 2) {
      longest = Math.max(longest, runs[i + 1]! - runs[i]!);
    }
    longestOf = runs;
    longestLength = longest;
  }
  return longestLength;
}

let longestOf: readonly number[] | undefined;
let longestLength = 0;

/**
 * Whether a match of `cr` starting at `p` can hold the run of token characters its pattern needs (see
 * `requiredRun`): whether a run of the text that long meets [p, p + maxLength). Runs are listed once per
 * text (see `tokenRuns`), and attempts come in ascending order, so the list is walked about once. Always
 * true for a rule that needs no run as long as those listed, and for a range scan of part of a text, where
 * listing the runs of all of it would cost more than the attempts.
 */
class TokenRunsNear {
  private readonly need: number;
  /** Undefined when every offset passes. */
  private readonly runs: readonly number[] | undefined;
  private readonly reach: number;
  /** The first run (its index in the flattened list) that ends after the last offset asked for. */
  private k = 0;

  constructor(text: string, lower: LowerText, base: number, cr: CompiledRule) {
    this.need = cr.tokenRun;
    this.runs = neededRuns(text, lower, base, cr);
    this.reach = cr.maxLength;
  }

  near(p: number): boolean {
    const runs = this.runs;
    if (runs === undefined) {
      return true;
    }
    let k = this.k;
    while (k > 0 && runs[k - 1]! > p) {
      k -= 2;
    }
    while (k < runs.length && runs[k + 1]! <= p) {
      k += 2;
    }
    this.k = k;
    for (let i = k; i < runs.length && runs[i]! < p + this.reach; i += 2) {
      if (runs[i + 1]! - runs[i]! >= this.need) {
        return true;
      }
    }
    return false;
  }
}

/** The sticky `re` tried at `p` of `text`. */
function attempt(re: RegExp, text: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(text);
}
