/**
 * A rule may declare a run of characters every match of its pattern holds (`Rule.needsRun`: `[A-Za-z0-9/+]`
 * 100 in a row for a session token's value): a text without such a run skips the rule, with no keyword
 * search and no attempt. `aws-session-token-named` made 63K attempts per pass of the bench tree (its
 * keyword `session` is in most files), none of them a match, and no file there holds such a run.
 */

/** Per ASCII code, 1 where `chars` (a one-character class such as `/[A-Za-z0-9/+]/`) matches it. */
export function classTable(chars: RegExp): Uint8Array {
  return new Uint8Array(128).map((_, c) => (chars.test(String.fromCharCode(c)) ? 1 : 0));
}

/**
 * Whether `text` holds `min` or more characters of `table` (ASCII only) in a row. It reads the character
 * `min - 1` past the last one known to end every run before it, and jumps `min` on when that one is not
 * in the class; only when it is does it read back (no further than that bound) and on to its run's ends.
 * Each character is read a bounded number of times, and code, with short runs, has most skipped.
 */
export function holdsClassRun(text: string, table: Uint8Array, min: number): boolean {
  const n = text.length;
  // Every run of `min` or more starts at or after `floor` (the character before it is none of the class).
  let floor = 0;
  for (let i = min - 1; i < n;) {
    if (!inClass(table, text.charCodeAt(i))) {
      floor = i + 1;
      i = floor + min - 1;
      continue;
    }
    let s = i;
    while (s > floor && inClass(table, text.charCodeAt(s - 1))) {
      s--;
    }
    let e = i + 1;
    while (e < n && inClass(table, text.charCodeAt(e))) {
      e++;
    }
    if (e - s >= min) {
      return true;
    }
    floor = e + 1;
    i = floor + min - 1;
  }
  return false;
}

function inClass(table: Uint8Array, c: number): boolean {
  return c < 128 && table[c] === 1;
}
