import { hasExampleShape } from '../placeholders';
import { randomLetterRun } from '../rules/letterPairs';
import { isElided } from './nonSecretForms';
import type { RecallSpan } from './recallSpan';
import { cleanTokenEnd, looksRandom, punctuatedTokenEnd, tokenEnd } from './tokenShape';

// Bare values that a credential name's detector (namedLiterals.ts) takes where an unquoted value is usually an
// expression: in code, a log line or prose, only a value no expression has the shape of is hidden.

/** An assignment operator and up to three blanks, right before a value. */
const ASSIGNED_BEFORE = /[=:][ \t]{0,3}$/;

/**
 * A bare value that is a generated token (`k3J9…`, `s.uO1V…`), or drawn letters under a password name:
 * hidden wherever it stands. A run cut by
 * `*` or `(` (`KEY=<16 random>:c*X`: a generated value that holds them) is taken up to the cut when it is
 * 16 characters or more; one holding `%`, `!`, `@`, `#`, `$` or `^` is taken whole when it ends as a token
 * does; a run cut by anything else (`?`: a template's blank) stays refused.
 */
export function generatedToken(text: string, at: number, kind: string, out: RecallSpan[]): number {
  const run = tokenEnd(text, at);
  const cutByGenerated = (text[run] === '*' || text[run] === '(') && run - at >= 16;
  let end = cutByGenerated ? run : cleanTokenEnd(text, at);
  if (end === at && !cutByGenerated) {
    // `Using API_KEY=bmBw…%8GML…%a%UBOY…`: the characters a generated value holds do not cut it.
    end = punctuatedTokenEnd(text, at);
  }
  // A documented example (`7e4abcdef456Ghijkl789…`) is mixed enough to look random; its runs give it away.
  const value = text.slice(at, end);
  // A password of one-case letters that no language spells (`$password = zvvourfl;`) is no variable's
  // name; after an operator only: after a blank it is prose (`pass timezone information`).
  const drawn =
    kind === 'password' &&
    ASSIGNED_BEFORE.test(text.slice(Math.max(0, at - 4), at)) &&
    randomLetterRun(value);
  if (
    end > at &&
    (looksRandom(value) || drawn || hexToken(value)) &&
    !hasExampleShape(value) &&
    !isElided(text, at, run)
  ) {
    out.push({ start: at, end, kind });
    return end;
  }
  return at;
}

/**
 * Hex digits in one case, 8 to 64 of them, two digits and a letter among them (`a7284762`, `ebd562ec`): too
 * short for `looksRandom`'s run of changes, and no expression's shape, since a name of code that is all hex
 * digits with digits in it is rare. A credential name's short token (`PRIVATE_TOKEN=ff138732` mid-line).
 */
function hexToken(value: string): boolean {
  return (
    value.length >= 8 &&
    value.length <= 64 &&
    (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) &&
    /[0-9][^0-9]*[0-9]/.test(value) &&
    /[a-fA-F]/.test(value)
  );
}
