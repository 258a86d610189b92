import { writtenByPerson } from './wordCase';

/**
 * The words and masks by which a person marks a value as not filled in (`YOUR_API_KEY`, `apiKeyHere`,
 * `sk-xxxx`), each read only where it stands as a person writes it: random characters hold the same
 * letters by chance. Split from placeholders.ts, which asks `hasPlaceholderWord` and `isCrossedOut`.
 */

/** Words that mark a value as written for a reader, matched anywhere in the secret. */
const ANYWHERE_WORDS: readonly string[] = [
  'example',
  'sample',
  'dummy',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'changeit',
  'redacted',
  'insert',
  'replace',
  'qwerty',
  'asdfgh',
  'lorem',
  'ipsum',
  'foobar',
  'notreal',
  'not_real',
  'not-real',
  'notareal',
  'not_a_real',
  'not-a-real',
  'notasecret',
  'fakekey',
  'fake_key',
  'fake-key',
  'yourkey',
  'mykey',
  'secrethere',
  'tokenhere',
  'keyhere',
  // "Example" and "placeholder" in other tongues (`KATA_SANDI=contoh`, `passwort: beispiel`), hunt J.
  ...['ejemplo', 'exemplo', 'exemple', 'beispiel', 'platzhalter', 'esempio', 'voorbeeld', 'exempel'],
  ...['eksempel', 'esimerkki', 'przyklad', 'contoh'],
] as const;

/**
 * Short words that mark a placeholder only where they stand as a word (`YOUR_API_KEY`, `your-token`,
 * `<yourKey>`, `apiKeyHere`; see `standsAsWord`), so that they do not fire inside random characters.
 */
const BOUNDARY_WORDS = ['your', 'here', 'fake', 'mock', 'todo', 'fixme', 'enter'] as const;

/**
 * `xxxx` or `XXXX` as people type a mask: six or more (`ghp_XXXXXXXX…`), or four and five where the run
 * meets the value's edge or a separator (`sk-xxxx`, `AKIA…xxxx`). Four inside a generated token
 * (`…Hxxxx0C…`) is chance: about one 150-character key in 50,000. `xXxX` is as likely as any letters.
 */
export function isCrossedOut(secret: string): boolean {
  for (const x of ['xxxx', 'XXXX']) {
    for (let i = secret.indexOf(x); i !== -1; i = secret.indexOf(x, i + 1)) {
      let end = i + 4;
      while (end < secret.length && end - i < 6 && secret[end] === x[0]) {
        end++;
      }
      const edge =
        i === 0 ||
        !isAlnum(secret.charCodeAt(i - 1)) ||
        end === secret.length ||
        !isAlnum(secret.charCodeAt(end));
      if (end - i >= 6 || edge) {
        return true;
      }
      i = end - 1;
    }
  }
  return false;
}

/** A placeholder word anywhere in the secret, or a short one where it stands as a word. */
export function hasPlaceholderWord(secret: string, lower: string): boolean {
  // One pass for both kinds of word: at each place, the words of either table that start with its two letters.
  for (let i = 0; i + 1 < lower.length; i++) {
    const a = lower.charCodeAt(i);
    const b = lower.charCodeAt(i + 1);
    const pair = (a << 7) | b;
    if (a >= 128 || b >= 128 || (ANYWHERE.starts[pair]! | BOUNDARY.starts[pair]!) === 0) {
      continue;
    }
    if (ANYWHERE.starts[pair] === 1 && anywhereWordAt(secret, lower, i, ANYWHERE.words.get(pair)!)) {
      return true;
    }
    if (BOUNDARY.starts[pair] === 1 && boundaryWordAt(secret, lower, i, BOUNDARY.words.get(pair)!)) {
      return true;
    }
  }
  return false;
}

/** Entries of two words, written in camelCase as often as not, with the first word's length (`myKey`). */
const TWO_WORDS: ReadonlyMap<string, number> = new Map([
  ['changeme', 6],
  ['changeit', 6],
  ['notreal', 3],
  ['notareal', 4],
  ['notasecret', 4],
  ['fakekey', 4],
  ['yourkey', 4],
  ['mykey', 2],
  ['secrethere', 6],
  ['tokenhere', 5],
  ['keyhere', 3],
  ['foobar', 3],
]);

/** Whether one of `words` (a placeholder word anywhere) is written at `i`. */
function anywhereWordAt(secret: string, lower: string, i: number, words: readonly string[]): boolean {
  for (const word of words) {
    if (lower.startsWith(word, i) && writtenByPerson(secret.slice(i, i + word.length), TWO_WORDS.get(word))) {
      return true;
    }
  }
  return false;
}

