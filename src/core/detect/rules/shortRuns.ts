/**
 * Table values shorter than the shared runs (`TOKEN_RUN`, see `tokenRuns.ts`): a few rare services
 * (ParseHub, uClassify: 12 characters) have them. Code holds several times more runs of 12 than of 16,
 * so a whole-text pass at the shorter length cost the engine about a third of its time (measured on the
 * bench tree). Such a value is only ever reported after a word of its own service within the table's
 * look-back (see `wordsBefore`), so the runs are read only there: a native search for those few words,
 * then the characters within reach after each.
 */

/** `[A-Za-z0-9_-]` by ASCII code (1 = yes), as `tokenRuns` reads them. */
const TOKEN = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(c)) ? 1 : 0));

function isToken(c: number): boolean {
  return c < 128 && TOKEN[c] === 1;
}

/** The distinct words among `words` made of letters and digits only: those `wordSearch` looks for. */
export function plainWords(words: readonly string[]): string[] {
  return [...new Set(words)].filter((w) => /^[a-z0-9]+$/i.test(w));
}

/** A case-insensitive search for any of `words` (letters and digits), or undefined when there are none. */
export function wordSearch(words: readonly string[]): RegExp | undefined {
  const plain = plainWords(words);
  return plain.length === 0 ? undefined : new RegExp(plain.join('|'), 'gi');
}

/**
 * The maximal runs of token characters that are `min` to `max` long, start in [from, to) and start at most
 * `reach` characters after the start of a match of `words`, flattened `[start, end, …]`, ascending. A run
 * that began before `from` is read from `from`, as `tokenRuns` does. Linear: each character is read for
 * run starts once (windows that overlap are read from where the last one ended), and a run past its
 * window at most `max + 1` characters further. `wordRuns` (runs of the prefilter's hits of the words, see
 * `Rule.finderWords`) spares the search over the whole text: `words` then runs only within reach of them.
 */
export function shortRuns(
  text: string,
  from: number,
  to: number,
  words: RegExp,
  reach: number,
  min: number,
  max: number,
  wordRuns?: readonly number[],
): number[] {
  const runs: number[] = [];
  const stop = Math.min(to, text.length);
  // The next character not yet read for a run start.
  let covered = from;
  const visit = (at: number): void => {
    const lo = Math.max(covered, at + 1);
    const hi = Math.min(stop, at + reach + 1);
    for (let i = lo; i < hi; i++) {
      if (!isToken(text.charCodeAt(i)) || (i > from && isToken(text.charCodeAt(i - 1)))) {
        continue;
      }
      let j = i + 1;
      while (j < text.length && j - i <= max && isToken(text.charCodeAt(j))) {
        j++;
      }
      if (j - i >= min && j - i <= max) {
        runs.push(i, j);
      }
    }
    covered = Math.max(covered, hi);
  };
  if (wordRuns !== undefined) {
    forEachWord(text, words, wordRuns, Math.max(0, from - reach), stop, reach, visit);
    return runs;
  }
  words.lastIndex = Math.max(0, from - reach);
  for (let m = words.exec(text); m !== null && m.index < stop; m = words.exec(text)) {
    visit(m.index);
    // The next word that can open a window past this one: skip the words inside this one's reach.
    words.lastIndex = Math.max(words.lastIndex, covered - reach);
  }
  return runs;
}

/**
 * Calls `visit` with the start of each match of `words` in [from, stop), ascending, searching only where
 * `wordRuns` says a word may be: each run `[first, last]` holds every match that starts in it (the
 * prefilter may add offsets, never drop one), and a match that starts at `last` ends within `reach`
 * (longer than any word). Each run's stretch is searched from past the last match found, so overlapping
 * runs (of different words) read their overlap once.
 */
function forEachWord(
  text: string,
  words: RegExp,
  wordRuns: readonly number[],
  from: number,
  stop: number,
  reach: number,
  visit: (at: number) => void,
): void {
  let lastHit = -1;
  for (let k = 0; k < wordRuns.length; k += 2) {
    const first = Math.max(wordRuns[k]!, lastHit + 1);
    const end = Math.min(text.length, wordRuns[k + 1]! + reach);
    if (first >= stop) {
      return;
    }
    if (end <= from || first >= end) {
      continue;
    }
    const stretch = text.slice(first, end);
    words.lastIndex = 0;
    for (let m = words.exec(stretch); m !== null; m = words.exec(stretch)) {
      lastHit = first + m.index;
      if (lastHit >= stop) {
        return;
      }
      if (lastHit >= from) {
        visit(lastHit);
      }
    }
  }
}
