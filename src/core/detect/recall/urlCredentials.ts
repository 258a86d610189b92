import { credentialKind } from './credentialName';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * Credentials in URLs, for any scheme: the userinfo password (`postgresql://u:p@ss/w#rd@host`, where the
 * last `@` before the host ends it), a token used as userinfo (`https://<token>@github.com`,
 * `https://x-access-token:<token>@…`), credential query parameters (`?api_key=`, `&key=`, `access_token=`,
 * `X-Amz-Signature=`), and the password of a URL-encoded URL inside a parameter (`?dsn=postgres%3A%2F%2F…`).
 * The scheme, user and host stay readable.
 */

/** How far after `://` the authority is read. */
const MAX_AUTHORITY = 1024;
/**
 * Query parameters that hold a credential whatever `credentialKind` says of their name; `appid` is the API key
 * of OpenWeatherMap's, WolframAlpha's and Yahoo's APIs (`&appid=…`).
 */
const QUERY_NAMES = new Set([
  'key',
  'appid',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
  'jwt',
  'code',
  'session',
  'sessionid',
  'session_id',
]);
/**
 * A query parameter: after `?` or `&` (or `&amp;`) that follows a URL character or a template's `}`
 * (`?q=${city}&appid=…`), never after `;` (code), or inside another's value (`?state=api_key=…`, what a
 * decoded view of `state=api_key%3D…` reads). The character before is looked at once the `?` or `&` is
 * found: looked at first, it was tried at every position of the text.
 */
