import type { KeywordIndex } from '../keywordIndex';
import { buildKeywordIndex } from '../keywordIndex';
import { LowerText } from '../lowerText';
import type { HitRuns } from '../prefilter';
import { findKeywordHits } from '../prefilter';
import { oneOfLiterals } from '../requiredLiterals';
import { patternFact } from '../patternFacts';

/**
 * The words the redact tier's line-searching detectors look for (a tool's name, a credential word), found
 * in one pass over a text for all of them: the report tier's keyword prefilter (prefilter.ts), a hashed
 * four-byte window per position, with an index of these words. A regex alternation of the tool detector's
 * sixty words alone read 100 KB in 0.3-0.5 ms, each letter of the text a possible start; the prefilter reads
 * every detector's words in about a third of that, and each detector then reads only the lines it found.
 */

/** Words of one detector, lower-case; made once, at module load (see `wordSet`). */
export interface WordSet {
  readonly words: readonly string[];
}

const registered: string[] = [];
let built: { index: KeywordIndex; ids: Map<string, number> } | undefined;

/** Registers `words` (lower-case, ASCII) for the shared search and returns the set to search them by. */
export function wordSet(words: readonly string[]): WordSet {
  registered.push(...words);
  built = undefined;
  return { words };
}

function index(): { index: KeywordIndex; ids: Map<string, number> } {
  if (built === undefined) {
    const made = buildKeywordIndex([registered], [], undefined);
    built = { index: made, ids: new Map(made.keywords.map((k, id) => [k, id])) };
  }
  return built;
}

/** The last text searched, its hits by keyword id and its lower-cased reader: the detectors ask in turn. */
let last: { text: string; hits: (HitRuns | undefined)[]; lower: LowerText } | undefined;

function hitsOf(text: string): { hits: (HitRuns | undefined)[]; lower: LowerText } {
  if (last === undefined || last.text !== text) {
    const lower = new LowerText(text, 0, text.length);
    last = { text, hits: findKeywordHits(index().index, lower, 0, text.length), lower };
  }
  return last;
}

/**
 * The sorted offsets in `text` where a word of `set` starts (ASCII case folded). Each keyword's hits come as
 * runs (hits within 64 characters merged); a run's inner hits are found again by `indexOf` within it, in the
 * lower-cased text (made once per text, and only for a text with such a run).
 */
export function wordPlaces(text: string, set: WordSet): number[] {
  const { index: built, ids } = index();
  const { hits, lower } = hitsOf(text);
  const places: number[] = [];
  for (const word of set.words) {
    const id = ids.get(word);
    const runs = id === undefined ? undefined : hits[id];
    if (runs === undefined) {
      continue;
    }
    const kw = built.keywords[id!]!;
    for (let r = 0; r < runs.length; r += 2) {
      const [first, lastHit] = [runs[r]!, runs[r + 1]!];
      places.push(first);
      // A run of one hit is that hit; a longer one is read again between its first and last hits.
      if (lastHit > first) {
        const folded = lower.value;
        for (
          let at = folded.indexOf(kw, first + 1);
          at !== -1 && at <= lastHit;
          at = folded.indexOf(kw, at + 1)
        ) {
          places.push(at);
        }
      }
    }
  }
  return places.sort((a, b) => a - b);
}

/**
 * Whether a word of `set` occurs in `text` (ASCII case folded; in a text past Latin-1 possibly where it does
 * not, as the prefilter reads each code unit's low byte): a gate before a detector's own pass, answered from
 * the shared search.
 */
export function holdsWord(text: string, set: WordSet): boolean {
  const { ids } = index();
  const { hits } = hitsOf(text);
  return set.words.some((word) => {
    const id = ids.get(word);
    return id !== undefined && hits[id] !== undefined;
  });
}

/**
 * The words of which every match of `pattern` holds one (`oneOfLiterals`, lower-cased), registered for the
 * shared search as `wordSet` registers: made once, at module load. Undefined when the pattern gives none.
 */
export function literalWords(pattern: RegExp): WordSet | undefined {
  const literals = patternFact('one-of-literals', pattern, () => oneOfLiterals(pattern) ?? null);
  if (literals === null || literals.length === 0 || literals.some((l) => /[^\x20-\x7e]/.test(l))) {
    return undefined;
  }
  return wordSet(literals.map((l) => l.toLowerCase()));
}

/**
 * Whether `text` may hold a match of the pattern `words` were read from (`literalWords`): false only when it
 * holds none of them, and then it holds no match. A pass of a pattern led by `\b` and an alternation of
 * names is tried at every word of a text; `includes` of each name is no cheaper for a name led by a common
 * letter (`encode`: 50 µs of 100 KB), where the shared search answers from its one pass.
 */
export function mayHold(text: string, words: WordSet | undefined): boolean {
  return words === undefined || holdsWord(text, words);
}

/**
 * Calls `visit(from, end)` for each line of `text` that holds a word of `set`, in order, once per line:
 * [from, end) is the line without its break. `visit` may return where the search resumes (past rows it read
 * itself); by default the line after.
 */
export function forEachLineWith(
  text: string,
  set: WordSet,
  visit: (from: number, end: number) => number | void,
): void {
  let resume = 0;
  for (const at of wordPlaces(text, set)) {
    if (at < resume) {
      continue;
    }
    const from = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const next = visit(from, end);
    resume = Math.max(end, typeof next === 'number' ? next : end);
  }
}
