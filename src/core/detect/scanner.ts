import { lastAtOrBefore } from '../sortedSearch';
import { holdsNeededRun, matchAtKeywords } from './anchoredMatch';
import type { Finding, Position } from './finding';
import { fingerprintOf, maskSecret } from './finding';
import type { Rule, Severity } from './rule';
import { builtinRules } from './catalog';
import { holdsClassRun } from './classRun';
import { ignoredByComment } from './ignoreComments';
import type { Candidate, ScanStats } from './matcher';
import { BEFORE_KEYWORD, compileRules, matchAroundHits, matchWindow, newStats } from './matcher';
import { isDocumentedExample } from './placeholders';
import { defersToNamedProvider, defersToProvider, providerPrefixes } from './prefixLookAlike';
import type { KeywordIndex } from './keywordIndex';
import { LowerText } from './lowerText';
import { runsOfRule } from './hitRuns';
import type { KeywordsHit } from './occurrences';
import { ShapeChecks } from './shapeChecks';
import { findKeywordHits } from './prefilter';
import { ContextMemo, suppressedByContext } from './suppress';

export type { ScanStats } from './matcher';

/** The provider name of the catch-all rules (`generic-secret`, `generic-password`). */
const GENERIC_PROVIDER = 'Generic';

/** What a caller can tune per scan; everything is optional. */
export interface ScanOptions {
  readonly rules?: readonly Rule[];
  /** Rule ids turned off. */
  readonly disabled?: ReadonlySet<string>;
  /** Severity per rule id, overriding the rule's own. */
  readonly severity?: ReadonlyMap<string, Severity>;
  /** Fingerprints (sha256 of the secret) the user has allowlisted. */
  readonly allowlist?: ReadonlySet<string>;
  /** Work counters the engine adds to (tests prove linear work with them, never with a clock). */
  readonly stats?: ScanStats;
}

/** In-process only: a finding together with the secret's text. Only the redactor may see it. */
export interface SecretMatch {
  readonly finding: Finding;
  readonly secret: string;
}

/** The result of `scanRange`: the findings of every line in [startLine, endLine], the range widened to what was rescanned. */
export interface RangeScan {
  readonly startLine: number;
  readonly endLine: number;
  readonly findings: Finding[];
}

/**
 * Finds secrets in `text` and returns them with their text. Callers outside the redactor use `scan`,
 * which drops the text.
 */
export function findSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  return collect(text, 0, text.length, options, undefined);
}

/** Finds secrets in `text`. The findings hold no secret text. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  return findSecrets(text, options).map((m) => m.finding);
}

/**
 * Rescans only lines [startLine, endLine] (0-based, inclusive) of `text`, widened by one line each side
 * (ignore comments act on the next line) and to any multi-line finding (a private-key block) that
 * overlaps them. The caller replaces its findings on lines [result.startLine, result.endLine] with
 * `result.findings`. Pass `starts` (from `lineStarts`) when the caller already has them.
 */
export function scanRange(
  text: string,
  startLine: number,
  endLine: number,
  options: ScanOptions = {},
  starts: readonly number[] = lineStarts(text),
): RangeScan {
  const first = Math.max(0, Math.min(startLine, endLine) - 1);
  const last = Math.min(starts.length - 1, Math.max(startLine, endLine) + 1);
  const from = starts[first] ?? text.length;
  const to = last + 1 < starts.length ? starts[last + 1]! : text.length;
  const findings = collect(text, from, to, options, starts).map((m) => m.finding);
  let lo = first;
  let hi = last;
  for (const f of findings) {
    lo = Math.min(lo, f.startPos.line);
    hi = Math.max(hi, f.endPos.line);
  }
  return { startLine: lo, endLine: hi, findings };
}