const QUERY =
  /(?:\?(?<=[\w/.%=}-]\?)|&(?<=[\w/.%=}-]&)(?:amp;)?|=(?<=[?&][A-Za-z][\w.[\]-]{0,63}=))([A-Za-z][\w.[\]-]{0,63})=(?=[^&#\s"'<>;])/g;
const ENCODED_SCHEME = /%3A%2F%2F/gi;
/**
 * A query value that is itself a URL-encoded URL with userinfo (`?dsn=postgres%3A%2F%2Fapp%3Apw%40db…`):
 * hidden whole, since user, host and database name travel with the password and name the target.
 */
const ENCODED_DSN =
  /[a-z][a-z0-9+.-]{1,30}%3A%2F%2F[^&#\s%]{0,256}(?:%(?!40)[0-9a-f]{2}[^&#\s%]{0,256}){0,16}%40/iy;
/** What follows a `'` that closes a string rather than sits in a password: a blank, a separator, the end. */
const QUOTE_CLOSES = /^(?:$|[\s,;)\]}"'])/;
/** `?name=` after a host (`@db?sslmode=require`): a query, whose `@`s (`?to=a@b.org`) end no userinfo. */
const QUERY_AFTER_HOST = /^\?[\w.[\]-]{1,64}=/;
const AUTHORITY_STOPS = ' \t\r\n"\'`<>\\';
/** 1 at the char codes of `AUTHORITY_STOPS`: read per character of every authority. */
const STOP_CODES = new Uint8Array(128);
for (const c of AUTHORITY_STOPS) {
  STOP_CODES[c.charCodeAt(0)] = 1;
}

export const findUrlCredentials: RecallDetector = (text, out) => {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    userinfo(text, at + 3, out);
  }
  const encoded = new RegExp(ENCODED_SCHEME.source, 'gi');
  for (let m = encoded.exec(text); m !== null; m = encoded.exec(text)) {
    encoded.lastIndex = Math.max(encoded.lastIndex, encodedUserinfo(text, encoded.lastIndex, out));
  }
  const query = new RegExp(QUERY.source, 'g');
  // Every match has a `?` or an `&` (its own, or before its name when led by `=`): a text without either,
  // most code, is not searched, where each `=` cost a look back of up to 64 characters.
  const queries = text.includes('?') || text.includes('&');
  for (let m = queries ? query.exec(text) : null; m !== null; m = query.exec(text)) {
    const name = m[1]!;
    const start = query.lastIndex;
    const named = QUERY_NAMES.has(name.toLowerCase()) || credentialKind(name) !== undefined;
    ENCODED_DSN.lastIndex = start;
    if (!named && !ENCODED_DSN.test(text)) {
      query.lastIndex = start - 1; // its `=` may lead a parameter inside the value
      continue;
    }
    const end = queryValueEnd(text, start);
    const value = text.slice(start, end);
    // `?access_token=ACCESS_TOKEN`: a parameter's name in capitals stands for its value in API docs.
    // `t.privateKeyLoc===null` in minified code: a comparison, not a parameter.
    if (!isPlaceholderValue(value) && !/^[:{=]/.test(value) && !/^[A-Z]+(?:_[A-Z]+)+$/.test(value)) {
      out.push({ start, end, kind: 'query-credential' });
    }
    query.lastIndex = end;
  }
};

/**
 * The userinfo of the URL whose authority starts at `from`, if it has one. One pass, stopping at the
 * next `://`, so that the authorities read never overlap.
 *
 * People paste passwords unencoded (`postgres://app:Summer2023?@db`, `https://bob:pa'ss@host`): after the
 * userinfo's `:` and before any `/`, a `?` or `#` does not start a query or a fragment, and a `'` does not
 * end the URL unless a `'` opened it. The last `@` before a host still ends the password.
 */
function userinfo(text: string, from: number, out: RecallSpan[]): void {
  const limit = Math.min(text.length, from + MAX_AUTHORITY);
  const quotedBy = openingChar(text, from - 3);
  let colon = -1;
  let slash = -1;
  let query = false;
  let sep = -1;
  for (let i = from; i < limit; i++) {
    const code = text.charCodeAt(i);
    const inPassword = colon !== -1 && slash === -1 && !query;
    // Once an `@` has ended a userinfo, a `'` that closes the string (`…@host',`) ends the URL.
    if (
      code === 39 /* ' */ &&
      inPassword &&
      quotedBy !== "'" &&
      (sep === -1 || !QUOTE_CLOSES.test(text.slice(i + 1, i + 2)))
    ) {
      continue;
    }
    if ((code < 128 && STOP_CODES[code] === 1) || (code === 58 && text.startsWith('//', i + 1))) {
      break;
    }
    if (code === 64 /* @ */) {
      // The last `@` that ends a plausible userinfo: no `?` or `&` before it, and a `:` before any `/`.
      if (
        !query &&
        i > from &&
        (slash === -1 || (colon !== -1 && colon < slash)) &&
        startsHost(text, i + 1, limit)
      ) {
        sep = i;
      }
    } else if (code === 58 /* : */ && colon === -1) {
      colon = i;
    } else if (code === 47 /* / */ && slash === -1) {
      slash = i;
    } else if (
      (code === 63 /* ? */ &&
        (!inPassword || (sep !== -1 && QUERY_AFTER_HOST.test(text.slice(i, i + 66))))) ||
      (code === 38 /* & */ && colon === -1)
    ) {
      // After the userinfo's `:`, an `&` is the password's (`user:passw0rD1&@host`, semgrep's case).
      query = true;
    }
  }
  if (sep === -1) {
    return;
  }
  const userEnd = colon !== -1 && colon < sep ? colon : sep;
  const user = text.slice(from, userEnd);
  if (userEnd < sep) {
    const password = text.slice(userEnd + 1, sep);
    // `host:4443/path@sha256:…` (an image and its digest), `localhost:3000?to=a@b.org`: a port, no password.
    if (
      password.length > 0 &&
      !isPlaceholderValue(password) &&
      !/^x-oauth-basic$/i.test(password) &&
      !/^\d{1,5}[/?#']/.test(password)
    ) {
      out.push({ start: userEnd + 1, end: sep, kind: 'url-password' });
    }
  }
  if (isTokenLike(user)) {
    out.push({ start: from, end: userEnd, kind: 'url-token' });
  }
}

/** The character before the scheme that ends at `schemeEnd` (a quote that opened the URL, say), or ''. */
function openingChar(text: string, schemeEnd: number): string {
  let i = schemeEnd;
  while (i > 0 && schemeEnd - i < 32 && /[A-Za-z0-9+.-]/.test(text[i - 1]!)) {
    i--;
  }
  return i > 0 ? text[i - 1]! : '';
}

/**
 * A host filled in by code or a template: `{host}`, `${host}`, `#{host}`, `{{ .Values.db.host }}`, `%s`,
 * `$host`, or the string closed right after the `@` and the host joined on (`"…@" + host`).
 */
const TEMPLATE_HOST =
  /^(?:\{\{[^{}\n]{1,80}\}\}|[$#]?\{[^{}\n]{1,80}\}|%[sd]|%\([A-Za-z_]\w{0,40}\)s|\$[A-Za-z_]\w{0,40}|["'`][ \t]{0,4}(?:\+|\.(?![\w])|\|\||&(?![\w]))[ \t]{0,4}[A-Za-z_$(])/;

/**
 * A host name or an IP literal, then a port, a path, a query, or the URL's end: a space, a quote, a
 * bracket, or prose in another script (`https://u:p@example.comはBasic`). Or a template (`TEMPLATE_HOST`).
 */
function startsHost(text: string, at: number, stop: number): boolean {
  if (TEMPLATE_HOST.test(text.slice(at, at + 96))) {
    return true;
  }
  let i = at;
  while (i < stop && /[A-Za-z0-9.\-[\]_]/.test(text[i]!)) {
    i++;
  }
  return i > at && (i === stop || /[:/?#,;)\s"'`<>\\]/.test(text[i]!) || text.charCodeAt(i) > 127);
}

/** A user name that is a token: long, or mixing letters and digits over 16 characters. */
function isTokenLike(user: string): boolean {
  if (isPlaceholderValue(user)) {
    return false;
  }
  return user.length >= 30 || (user.length >= 16 && /\d/.test(user) && /[A-Za-z]/.test(user));
}

/** `postgres%3A%2F%2Fu%3Apw%40h`: the password between the first `%3A` and the last `%40`. */
function encodedUserinfo(text: string, from: number, out: RecallSpan[]): number {
  const stop = scanUntil(text, from, '&# \t\r\n"\'<>', MAX_AUTHORITY);
  const lower = text.slice(from, stop).toLowerCase();
  const at = lower.lastIndexOf('%40');
  const slash = lower.indexOf('%2f');
  const colon = lower.indexOf('%3a');
  if (at === -1 || colon === -1 || colon + 3 >= at || (slash !== -1 && slash < colon)) {
    return stop;
  }
  const password = text.slice(from + colon + 3, from + at);
  if (!isPlaceholderValue(decodeSafely(password))) {
    out.push({ start: from + colon + 3, end: from + at, kind: 'url-password' });
  }
  return stop;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * What may follow a `)` or `'` inside a query value: more of an encoded value. `encodeURIComponent`,
 * `URLSearchParams` and many HTTP clients leave `!'()*` raw, so a password holding `)` or `'` is sent as
 * `pw=ab)c%3Bd'e` (hunt K, class F); a `)` or `'` that closes a call, a link or a string has a blank, a
 * separator, a quote, a `.` (`'…'.replace(`) or the text's end after it.
 */
const VALUE_GOES_ON = /[)']{1,8}(?=[\w%~!*(-])/y;

/** Where the query value that starts at `from` ends: at a separator, or a `)` or `'` that closes it. */
function queryValueEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 4096);
  let end = scanUntil(text, from, VALUE_STOPS, limit - from);
  for (;;) {
    VALUE_GOES_ON.lastIndex = end;
    if (end >= limit || !VALUE_GOES_ON.test(text)) {
      return end;
    }
    end = scanUntil(text, VALUE_GOES_ON.lastIndex, VALUE_STOPS, limit - VALUE_GOES_ON.lastIndex);
  }
}

const VALUE_STOPS = '&#"\'<>;) \t\r\n`';

/** The first offset from `from` holding one of `stops`, at most `max` characters on. */
function scanUntil(text: string, from: number, stops: string, max: number): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && !stops.includes(text[i]!)) {
    i++;
  }
  return i;
}
