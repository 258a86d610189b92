import type { CompiledRule } from './compiledRule';
import { holdsRequired } from './requiredChars';
import { holdsLiterals } from './requiredLiterals';
import type { ScanStats } from './scanStats';

export type { ScanStats } from './scanStats';
export { newStats } from './scanStats';
export type { CompiledRule, CompiledSet } from './compiledRule';
export { compileRules } from './compiledRule';

/**
 * Runs rule patterns in bounded windows around keyword hits. The bounds are what makes the engine
 * linear whatever the input: a window starts at most `BEFORE_KEYWORD` characters before a hit and
 * ends `maxLength` after it; overlapping windows of one rule merge, so each character is handed to a
 * rule's pattern about once; and a window stops after `MAX_MATCHES` matches.
 */

/** How far before its keyword a match may start (the rule contract's 64). */
export const BEFORE_KEYWORD = 64;
/** Context kept past a window's end so that `\b` and lookaheads see the next characters. */
const LOOKAHEAD_PAD = 16;
/** A merged window longer than this is closed and the next hit opens a new one. */
const MAX_WINDOW = 256 * 1024;
/**
 * Matches examined per window before it is abandoned (a file of a million look-alikes); what follows is
 * reported as not examined and hidden whole by the redact tier, never passed silently. 512: over 36,903 real
 * files (403 MB: Python's library, `/usr/share/doc`, `/etc`, `/usr/include`, `node_modules`, the bench tree)
 * no window reached even 256. At 4,096 a line of distinct bot tokens cost 9-10 times ordinary code per byte,
 * each match a real finding (its checks, validation and fingerprint); at 512 it is under 3 times.
 */
export const MAX_MATCHES = 512;
/**
 * How a window is searched. `scan` runs the pattern over the whole window (the regex engine skips
 * ahead fast when the pattern starts with a literal). `starts` tries it, sticky, only where a match can
 * start: from 64 before each keyword hit to the hit, where the character can start a match; it wins
 * when the window is long for its hits (a large maxLength, or a pattern with no literal start, where
 * a scan spends most of its time on hopeless offsets past the keyword). `auto` picks per window.
 */
export type WindowMode = 'auto' | 'scan' | 'starts';

/** A raw match: the secret's span and text, before any suppression. */
export interface Candidate {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  /**
   * The provider a `finder` rule named, shown in place of the rule's own. Always present, undefined for a
   * pattern's match: every candidate then has one hidden class, and the checks that read them stay monomorphic.
   */
  readonly provider: string | undefined;
}

/**
 * Runs `cr` over windows around `runs` (flattened `[first, last, …]` hit runs, ascending, offsets in
 * `text`) and appends its matches to `out`.
 */
export function matchAroundHits(
  text: string,
  cr: CompiledRule,
  runs: readonly number[],
  stats: ScanStats,
  out: Candidate[],
  mode: WindowMode = 'auto',
): void {
  // Relative cost of one sticky attempt against one scanned character: a broad-start pattern pays a
  // full attempt per scanned offset anyway, a literal-start one almost nothing (measured, roughly).
  const attemptCost = cr.broadStart ? 2 : 8;
  for (let i = 0; i < runs.length;) {
    const { start, end, next, starts } = nextWindow(text, cr, runs, i);
    if (mode === 'starts' || (mode === 'auto' && starts * attemptCost < end - start)) {
      matchStarts(text, cr, { start, end, runs: runs.slice(i, next) }, stats, out);
    } else {
      matchWindow(text, cr, start, end, stats, out);
    }
    i = next;
  }
}

/** The window that the hit runs from `runs[i]` on open: [start, end), the index of the run after it, and its possible match starts. */
export function nextWindow(
  text: string,
  cr: CompiledRule,
  runs: readonly number[],
  i: number,
): { start: number; end: number; next: number; starts: number } {
  const n = text.length;
  const reach = cr.maxLength + LOOKAHEAD_PAD;
  const first = runs[i]!;
  let starts = runs[i + 1]! - first + BEFORE_KEYWORD + 1;
  const start = cr.multiLine ? Math.max(0, first - BEFORE_KEYWORD) : lineStartNear(text, first);
  let end = Math.min(n, runs[i + 1]! + reach);
  let next = i + 2;
  for (; next < runs.length && runs[next]! - BEFORE_KEYWORD <= end && end - start < MAX_WINDOW; next += 2) {
    end = Math.min(n, Math.max(end, runs[next + 1]! + reach));
    starts += runs[next + 1]! - runs[next]! + BEFORE_KEYWORD + 1;
  }
  return { start, end, next, starts };
}

/**
 * Like `matchWindow`, but tries the pattern (sticky) only at the offsets where a match can start: from
 * `BEFORE_KEYWORD` before each run of hits to its last hit, where the character can start a match.
 */