/** Secrets whose span intersects [from, to), sorted by offset. */
function collect(
  text: string,
  from: number,
  to: number,
  options: ScanOptions,
  knownStarts: readonly number[] | undefined,
): SecretMatch[] {
  const set = compileRules(options.rules ?? builtinRules);
  const stats = options.stats ?? newStats();
  const whole = from === 0 && to === text.length;
  // Keywords of single-line rules lie on the scanned lines; a multi-line match (a key block) may start
  // up to its maxLength before them.
  const sliceFrom = whole ? 0 : Math.max(0, from - set.multiLineReach - BEFORE_KEYWORD);
  const sliceTo = whole ? text.length : Math.min(text.length, to + BEFORE_KEYWORD);
  // Lower-cased only if some search needs the string (see `LowerText`).
  const lower = new LowerText(text, sliceFrom, sliceTo);
  const found: number[] = [];
  const hits = findKeywordHits(set.index, lower, 0, lower.length, found);
  const candidates: Candidate[] = [];
  // Only rules with a keyword in the text (and those without keywords) run: most files touch a few.
  for (const r of rulesToRun(set.index, found)) {
    const cr = set.rule(r);
    if (options.disabled?.has(cr.rule.id)) {
      continue;
    }
    const ids = set.index.ruleKeywords[r]!;
    if (cr.rule.finder) {
      const words = set.index.ruleWords[r]!;
      const wordRuns = words.length === 0 ? undefined : runsOfRule(words, hits, sliceFrom);
      for (const f of cr.rule.finder(text, from, to, wordRuns)) {
        candidates.push({
          rule: cr,
          start: f.start,
          end: f.end,
          secret: text.slice(f.start, f.end),
          provider: f.provider,
        });
      }
      continue;
    }
    if (ids.length === 0) {
      matchWindow(text, cr, from, Math.min(text.length, to + cr.maxLength), stats, candidates);
      continue;
    }
    if (whole && cr.runTable !== undefined && !holdsClassRun(text, cr.runTable, cr.rule.needsRun!.length)) {
      continue;
    }
    if (cr.anchored && !holdsNeededRun(text, lower, sliceFrom, cr)) {
      continue;
    }
    const lo = cr.multiLine ? from - cr.maxLength : from;
    const hi = cr.multiLine ? to + BEFORE_KEYWORD : to;
    const runs = whole ? runsOfRule(ids, hits, 0) : clipRuns(runsOfRule(ids, hits, sliceFrom), lo, hi);
    stats.hitRuns += runs.length / 2;
    if (cr.anchored) {
      matchAtKeywords(text, lower, sliceFrom, cr, keywordsHit(set.index, ids, hits), runs, stats, candidates);
    } else {
      matchAroundHits(text, cr, runs, stats, candidates);
    }
  }
  if (candidates.length === 0) {
    return [];
  }
  const rules = options.rules ?? builtinRules;
  const prefixes = providerPrefixes(rules);
  const memo = new ContextMemo(text);
  const shapes = new ShapeChecks(stats);
  // What the context shows is no secret is dropped before overlaps are settled: a longer candidate it
  // beat (`API_KEY=ab%5…` around a 32-character run a service's shape took) is then still reported.
  const kept = resolveOverlaps(
    candidates.filter(
      (c) =>
        c.end > from &&
        c.start < to &&
        shapes.plausible(c.rule, c.secret) &&
        (c.rule.rule.inContext?.(text, c.start, c.secret) ?? true) &&
        !defersToProvider(prefixes, c.rule.rule, c.secret, text, c.start) &&
        !defersToNamedProvider(rules, c.rule.rule, text, c.start, c.secret) &&
        !suppressedByContext(text, c.start, c.end, c.secret, c.rule, memo),
    ),
  );
  if (kept.length === 0) {
    return [];
  }
  const starts = knownStarts ?? lineStarts(text);
  const out: SecretMatch[] = [];
  for (const c of kept) {
    const match = toMatch(text, c, starts, options);
    if (match) {
      out.push(match);
    }
  }
  return out;
}

/**
 * Indices, ascending, of the rules that have a keyword among `found` (ids of keywords with hits) or no
 * keywords at all: the lists (each ascending) merged by insertion. Most files find a few dozen keywords
 * and run about a dozen rules, once per file, mostly before V8 has optimized this: no spread, comparator
 * or length change, each a runtime call in unoptimized code. Bounded by the catalogue's size.
 */
function rulesToRun(index: KeywordIndex, found: readonly number[]): number[] {
  const out = index.keywordless.slice();
  for (let f = 0; f < found.length; f++) {
    const rules = index.keywordRules[found[f]!]!;
    for (let k = 0; k < rules.length; k++) {
      insertRule(out, rules[k]!);
    }
  }
  return out;
}

/** Inserts `r` into ascending `out` unless it is there already. */
function insertRule(out: number[], r: number): void {
  let i = out.length;
  while (i > 0 && out[i - 1]! > r) {
    i--;
  }
  if (i > 0 && out[i - 1] === r) {
    return;
  }
  out.push(r);
  for (let j = out.length - 1; j > i; j--) {
    out[j] = out[j - 1]!;
  }
  out[i] = r;
}

