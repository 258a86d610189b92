import { lineEnd } from '../lineBounds';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { looksRandom } from './tokenShape';
import { holdsWord, wordSet } from './wordIndex';

/**
 * Session cookies: a `Cookie:` or `Set-Cookie:` header (a request dump, a curl `-H`), curl's `-b` and
 * `--cookie`, and `document.cookie = "…"`. A session cookie's value is the signed-in session itself, as good
 * as a password until it expires. A pair's value is hidden when its name says session, sign-in or token
 * (`sessionid`, `PHPSESSID`, `connect.sid`, `_gh_sess`, `remember_token`, `auth`) and it is 8 characters or
 * more with a digit (a session id is drawn; `sid=attacker` is a test's word), or when it reads as generated; attributes (`Path=/`, `Expires=…`) and settings (`lang=en`) stay, and
 * so do anti-forgery tokens (`csrftoken`), which grant nothing alone.
 */

/** Where a list of cookie pairs starts. */
const COOKIES =
  /\b(?:set-)?cookie(?:["']?[ \t]{0,4}[:=]|["'][ \t]{0,4},[ \t]{0,4}["']value["'][ \t]{0,4}:)[ \t]{0,8}["'`]?|(?<![\w-])(?:-b|--cookie)(?:=|[ \t]{1,8})["']?|\bdocument\.cookie[ \t]{0,4}=[ \t]{0,4}["'`]/gi;
/** One `name=value` pair and the blanks and `;` after it. */
const PAIR = /[ \t]{0,8}([^\s=;"'`,]{1,64})=([^\s;"'`]{0,4096})[ \t]{0,8};?/y;
/** Names of session and sign-in cookies. */
const SESSION_NAME = /sess|sid|auth|token|jwt|remember|login|identity|credential/i;
/** Anti-forgery cookies: a session's companion, no credential alone. */
const ANTI_FORGERY = /csrf|xsrf|antiforgery|requestverification/i;

/**
 * A cookie as a name and a value apart: a HAR's or a browser export's `{"name": "sessionid", "value": "…"}`,
 * PowerShell's `New-Object System.Net.Cookie("ASP.NET_SessionId", "…", …)`, Python's `cookies = {"sessionid":
 * "…"}`, and a Netscape cookie jar's line (domain, flag, path, secure, expiry, name, value; tabs between).
 */
const NAMED_COOKIES = [
  /["']name["'][ \t]{0,4}:[ \t]{0,4}["']([^"'\n]{1,64})["'][ \t]{0,4},[ \t]{0,4}["']value["'][ \t]{0,4}:[ \t]{0,4}["']([^"'\n]{1,4096})["']/g,
  /\bCookie[ \t]{0,4}\([ \t]{0,4}["']([^"'\n]{1,64})["'][ \t]{0,4},[ \t]{0,4}["']([^"'\n]{1,4096})["']/g,
  /\bcookies[ \t]{0,4}=[ \t]{0,4}\{[^}\n]{0,400}?["']([^"'\n]{1,64})["'][ \t]{0,4}:[ \t]{0,4}["']([^"'\n]{1,4096})["']/g,
  /\t(?:TRUE|FALSE)\t[^\t\n]{0,256}\t(?:TRUE|FALSE)\t\d{1,12}\t([^\t\n]{1,64})\t([^\t\r\n]{1,4096})/g,
];

/**
 * A word a cookie's record holds (a HAR's `cookies`, a browser export's `httpOnly`, `System.Net.Cookie`),
 * found by the shared word search (a regex of its own over the text cost 0.09 ms per 100 KB).
 */
const COOKIE_WORDS = wordSet(['cookie', 'httponly']);

/** Whether a cookie's value is hidden: a session's named value, or a generated one, never an anti-forgery one. */
function sessionValue(name: string, value: string): boolean {
  const named = SESSION_NAME.test(name) && value.length >= 8 && /\d/.test(value);
  return (
    (named || looksRandom(value)) &&
    !ANTI_FORGERY.test(name) &&
    !isPlaceholderValue(value) &&
    !/^\$/.test(value)
  );
}

export const findCookies: RecallDetector = (text, out) => {
  // Each form holds a word a text without cookies seldom holds: read only where one is.
  const jar = text.includes('\tTRUE\t') || text.includes('\tFALSE\t');
  const named = holdsWord(text, COOKIE_WORDS);
  for (const re of NAMED_COOKIES) {
    if (!(re === NAMED_COOKIES[3] ? jar : named)) {
      continue;
    }
    for (const m of text.matchAll(re)) {
      if (sessionValue(m[1]!, m[2]!)) {
        const end = m.index + m[0].length - (re.source.startsWith('\\t') ? 0 : 1);
        out.push({ start: end - m[2]!.length, end, kind: 'token' });
      }
    }
  }
  // Every form but curl's `-b` spells `cookie`: without the word or a `-b`, no list starts (the alternation,
  // led by `\b`, was tried at every word: 40-50 µs of 100 KB of code).
  if (!named && !text.includes('-b') && !text.includes('-B')) {
    return;
  }
  const cookies = new RegExp(COOKIES.source, 'gi');
  for (let m = cookies.exec(text); m !== null; m = cookies.exec(text)) {
    const limit = lineEnd(text, cookies.lastIndex, 8192);
    for (let at = cookies.lastIndex; at < limit;) {
      PAIR.lastIndex = at;
      const pair = PAIR.exec(text);
      if (pair === null || PAIR.lastIndex > limit) {
        break;
      }
      const [name, value] = [pair[1]!, pair[2]!];
      if (sessionValue(name, value)) {
        const start = text.indexOf(`=${value}`, at) + 1;
        out.push({ start, end: start + value.length, kind: 'token' });
      }
      at = PAIR.lastIndex;
    }
    cookies.lastIndex = Math.max(cookies.lastIndex, limit);
  }
};
