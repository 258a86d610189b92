import { findSecrets } from '../scanner';
import type { RecallDetector, RecallSpan } from './recallSpan';
import {
  concatEdits,
  entityEdits,
  jsonEscapeEdits,
  percentEdits,
  unicodeEdits,
  wrapEdits,
} from './stringViews';
import type { Edit, TextView } from './textView';
import { applyEdits, composeViews, nearEdit } from './textView';

/**
 * How far (in original characters) from a decoded character a finding may lie and still count as the
 * view's own: a rule's context (`api_key": "`) sits just before its secret. Further away, the view reads
 * the text as the original does, and the report tier has already judged it (an allowlisted or disabled
 * finding stays as the user left it).
 */
const REACH = 64;

/** Detectors that build views themselves: never run again inside a view. */
const viewDetectors = new WeakSet<RecallDetector>();

/**
 * The text as a program would read it, or undefined when it reads as written: zero-width characters
 * dropped and smart quotes made plain, HTML's quote references and percent-encoded query strings decoded,
 * lines a terminal or a mail wrapped inside a token joined, concatenated literals joined, JSON escapes decoded (twice, for
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
  stage(unicodeEdits);
  stage(entityEdits);
  stage(percentEdits);
  stage(wrapEdits);
  stage(concatEdits);
  // Joins inside escaped text (`\"ghp_…\" + \"…\"` in a notebook) show only once it is decoded.
  if (stage(jsonEscapeEdits)) {
    stage(jsonEscapeEdits);
    stage(concatEdits);
  }
  return view;
}

/**
 * Runs the report-tier engine and `inner` detectors on a view and adds, in original offsets, what they
 * find near a decoded character.
 */
export function spansInView(view: TextView, inner: readonly RecallDetector[], out: RecallSpan[]): void {
  const add = (start: number, end: number, kind: string): void => {
    const [s, e] = view.toOriginal(start, end);
    if (e > s && nearEdit(view, s, e, REACH)) {
      out.push({ start: s, end: e, kind });
    }
  };
  for (const { finding } of findSecrets(view.text)) {
    add(finding.start, finding.end, finding.ruleId);
  }
  for (const detect of inner) {
    if (viewDetectors.has(detect)) {
      continue;
    }
    const found: RecallSpan[] = [];
    detect(view.text, found);
    for (const s of found) {
      add(s.start, s.end, s.kind);
    }
  }
}

/**
 * The redact tier's detector over decoded views. `inner` is read when it runs (not when it is built), so
 * the tier's own list can name this detector and still be handed to it without an import cycle.
 */
export function decodedViewDetector(inner: () => readonly RecallDetector[] = () => []): RecallDetector {
  const detect: RecallDetector = (text, out) => {
    const view = decodedView(text);
    if (view) {
      spansInView(view, inner(), out);
    }
  };
  viewDetectors.add(detect);
  return detect;
}
