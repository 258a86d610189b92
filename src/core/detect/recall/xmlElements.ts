import { lineEnd, pushLiteral } from './literalValue';
import type { RecallSpan } from './recallSpan';

// An XML element's text as a credential's value (`<password>…</password>`), apart from valueForms.ts's other
// forms of a value.

/** Blanks, then a `<Value>` element's opening tag. */
const NESTED_VALUE = /\s{0,40}<(?:value|Value)(?:[ \t][^<>\n]{0,80})?>/y;

/**
 * `<password>value</password>`: the element's text, on the element's line or alone on the next one
 * (`<apiToken>\n    value\n</apiToken>`).
 */
export function xmlElement(text: string, at: number, kind: string, out: RecallSpan[]): number {
  // An element that holds its value in a `<Value>` element right inside it (Windows' unattend:
  // `<AdministratorPassword>` then `<Value>…</Value>`).
  NESTED_VALUE.lastIndex = at;
  const start = NESTED_VALUE.exec(text) === null ? at : NESTED_VALUE.lastIndex;
  const close = text.indexOf('<', start);
  if (close === -1 || close > Math.min(text.length, start + 4096)) {
    return start;
  }
  if (close > lineEnd(text, start, close - start + 1)) {
    let a = start;
    let b = close;
    while (a < b && /\s/.test(text[a]!)) {
      a++;
    }
    while (b > a && /\s/.test(text[b - 1]!)) {
      b--;
    }
    return b > a && lineEnd(text, a, b - a) >= b
      ? pushLiteral(text, { start: a, end: b, quoted: true }, kind, false, out)
      : start;
  }
  // Blanks around an element's text are its layout, not the value's (Maven trims `<password>  s3cr  </password>`),
  // where a closing tag ends it; read as a quote that opens on a blank, they would make it an enclosing string's
  // end. Not so a generic type's `<AccessToken> {` in code, which no closing tag follows.
  if (!text.startsWith('</', close)) {
    return pushLiteral(text, { start, end: close, quoted: true }, kind, false, out);
  }
  let a = start;
  let b = close;
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) {
    a++;
  }
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) {
    b--;
  }
  return b > a ? pushLiteral(text, { start: a, end: b, quoted: true }, kind, false, out) : start;
}
