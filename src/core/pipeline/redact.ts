import type { ScanOptions } from '../detect/scanner';
import { findSecrets, lineStarts, positionAt } from '../detect/scanner';
import { fingerprintOf, maskSecret } from '../detect/finding';
import type { KnownValue } from './knownValues';
import type { RedactionMap } from './redactionMap';

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
 * Replaces every secret in `text` by its conversation placeholder: known values by exact match first,
 * then whatever the detection engine finds. Overlaps keep the earliest, then the longest, span.
 */
export function redactText(text: string, map: RedactionMap, options: RedactOptions = {}): RedactedText {
  const spans: Span[] = [];
  for (const known of options.known ?? []) {
    for (
      let at = text.indexOf(known.value);
      at !== -1;
      at = text.indexOf(known.value, at + known.value.length)
    ) {
      spans.push({ start: at, end: at + known.value.length, kind: known.kind, secret: known.value });
    }
  }
  for (const { finding, secret } of findSecrets(text, options.scan)) {
    if (options.allow?.has(finding.fingerprint)) {
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
  if (spans.length === 0) {
    return { text, redactions: [] };
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const lines = lineStarts(text);
  const parts: string[] = [];
  const redactions: Redaction[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) {
      continue; // inside a span already replaced
    }
    // A value first seen as a known value keeps that placeholder when the engine later flags it.
    const placeholder = map.placeholderFor(span.kind, span.secret);
    parts.push(text.slice(cursor, span.start), placeholder);
    cursor = span.end;
    const pos = positionAt(lines, span.start);
    redactions.push({
      placeholder,
      ruleId: span.kind,
      start: span.start,
      end: span.end,
      line: pos.line,
      column: pos.column,
      fingerprint: span.fingerprint ?? fingerprintOf(span.secret),
      preview: maskSecret(span.secret),
    });
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), redactions };
}

/** Counts redactions per rule id: what records and the "sent" disclosure show. */
export function countByRule(redactions: Iterable<Redaction>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of redactions) {
    counts[r.ruleId] = (counts[r.ruleId] ?? 0) + 1;
  }
  return counts;
}
