import type { Finding } from '../core/detect/finding';
import { MAX_MATCHES, newStats } from '../core/detect/matcher';
import { isNotebook, withNotebookCells } from '../core/detect/notebookView';
import { mergeRanges } from '../core/detect/recall/unexamined';
import { lineStarts, positionAt, scan } from '../core/detect/scanner';
import { readEntry } from '../core/fs/readEntry';
import type { SkipReason, WalkEntry } from '../core/fs/walk';

/**
 * What scanning one file gave, before the allowlist and the report: plain data, so that a worker thread can
 * post it (see scanPool.ts) and the main thread reports it exactly as it would its own.
 */
export type FileResult =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'skipped'; readonly size: number; readonly reason: SkipReason }
  | {
      readonly kind: 'file';
      readonly size: number;
      readonly findings: readonly Finding[];
      /** The lines the engine abandoned ("lines 12-40"), when it abandoned any. */
      readonly unexamined?: string;
    };

/** A path to read and scan, or a result already known (an error the walk met), kept in its place. */
export type PoolItem = string | FileResult;

/** Reads and scans one pool item (on whichever thread it went to). */
export function scanItem(item: PoolItem, maxFileSize: number): FileResult {
  return typeof item === 'string' ? scanEntry(readEntry(item, maxFileSize)) : item;
}

/** Scans one walked entry. */
export function scanEntry(entry: WalkEntry): FileResult {
  if (entry.kind === 'error') {
    return { kind: 'error', message: entry.message };
  }
  if (entry.kind === 'skipped') {
    return { kind: 'skipped', size: entry.size, reason: entry.reason };
  }
  const stats = newStats();
  const direct = scan(entry.text, { stats });
  const findings = isNotebook(entry.path) ? withNotebookCells(entry.text, { stats }, direct) : direct;
  return stats.unexamined.length > 0
    ? {
        kind: 'file',
        size: entry.size,
        findings,
        unexamined: describeUnexamined(entry.text, stats.unexamined),
      }
    : { kind: 'file', size: entry.size, findings };
}

/** The warning for abandoned lines: never stop silently, so that a file of decoys cannot hide a key. */
export function unexaminedWarning(unexamined: string): string {
  return `${unexamined} not examined (a window held over ${MAX_MATCHES} matches); findings there may be missing`;
}

/** "lines 12-40 and 90-95": the 1-based line ranges of `ranges` (flattened offsets) in `text`. */
function describeUnexamined(text: string, ranges: readonly number[]): string {
  const starts = lineStarts(text);
  const merged = mergeRanges(ranges);
  const parts: string[] = [];
  for (let i = 0; i < merged.length; i += 2) {
    const first = positionAt(starts, merged[i]!).line + 1;
    const last = positionAt(starts, Math.max(merged[i]!, merged[i + 1]! - 1)).line + 1;
    parts.push(first === last ? `${first}` : `${first}-${last}`);
  }
  return `line${parts.length > 1 || parts[0]!.includes('-') ? 's' : ''} ${parts.join(', ')}`;
}
