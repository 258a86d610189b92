/**
 * Calls `visit(from, end)` for each line of `text` that holds a match of `words` (a lower-case pattern without
 * flags), in order, once per line: [from, end) is the line without its break. `visit` may return where the
 * search resumes (past rows it read itself); by default the line after. The text is searched lower-cased,
 * without the `i` flag, which halves the time of a long alternation (one-byte text lower-cases in 0.02 ms per
 * 100 KB); a text whose lower case changes its length (`İ`) is searched as it is, with `i`.
 */
export function forEachLineHolding(
  text: string,
  words: RegExp,
  visit: (from: number, end: number) => number | void,
): void {
  const lower = lowerOf(text);
  const haystack = lower.length === text.length ? lower : text;
  const re = new RegExp(words.source, haystack === lower ? 'g' : 'gi');
  for (let m = re.exec(haystack); m !== null; m = re.exec(haystack)) {
    const from = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const end = nl === -1 ? text.length : nl;
    const resume = visit(from, end);
    re.lastIndex = Math.max(end, typeof resume === 'number' ? resume : end);
  }
}

/** The last text lower-cased and its lower case: the detectors that search lines call here in turn, on one text. */
let last: { text: string; lower: string } | undefined;

function lowerOf(text: string): string {
  if (last === undefined || last.text !== text) {
    last = { text, lower: text.toLowerCase() };
  }
  return last.lower;
}
