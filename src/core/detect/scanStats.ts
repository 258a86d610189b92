/** Counters of the engine's work, for tests that prove it linear without timing it. */
export interface ScanStats {
  /** Runs of keyword hits handed to rules (see prefilter's `HitRuns`), summed over rules. */
  hitRuns: number;
  /** Windows handed to rule patterns. */
  windows: number;
  /** Characters in those windows, summed over rules. */
  windowChars: number;
  /** Pattern matches examined (before entropy, validation and suppression). */
  matches: number;
  /** Candidates whose shape checks ran: one per rule and distinct text (see `ShapeChecks`). */
  shapeChecks: number;
  /** Windows abandoned at `MAX_MATCHES`. */
  capped: number;
  /**
   * Where each abandoned window stopped: flattened `[start, end)` offsets of the text its rule did not
   * examine. The redact tier hides what lies there conservatively, and `scan` names it on stderr.
   */
  unexamined: number[];
}

/** A new zeroed counter set. */
export function newStats(): ScanStats {
  return { hitRuns: 0, windows: 0, windowChars: 0, matches: 0, shapeChecks: 0, capped: 0, unexamined: [] };
}
