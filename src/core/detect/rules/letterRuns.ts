import { shannonEntropy } from '../entropy';
import { holdsDigit } from './digitRuns';
import { randomLetterRun } from './letterPairs';

/**
 * The letters-only pass of the service key table (see `serviceKeyTable.ts`): runs of token characters
 * that hold no digit, which the digit pass (`digitRuns.ts`) never visits. A 12-character base62 key has
 * no digit one time in 8 (22 characters: one in 50), so a table shape of letters and digits holds such
 * keys; this reads them only where a name of the service and a credential word stands right before the
 * value, and only when the letters read as random rather than as words.
 */

/**
 * Calls `visit` with each run of `runs` (flattened `[start, end, …]`: maximal runs of token characters,
 * see `tokenRuns` and `shortRuns.ts`) that starts before `to`, holds no digit and follows an assignment
 * (`=`, `:`, `>`), up to three blanks and a quote, at or after `from`: the only place a letters-only value
 * is read (see `ServiceKeyIndex.namedRightBefore`). A run that holds a digit belongs to the digit pass.
 * Only the characters before each run are read, and the run itself when they make an assignment: an
 * operator-led regex over the whole text stopped at every `=` and `:` of code (170 ms on the bench tree).
 */
export function forEachLetterRun(
  text: string,
  from: number,
  to: number,
  runs: readonly number[],
  visit: (start: number, end: number) => void,
): void {
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (start < to && assignedAt(text, start, from) && !holdsDigit(text, start, end)) {
      visit(start, end);
    }
  }
}

/**
 * Whether an operator of `=:>`, at most three blanks and maybe a quote stand right before `at`, or before
 * a `Bearer ` right before it (`token := "Bearer …"`).
 */
function assignedAt(text: string, at: number, from: number): boolean {
  let k = at - 1;
  if (k >= BEARER.length && text.startsWith(BEARER, at - BEARER.length)) {
    k -= BEARER.length;
  }
  // Nothing before `from` is read: a read before the text's start (a run at offset 0) cost the whole
  // finder, which inlines this, a deoptimization and a second compile on each cold pass.
  if (k < from) {
    return false;
  }
  const c = text.charCodeAt(k);
  if (c === 34 || c === 39 || c === 96) {
    k--;
  }
  let blanks = 0;
  for (; blanks < 3 && k >= from && isBlank(text.charCodeAt(k)); blanks++) {
    k--;
  }
  if (k < from) {
    return false;
  }
  const op = text.charCodeAt(k);
  return op === 61 || op === 58 || op === 62 || (blanks > 0 && endsCredential(text, from, k + 1));
}

/**
 * Whether the word that ends at `end` ends in a credential word, any case: a name and its value with only
 * a blank between (`tefter SECRET KEY <value>`, `vatlayerTOKEN <value>`, `oanda ACCESS <value>`), as
 * Kingfisher's rules read them.
 */
function endsCredential(text: string, from: number, end: number): boolean {
  const last = text.charCodeAt(end - 1) | 32;
  // Only `y`, `n`, `t`, `e` and `s` end one: most words are ruled out by one read.
  if (last !== 121 && last !== 110 && last !== 116 && last !== 101 && last !== 115) {
    return false;
  }
  return CREDENTIAL_END.test(text.slice(Math.max(from, end - 8), end));
}

const CREDENTIAL_END = /(?:key|token|secret|private|access)$/i;

const BEARER = 'Bearer ';

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
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

/** Shortest value of letters in one case that reads as drawn (see `drawnLetters`). */
const ONE_CASE = 16;

/**
 * Whether a letters-only value reads as drawn: random mixed case (`randomLetters`), or 16 or more letters in
 * one case whose letter pairs no language spells (`randomLetterRun`: `jqhpwtfqwsjlrixtfrpz`). Sixteen
 * letters of a name or a word in one case (`connectionstring`) keep to common pairs.
 */
export function drawnLetters(value: string): boolean {
  return randomLetters(value) || (value.length >= ONE_CASE && randomLetterRun(value));
}
