import { shannonEntropy } from '../entropy';

/**
 * The letters-only pass of the service key table (see `serviceKeyTable.ts`): runs of token characters
 * that hold no digit, which the digit pass (`digitRuns.ts`) never visits. A 12-character base62 key has
 * no digit one time in 8 (22 characters: one in 50), so a table shape of letters and digits holds such
 * keys; this reads them only where a name of the service and a credential word stands right before the
 * value, and only when the letters read as random rather than as words.
 */

/**
 * An assignment (`=`, `:`, `=>`), blanks and a quote, before at least 12 letters, `_` or `-`: the only place
 * a letters-only value is read (see `ServiceKeyIndex.namedRightBefore`). Its first character is an
 * operator, which the regex engine skips to; `test` moves `lastIndex` to the value without building a match.
 */
const ASSIGNED_LETTERS = /[=:>][ \t]{0,3}["'`]?(?=[A-Za-z_-]{12})/g;

/**
 * Calls `visit` with each run of token characters in [from, to) that holds no digit, is 12 long or more
 * and follows an assignment. One native regex pass; a run that a digit ends belongs to the digit pass.
 */
export function forEachLetterRun(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number) => void,
): void {
  ASSIGNED_LETTERS.lastIndex = from;
  while (ASSIGNED_LETTERS.test(text)) {
    const start = ASSIGNED_LETTERS.lastIndex;
    if (start >= to) {
      return;
    }
    let end = start + 12;
    while (end < text.length && isRunChar(text.charCodeAt(end))) {
      end++;
    }
    ASSIGNED_LETTERS.lastIndex = end;
    if (!isDigit(text.charCodeAt(end))) {
      visit(start, end);
    }
  }
}

/**
 * Whether `value` (letters, maybe `_` or `-`) reads as random mixed-case letters, not as words: both
 * cases, at most a third vowels (random letters hold one in five, words two in five), under half of its
 * letters in lower-case runs of three or more (camelCase words put most of theirs there; random letters
 * a quarter), and the entropy random letters reach. Upper- or lower-case alone is never taken: a name or
 * a word in one case reads the same.
 */
export function randomLetters(value: string): boolean {
  let upper = 0;
  let lower = 0;
  let vowels = 0;
  let inLongLower = 0;
  let lowerRun = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 0;
    const isLower = c >= 97 && c <= 122;
    if (isLower) {
      lower++;
      lowerRun++;
    } else {
      inLongLower += lowerRun >= 3 ? lowerRun : 0;
      lowerRun = 0;
      upper += c >= 65 && c <= 90 ? 1 : 0;
    }
    vowels += VOWEL.test(value[i] ?? '') ? 1 : 0;
  }
  const letters = upper + lower;
  return (
    upper >= 2 &&
    lower >= 2 &&
    vowels * 3 <= letters &&
    inLongLower * 2 < letters &&
    shannonEntropy(value) >= 3
  );
}

const VOWEL = /^[aeiouAEIOU]$/;

function isRunChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
