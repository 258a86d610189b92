import { lastAtOrBefore } from '../sortedSearch';
import type { KnownValue } from '../pipeline/knownValues';

/** Where a known value (or a piece of it) sits in a text; UTF-16 offsets, end exclusive. */
export interface KnownSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: KnownValue['kind'];
  /** The characters at `start..end`: the whole value, an encoded copy, or one piece of a split value. */
  readonly secret: string;
}

/**
 * What joins the pieces of a split value: string concatenation (`"sk-abc" +\n  "def"`, PHP `.`, adjacent
 * literals), a backslash line continuation, or a line wrap with its indentation. Removed, they give the
 * view in which the value reads whole.
 */
const JOIN =
  /["'`][ \t]*(?:\\?\r?\n[ \t]*)?[+.]?[ \t]*(?:\r?\n[ \t]*)?["'`]|\\?\r?\n[ \t]*(?:(?:\/\/|#|>|\*)[ \t]?)?/g;

/**
 * A text with its joins removed: the view, and where each of its pieces (the runs of text between
 * joins, empty ones left out) starts, in the view and in the text. Pieces, not an offset per character:
 * almost every text has line breaks, so a view is built for almost every text, and a value is rarely
 * found in it.
 */
export interface JoinedView {
  readonly view: string;
  readonly viewStarts: readonly number[];
  readonly textStarts: readonly number[];
}

/** The text with every join removed (see `JOIN`); undefined when there is none. */
export function joinedView(text: string): JoinedView | undefined {
  JOIN.lastIndex = 0;
  const parts: string[] = [];
  const viewStarts: number[] = [];
  const textStarts: number[] = [];
  let length = 0;
  let cursor = 0;
  const piece = (end: number): void => {
    if (end > cursor) {
      parts.push(text.slice(cursor, end));
      viewStarts.push(length);
      textStarts.push(cursor);
      length += end - cursor;
    }
  };
  for (let m = JOIN.exec(text); m; m = JOIN.exec(text)) {
    piece(m.index);
    cursor = m.index + m[0].length;
  }
  if (cursor === 0) {
    return undefined;
  }
  piece(text.length);
  return { view: parts.join(''), viewStarts, textStarts };
}

/** The index of the piece that holds view offset `at` (0 <= at < view length). */
function pieceAt(joined: JoinedView, at: number): number {
  return lastAtOrBefore(joined.viewStarts, at);
}

/** The text offset of view offset `at`. */
export function textOffset(joined: JoinedView, at: number): number {
  const k = pieceAt(joined, at);
  return joined.textStarts[k]! + at - joined.viewStarts[k]!;
}

/**
 * Every place a known value sits in `text`: exact copies (the list carries the encoded copies too, see
 * `normalizeKnownValues`), copies split across joins, each piece reported so that every piece is hidden,
 * and `Basic` credentials whose decoded `user:password` holds a value, the whole token reported.
 */
export function findKnownSpans(text: string, known: readonly KnownValue[]): KnownSpan[] {
  const spans: KnownSpan[] = [];
  if (known.length === 0) {
    return spans;
  }
  for (const { kind, value, encoded } of known) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      const whole = encoded ? enclosingBase64(text, at, at + value.length, known) : undefined;
      const [start, end] = whole ?? [at, at + value.length];
      spans.push({ start, end, kind, secret: text.slice(start, end) });
    }
  }
  // The view alone first, by one native replace: a value is rarely found in it, and only then are its
  // pieces mapped (building them for every text cost more than every search in it, twice per request).
  // A join is never empty, so an unchanged length means there is none.
  const view = text.replace(JOIN, '');
  let joined: JoinedView | undefined;
  for (const { kind, value } of view.length < text.length ? known : []) {
    for (let at = view.indexOf(value); at !== -1; at = view.indexOf(value, at + 1)) {
      joined ??= joinedView(text)!;
      for (const [start, end] of piecesOf(joined, at, at + value.length)) {
        spans.push({ start, end, kind, secret: text.slice(start, end) });
      }
    }
  }
  findBasicCredentials(text, known, spans);
  return spans;
}

/** The text ranges that view range `from..to` covers; none when it is unbroken there (exact search has it). */
function piecesOf(joined: JoinedView, from: number, to: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const first = pieceAt(joined, from);
  if (pieceAt(joined, to - 1) === first) {
    return pieces;
  }
  const { viewStarts, textStarts } = joined;
  for (let k = first; k < viewStarts.length && viewStarts[k]! < to; k++) {
    const lo = Math.max(from, viewStarts[k]!);
    const hi = k + 1 < viewStarts.length ? Math.min(to, viewStarts[k + 1]!) : to;
    pieces.push([textStarts[k]! + lo - viewStarts[k]!, textStarts[k]! + hi - viewStarts[k]!]);
  }
  return pieces;
}

const BASE64_CHAR = /[A-Za-z0-9+/_-]/;

/** Longest base64 token looked at around an encoded copy: a kubeconfig field holds a few kilobytes. */
const MAX_TOKEN = 16384;

/**
 * The whole base64 token around an encoded copy at `start..end`, when the token decodes to text that holds
 * a known value (`base64("api:" + key)`): the copy covers only the groups the value fills, and the groups
 * around it (the user, the value's first bytes) would otherwise be sent beside the placeholder.
 */
function enclosingBase64(
  text: string,
  start: number,
  end: number,
  known: readonly KnownValue[],
): [number, number] | undefined {
  let from = start;
  while (from > 0 && start - from < MAX_TOKEN && BASE64_CHAR.test(text[from - 1]!)) {
    from--;
  }
  let to = end;
  while (to < text.length && to - end < MAX_TOKEN && BASE64_CHAR.test(text[to]!)) {
    to++;
  }
  while (to < text.length && to - end < MAX_TOKEN && text[to] === '=') {
    to++;
  }
  if (from === start && to === end) {
    return undefined;
  }
  const token = text.slice(from, to).replace(/-/g, '+').replace(/_/g, '/');
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  const holds = known.some((k) => !k.encoded && decoded.includes(Buffer.from(k.value).toString('latin1')));
  return holds ? [from, to] : undefined;
}

const BASIC = /\bBasic[ \t]+([A-Za-z0-9+/_-]{4,}={0,2})/gi;

/**
 * `Basic` credentials hold base64 of `user:password`. A value of 8 or more bytes is caught by its aligned
 * base64 forms whatever the user, but a shorter one is not; decoding each token finds it at any length.
 */
function findBasicCredentials(text: string, known: readonly KnownValue[], out: KnownSpan[]): void {
  BASIC.lastIndex = 0;
  for (let m = BASIC.exec(text); m; m = BASIC.exec(text)) {
    const token = m[1]!;
    const decoded = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) {
      continue;
    }
    const password = decoded.slice(colon + 1);
    const hit = known.find((k) => password.includes(k.value) || decoded.slice(0, colon) === k.value);
    if (hit) {
      const start = m.index + m[0].length - token.length;
      out.push({ start, end: start + token.length, kind: hit.kind, secret: token });
    }
  }
}
