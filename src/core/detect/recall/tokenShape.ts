import { isPlaceholder } from '../placeholders';
import { alnumTable, charTable } from './charRuns';

/**
 * Telling a generated value from code by its shape alone. The redact tier uses it where the syntax around
 * a value is not enough: a bare value in code or a log line (`Using Key=…`), a name as plain as `key`, a
 * value holding brackets that code would hold too. A random token switches between lower case, upper
 * case and digits on about every second character; an identifier does so once a word (`refreshToken2`).
 */

/**
 * Characters a bare token is read over: base64, base64url, hex, dotted and colon-joined forms
 * (`[A-Za-z0-9+/=_.:~-]`), as a table by character code: a regex's test per character made the readers of
 * a flood of names (200 KB of `password:`, each value read a kilobyte on) spend most of their time in it.
 */
const TOKEN_CHARS = alnumTable('+/=_.:~-');
const isTokenChar = (c: number): boolean => c < 128 && TOKEN_CHARS[c] === 1;
/** Characters generated passwords and some providers' keys hold inside a run (`…%8G…`, `…!x@…`). */
const IN_GENERATED = charTable('%!@#$^');

/**
 * A memorable password as generators make them and people choose them for secrets they type (a VPN's
 * pre-shared key, a webhook's signing secret): capitalised words joined by dashes, then digits
 * (`Winter-Kettle-85`), or lower-case words of four letters or more and a dash before the digits
 * (`winter-kettle-85`). Not a name of code (`_`, `.`), nor an algorithm's (`scram-sha-256`, `pin-sha256`).
 */
export const MEMORABLE =
  /^(?:[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,}){1,4}-?\d{1,4}|[a-z]{4,}(?:-[a-z]{4,}){1,4}-\d{2,4})$/;

/** Fewest letters and digits in a value that is judged by its shape. */
const MIN_ALNUM = 12;

/** Class of a character: 1 lower, 2 upper, 3 digit, 0 anything else. */
function classOf(c: number): number {
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
}

/**
 * Whether `value` reads as generated: at least 12 letters and digits, not all digits, and a change of
 * class (lower, upper, digit) at one in six of them or more (one in three when it has no digits). Identifiers in any case style, words,
 * paths and version strings stay below; random base62, base36, hex and base64 stay above in all but rare
 * draws (a 32-character random lower-case-and-digit value changes class about 12 times, fewer than 6 in
 * about one draw in a hundred).
 */
export function looksRandom(value: string): boolean {
  if (value.length > 4096) {
    return false;
  }
  let alnum = 0;
  let digits = 0;
  let changes = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const k = classOf(value.charCodeAt(i));
    if (k === 0) {
      if (value.charCodeAt(i) <= 32) {
        return false; // a value with a space in it is a phrase or code, judged elsewhere
      }
      continue;
    }
    alnum++;
    digits += k === 3 ? 1 : 0;
    changes += last !== 0 && k !== last ? 1 : 0;
    last = k;
  }
  if (alnum < MIN_ALNUM || digits === alnum) {
    return false;
  }
  // Without digits (a random base62 value has fewer than two about once in 40 draws), only a value that
  // switches case on every third letter or more: camelCase switches once a word.
  // Lower-case hex switches between letters and digits less often than base62 does (six letters in
  // sixteen): a random 32-character hex value changes fewer than 6 times about once in 1,100 draws, fewer
  // than 4 about once in 20,000.
  const floor = alnum >= 24 && /^[0-9a-f]+$/.test(value) ? alnum / 8 : Math.max(4, alnum / 6);
  const mixed = digits >= 2 ? changes >= floor : hasBothCases(value) && changes >= Math.max(6, alnum / 3);
  return mixed && !readsAsWords(value);
}

