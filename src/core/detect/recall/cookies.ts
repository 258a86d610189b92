import { lineEnd } from '../lineBounds';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { looksRandom } from './tokenShape';

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
  /\b(?:set-)?cookie[ \t]{0,4}:[ \t]{0,8}|(?<![\w-])(?:-b|--cookie)(?:=|[ \t]{1,8})["']?|\bdocument\.cookie[ \t]{0,4}=[ \t]{0,4}["'`]/gi;
/** One `name=value` pair and the blanks and `;` after it. */
const PAIR = /[ \t]{0,8}([^\s=;"'`,]{1,64})=([^\s;"'`]{0,4096})[ \t]{0,8};?/y;
/** Names of session and sign-in cookies. */
const SESSION_NAME = /sess|sid|auth|token|jwt|remember|login|identity|credential/i;
/** Anti-forgery cookies: a session's companion, no credential alone. */
const ANTI_FORGERY = /csrf|xsrf|antiforgery|requestverification/i;

export const findCookies: RecallDetector = (text, out) => {
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
      const named = SESSION_NAME.test(name) && value.length >= 8 && /\d/.test(value);
      const hidden = (named || looksRandom(value)) && !ANTI_FORGERY.test(name);
      if (hidden && !isPlaceholderValue(value) && !/^\$/.test(value)) {
        const start = text.indexOf(`=${value}`, at) + 1;
        out.push({ start, end: start + value.length, kind: 'token' });
      }
      at = PAIR.lastIndex;
    }
    cookies.lastIndex = Math.max(cookies.lastIndex, limit);
  }
};
