/**
 * A rule may declare a run of characters every match of its pattern holds (`Rule.needsRun`: `[A-Za-z0-9/+]`
 * 100 in a row for a session token's value): a text without such a run skips the rule, with no keyword
 * search and no attempt. `aws-session-token-named` made 63K attempts per pass of the bench tree (its
 * keyword `session` is in most files), none of them a match, and no file there holds such a run.
 */

import { TOKEN_RUN, tokenRuns } from './tokenRuns';

/** Per ASCII code, 1 where `chars` (a one-character class such as `/[A-Za-z0-9/+]/`) matches it. */
export function classTable(chars: RegExp): Uint8Array {
  return new Uint8Array(128).map((_, c) => (chars.test(String.fromCharCode(c)) ? 1 : 0));
}

/**
 * Whether `text` holds `min` or more characters of `table` (ASCII only) in a row. It reads the character
 * `min - 1` past the first one that may start such a run, then back from it to the first one outside the
 * class: none back to that start is a run of `min`; one found is where the next run may start after.
 * In code, where words are short, a jump of nearly `min` costs a few reads (a read back to each word's
 * start), and each character is read at most once before the answer.
 *
 * A class of token characters only (`[0-9a-f]`) asked for `TOKEN_RUN` or more in a row has its runs
 * inside the text's runs of token characters that long (see tokenRuns.ts), which the scan lists for
 * every text anyway: only they are read. Hex digits fill code (`a` to `f`, numbers), and the reads back
 * through them made the Mailchimp rule's check ~10 ms per pass of the bench tree.
 */
export function holdsClassRun(text: string, table: Uint8Array, min: number): boolean {
  if (min < TOKEN_RUN || !withinTokens(table)) {
    return holdsIn(text, table, min, 0, text.length);
  }
  const runs = tokenRuns(text, 0, text.length, TOKEN_RUN);
  for (let k = 0; k < runs.length; k += 2) {
    // Two reads, not `[start, end] = [...]`: unoptimized code runs the iterator protocol for that per run.
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (end - start >= min && holdsIn(text, table, min, start, end)) {
      return true;
    }
  }
  return false;
}

/** `holdsClassRun` within [from, to) of `text`. */
function holdsIn(text: string, table: Uint8Array, min: number, from: number, to: number): boolean {
  // Every run of `min` or more starts at or after `floor`.
  let floor = from;
  for (let i = from + min - 1; i < to; i = floor + min - 1) {
    let j = i;
    while (j >= floor && inClass(table, text.charCodeAt(j))) {
      j--;
    }
    if (j < floor) {
      return true;
    }
    // A run that started at or before `j` would hold it: it is none of the class.
    floor = j + 1;
  }
  return false;
}

/** Whether every character of `table` is a token character (`[A-Za-z0-9_-]`). */
function withinTokens(table: Uint8Array): boolean {
  for (let c = 0; c < table.length; c++) {
    if (table[c] === 1 && TOKEN[c] !== 1) {
      return false;
    }
  }
  return true;
}

const TOKEN = classTable(/[A-Za-z0-9_-]/);

function inClass(table: Uint8Array, c: number): boolean {
  return c < 128 && table[c] === 1;
}