function matchStarts(
  text: string,
  cr: CompiledRule,
  window: Window,
  stats: ScanStats,
  out: Candidate[],
): void {
  const { start, end, runs } = window;
  const slice = enterWindow(text, start, end, stats);
  if (!holdsRequired(slice, cr.required) || !holdsLiterals(slice, cr.literals)) {
    return;
  }
  const re = cr.sticky;
  let examined = 0;
  let next = start;
  for (let j = 0; j < runs.length; j += 2) {
    const lo = Math.max(
      next,
      start,
      cr.multiLine ? runs[j]! - BEFORE_KEYWORD : lineStartNear(text, runs[j]!),
    );
    const hi = runs[j + 1]!;
    for (let p = lo; p <= hi; p++) {
      const c = text.charCodeAt(p);
      if (cr.startBits !== undefined && (c < 128 ? cr.startBits[c] === 0 : !cr.startsNonAscii)) {
        continue;
      }
      re.lastIndex = p - start;
      const m = re.exec(slice);
      if (m === null || m[0].length === 0) {
        continue;
      }
      stats.matches++;
      if (++examined > MAX_MATCHES) {
        stats.capped++;
        stats.unexamined.push(p, end);
        return;
      }
      const matchEnd = accept(text, cr, m, start, end, out);
      p = Math.max(p, matchEnd - 1);
      next = Math.max(next, matchEnd);
    }
    next = Math.max(next, hi + 1);
  }
}

/**
 * Records match `m` of window [start, end), re-reading it on the whole text when it touches an edge of
 * the window (the pattern saw a cut text there). Returns the offset where the recorded match ends, or
 * where the window match ended when the whole text has no match there.
 */
function accept(
  text: string,
  cr: CompiledRule,
  m: RegExpExecArray,
  start: number,
  end: number,
  out: Candidate[],
): number {
  const at = start + m.index;
  const edge = (m.index === 0 && start > 0) || (at + m[0].length > end - LOOKAHEAD_PAD && end < text.length);
  if (!edge) {
    push(cr, m, start, out);
    return at + m[0].length;
  }
  cr.sticky.lastIndex = at;
  const whole = cr.sticky.exec(text);
  if (whole === null) {
    return at + 1;
  }
  push(cr, whole, 0, out);
  return at + whole[0].length;
}

/** Runs `cr` over one window [start, end) of `text`, re-checking matches that touch its edges on the whole text. */
export function matchWindow(
  text: string,
  cr: CompiledRule,
  start: number,
  end: number,
  stats: ScanStats,
  out: Candidate[],
): void {
  const slice = enterWindow(text, start, end, stats);
  if (!holdsRequired(slice, cr.required) || !holdsLiterals(slice, cr.literals)) {
    return;
  }
  const re = cr.global;
  re.lastIndex = 0;
  let examined = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    stats.matches++;
    if (++examined > MAX_MATCHES) {
      stats.capped++;
      stats.unexamined.push(start + m.index, end);
      break;
    }
    const matchEnd = accept(text, cr, m, start, end, out);
    re.lastIndex = Math.max(m.index + 1, matchEnd - start);
  }
}

/** A window [start, end) and the hit runs whose match starts it tries. */
interface Window {
  readonly start: number;
  readonly end: number;
  readonly runs: readonly number[];
}

/** Counts the window in `stats` and returns its text. */
function enterWindow(text: string, start: number, end: number, stats: ScanStats): string {
  stats.windows++;
  stats.windowChars += end - start;
  return text.slice(start, end);
}

/** Appends match `m` (of a text starting at `base`) as a candidate: its `secret` group, or all of it. */
export function push(cr: CompiledRule, m: RegExpExecArray, base: number, out: Candidate[]): void {
  const secret = m.groups?.['secret'];
  if (secret !== undefined) {
    if (secret.length > 0) {
      const start = base + secretIndex(cr, m, secret);
      out.push({ rule: cr, start, end: start + secret.length, secret, provider: undefined });
    }
    return;
  }
  out.push({
    rule: cr,
    start: base + m.index,
    end: base + m.index + m[0].length,
    secret: m[0],
    provider: undefined,
  });
}

/**
 * Where match `m`'s `secret` group starts in the text it was run on. Outside a lookaround the group's text
 * lies in the match's, so where it occurs there once, that is its place (most patterns: a bare token is the
 * whole match); otherwise the pattern is run again at the match's start with indices (`cr.indexed`), which
 * gives the same match, as the same sticky attempt at the same offset of the same text.
 */
export function secretIndex(cr: CompiledRule, m: RegExpExecArray, secret: string): number {
  if (!cr.secretInLookaround) {
    const k = m[0].indexOf(secret);
    if (k !== -1 && m[0].indexOf(secret, k + 1) === -1) {
      return m.index + k;
    }
  }
  const re = cr.indexed;
  re.lastIndex = m.index;
  return re.exec(m.input)!.indices!.groups!['secret']![0];
}

/** Where a window for a hit at `hit` starts: `BEFORE_KEYWORD` back, but not before the hit's line. */
function lineStartNear(text: string, hit: number): number {
  const floor = Math.max(0, hit - BEFORE_KEYWORD);
  for (let i = hit - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 10) {
      return i + 1;
    }
  }
  return floor;
}
