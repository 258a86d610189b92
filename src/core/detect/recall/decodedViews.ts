import { lastAtOrBefore } from '../../sortedSearch';
import { findSecrets, lineStarts } from '../scanner';
import type { RecallDetector, RecallSpan } from './recallSpan';
import {
  concatEdits,
  entityEdits,
  jsonEscapeEdits,
  percentEdits,
  sentenceStopEdits,
  prefixWrapEdits,
  unicodeEdits,
  wrapEdits,
} from './stringViews';
import { builtinRules } from '../catalog';
import { charCodeEdits } from './charCodes';
import { joinedArgumentEdits } from './joinedArguments';
import { markupEdits } from './markupViews';
import { tableEdits } from './tableViews';
import { plainNameEdits } from './plainNames';
import { providerPrefixes } from '../prefixLookAlike';
import { terminalEdits } from './terminalViews';
import type { Edit, TextView } from './textView';
import { applyEdits, composeViews, nearEdit } from './textView';

/**
 * How far (in original characters) from a decoded character a finding may lie and still count as the
 * view's own: a rule's context (`api_key": "`) sits just before its secret. Further away, the view reads
 * the text as the original does, and the report tier has already judged it (an allowlisted or disabled
 * finding stays as the user left it).
 */
const REACH = 64;

/** The catalogue's provider prefixes (`ghp_`, `xoxb-`), read once, for `prefixWrapEdits`. */
let prefixes: readonly string[] | undefined;
const tokenPrefixes = (): readonly string[] => (prefixes ??= providerPrefixes(builtinRules).prefixes);

/** Detectors that build views themselves: never run again inside a view. */
const viewDetectors = new WeakSet<RecallDetector>();

/**
 * The text as a program would read it, or undefined when it reads as written: a terminal's colour sequences
 * dropped and NULs between environment entries read as line ends, zero-width characters
 * dropped and smart quotes made plain, names and blanks typed in Unicode read as ASCII (`plainNames.ts`),
 * HTML's quote references and percent-encoded query strings decoded, a wiki's or a page's markup around a
 * label or a value dropped (`markupViews.ts`), a wiki's tables read as pipe tables (`tableViews.ts`),
 * lines a terminal or a mail wrapped inside a token joined (a provider's prefixed token however short its
 * lines), lists of character codes read as the string they spell, concatenated literals joined, JSON escapes decoded (twice, for
 * JSON stringified inside JSON), and literals joined again. Each stage reads the previous one's output.
 */
export function decodedView(text: string): TextView | undefined {
  let view: TextView | undefined;
  const stage = (edits: (t: string) => Edit[]): boolean => {
    const base = view?.text ?? text;
    const found = edits(base);
    if (found.length > 0) {
      const next = applyEdits(base, found);
      view = view ? composeViews(view, next) : next;
    }
    return found.length > 0;
  };
  stage(terminalEdits);
  stage(unicodeEdits);
  stage(plainNameEdits);
  stage(sentenceStopEdits);
  stage(entityEdits);
  stage(markupEdits);
  stage(tableEdits);
  // Encoded twice (`%253D`): the first pass leaves `%3D`, which a second reads.
  if (stage(percentEdits) && /%25(?:3[DdAa]|26|2[FfDdBb]|40)/.test(text)) {
    stage(percentEdits);
  }
  stage(wrapEdits);
  stage((t) => prefixWrapEdits(t, tokenPrefixes()));
  stage(charCodeEdits);
  stage(concatEdits);
  stage(joinedArgumentEdits);
  // Joins inside escaped text (`\"ghp_…\" + \"…\"` in a notebook) show only once it is decoded.
  if (stage(jsonEscapeEdits)) {
    stage(jsonEscapeEdits);
    stage(concatEdits);
  }
  return view;
}

/**
 * Runs the report-tier engine and `inner` detectors on a view and adds, in original offsets, what they
 * find near a decoded character. Several windows are read as one text, each apart from the next by
 * `SEPARATOR`: the engine and each detector then run once rather than once a window (real code has a
 * window per few escapes: 100 KB of a vendor SDK had nine, and read nine times over the windows cost more
 * than the whole text once). A span that reaches into a separator belongs to no window and is dropped.
 */
