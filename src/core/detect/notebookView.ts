import type { Finding } from './finding';
import { jsonEscapeEdits } from './recall/stringViews';
import { applyEdits, nearEdit } from './recall/textView';
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

/** `direct` (the findings of `text` as written) with those the decoded cells add, in offset order. */
export function withNotebookCells(text: string, options: ScanOptions, direct: readonly Finding[]): Finding[] {
  const edits = jsonEscapeEdits(text);
  if (edits.length === 0) {
    return [...direct];
  }
  const view = applyEdits(text, edits);
  let starts: readonly number[] | undefined;
  const out = [...direct];
  for (const { finding } of findSecrets(view.text, options)) {
    const [start, end] = view.toOriginal(finding.start, finding.end);
    if (
      end <= start ||
      !nearEdit(view, start, end, REACH) ||
      out.some((f) => f.start < end && f.end > start)
    ) {
      continue;
    }
    starts ??= lineStarts(text);
    out.push({
      ...finding,
      start,
      end,
      startPos: positionAt(starts, start),
      endPos: positionAt(starts, end),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
