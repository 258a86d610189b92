import { credentialKind } from './credentialName';
import { isCode, isSpace, lineEnd, pushLiteral } from './literalValue';
import { isCommandSubstitution } from './nonSecretForms';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { isCleanToken } from './tokenShape';
import { holdsWord, literalWords, mayHold, wordSet } from './wordIndex';

/**
 * Credentials in HTTP headers, wherever they are written: `Authorization: Basic …`, `Bearer …`,
 * `Token …` or a bare `Authorization: <token>` in a request dump, `-H 'Authorization: …'` on a curl line,
 * `{"Authorization": "…"}` or `setRequestHeader("Authorization", "…")` in code, and credential-named
 * headers (`X-Api-Key: …`) inside a `-H`/`--header` argument. The header and its scheme stay readable.
 */

/**
 * `Authorization` (or `Proxy-Authorization`), an optional closing quote, and its separator; a blank after a
 * server's directive that sets the header (Apache's `RequestHeader set Authorization "Basic …"`, nginx's
 * `proxy_set_header Authorization "Bearer …";`).
 */
const AUTHORIZATION =
  /\b(?:proxy-)?authorization(?:["'][ \t]{0,4}(?:[:,]|=>)|[ \t]{0,4}[:=]|(?<=(?:RequestHeader[ \t]{1,4}(?:set|append|add|merge|setifempty)|proxy_set_header|add_header|grpc_set_header|more_set_headers)[ \t]{1,4}["']?(?:proxy-)?authorization)[ \t]{1,8})[ \t]{0,8}(?:\[[ \t]{0,4})?(?:["'`][ \t]{0,4}|f["']|\$["'])?/gi;
/**
 * A server's directive that sets a header, and the header's name (group 1): nginx's `proxy_set_header
 * X-Api-Key …;`, Apache's `RequestHeader set X-Api-Key "…"`.
 */
const HEADER_DIRECTIVE =
  /\b(?:RequestHeader[ \t]{1,4}(?:set|append|add|merge|setifempty)|proxy_set_header|add_header|grpc_set_header)[ \t]{1,4}["']?([A-Za-z][\w-]{0,63})["']?[ \t]{1,8}["']?/g;

/** The scheme before the credential. */
const SCHEME =
  /(?:Basic|Bearer|Token|Digest|Negotiate|NTLM|OAuth|ApiKey|Api-Key|Key|SSWS|Splunk|GenieKey|JWT|Client-ID|AWS4-HMAC-SHA256|Hawk):?[ \t]{1,4}/iy;
/** A header inside a curl `-H`/`--header` argument. */
const HEADER_ARGUMENT =
  /(?<![\w-])(?:-H|--header)(?:=|[ \t]{1,8})["']?([A-Za-z][\w-]{0,63})[ \t]{0,4}:[ \t]{0,8}/g;
/** Headers whose value describes the request or traces it: a generated value there is no credential. */
const DESCRIPTIVE_HEADER =
  /^(?:content-|accept|if-|etag|x-request-id|x-correlation-id|x-trace|traceparent|tracestate|user-agent|host$|origin$|referer$|x-amz-date|x-amz-content)/i;
/**
 * `Bearer <token>` anywhere: a token of at least 16 characters after the word; or any value that makes up
 * a whole string literal with its scheme (`parse("Bearer …")`, `setValue("Bearer …", …)`, `'Token …'`), or
 * a string joined to the scheme's (`(str "Bearer " "…")`, `"Bearer " + "…"`).
 */
const BEARER =
  /\bBearer(?::?[ \t]{1,4}(?=[A-Za-z0-9._~+/-]{16})|[ ](?<=["'`]Bearer[ ])(?:(?=[^\s"'`]{4,512}["'`])|["'`][ \t]{0,4}\+?[ \t]{0,4}["'`](?=[^\s"'`]{4,512}["'`])))/g;
/** `Token <value>` making up a literal, a digit in the value (`'Token 9f86…'`; `"Token expired"` is a message). */
const TOKEN_LITERAL = /Token[ ](?<=["'`]Token[ ])(?=[^\s"'`]{0,511}\d)(?=[^\s"'`]{4,512}["'`])/g;

/** The word every `AUTHORIZATION` match spells, for the shared word search (the pattern ignores case). */
const AUTHORIZATION_WORDS = wordSet(['authorization']);

export const findAuthHeaders: RecallDetector = (text, out) => {
  const auth = new RegExp(AUTHORIZATION.source, 'gi');
  // Each pass is made only over a text that holds a text its matches must (`mayHold`, the shared word search):
  // led by `\b` and alternations of names, they were tried at every word (0.2 ms of 100 KB without one).
  for (
    let m = holdsWord(text, AUTHORIZATION_WORDS) ? auth.exec(text) : null;
    m !== null;
    m = auth.exec(text)
  ) {
    // `{"Authorization": token}`: a quoted header name with an unquoted value is code, not a credential.
    if (/authorization["']/i.test(m[0]) && !/(?:["'`][ \t]*|f["']|\$["'])$/.test(m[0])) {
      continue;
    }
    let at = auth.lastIndex;
    SCHEME.lastIndex = at;
    if (SCHEME.exec(text) !== null) {
      at = SCHEME.lastIndex;
    } else if (!/["'`]$/.test(m[0]) && isCode(bareRun(text, at))) {
      // `headers.authorization = function(e){…}`, `authorization = self.headers.get(…)`: code.
      continue;
    }
    // A list of values (`"Authorization": ["Basic …"]`, VCR's YAML `Authorization: [Bearer …]`) ends at its `]`.
    auth.lastIndex = Math.max(at, credential(text, at, 'auth-header', out, m[0].includes('[')));
  }
  const header = new RegExp(HEADER_ARGUMENT.source, 'g');
  for (let m = mayHold(text, HEADER_WORDS) ? header.exec(text) : null; m !== null; m = header.exec(text)) {
    const kind = credentialKind(m[1]!);
    if (kind !== undefined && !/authorization$/i.test(m[1]!)) {
      header.lastIndex = Math.max(header.lastIndex, credential(text, header.lastIndex, kind, out));
    } else if (kind === undefined && !DESCRIPTIVE_HEADER.test(m[1]!)) {
      generatedValue(text, header.lastIndex, out);
    }
  }
  const directive = new RegExp(HEADER_DIRECTIVE.source, 'g');
  for (
    let m = mayHold(text, DIRECTIVE_WORDS) ? directive.exec(text) : null;
    m !== null;
    m = directive.exec(text)
  ) {
    const kind = credentialKind(m[1]!);
    if (kind !== undefined && !/authorization$/i.test(m[1]!)) {
      directive.lastIndex = Math.max(directive.lastIndex, credential(text, directive.lastIndex, kind, out));
    }
  }
  for (const [re, words] of [
    [BEARER, BEARER_WORDS],
    [TOKEN_LITERAL, TOKEN_WORDS],
  ] as const) {
    const bearer = new RegExp(re.source, 'g');
    for (let m = mayHold(text, words) ? bearer.exec(text) : null; m !== null; m = bearer.exec(text)) {
      // Opened by a list's `[` (`[Bearer …]`): its `]` ends the value.
      const listed = /\[[ \t]{0,4}["'`]?[ \t]{0,4}$/.test(text.slice(Math.max(0, m.index - 12), m.index));
      bearer.lastIndex = Math.max(
        bearer.lastIndex,
        credential(text, bearer.lastIndex, 'auth-header', out, listed),
      );
    }
  }
  basicPairs(text, out);
};

/**
 * A Basic credential built in code before it is encoded: `btoa('admin:…')`, `Base64.getEncoder()
 * .encodeToString("admin:….getBytes())`, `Encoding.ASCII.GetBytes("svc:…")`, Go's `[]byte("admin:…")`,
 * Rust's `base64::encode("admin:…")`; HTTPie's `-a user:…`, reqwest's `.basic_auth("user", Some("…"))` and
 * Guzzle's `'auth' => ['user', '…']`. The password after the first `:` is hidden, the user stays.
 */
const ENCODED_PAIR =
  /(?:\b(?:btoa|b64encode|base64(?:::|\.)\w{0,24}|encodeToString|Encode(?:ToString)?|GetBytes|getBytes|Buffer\.from|Blob\.valueOf|encode)|\[\]byte)[ \t]{0,4}\([ \t]{0,4}\(?[ \t]{0,4}b?["'`][\w.@+-]{1,64}:(?=[^\s"'`:]{4,128}["'`])/g;
const PAIR_CALLS =
  /(?<![\w-])-a[ \t]{1,4}[\w.@+-]{1,64}:(?=[^\s"':]{4,128})|\.basic_auth[ \t]{0,4}\([ \t]{0,4}["'][^"'\n]{1,64}["'][ \t]{0,4},[ \t]{0,4}Some\([ \t]{0,4}(?=["'])|\.basic_auth[ \t]{1,4}["'][^"'\n]{1,64}["'][ \t]{0,4},[ \t]{0,4}(?=["'])|["']auth["'][ \t]{0,4}=>[ \t]{0,4}\[[ \t]{0,4}["'][^"'\n]{1,64}["'][ \t]{0,4},[ \t]{0,4}(?=["'])/g;

/**
 * A pair inside a base64 call whose password holds blanks (`b64encode(b"deploy:four word pass phrase")`,
 * hunt K class J) or a `:`: the password runs to the literal's closing quote. Only base64's own calls, where a
 * `user:` literal is a credential; `encode("Error: …")` or `getBytes("Note: …")` is a message.
 */
const SPACED_PAIR =
  /\b(?:btoa|b64encode|base64(?:::|\.)\w{0,24}|encodeToString)[ \t]{0,4}\([ \t]{0,4}\(?[ \t]{0,4}b?(["'`])[\w.@+-]{1,64}:(?=[^\s"'`:][^"'`\r\n]{2,126}[^\s"'`]\1)/g;

/** Words of which each pattern's every match holds one, for the shared word search (`literalWords`). */
/**
 * A credential a call joins to its scheme (R's `paste("Bearer", "…")`, .NET's `AuthenticationHeaderValue("Bearer",
 * "…")`); Clojure's `(str "Bearer " "…")` is `BEARER`'s. Led by the call's rare name, for the shared word search.
 */
const SCHEME_JOIN =
  /\b(?:paste0?|AuthenticationHeaderValue)[ \t]{0,4}\([ \t]{0,4}["'](?:Bearer|Basic|Token)[ ]?["'][ \t]{0,4},[ \t]{0,4}(?=["'])/g;
const SCHEME_WORDS = literalWords(SCHEME_JOIN);
const HEADER_WORDS = literalWords(HEADER_ARGUMENT);
const DIRECTIVE_WORDS = literalWords(HEADER_DIRECTIVE);
const BEARER_WORDS = literalWords(BEARER);
const TOKEN_WORDS = literalWords(TOKEN_LITERAL);
const SPACED_WORDS = literalWords(SPACED_PAIR);
const ENCODED_WORDS = literalWords(ENCODED_PAIR);
const PAIR_WORDS = literalWords(PAIR_CALLS);

function basicPairs(text: string, out: RecallSpan[]): void {
  for (const m of mayHold(text, SPACED_WORDS) ? text.matchAll(SPACED_PAIR) : []) {
    const at = m.index + m[0].length;
    const end = text.indexOf(m[1]!, at);
    const value = text.slice(at, end);
    // A passphrase: four words or more, or words with a digit or a sign (`see the manual` is prose). A
    // password with a `:` of its own (`ci:ab3:{x`), which `ENCODED_PAIR` reads no further than, too.
    const spaced = value.includes(' ');
    if (spaced ? /[^\sA-Za-z]/.test(value) || value.split(/\s+/).length >= 4 : value.includes(':')) {
      pushLiteral(text, { start: at, end, quoted: true }, 'password', false, out);
    }
  }
  for (const [re, words] of [
    [ENCODED_PAIR, ENCODED_WORDS],
    [PAIR_CALLS, PAIR_WORDS],
    [SCHEME_JOIN, SCHEME_WORDS],
  ] as const) {
    if (!mayHold(text, words)) {
      continue;
    }
    const pattern = new RegExp(re.source, 'g');
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      let at = pattern.lastIndex;
      const quote = text[at];
      const quoted = quote === '"' || quote === "'";
      if (quoted) {
        at++;
      }
      let end = at;
      while (end < text.length && end - at < 128 && !/[\s"'`]/.test(text[end]!)) {
        end++;
      }
      pushLiteral(text, { start: at, end, quoted }, 'password', !quoted, out);
    }
  }
}

/**
 * The value of a header with an ordinary name (`X-Octopus-ApiKey` spelled some other way, a vendor's
 * `X-<Product>-Token`): hidden when it reads as generated, a key or a UUID.
 */
function generatedValue(text: string, at: number, out: RecallSpan[]): void {
  const limit = lineEnd(text, at, 1024);
  let end = at;
  while (end < limit && !/[\s"'`]/.test(text[end]!)) {
    end++;
  }
  const value = text.slice(at, end);
  if (/^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value) || isCleanToken(value)) {
    out.push({ start: at, end, kind: 'auth-header' });
  }
}

/**
 * The credential at `at`: up to a quote, a space, a `<` or the line's end (a list's `]` too, `listed`). A Digest or AWS signature header
 * (`username="…", response="…"`) is hidden to the end of its line.
 */
function credential(text: string, at: number, kind: string, out: RecallSpan[], listed = false): number {
  const limit = lineEnd(text, at, 4096);
  let end = at;
  while (end < limit) {
    const c = text.charCodeAt(end);
    // A quote, a blank, markup's `<` (`<stringProp name="Header.value">Bearer …</stringProp>`: no header value
    // holds one), or a list's `]`.
    if (c === 34 || c === 39 || c === 96 || c === 60 || (listed && c === 93) || isSpace(c)) {
      break;
    }
    end++;
  }
  // `<API token>`, `{base64(user:password)}`: a template in docs, not a credential; `$(gcloud auth
  // print-access-token)`: a command the shell runs for it.
  if (text[at] === '<' || text[at] === '{' || isCommandSubstitution(text, at)) {
    return end;
  }
  if (end < limit && text[end - 1] === ',') {
    end = limit; // a parameter list (`Credential=…, SignedHeaders=…, Signature=…`) runs to the line's end
  } else if (end > at + 1 && text[end - 1] === ';') {
    end--; // nginx's directive ends at its `;` (`proxy_set_header X-Api-Key …;`)
  }
  // A header value is a literal whatever its shape (`eyJ….eyJ…` is no member chain).
  return pushLiteral(text, { start: at, end, quoted: true }, kind, true, out);
}

/** The run of characters at `at` up to a blank, a quote or the line's end (at most 256). */
function bareRun(text: string, at: number): string {
  const limit = lineEnd(text, at, 256);
  let end = at;
  while (end < limit && !/[\s"'`]/.test(text[end]!)) {
    end++;
  }
  return text.slice(at, end);
}