/** A camelCase word (`Token`, `token`), an acronym (`DOM`, `V`), or a run of digits. */
const CAMEL_WORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;
/** What no English word in an identifier holds: four consonants or three vowels in a row. */
export const UNSPOKEN = /[^aeiouy]{4}|[aeiou]{3}/i;
/** A UUID, the whole value: an id, or after a credential word a key (the detectors say which). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Two-letter words identifiers join others with (`ArrayOrTuple`, `KeyToId`). */
const SHORT_WORDS = new Set('as at by do if in is it no of on or to up'.split(' '));
/** Abbreviations C and its kin spell without a vowel (`xmlParserCtxtPtr`, `FilterMenuLineNr`). */
const ABBREVIATIONS = new Set(
  'ptr ctx ctxt str msg cfg cmd src dst buf mgr req hdr pkt txt btn img'.split(' '),
);
/**
 * A lower-case prefix first in an identifier that is no word (under three letters or no vowel): a library's
 * or a language's (`xml`, `ncf`), a C type's (`ul`, `p`). Three words must follow it, clean camelCase, whose
 * vowels may be a quarter of their letters (`ncfSetCommandsNum`): random draws read so no more often.
 */
const PREFIX = /^[a-z]{1,4}(?=[A-Z])/;

/**
 * Whether `value` is an identifier made of words, whose short words switch case often enough to pass the
 * count above: `DotDotDotToken`, `UnknownArrayOrTuple`, `DOMHighResTimeStamp`, `Uint8ClampedArray`,
 * `pki.privateKeyFromAsn1`. Every part between separators is words of three letters or more (or a
 * joining word: `Or`, `To`), each with a vowel, none with four consonants or three vowels in a row, a
 * lower-case word only first in its part; at least two words, acronyms (up to five capitals) a third of the
 * letters at most, one run of digits at most, and vowels at least three letters in ten. A random value reads
 * so rarely: about one 16-character base62 draw in 1,400, one in 350 without digits, one 24-character draw
 * in 50,000 or fewer.
 */
export function readsAsWords(value: string): boolean {
  let letters = 0;
  let acronyms = 0;
  let digitRuns = 0;
  let words = 0;
  let vowels = 0;
  let wordLetters = 0;
  const head = PREFIX.exec(value)?.[0];
  const prefixed = head !== undefined && /^(?:[a-z]{1,2}|[^aeiouy]{3,4})$/.test(head) ? head : undefined;
  let prefix = prefixed;
  for (const part of value.split(/[^A-Za-z0-9]+/)) {
    let first = true;
    for (const [w] of part.matchAll(CAMEL_WORD)) {
      const c = w.charCodeAt(0);
      if (w === prefix) {
        prefix = undefined; // read once, as the value's first word; counts for neither side
      } else if (ABBREVIATIONS.has(w.toLowerCase()) && !(c >= 97 && !first)) {
        words++;
      } else if (c >= 48 && c <= 57) {
        digitRuns++;
      } else if (w === w.toUpperCase()) {
        if (w.length > 5) {
          return false;
        }
        acronyms += w.length;
      } else if (
        (w.length < 3 && !SHORT_WORDS.has(w.toLowerCase())) ||
        !/[aeiouy]/i.test(w) ||
        UNSPOKEN.test(w) ||
        (c >= 97 && !first)
      ) {
        return false;
      } else {
        words++;
        wordLetters += w.length;
        vowels += w.length - w.replace(/[aeiouy]/gi, '').length;
      }
      letters += c >= 48 && c <= 57 ? 0 : w.length;
      first = false;
    }
  }
  // After a prefix, three words of clean camelCase: no digits, one capital alone at most (`xmlXPathObjectPtr`).
  const clean = prefixed === undefined || (words >= 3 && digitRuns === 0 && acronyms <= 1);
  const vowelShare = prefixed === undefined ? 3 : 2.5;
  return (
    clean &&
    words >= 2 &&
    digitRuns <= 1 &&
    acronyms * 3 <= letters &&
    vowels * 10 >= wordLetters * vowelShare
  );
}

function hasBothCases(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value);
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Whether `value` is punctuation soup that no code line holds: a closing bracket with no opener, a
 * bracket closed by the wrong kind, or a quote left open at its end. Code cut at a line end leaves
 * openers unclosed, never these; a generated password (`{-di{]x}…`) does them all the time.
 */
export function isGibberish(value: string): boolean {
  const stack: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const open = OPENERS.indexOf(c);
    if (open !== -1) {
      stack.push(open);
      continue;
    }
    const close = CLOSERS.indexOf(c);
    if (close !== -1 && stack.pop() !== close) {
      return true;
    }
  }
  const quotes = value.split('"').length - 1;
  return quotes % 2 === 1 && !value.startsWith('"');
}