export function spansInView(
  view: TextView,
  inner: readonly RecallDetector[],
  out: RecallSpan[],
  windows: readonly (readonly [number, number])[] = [[0, view.text.length]],
): void {
  if (windows.length === 0) {
    return;
  }
  // Where each window starts in `joined`, and where it starts in the view.
  const joinedStarts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (const [from, to] of windows) {
    if (pieces.length > 0) {
      pieces.push(SEPARATOR);
      length += SEPARATOR.length;
    }
    joinedStarts.push(length);
    pieces.push(from === 0 && to === view.text.length ? view.text : view.text.slice(from, to));
    length += to - from;
  }
  const joined = pieces.length === 1 ? pieces[0]! : pieces.join('');
  const add = (start: number, end: number, kind: string): void => {
    const w = lastAtOrBefore(joinedStarts, start);
    const [from, to] = windows[w]!;
    const offset = from - joinedStarts[w]!;
    if (end + offset > to) {
      return; // in or across a separator
    }
    const [s, e] = view.toOriginal(start + offset, end + offset);
    if (e > s && nearEdit(view, s, e, REACH)) {
      out.push({ start: s, end: e, kind });
    }
  };
  for (const { finding } of findSecrets(joined)) {
    add(finding.start, finding.end, finding.ruleId);
  }
  for (const detect of inner) {
    if (viewDetectors.has(detect)) {
      continue;
    }
    const found: RecallSpan[] = [];
    detect(joined, found);
    for (const s of found) {
      add(s.start, s.end, s.kind);
    }
  }
}

/**
 * Lines of context each side of an edit that a view's window keeps: what the tier's detectors read around a
 * value (a companion's three lines, a label two lines up, a netrc entry, a PEM block's edits themselves).
 */
export const WINDOW_LINES = 12;

/** Blank lines between two windows read as one text (see `spansInView`). */
const WINDOW_SEPARATOR_LINES = 2 * WINDOW_LINES;

/**
 * What keeps two windows apart when they are read as one text: more blank lines than any detector reads
 * across (a window holds `WINDOW_LINES` lines of context each side of its edits already), and a line of
 * its own that no value, name or heading reads on into.
 */
const SEPARATOR = '\n'.repeat(WINDOW_SEPARATOR_LINES);

/** Edits closer together than this on average: their windows would cover the view, which is read whole. */
const EDIT_SPACING = 1000;

/**
 * The ranges of `view.text` worth reading: the lines within `lines` of an edit, merged, each from a line's
 * start to a line's end. A view whose edits come densely, or whose windows would cover most of it, is read
 * whole. Code with a few escapes (`'\\n'` in a log call, a concatenated message) decoded the whole file
 * again for each of them: on 100 KB of a vendor SDK with 9 edits the views read 13 ms, the windows about 3.
 * Linear: one pass for the line starts, and two binary searches per edit, for at most one edit per
 * `EDIT_SPACING` characters.
 */
export function editWindows(view: TextView, lines = WINDOW_LINES): [number, number][] {
  const text = view.text;
  if (view.edits.length * EDIT_SPACING > text.length) {
    return [[0, text.length]];
  }
  const starts = lineStarts(text);
  const lineEndOf = (line: number): number =>
    line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  const windows: [number, number][] = [];
  for (const [start, end] of view.edits) {
    const first = viewOffsetOf(view, start);
    const last = Math.max(first, viewOffsetOf(view, end) - 1);
    const from = starts[Math.max(0, lastAtOrBefore(starts, first) - lines)]!;
    const to = lineEndOf(Math.min(starts.length - 1, lastAtOrBefore(starts, last) + lines));
    const previous = windows[windows.length - 1];
    if (previous !== undefined && from <= previous[1] + 1) {
      previous[1] = Math.max(previous[1], to);
    } else {
      windows.push([from, to]);
    }
  }
  const covered = windows.reduce((sum, [a, b]) => sum + b - a, 0);
  return covered * 2 > text.length ? [[0, text.length]] : windows;
}

/**
 * The first view offset whose original start is at or past `original`: `toOriginal` never decreases along
 * the view, so a binary search over it finds the place in O(log n) calls.
 */
function viewOffsetOf(view: TextView, original: number): number {
  let lo = 0;
  let hi = view.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.toOriginal(mid, mid + 1)[0] < original) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The redact tier's detector over decoded views. `inner` is read when it runs (not when it is built), so
 * the tier's own list can name this detector and still be handed to it without an import cycle. Only the
 * view's lines near its edits are read (see `editWindows`): what lies further from every edit reads as in
 * the original, which the tier reads itself, and no span there would be kept.
 */
export function decodedViewDetector(inner: () => readonly RecallDetector[] = () => []): RecallDetector {
  const detect: RecallDetector = (text, out) => {
    const view = decodedView(text);
    if (view) {
      spansInView(view, inner(), out, editWindows(view));
    }
  };
  viewDetectors.add(detect);
  return detect;
}
