import { shannonEntropy } from '../entropy';
import type { RecallDetector, RecallSpan } from './recallSpan';

// Private keys the report tier's PEM rules cannot match: bodies wrapped in code (Java `"…\n" +`, C#
// `@"…"`, arrays of lines, `> ` quotes, `#` and `//` comments, YAML blocks) and blocks a selection cut
// (BEGIN and part of the body with no END, or the tail and END with no BEGIN). The walk reads the lines
// after a BEGIN (or before an END) while each holds one base64 run among wrapper characters; lines are
// also split at `\n` escapes, so a key escaped on one line reads the same way.

const BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** How far a walk reads from its marker: past any real key (a 4096-bit RSA key is about 3,300). */
const MAX_WALK = 20_000;
/** Body lines of a key are 64 (or 70, 76) characters; a shorter run is only the last one before END. */
const FULL_LINE = 16;
/** Base64 characters of a body below which a block is an example (`...`) rather than a key. */
const MIN_BODY = 24;
/** Lines with only wrapper characters (`" +`, `]`, blank) a body may hold in a row. */
const MAX_BLANK = 2;

const isBase64 = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2b ||
  c === 0x2f ||
  c === 0x3d;

type Line =
  | { readonly kind: 'body'; readonly start: number; readonly end: number }
  | { readonly kind: 'blank' | 'header' | 'other' };

/**
 * Reads one line [from, to): a body line holds exactly one base64 run, among wrapper characters (quotes,
 * `+`, `,`, `\n` escapes, comment and quote prefixes). `+`, `/`, `//` and `=` alone are operators or
 * comment marks, a letter after `\` is an escape, and a single letter before a quote a string prefix.
 */
function readLine(text: string, from: number, to: number): Line {
  let run: [number, number] | undefined;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      i += 2; // `\n`, `\r`, `\t`, `\"`: an escape, not body
      continue;
    }
    if (!isBase64(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isBase64(text.charCodeAt(i))) {
      i++;
    }
    const piece = text.slice(start, i);
    const prefix = piece.length === 1 && /[A-Za-z]/.test(piece) && /["'`]/.test(text[i] ?? '');
    if (/^(?:\+|\/\/?|=|\+=)$/.test(piece) || prefix) {
      continue;
    }
    if (run) {
      return /^[ \t]*(?:Proc-Type|DEK-Info|Version|Comment|Hash): /.test(text.slice(from, to))
        ? { kind: 'header' }
        : { kind: 'other' };
    }
    run = [start, i];
  }
  return run ? { kind: 'body', start: run[0], end: run[1] } : { kind: 'blank' };
}

/** End of the line that starts at `from` (a newline or a `\n` escape) and where the next one starts. */
function lineAfter(text: string, from: number, limit: number): [number, number] {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      return [i, i + 1];
    }
    if (c === 0x5c && text.charCodeAt(i + 1) === 0x6e) {
      return [i, i + 2];
    }
  }
  return [limit, limit];
}

/** Start of the line that ends at `to` and where the previous one ends. */
function lineBefore(text: string, to: number, limit: number): [number, number] {
  for (let i = to - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      return [i + 1, i];
    }
    if (c === 0x6e && i > limit && text.charCodeAt(i - 1) === 0x5c) {
      return [i + 1, i - 1];
    }
  }
  return [limit, limit];
}

function keyLike(body: string): boolean {
  return body.length >= MIN_BODY && shannonEntropy(body) >= 3.5;
}

