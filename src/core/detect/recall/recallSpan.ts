/**
 * The redact tier: what leaves the machine is redacted recall-first. A false alarm costs a placeholder that
 * is restored locally; a miss costs a leaked credential. Its detectors find spans the report tier (the
 * precision-first rules behind diagnostics and `scan`) does not claim: credential-named literals, URL
 * userinfo, credential flags and headers, wrapped or encoded shapes, checksum look-alikes.
 */
export interface RecallSpan {
  /** UTF-16 offsets in the text, end exclusive: exactly the characters to hide. */
  readonly start: number;
  readonly end: number;
  /**
   * The placeholder kind, kebab-case (`‹secret:password#1›`): it keeps the code readable, so name what the
   * value is (`password`, `credential`, `url-password`, `auth-header`, `query-credential`, `private-key`…).
   */
  readonly kind: string;
}

/** One detector of the redact tier: appends the spans it finds in `text` to `out`. Must run in linear time. */
export type RecallDetector = (text: string, out: RecallSpan[]) => void;
