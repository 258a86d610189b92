import { hasExampleShape } from '../placeholders';
import { namesNoSecret } from './credentialName';
import { isElided } from './nonSecretForms';
import { matchesAt } from './charRuns';
import type { RecallDetector } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';
import { endsToken, looksRandom, MEMORABLE, tokenEnd, UUID } from './tokenShape';

/**
 * High-entropy tokens next to credential words, in prose and in code that names no variable for them:
 * `Your API2CART key is <hex>, which…`, `Here's the token to test JIRA APIs: <token>`,
 * `func getBetterStackToken() string { return "<token>" }`. The named-literal detector wants an assignment
 * to a credential name; here the word and the value share a line and a few words, and the value must read
 * as generated, or as a memorable password (`The VPN pre-shared key is Winter-Kettle-85`, see `MEMORABLE`).
 */

/**
 * A credential word, on its own or as the last hump of an identifier (`getBetterStackToken`), in any case;
 * not a longer word (`tokenizer`, `keyboard`, `monkey`: a lower-case letter on either side). Found
 * case-blind, then its case and what stands before it are checked (`isWordStart`): a pattern of case
 * forms each behind a lookbehind is tried at every position of the text.
 */
const WORD = /(?:pass(?:word|phrase)|secret|token|key|credential)s?(?![a-z])/iy;
/** Where WORD may match, found by the shared word search (wordIndex.ts) rather than a case-blind pass. */
const WORD_LEADS = wordSet(['pass', 'secret', 'token', 'key', 'credential']);

/** Lower case after no letter, Capitalised after no capital (a hump), capitals after no letter. */
function isWordStart(text: string, at: number, word: string): boolean {
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  const upperBefore = before >= 65 && before <= 90;
  const lowerBefore = before >= 97 && before <= 122;
  const first = word.charCodeAt(0);
  if (first >= 97) {
    return !upperBefore && !lowerBefore && word === word.toLowerCase();
  }
  const rest = word.slice(1, -1);
  if (rest === rest.toLowerCase()) {
    return !upperBefore; // `Token`, `StackToken`
  }
  return !upperBefore && !lowerBefore && word.slice(0, -1) === word.slice(0, -1).toUpperCase();
}

/** How far after the word its value may stand: a few words of prose or a function's head. */
const REACH = 48;

/** Most characters of a token read (`tokenEnd`'s own bound). */
const RUN_MAX = 1024;

/** Fewest characters of a token taken on this weak context. */
const MIN_TOKEN = 20;

/**
 * Words between the credential word and the value that make the value something about the credential
 * (`key id`, `token hash`, `key fingerprint SHA256:…`, `secret version`), or a reference to one.
 */
const ABOUT =
  /\b(?:id|ids|uuid|guid|hash|hashed|digest|sha\d*|md5|checksum|fingerprint|thumbprint|commit|rev|ref|version|name|file|path|url|type|length|expires?|env|var)\b/i;

/**
 * A URL's host after the word (`https://user:password@github.com:84/Org/repo.git`): the word was the URL's
 * userinfo, and what follows the host is a port and a path, the URL detectors' to judge.
 */
const AFTER_HOST = /@[A-Za-z0-9.-]{1,253}[:/]$/;

