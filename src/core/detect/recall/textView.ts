import { lastAtOrBefore } from '../../sortedSearch';

/**
 * A decoded view of a text: a copy with some ranges rewritten (escapes decoded, joins removed) and an
 * offset map back to the original, so that what a detector finds in the view is hidden in the original.
 */
export interface TextView {
  readonly text: string;
  /** The original range [start, end) the view range [start, end) came from; a decoded character maps to all of its source. */
  toOriginal(start: number, end: number): readonly [number, number];
  /** Original ranges the decoding rewrote, sorted: what a view may reveal lies near one of them. */
  readonly edits: readonly (readonly [number, number])[];
}

/** One rewrite: original range [start, end) becomes `replacement` (empty: deleted). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/**
 * Applies `edits` (sorted by start, not overlapping) to `text`. Between edits the view is the original
 * character for character; an edit maps as a block, so a span touching a decoded character covers its
 * whole source (`\"` hides both characters).
 */
export function applyEdits(text: string, edits: readonly Edit[]): TextView {
  const viewAt: number[] = []; // segment starts in the view
  const origAt: number[] = []; // segment starts in the original
  const origEnd: number[] = [];
  const identity: boolean[] = [];
  const parts: string[] = [];
  let view = 0;
  let cursor = 0;
  const push = (length: number, start: number, end: number, same: boolean): void => {
    if (length > 0) {
      viewAt.push(view);
      origAt.push(start);
      origEnd.push(end);
      identity.push(same);
      view += length;
    }
  };
  for (const e of edits) {
    if (e.start < cursor) {
      continue; // overlapping edits are a caller's bug; the first one wins
    }
    parts.push(text.slice(cursor, e.start), e.replacement);
    push(e.start - cursor, cursor, e.start, true);
    push(e.replacement.length, e.start, e.end, false);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  push(text.length - cursor, cursor, text.length, true);
  const segmentOf = (offset: number): number => lastAtOrBefore(viewAt, offset);
  const startOf = (offset: number): number => {
    if (viewAt.length === 0) {
      return 0;
    }
    if (offset >= view) {
      return text.length;
    }
    const s = segmentOf(offset);
    return identity[s] ? origAt[s]! + (offset - viewAt[s]!) : origAt[s]!;
  };
  const endOf = (offset: number): number => {
    const s = segmentOf(offset - 1);
    return identity[s] ? origAt[s]! + (offset - viewAt[s]!) : origEnd[s]!;
  };
  return {
    text: parts.join(''),
    toOriginal: (start, end) => {
      const from = startOf(start);
      return end > start && viewAt.length > 0 ? [from, Math.max(from, endOf(end))] : [from, from];
    },
    edits: edits.map((e) => [e.start, e.end] as const),
  };
}

/** The view of `outer` (built over `inner.text`) read straight back to `inner`'s original. */
export function composeViews(inner: TextView, outer: TextView): TextView {
  const edits = [...inner.edits, ...outer.edits.map(([s, e]) => inner.toOriginal(s, e))].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
  return {
    text: outer.text,
    toOriginal: (start, end) => {
      const [s, e] = outer.toOriginal(start, end);
      return inner.toOriginal(s, e);
    },
    edits,
  };
}

/** True when an edit of `view` lies within `reach` characters of the original range [start, end). */
export function nearEdit(view: TextView, start: number, end: number, reach: number): boolean {
  const edits = view.edits;
  // Last edit starting at or before the window's end (edits are sorted by start).
  let lo = -1;
  let hi = edits.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edits[mid]![0] <= end + reach) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  // Composed views may nest edits, so an earlier one can still reach the window: look a few back.
  for (let i = lo; i >= 0 && i > lo - 8; i--) {
    if (edits[i]![1] >= start - reach) {
      return true;
    }
  }
  return false;
}
