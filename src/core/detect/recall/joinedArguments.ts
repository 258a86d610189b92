import { skipGap } from './stringViews';
import type { Edit } from './textView';

// A secret split into literals that a call joins with no operator between them (hunt K, class B):
// `fmt.Sprintf("%s%s", "ghp_…", "…")`, `['sk_live_', '…'].join('')`, Python's `''.join(["…", "…"])`. The seams
// between the pieces (closing quote, comma, blanks, opening quote) are deleted in the view, so the pieces read
// as one literal, as concatEdits (stringViews.ts) does for `"…" + "…"`.

/** A format of `%s` or `%v` slots only, as a call that joins its arguments gives it. */
const FORMAT_CALL =
  /\b(?:Sprintf|sprintf|Sprint|String\.format)\([ \t]{0,4}(["'`])(?:%[sv]){2,16}\1[ \t]{0,4},/g;
/** An empty separator's join of the list before it (JS) or after it (Python). */
const JOIN_AFTER = /\][ \t]{0,4}\.join\([ \t]{0,4}(["'])\1[ \t]{0,4}\)/g;
const JOIN_BEFORE = /(["'])\1\.join\([ \t]{0,4}[[(]/g;
/** The most pieces, and the longest piece, read as parts of one value. */
const MAX_PIECES = 32;
const MAX_PIECE = 512;

/** The seams between the literal arguments of such calls and lists, as edits of a view. */
export function joinedArgumentEdits(text: string): Edit[] {
  if (!/Sprint|format|\.join\(/.test(text)) {
    return [];
  }
  const edits: Edit[] = [];
  for (const m of text.matchAll(FORMAT_CALL)) {
    seams(forwardList(text, m.index + m[0].length, ')'), edits);
  }
  for (const m of text.matchAll(JOIN_BEFORE)) {
    seams(
      forwardList(text, m.index + m[0].length, text[m.index + m[0].length - 1] === '[' ? ']' : ')'),
      edits,
    );
  }
  for (const m of text.matchAll(JOIN_AFTER)) {
    seams(backwardList(text, m.index), edits);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Blanks and line breaks before `at`, read back (`skipGap` reads them forward), at most 200. */
function skipBack(text: string, at: number): number {
  let i = at;
  for (let n = 0; n < 200 && /[ \t\r\n]/.test(text[i] ?? ''); n++) {
    i--;
  }
  return i;
}

/** Where the literal that opens at `at` closes (the quote's offset), or -1: one line, no escapes. */
function closeOf(text: string, at: number): number {
  const q = text[at]!;
  for (let i = at + 1; i < text.length && i - at <= MAX_PIECE; i++) {
    const c = text[i]!;
    if (c === q) {
      return i;
    }
    if (c === '\\' || c === '\n') {
      return -1;
    }
  }
  return -1;
}

/** The literals `[open, close]` of a comma-separated list from `at` up to `closer`, or [] if it holds more. */
function forwardList(text: string, at: number, closer: string): [number, number][] {
  const out: [number, number][] = [];
  let i = skipGap(text, at);
  while (out.length < MAX_PIECES && /["'`]/.test(text[i] ?? '')) {
    const close = closeOf(text, i);
    if (close === -1) {
      return [];
    }
    out.push([i, close]);
    i = skipGap(text, close + 1);
    if (text[i] !== ',') {
      break;
    }
    i = skipGap(text, i + 1);
  }
  return text[i] === closer ? out : [];
}

/** The literals of the list that ends with the `]` at `end`, read back to its `[`, or [] if it holds more. */
function backwardList(text: string, end: number): [number, number][] {
  const out: [number, number][] = [];
  let i = skipBack(text, end - 1);
  if (text[i] === ',') {
    i = skipBack(text, i - 1);
  }
  while (out.length < MAX_PIECES && /["'`]/.test(text[i] ?? '')) {
    const q = text[i]!;
    const open = text.lastIndexOf(q, i - 1);
    if (
      open === -1 ||
      i - open > MAX_PIECE ||
      text.slice(open, i).includes('\n') ||
      text.slice(open, i).includes('\\')
    ) {
      return [];
    }
    out.unshift([open, i]);
    i = skipBack(text, open - 1);
    if (text[i] !== ',') {
      break;
    }
    i = skipBack(text, i - 1);
  }
  return text[i] === '[' ? out : [];
}

/** Deletes the seams between consecutive literals: a closing quote, the comma and blanks, an opening quote. */
function seams(pieces: readonly [number, number][], edits: Edit[]): void {
  for (let k = 1; k < pieces.length; k++) {
    edits.push({ start: pieces[k - 1]![1], end: pieces[k]![0] + 1, replacement: '' });
  }
}