export const findWordedTokens: RecallDetector = (text, out) => {
  let after = 0; // a token already taken is not looked at again from the next word
  // The last run of token characters read, [runFrom, runEnd): a word inside it (a flood of `password:`,
  // each word inside the run its predecessor read a kilobyte of) reads its end from there, not again.
  let runFrom = -1;
  let runEnd = -1;
  for (const m of matchesAt(text, WORD, wordPlaces(text, WORD_LEADS))) {
    if (!isWordStart(text, m.index, m[0])) {
      continue;
    }
    const from = Math.max(m.index + m[0].length, after);
    let limit = from;
    while (limit < text.length && limit < from + REACH && text.charCodeAt(limit) !== 10) {
      limit++;
    }
    let i = from;
    while (i < limit) {
      // The next run of token characters that starts after a delimiter.
      if (!isDelimiter(text.charCodeAt(i - 1)) || isDelimiter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let end: number;
      if (i > runFrom && i < runEnd) {
        // Inside the last run: its characters up to `runEnd` are read already; a run cut at the bound reads on.
        end = runEnd - runFrom < RUN_MAX ? runEnd : tokenEnd(text, runEnd, i + RUN_MAX - runEnd);
      } else {
        end = tokenEnd(text, i, RUN_MAX);
      }
      [runFrom, runEnd] = [i, end];
      const memorable = end - i < MIN_TOKEN && MEMORABLE.test(text.slice(i, end).replace(/[.:=-]+$/, ''));
      if ((end - i >= MIN_TOKEN || memorable) && endsToken(text, end)) {
        const value = text.slice(i, end).replace(/[.:=-]+$/, '');
        // Upper-case hex is a key's fingerprint or id (`gpg --recv-keys <40 hex>`), not the key; a URL
        // (`… print-access-token)" https://…/executions/<uuid>`) is where a token is sent, and what a URL
        // itself holds (a password, a query key, a webhook path) is the URL detectors' to find.
        const fingerprint = /^[0-9A-F]+$/.test(value) || value.includes('://');
        // The name is judged last: a text of many credential words and no value stays cheap.
        if (
          (looksRandom(value) || memorable) &&
          !hasExampleShape(value) &&
          !UUID.test(value) &&
          !fingerprint &&
          !isElided(text, i, end) &&
          !ABOUT.test(text.slice(from, i)) &&
          !AFTER_HOST.test(text.slice(from, i)) &&
          standsApart(text, m.index, m.index + m[0].length)
        ) {
          out.push({ start: i, end: i + value.length, kind: 'token' });
          after = end;
        }
        break;
      }
      i = Math.max(end, i + 1);
    }
  }
};

/** Characters of a name around the word: `token_id`, `ssh_public_key`, `recv-keys`. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/**
 * Whether the word at [s, e) stands as prose or code around a value, not as a name given one: a name
 * followed by `=` or `:` is the named-literal detector's to judge, and a name that says its value is no
 * secret (`token_id`, `publicKey`, `recv-keys`) is left.
 */
function standsApart(text: string, s: number, e: number): boolean {
  let a = s;
  let b = e;
  while (a > 0 && s - a < 64 && isNameChar(text.charCodeAt(a - 1))) {
    a--;
  }
  while (b < text.length && b - e < 64 && isNameChar(text.charCodeAt(b))) {
    b++;
  }
  // The name from the word before the credential word on (`public_key`, `SiteKey`, `token_id`): words
  // further back are verbs and owners (`getBetterStackToken`), not what the value is.
  let p = s;
  if (p > a && (text[p - 1] === '_' || text[p - 1] === '-')) {
    p--;
  }
  if (p > a && /[a-z0-9]/.test(text[p - 1]!)) {
    while (p > a && /[a-z0-9]/.test(text[p - 1]!)) {
      p--;
    }
    p -= p > a && /[A-Z]/.test(text[p - 1]!) ? 1 : 0;
  } else {
    while (p > a && /[A-Z0-9]/.test(text[p - 1]!)) {
      p--;
    }
  }
  if (namesNoSecret(text.slice(p, b))) {
    return false;
  }
  let i = b;
  while (i < text.length && i - b < 4 && ' \t"\']'.includes(text[i]!)) {
    i++;
  }
  return text[i] !== '=' && text[i] !== ':';
}

/** What may stand before a value in prose or code: a space, a quote, `:`, `=`, `(`, `,`, `>` or `/` (`keys/<key>`). */
function isDelimiter(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 34 ||
    c === 39 ||
    c === 96 ||
    c === 58 ||
    c === 61 ||
    c === 40 ||
    c === 44 ||
    c === 62 ||
    c === 47
  );
}

/**
 * A line that is one long generated token and nothing else (`<131 characters>=`, a Vault batch token of
 * 200): no code, prose or data line is. Hex-only lines are digests, and base64 lines of a PEM or a
 * certificate body are 64 or 76 characters long, under the floor.
 */
const BARE_LINE = /^[ \t]{0,16}(["'`]?)([A-Za-z0-9+/=_.-]{100,4096})\1[ \t,;]{0,4}$/;

/** Shortest line that can hold such a token: most lines are shorter and are not read further. */
const MIN_LINE = 100;

export const findBareLongTokens: RecallDetector = (text, out) => {
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const m = end - start >= MIN_LINE ? BARE_LINE.exec(text.slice(start, end).replace(/\r$/, '')) : null;
    const value = m?.[2];
    // `NAME=<value>` is all token characters too: an `=` before the padding makes it an assignment.
    const assignment = value !== undefined && /=[^=]/.test(value);
    if (
      m &&
      value &&
      !assignment &&
      !/^[0-9a-f]+$/i.test(value) &&
      !/\/.*\//.test(value) &&
      looksRandom(value) &&
      !hasExampleShape(value)
    ) {
      const at = start + m[0].indexOf(value);
      out.push({ start: at, end: at + value.length, kind: 'token' });
    }
    start = end + 1;
  }
};