/** Whether one of `words` (a short word that counts only standing as a word) stands at `i`. */
function boundaryWordAt(secret: string, lower: string, i: number, words: readonly string[]): boolean {
  for (const word of words) {
    if (
      lower.startsWith(word, i) &&
      writtenByPerson(secret.slice(i, i + word.length)) &&
      isWordStart(secret, i) &&
      isWordEnd(secret, i + word.length) &&
      standsAsWord(secret, i, i + word.length)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Words by their first two characters, and a bit per such pair: one pass over a value finds every place
 * a word may start, where an `indexOf` per word read each value 38 times (2026-12-05: a tenth of a scan of
 * a line of token-shaped runs, each candidate a value judged here).
 */
interface WordTable {
  readonly starts: Uint8Array;
  readonly words: ReadonlyMap<number, readonly string[]>;
}

function wordTable(words: readonly string[]): WordTable {
  const starts = new Uint8Array(128 * 128);
  const byPair = new Map<number, string[]>();
  for (const w of words) {
    const pair = (w.charCodeAt(0) << 7) | w.charCodeAt(1);
    starts[pair] = 1;
    byPair.set(pair, [...(byPair.get(pair) ?? []), w]);
  }
  return { starts, words: byPair };
}

const ANYWHERE = wordTable(ANYWHERE_WORDS);
const BOUNDARY = wordTable(BOUNDARY_WORDS);

/**
 * Start of the text, after a separator (`_`, `-`, `<`, space), or a camelCase hump (`apiKeyHere`). Not
 * after a digit: people do not write `9your`, and random characters do.
 */
function isWordStart(s: string, i: number): boolean {
  if (i === 0) {
    return true;
  }
  const prev = s.charCodeAt(i - 1);
  const cur = s.charCodeAt(i);
  return (!isLetter(prev) && !isDigit(prev)) || (isLower(prev) && isUpper(cur));
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** End of the text, before a non-letter, or before the next camelCase hump (`yourApiKey`). */
function isWordEnd(s: string, i: number): boolean {
  if (i >= s.length) {
    return true;
  }
  const next = s.charCodeAt(i);
  return !isLetter(next) || (isUpper(next) && isLower(s.charCodeAt(i - 1)));
}

/** Longest run of letters and digits around a boundary word that is still read for words (`enterYourApiKeyHere`). */
const WORDS_RUN_MAX = 40;

/**
 * The run of letters and digits that holds the word reads as words a person wrote: the word alone between
 * separators (`TODO_FILL_ME`, `sk-your-key-here`), or camelCase words of two letters or more with at most
 * digits at the end (`apiKeyHere`, `enterYourToken1`). Inside a generated token the run also holds digits
 * and stray capitals (`…oUloKVfgHereXwF…`, `…3nFakeN-…`), and the hump around the word is chance: those
 * dismissed about one random key in 20,000. The scan either side stops past `WORDS_RUN_MAX`.
 */
function standsAsWord(s: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from <= WORDS_RUN_MAX && isAlnum(s.charCodeAt(from - 1))) {
    from--;
  }
  let to = end;
  while (to < s.length && to - end <= WORDS_RUN_MAX && isAlnum(s.charCodeAt(to))) {
    to++;
  }
  if (from === start && to === end) {
    return true;
  }
  return to - from <= WORDS_RUN_MAX && readsAsWords(s.slice(from, to));
}

/** Letters split at camelCase humps (`apiKeyHere`, `APIKey`) into pieces of two letters or more, then digits only. */
function readsAsWords(run: string): boolean {
  let letters = 0;
  while (letters < run.length && isLetter(run.charCodeAt(letters))) {
    letters++;
  }
  for (let i = letters; i < run.length; i++) {
    if (!isDigit(run.charCodeAt(i))) {
      return false;
    }
  }
  let piece = 0;
  for (let i = 1; i <= letters; i++) {
    const prev = run.charCodeAt(i - 1);
    const cur = run.charCodeAt(i);
    const hump =
      i < letters &&
      isUpper(cur) &&
      (isLower(prev) || (isUpper(prev) && i + 1 < letters && isLower(run.charCodeAt(i + 1))));
    if (i === letters || hump) {
      if (i - piece < 2) {
        return false;
      }
      piece = i;
    }
  }
  return letters > 0;
}

function isAlnum(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c);
}
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
