import { isSpace, lineEnd, pushLiteral, readBare, readQuoted } from './literalValue';
import type { RecallSpan } from './recallSpan';

/**
 * A credential name with nothing after it on its line gives its value on the lines below: YAML list
 * items (`passwords:` then `- …`), a block scalar (`secret: |`), or one scalar on the next, deeper line
 * (`password:` / `  "…"`). Reading stops at the first line that is not part of the value and after
 * `MAX_LINES` lines.
 */

const MAX_LINES = 256;
/** `user: x` or `"a": 1`: the next line opens a mapping, not a value. */
const MAPPING = /^(?:[\w.-]{1,64}|"[^"\n]{0,64}"|'[^'\n]{0,64}')[ \t]{0,8}:(?:[ \t]|$)/;

/**
 * Hides the values on the lines after the one holding `at` (just past the separator); `indent` is the
 * indentation of the name's line. Returns where the scan resumes.
 */
export function valuesOnNextLines(
  text: string,
  at: number,
  indent: number,
  kind: string,
  out: RecallSpan[],
): number {
  const eol = lineEnd(text, at);
  const block = /^[ \t]*[|>]/.test(text.slice(at, eol));
  let resume = at;
  let pos = nextLine(text, eol);
  for (let n = 0; n < MAX_LINES && pos < text.length; n++) {
    const end = lineEnd(text, pos);
    let i = pos;
    while (i < end && isSpace(text.charCodeAt(i))) {
      i++;
    }
    if (i === end) {
      if (!block) {
        break;
      }
      pos = nextLine(text, end);
      continue;
    }
    const item = !block && text[i] === '-' && isSpace(text.charCodeAt(i + 1));
    // YAML lets list items sit at the key's own indentation.
    if (i - pos < indent || (i - pos === indent && !item)) {
      break;
    }
    if (block) {
      let stop = end;
      while (stop > i && isSpace(text.charCodeAt(stop - 1))) {
        stop--;
      }
      out.push({ start: i, end: stop, kind });
      resume = end;
    } else {
      const v = item ? skipSpaces(text, i + 1, end) : i;
      if (MAPPING.test(text.slice(v, Math.min(end, v + 140))) || (!item && n > 0)) {
        break;
      }
      const c = text.charCodeAt(v);
      const span = c === 34 || c === 39 ? readQuoted(text, v) : readBare(text, v);
      pushLiteral(text, span, kind, true, out);
      resume = end;
      if (!item) {
        break;
      }
    }
    pos = nextLine(text, end);
  }
  return resume;
}

function nextLine(text: string, end: number): number {
  const nl = text.indexOf('\n', end);
  return nl === -1 ? text.length : nl + 1;
}

function skipSpaces(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/**
 * A value a formatter moved to the next line: `=` or `:=` ends its line (`String DB_PASSWORD =⏎    "…";`,
 * Python's `\` continuation), and a quoted literal starts the next, after indentation, ending its statement
 * or argument (a shell's `"$cmd" args` on the line after `X=` is a command). A line-oriented assignment
 * (`.properties`) continued by `\` gives a bare value too. Undefined when no such value follows `at`.
 */
export function wrappedValue(
  text: string,
  at: number,
  lineStart: boolean,
  kind: string,
  out: RecallSpan[],
): number | undefined {
  NEXT_LINE.lastIndex = at;
  const next = NEXT_LINE.exec(text);
  if (next === null) {
    return undefined;
  }
  const c = text.charCodeAt(NEXT_LINE.lastIndex);
  if (c === 34 || c === 39 || c === 96) {
    const v = readQuoted(text, NEXT_LINE.lastIndex);
    return LITERAL_ENDS.test(text.slice(v.end, v.end + 8))
      ? pushLiteral(text, v, kind, false, out)
      : undefined;
  }
  return lineStart && next[1] === '\\' && !isSpace(c)
    ? pushLiteral(text, readBare(text, NEXT_LINE.lastIndex), kind, true, out)
    : undefined;
}

/** A line break after a separator (a `\` continuation may stand before it), then the next line's indentation. */
const NEXT_LINE = /(\\?)[ \t]{0,4}\r?\n[ \t]{0,32}/y;
/** After a wrapped literal: what ends a statement or an argument, or a `+` that joins another. */
const LITERAL_ENDS = /^["'`][ \t]{0,4}(?:[;,)+]|\r?\n|$)/;