/**
 * Whether `value` holds a run of 24 or more letters and digits that reads as generated, holds a digit and
 * counts no sequence: a real token beside a sample's counting part (`ABCDEFGHIJ1234567890%abc%<50 random>`, Twitter's
 * percent-encoded bearer in Kingfisher's sample), which a placeholder's own letters never make.
 */
export function holdsGeneratedRun(value: string): boolean {
  for (const run of value.match(/[A-Za-z0-9]{24,}/g) ?? []) {
    // A digit too: a run of camelCase words (`IdTokenCrossSiteIdpErrorResponse`) can switch case as often.
    if (/\d/.test(run) && looksRandom(run) && !isPlaceholder(run, [], 'whole-template')) {
      return true;
    }
  }
  return false;
}

/** A generated value made of token characters only: what a weak context (a log line, a bare `key`) takes. */
export function isCleanToken(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (!isTokenChar(value.charCodeAt(i))) {
      return false;
    }
  }
  return looksRandom(value);
}

/** Characters that may follow a bare token: a space, a line end, a quote or a closing delimiter. */
const AFTER_TOKEN = /[\s"'`,;)\]}>&<|]/;

/**
 * The end of the clean token starting at `at`, or `at` when the run of token characters is cut by
 * something else (`k3J9…?x`: a template or a peer's broken sample, not a value to read in part).
 */
export function cleanTokenEnd(text: string, at: number): number {
  const end = tokenEnd(text, at);
  return endsToken(text, end) ? end : at;
}

/** Whether a run of token characters that stops at `end` ends there as a token may (see `AFTER_TOKEN`). */
export function endsToken(text: string, end: number): boolean {
  return end === text.length || AFTER_TOKEN.test(text[end]!);
}

/** The run of token characters starting at `at` (at most `max` long): `[at, end)`. */
export function tokenEnd(text: string, at: number, max = 1024): number {
  let end = at;
  const limit = Math.min(text.length, at + max);
  while (end < limit && isTokenChar(text.charCodeAt(end))) {
    end++;
  }
  return end;
}

/**
 * The end of a bare value at `at` that holds `IN_GENERATED` characters between token characters, when it
 * ends where a token may (a blank, a quote, `,`, `;`, a closing bracket) and is 16 characters or more; else
 * `at`. A run cut by `{`, `(` or `[` (a template, a call) is refused. Read at most `max` characters.
 */
export function punctuatedTokenEnd(text: string, at: number, max = 1024): number {
  let end = at;
  let marks = 0;
  const limit = Math.min(text.length, at + max);
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c < 128 && IN_GENERATED[c] === 1) {
      marks++;
    } else if (!isTokenChar(c)) {
      break;
    }
    end++;
  }
  const clean = end === text.length || AFTER_TOKEN.test(text[end]!);
  return clean && marks > 0 && end - at >= 16 ? end : at;
}

/**
 * Whether a name's words make up much of `body`'s letters: words of three letters or more, capitalised or
 * not, that a tongue can say (`Ed25519PrivateKey` 0.83, `xXF86DRIGetDrawableInfoReq` 0.75). In random
 * base62 of 20 to 49 characters such words hold 26% of the letters at the median and 64% at the 99th
 * centile (20,000 draws): at 60%, about 3 draws in 100 are left to the other detectors.
 */
export function spellsWords(body: string, letters: number): boolean {
  let spoken = 0;
  for (const word of body.match(/[A-Z]?[a-z]{2,}/g) ?? []) {
    spoken += word.length >= 3 && !UNSPOKEN.test(word) ? word.length : 0;
  }
  return spoken * 10 >= letters * 6;
}

/**
 * Whether the quote at `at` opens a whole generated token closed on its line (`"+Ab3k…/x9"`): a value, even
 * where the line's quote count says the quote closes a string (`"{"password":"+…"}"`, JSON unescaped).
 */
export function opensQuotedToken(text: string, at: number): boolean {
  const close = text.indexOf(text[at]!, at + 1);
  const eol = text.indexOf('\n', at);
  const value = close === -1 || (eol !== -1 && eol < close) ? '' : text.slice(at + 1, close);
  return value.length >= 16 && !/[\s\\]/.test(value) && looksRandom(value);
}
