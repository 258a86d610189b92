import { matchesAt } from './charRuns';

/**
 * Where a call's name may start: the words of the name before each `(` of a text (`cfg.db.login (` gives
 * the starts of `cfg`, `db` and `login`). A pattern for calls by name (`\bNetworkCredential[ \t]{0,4}\(`)
 * that is tried only there, sticky, finds what it finds over the whole text, for a fraction of the cost:
 * an alternation of a hundred names, led by `\b`, is tried at every letter of a text, and `(` is found by
 * `indexOf`. 100 KB of code holds one `(` in about 50 characters.
 */

/** Characters of a call's name: a word's, and what joins words into one (`.`, `::`, `->`, `$`, `-`, `[]`). */
const NAME = new Uint8Array(128);
/** Characters of a word, where a `\b`-led pattern may start after a joint. */
const WORD = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_') {
  NAME[c.charCodeAt(0)] = 1;
  WORD[c.charCodeAt(0)] = 1;
}
for (const c of '$.:>-[]') {
  NAME[c.charCodeAt(0)] = 1;
}

/** The longest name read back from a `(`: longer than any name a pattern spells out. */
const REACH = 80;

const isIn = (table: Uint8Array, c: number): boolean => c < 128 && table[c] === 1;

/**
 * The ascending offsets where a word of a call's name starts, for every `(` in `text` that up to four blanks
 * and a name stand before.
 */
export function callNameStarts(text: string): number[] {
  const starts: number[] = [];
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    let end = open;
    while (end > 0 && open - end < 4 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) {
      end--;
    }
    let start = end;
    while (start > 0 && end - start < REACH && isIn(NAME, text.charCodeAt(start - 1))) {
      start--;
    }
    for (let s = start; s < end; s++) {
      if (isIn(WORD, text.charCodeAt(s)) && (s === start || !isIn(WORD, text.charCodeAt(s - 1)))) {
        starts.push(s);
      }
    }
  }
  return starts;
}

/**
 * Each match of `sticky` (flag `y`) at `starts` (ascending), in order, as a global pattern finds them (charRuns.ts's
 * `matchesAt`), with `visit` giving where the search resumes past each: a match that starts before is passed over.
 */
export function eachMatchAt(
  text: string,
  sticky: RegExp,
  starts: readonly number[],
  visit: (m: RegExpExecArray, end: number) => number,
): void {
  let resume = 0;
  for (const m of matchesAt(text, sticky, starts)) {
    const end = m.index + m[0].length;
    if (m.index >= resume) {
      resume = Math.max(end, visit(m, end));
    }
  }
}
