import type { Finding } from './finding';
import { jsonEscapeEdits } from './recall/stringViews';
import type { TextView } from './recall/textView';
import { applyEdits, nearEdit } from './recall/textView';
import type { ScanStats } from './scanStats';
import { newStats } from './scanStats';
import type { ScanOptions } from './scanner';
import { findSecrets, lineStarts, positionAt } from './scanner';

/**
 * Jupyter notebooks (`.ipynb`) hold each cell's code as JSON strings: `"password=\"…\")\n"`. The report
 * tier's literal rules stop at the backslash of `\"`, so a credential a cell assigns was found only where a
 * provider's prefix gives it away. For a notebook, the engine also reads the file with its JSON escapes
 * decoded (the redact tier's decoding, `recall/stringViews.ts`) and adds, at their places in the file, what
 * it finds there near a decoded character that the file as written did not show. Only notebooks: in code,
 * `\"` is a quote inside a string, and its text is already read as written.
 */

/** How far from a decoded character a finding may lie and still count as the view's own (its name, `password=\"`). */
const REACH = 64;

export function isNotebook(path: string): boolean {
  return /\.ipynb$/i.test(path);
}

/**
 * `direct` (the findings of `text` as written, in offset order) with those the decoded cells add, in offset
 * order. The view is scanned with counters of its own: the lines it abandons are added to the caller's in
 * the file's offsets (`scan` names them on stderr), the rest of its work is added as it is.
 */
export function withNotebookCells(text: string, options: ScanOptions, direct: readonly Finding[]): Finding[] {
  const edits = jsonEscapeEdits(text);
  if (edits.length === 0) {
    return [...direct];
  }
  const view = applyEdits(text, edits);
  const stats = newStats();
  const found = findSecrets(view.text, { ...options, stats });
  addStats(options.stats, stats, view);
  let starts: readonly number[] | undefined;
  const added: Finding[] = [];
  // Both lists run in offset order (a view maps back in order), so one pass finds what `direct` holds.
  let d = 0;
  for (const { finding } of found) {
    const [start, end] = view.toOriginal(finding.start, finding.end);
    while (d < direct.length && direct[d]!.end <= start) {
      d++;
    }
    if (end <= start || !nearEdit(view, start, end, REACH) || (d < direct.length && direct[d]!.start < end)) {
      continue;
    }
    starts ??= lineStarts(text);
    added.push({
      ...finding,
      start,
      end,
      startPos: positionAt(starts, start),
      endPos: positionAt(starts, end),
    });
  }
  return added.length === 0 ? [...direct] : [...direct, ...added].sort((a, b) => a.start - b.start);
}

function addStats(into: ScanStats | undefined, view: ScanStats, map: TextView): void {
  if (into === undefined) {
    return;
  }
  into.hitRuns += view.hitRuns;
  into.windows += view.windows;
  into.windowChars += view.windowChars;
  into.matches += view.matches;
  into.capped += view.capped;
  for (let i = 0; i < view.unexamined.length; i += 2) {
    const [start, end] = map.toOriginal(view.unexamined[i]!, view.unexamined[i + 1]!);
    into.unexamined.push(start, end);
  }
}