/** End of the base64 run that reaches `at`: a walk cut by its cap still hides the run it was in. */
function runEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && isBase64(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/** Walks forward from a BEGIN marker: the end of what to hide (or -1) and where the walk stopped. */
function walkForward(
  text: string,
  from: number,
  nextEnd: (at: number) => number,
): { hideTo: number; stop: number } {
  const limit = Math.min(text.length, from + MAX_WALK);
  let body = '';
  let hideTo = from;
  let short: [number, number] | undefined; // a short run: body only if END follows
  let blanks = 0;
  for (let at = from; at < limit;) {
    const [contentEnd, next] = lineAfter(text, at, limit);
    const end = nextEnd(at);
    if (end !== -1 && end < contentEnd) {
      END.lastIndex = end;
      const m = END.exec(text);
      const line = readLine(text, at, end);
      body += line.kind === 'body' ? text.slice(line.start, line.end) : '';
      const stop = m && m.index === end ? end + m[0].length : end;
      return { hideTo: keyLike(body) ? stop : -1, stop };
    }
    const line = readLine(text, at, contentEnd);
    if (line.kind === 'body') {
      if (short) {
        break; // a short run followed by more body is not the last line of a key
      }
      body += text.slice(line.start, line.end);
      if (line.end - line.start < FULL_LINE) {
        short = [line.start, line.end];
      } else {
        hideTo = contentEnd === limit && limit < text.length ? runEnd(text, line.end) : line.end;
      }
      blanks = 0;
    } else if (line.kind === 'other' || (line.kind === 'blank' && ++blanks > MAX_BLANK)) {
      break;
    }
    at = next;
  }
  if (short) {
    body = body.slice(0, body.length - (short[1] - short[0]));
  }
  return { hideTo: keyLike(body) ? hideTo : -1, stop: hideTo };
}

/** Walks back from an END marker to `floor`: where the hidden tail starts (or -1). */
function walkBack(text: string, endAt: number, floor: number): number {
  const limit = Math.max(floor, endAt - MAX_WALK);
  let body = '';
  let hideFrom = endAt;
  let blanks = 0;
  for (let to = endAt; to > limit;) {
    const [lineStart, prev] = lineBefore(text, to, limit);
    const line = readLine(text, lineStart, to);
    if (line.kind === 'body') {
      if (line.end - line.start < FULL_LINE / 2) {
        break;
      }
      body += text.slice(line.start, line.end);
      hideFrom = line.start;
      blanks = 0;
    } else if (line.kind === 'other' || (line.kind === 'blank' && ++blanks > MAX_BLANK)) {
      break;
    }
    to = prev;
  }
  return keyLike(body) ? hideFrom : -1;
}

/** The redact tier's detector of wrapped and cut private keys: hides the whole body as `private-key`. */
export const wrappedPemDetector: RecallDetector = (text: string, out: RecallSpan[]): void => {
  if (!text.includes('PRIVATE KEY')) {
    return;
  }
  const ends: number[] = [];
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    ends.push(m.index);
  }
  const walked: Array<readonly [number, number]> = []; // what forward walks read, in order
  // Walks move forward through the text, so one pointer into `ends` serves them all.
  let e = 0;
  const nextEnd = (at: number): number => {
    while (e < ends.length && ends[e]! < at) {
      e++;
    }
    return e < ends.length ? ends[e]! : -1;
  };
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const { hideTo, stop } = walkForward(text, m.index + m[0].length, nextEnd);
    if (hideTo > m.index) {
      out.push({ start: m.index, end: hideTo, kind: 'private-key' });
    }
    const consumed = Math.max(stop, m.index + m[0].length);
    walked.push([m.index, consumed]);
    BEGIN.lastIndex = consumed;
  }
  // An END no forward walk reached closes a tail whose BEGIN was cut off: walk back from it, never past
  // the previous END or walk, so each character is read at most twice.
  let floor = 0;
  let w = 0;
  for (const endAt of ends) {
    while (w < walked.length && walked[w]![1] <= endAt) {
      floor = Math.max(floor, walked[w]![1]);
      w++;
    }
    END.lastIndex = endAt;
    const m = END.exec(text);
    const endEnd = m ? m.index + m[0].length : endAt;
    const inWalk = w < walked.length && walked[w]![0] < endAt;
    const from = inWalk ? -1 : walkBack(text, endAt, floor);
    if (from !== -1 && from < endAt) {
      out.push({ start: from, end: endEnd, kind: 'private-key' });
    }
    floor = Math.max(floor, endEnd);
  }
};
