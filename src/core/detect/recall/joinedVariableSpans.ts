import { lastAtOrBefore } from '../../sortedSearch';
import { findSecrets } from '../scanner';
import type { Join } from './joinedVariables';
import { findJoins } from './joinedVariables';
import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * How much of a join's line each side of it is read with it: the name it is given, the header it fills.
 * Past that, a line is data, not the statement that uses the value.
 */
const LINE_REACH = 200;

/** Blank lines between two joins' lines read as one text: no detector reads a value across them. */
const SEPARATOR = '\n'.repeat(24);

/**
 * The redact tier's detector for secrets split over names (joinedVariables.ts). Each join's line is read
 * with the join replaced by the value it builds: `const token = part1 + part2;` as `const token = "ghp_…";`.
 * The report-tier engine and the tier's detectors (`inner`, read when it runs) are asked about all those
 * lines at once, as one text. A span there that covers two or more pieces of a joined value hides each of
 * those pieces where it is written: in its name's literal, or in the join itself. A span within one piece
 * is left to the detectors that read that piece where it stands.
 */
export function joinedVariablesDetector(inner: () => readonly RecallDetector[]): RecallDetector {
  let running = false;
  return (text, out) => {
    if (running) {
      return; // inside its own reading of the joined lines
    }
    const joins = findJoins(text);
    if (joins.length === 0) {
      return;
    }
    running = true;
    try {
      hideJoined(text, joins, inner(), out);
    } finally {
      running = false;
    }
  };
}

function hideJoined(
  text: string,
  joins: readonly Join[],
  inner: readonly RecallDetector[],
  out: RecallSpan[],
): void {
  const starts: number[] = [];
  const valueAt: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (const join of joins) {
    const lineStart = text.lastIndexOf('\n', join.start - 1) + 1;
    const newline = text.indexOf('\n', join.end);
    const from = Math.max(lineStart, join.start - LINE_REACH);
    const to = Math.min(newline === -1 ? text.length : newline, join.end + LINE_REACH);
    const quote = !join.quote ? '' : join.value.includes('"') ? "'" : '"';
    const before = text.slice(from, join.start) + quote;
    const line = before + join.value + quote + text.slice(join.end, to);
    if (pieces.length > 0) {
      pieces.push(SEPARATOR);
      length += SEPARATOR.length;
    }
    starts.push(length);
    valueAt.push(length + before.length);
    pieces.push(line);
    length += line.length;
  }
  const lines = pieces.join('');
  const found: RecallSpan[] = findSecrets(lines).map(({ finding }) => ({
    start: finding.start,
    end: finding.end,
    kind: finding.ruleId,
  }));
  for (const detect of inner) {
    detect(lines, found);
  }
  for (const span of found) {
    const k = lastAtOrBefore(starts, span.start);
    const join = joins[k]!;
    const at = valueAt[k]!;
    const covered = join.parts.filter((p) => at + p.from < span.end && at + p.to > span.start);
    if (covered.length >= 2) {
      for (const p of covered) {
        out.push({ start: p.start, end: p.end, kind: span.kind });
      }
    }
  }
}