/** The keywords among `ids` that have hits, in order, with their runs: a loop, not closures made per rule and file. */
function keywordsHit(
  index: KeywordIndex,
  ids: readonly number[],
  hits: readonly (readonly number[] | undefined)[],
): KeywordsHit {
  const words: string[] = [];
  const runs: (readonly number[])[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const list = hits[id];
    if (list !== undefined) {
      words.push(index.keywords[id]!);
      runs.push(list);
    }
  }
  return { words, runs };
}

/** The parts of hit runs that fall in [lo, hi): hits outside cannot anchor a match in the scanned range. */
function clipRuns(runs: readonly number[], lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const first = Math.max(runs[i]!, lo);
    const last = Math.min(runs[i + 1]!, hi - 1);
    if (first <= last) {
      out.push(first, last);
    }
  }
  return out;
}

function toMatch(
  text: string,
  c: Candidate,
  starts: readonly number[],
  options: ScanOptions,
): SecretMatch | undefined {
  const rule = c.rule.rule;
  const startPos = positionAt(starts, c.start);
  if (ignoredByComment(text, starts, startPos.line, rule.id)) {
    return undefined;
  }
  const fingerprint = fingerprintOf(c.secret);
  if (options.allowlist?.has(fingerprint) || isDocumentedExample(fingerprint)) {
    return undefined;
  }
  const provider = c.provider ?? rule.provider;
  const description = c.provider === undefined ? rule.description : `${c.provider} ${rule.description}`;
  return {
    secret: c.secret,
    finding: {
      ruleId: rule.id,
      provider,
      description,
      severity: options.severity?.get(rule.id) ?? rule.severity,
      message: `${description}: ${rule.risk}.`,
      start: c.start,
      end: c.end,
      startPos,
      endPos: positionAt(starts, c.end),
      fingerprint,
      preview: maskSecret(c.secret),
    },
  };
}

/**
 * Keeps one candidate per overlapping span. Two matches of one rule (from merged windows or edge
 * re-checks) keep the longer; two rules keep the more specific: a provider format (`error`) over a
 * generic one, then the longer keyword, then the longer span, then catalogue order.
 */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.order - b.rule.order);
  const kept: Candidate[] = [];
  let longest = 0;
  for (const c of candidates) {
    let wins = true;
    for (let j = kept.length - 1; j >= 0 && wins; j--) {
      const k = kept[j]!;
      if (k.start + longest <= c.start) {
        break;
      }
      if (k.end <= c.start) {
        continue;
      }
      if (beats(c, k)) {
        kept.splice(j, 1);
      } else {
        wins = false;
      }
    }
    if (wins) {
      kept.push(c);
      longest = Math.max(longest, c.end - c.start);
    }
  }
  return kept;
}

function beats(a: Candidate, b: Candidate): boolean {
  // A key block holds base64 lines that can look like a provider's token (`AQE…` is Adyen's prefix):
  // the block that contains the line wins, whatever the severities.
  const aBlock = a.secret.includes('\n');
  if (aBlock !== b.secret.includes('\n')) {
    const [block, line] = aBlock ? [a, b] : [b, a];
    if (block.start <= line.start && block.end >= line.end) {
      return block === a;
    }
  }
  if (a.rule !== b.rule) {
    const rank = (c: Candidate): number => (c.rule.rule.severity === 'error' ? 1 : 0);
    if (rank(a) !== rank(b)) {
      return rank(a) > rank(b);
    }
    // A table finder names a provider from a word near the value: more specific than a generic rule
    // (`api_key = …`), less than a rule written for that provider.
    if ((a.rule.rule.finder === undefined) !== (b.rule.rule.finder === undefined)) {
      const other = a.rule.rule.finder ? b : a;
      return (other.rule.rule.provider === GENERIC_PROVIDER) === (other === b);
    }
    if (a.rule.keywordLength !== b.rule.keywordLength) {
      return a.rule.keywordLength > b.rule.keywordLength;
    }
  }
  const la = a.end - a.start;
  const lb = b.end - b.start;
  return la !== lb ? la > lb : a.rule === b.rule ? false : a.rule.order < b.rule.order;
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 0-based line and column of `offset`, by binary search over `starts`. */
export function positionAt(starts: readonly number[], offset: number): Position {
  const line = lastAtOrBefore(starts, offset);
  return { line, column: offset - starts[line]! };
}
