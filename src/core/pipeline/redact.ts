import { newStats } from '../detect/matcher';
import type { ScanOptions } from '../detect/scanner';
import { findSecrets, lineStarts } from '../detect/scanner';
import { fingerprintOf, maskSecret } from '../detect/finding';
import type { RecallDetector } from '../detect/recall/recallSpan';
import { findRecallSpans, RECALL_DETECTORS } from '../detect/recall/recallTier';
import { unexaminedRuns } from '../detect/recall/unexamined';
import { findKnownSpans } from '../known/knownSpans';
import { lastAtOrBefore } from '../sortedSearch';
import type { KnownValue } from './knownValues';
import type { RedactionMap } from './redactionMap';
import { placesOfEach } from './standing';

/** One secret replaced in a text. It holds no secret: only where it was, its kind and its placeholder. */
export interface Redaction {
  readonly placeholder: string;
  /** The detection rule id, or the known-value kind (`api-key`, `env-value`, `listed-value`). */
  readonly ruleId: string;
  /** UTF-16 offsets in the original text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and column in the original text. */
  readonly line: number;
  readonly column: number;
  /** sha256 of the secret: what an "allow" decision names. */
  readonly fingerprint: string;
  /** A few characters of each end, for the user deciding under the `ask` policy. */
  readonly preview: string;
}

/** What a redaction pass is given besides the text. */
export interface RedactOptions {
  /** Values redacted by exact match (the key in use, `.env` values, listed values). */
  readonly known?: readonly KnownValue[];
  readonly scan?: ScanOptions;
  /** Fingerprints of detected secrets the user chose to let through (never applies to known values). */
  readonly allow?: ReadonlySet<string>;
  /**
   * Whether the recall-first redact tier runs (default true). Everything that leaves the machine uses it;
   * only a caller that wants the report tier's findings alone turns it off.
   */
  readonly recall?: boolean;
  /** The redact tier's detectors (default: all of them); tests pass their own. */
  readonly recallDetectors?: readonly RecallDetector[];
  /**
   * Values already hidden elsewhere (another part of the request, an earlier turn), with their kinds: each
   * is hidden wherever it occurs here too, under the placeholder it already has.
   */
  readonly hidden?: ReadonlyArray<{ readonly value: string; readonly kind: string }>;
}

/** A redacted text and what was replaced in it. */
export interface RedactedText {
  readonly text: string;
  readonly redactions: readonly Redaction[];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly secret: string;
  readonly fingerprint?: string;
}

/**
 * Replaces every secret in `text` by its conversation placeholder: known values first (exact, encoded,
 * split or inside a `Basic` credential), then whatever the detection engine finds, then (recall first) what
 * the redact tier finds in the parts still uncovered. Overlaps among the first two keep the earliest, then the longest, span.
 */
export function redactText(text: string, map: RedactionMap, options: RedactOptions = {}): RedactedText {
  const spans: Span[] = [];
  spans.push(...findKnownSpans(text, options.known ?? []));
  const allowed: Span[] = [];
  const stats = options.scan?.stats ?? newStats();
  const before = stats.unexamined.length;
  for (const { finding, secret } of findSecrets(text, { ...options.scan, stats })) {
    if (options.allow?.has(finding.fingerprint)) {
      allowed.push({ start: finding.start, end: finding.end, kind: finding.ruleId, secret });
      continue;
    }
    spans.push({
      start: finding.start,
      end: finding.end,
      kind: finding.ruleId,
      secret,
      fingerprint: finding.fingerprint,
    });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  if (options.recall !== false) {
    addUncovered(text, spans, allowed, options, stats.unexamined.slice(before));
  }
  addEveryOccurrence(text, spans, options);
  if (spans.length === 0) {
    return { text, redactions: [] };
  }
  const lines = lineStarts(text);
  const parts: string[] = [];
  const redactions: Redaction[] = [];
  // A value hidden at many places (an endpoint beside a credential, on every other line) is hashed and
  // masked once: a sha256 each place was most of this loop on the bench selection's 297 places.
  const shown = new Map<string, { readonly fingerprint: string; readonly preview: string }>();
  let line = 0; // the line of the last span's start: spans come in order, so it only moves forward
  let cursor = 0;
  for (const whole of spans) {
    if (whole.end <= cursor) {
      continue; // inside a span already replaced
    }
    // A span that starts inside one already replaced still hides its tail: nothing of it is sent.
    const span =
      whole.start >= cursor
        ? whole
        : { start: cursor, end: whole.end, kind: whole.kind, secret: text.slice(cursor, whole.end) };
    // A value first seen as a known value keeps that placeholder when the engine later flags it.
    const placeholder = map.placeholderFor(span.kind, span.secret);
    parts.push(text.slice(cursor, span.start), placeholder);
    cursor = span.end;
    while (line + 1 < lines.length && lines[line + 1]! <= span.start) {
      line++;
    }
    let seen = shown.get(span.secret);
    if (seen === undefined) {
      // A finding's fingerprint is the sha256 of its secret too: whichever span comes first gives the same.
      seen = {
        fingerprint: span.fingerprint ?? fingerprintOf(span.secret),
        preview: maskSecret(span.secret),
      };
      shown.set(span.secret, seen);
    }
    redactions.push({
      placeholder,
      ruleId: span.kind,
      start: span.start,
      end: span.end,
      line,
      column: span.start - lines[line]!,
      fingerprint: seen.fingerprint,
      preview: seen.preview,
    });
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), redactions };
}

/**
 * Adds the redact tier's spans, each cut to the parts that no known value or report-tier finding covers
 * (those keep their more specific placeholder). `spans` is sorted and stays sorted.
 */
function addUncovered(
  text: string,
  spans: Span[],
  allowed: readonly Span[],
  options: RedactOptions,
  unexamined: readonly number[],
): void {
  // What the user let through stays through: the recall tier does not hide it again.
  const covered = [...spans, ...allowed].map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
  const extra: Span[] = [];
  let i = 0;
  let reach = 0; // furthest end among covered spans that start before the current position
  // Never stop silently: what the engine abandoned (too many matches in a window) is hidden conservatively.
  const detectors = options.recallDetectors ?? RECALL_DETECTORS;
  const all = unexamined.length > 0 ? [...detectors, unexaminedRuns(unexamined)] : detectors;
  for (const recall of findRecallSpans(text, all)) {
    let from = recall.start;
    while (i < covered.length && covered[i]![0] <= from) {
      reach = Math.max(reach, covered[i]![1]);
      i++;
    }
    from = Math.max(from, reach);
    // Walk the covered spans inside this one: hide each gap between them.
    for (let j = i; from < recall.end; j++) {
      const next = j < covered.length ? covered[j]! : undefined;
      const gapEnd = next && next[0] < recall.end ? next[0] : recall.end;
      const secret = text.slice(from, gapEnd);
      // A statement's `;` or a list's `,` that the recall span took beside a finding is punctuation, not a
      // part worth a placeholder of its own (`FacebookAppSecret = <finding>;` sent `<finding><secret>`).
      if (gapEnd > from && !isStrayMark(secret) && !options.allow?.has(fingerprintOf(secret))) {
        extra.push({ start: from, end: gapEnd, kind: recall.kind, secret });
      }
      if (!next || next[0] >= recall.end) {
        break;
      }
      from = Math.max(from, next[1]);
    }
  }
  if (extra.length > 0) {
    spans.push(...extra);
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

/** One or two marks, no letter or digit: what is left of a recall span beside a finding that covers its value. */
function isStrayMark(gap: string): boolean {
  return gap.length <= 2 && !/[\p{L}\p{N}]/u.test(gap);
}

/**
 * A value hidden at one place is hidden at every place in `text` (one placeholder per value, as promised):
 * the endpoint a credential sits beside is not sent bare three lines below. The distinct values are looked up
 * together (`placesOfEach`); one under `MIN_PROPAGATED_LENGTH` characters only where it stands as a whole word
 * (see `standing.ts`). An occurrence that overlaps a span already chosen is left to that span. `spans` is sorted
 * and stays sorted.
 */
function addEveryOccurrence(text: string, spans: Span[], options: RedactOptions): void {
  const values = new Map<string, { readonly kind: string; readonly fingerprint?: string | undefined }>();
  for (const span of spans) {
    if (!values.has(span.secret)) {
      values.set(span.secret, span);
    }
  }
  // Values earlier turns hid: each counts where it stands here, unless the user let it through now.
  const earlier = new Map<string, { readonly kind: string; readonly fingerprint?: string | undefined }>();
  for (const { value, kind } of options.hidden ?? []) {
    if (!values.has(value) && !earlier.has(value)) {
      earlier.set(value, { kind });
    }
  }
  const all = [...values, ...earlier];
  const places = placesOfEach(
    text,
    all.map(([value]) => value),
  );
  const found: Span[] = [];
  all.forEach(([secret, origin], k) => {
    const at = places[k]!;
    // What the user let through in this request stays through, even if an earlier turn hid it.
    if (at.length === 0 || (!values.has(secret) && options.allow?.has(fingerprintOf(secret)))) {
      return;
    }
    const fingerprint = origin.fingerprint ?? fingerprintOf(secret); // once per value
    for (const start of at) {
      found.push({ start, end: start + secret.length, kind: origin.kind, secret, fingerprint });
    }
  });
  if (found.length === 0) {
    return;
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const taken = mergedIntervals(spans);
  const extra: Span[] = [];
  for (const candidate of found) {
    const last = extra[extra.length - 1];
    if ((last === undefined || last.end <= candidate.start) && !overlaps(taken, candidate)) {
      extra.push(candidate);
    }
  }
  if (extra.length > 0) {
    spans.push(...extra);
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

/** The union of sorted spans as disjoint intervals, in order: their starts and their ends both increase. */
function mergedIntervals(spans: readonly Span[]): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { start, end } of spans) {
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) {
      ends[last] = Math.max(ends[last]!, end);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/** Whether `span` overlaps any of the disjoint sorted `intervals`: the last one starting before its end. */
function overlaps(intervals: { readonly starts: number[]; readonly ends: number[] }, span: Span): boolean {
  if (intervals.starts.length === 0) {
    return false;
  }
  const i = lastAtOrBefore(intervals.starts, span.end - 1);
  return intervals.starts[i]! < span.end && intervals.ends[i]! > span.start;
}

/** Counts redactions per rule id: what records and the "sent" disclosure show. */
export function countByRule(redactions: Iterable<Redaction>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of redactions) {
    counts[r.ruleId] = (counts[r.ruleId] ?? 0) + 1;
  }
  return counts;
}
