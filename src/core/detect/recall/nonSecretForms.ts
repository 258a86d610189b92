/**
 * Forms a value takes that hold no credential whatever its characters: shell expansions (`$USER:$PASS`,
 * `$(gcloud auth print-access-token)`, `` `etcdctl get /app/secret` ``), a bracketed placeholder
 * (`<user:password>`, `[PASSWORD]`), a prefix whose body says the
 * value is not real (`sk-lf-invalid`), and a documentation body that repeats one short unit to its end
 * (`GR1348941` + `123123123…`). The redact tier hides on shape; these are shapes of something else.
 */

import { UNSPOKEN, looksRandom } from './tokenShape';

/** One shell variable or positional parameter: `$1`, `$API_TOKEN`, `${password}`. */
const SHELL_VARIABLE = String.raw`\$(?:\d|[A-Za-z_]\w{0,63}|\{[^}]{1,64}\})`;
/** Nothing but shell variables, one or several run together (`$USER$PASS` once literals are joined). */
const SHELL_REFERENCES = new RegExp(`^(?:${SHELL_VARIABLE}){1,8}$`);

/** Whether `value` is only shell variable references: the shell expands it, and no literal is there. */
export function isShellReference(value: string): boolean {
  return SHELL_REFERENCES.test(value);
}

/**
 * Whether the value starting at `at` is a command substitution: `$(…)`, or a backtick-quoted command
 * (`` `etcdctl get /app/secret` ``, `` `vault read -field=value kv/x` ``). A backticked value is a command
 * only when a word is followed by a flag or a path: a passphrase in inline code (`` `my three words` ``)
 * is not.
 */
export function isCommandSubstitution(text: string, at: number): boolean {
  if (text.startsWith('$(', at)) {
    return true;
  }
  if (text[at] !== '`') {
    return false;
  }
  const close = text.indexOf('`', at + 1);
  if (close === -1 || close - at > 256) {
    return false;
  }
  const words = text
    .slice(at + 1, close)
    .trim()
    .split(/[ \t]+/);
  return (
    words.length >= 2 &&
    /^[a-z][\w.-]{0,40}$/.test(words[0]!) &&
    words.slice(1).some((w) => /^-{1,2}[A-Za-z]/.test(w) || w.includes('/'))
  );
}

/**
 * A placeholder written between angle or square brackets, as docs write them: `<user:password>`,
 * `<token>`, `[PASSWORD]`. Word characters (and `:`, `.`, `-`) only, and nothing generated inside: a
 * password that opens with a bracket does not also close with its twin. Braces are left out: docs wrap
 * real values in them too (`--user "{<key id>}":"{<secret>}"`).
 */
export function isBracketedPlaceholder(value: string): boolean {
  return /^(?:<[\w:. -]{1,60}>|\[[\w:. -]{1,60}\])$/.test(value) && !looksRandom(value.slice(1, -1));
}

/**
 * A file name: one run without a dot, then a short extension (`api_org_1915…_ef02.json`, a test fixture
 * named after the shape it holds). No provider's token ends in a dot and two to four lower-case letters.
 */
export function isFileName(value: string): boolean {
  return /^[^./\s]{8,256}\.[a-z][a-z0-9]{1,3}$/.test(value);
}

/** Words that, as a value's body, say it is not a real one: `sk-lf-invalid`, `ghp_fake`, `key-dummy`. */
const NOT_REAL_BODIES = new Set(['invalid', 'fake', 'dummy', 'bogus', 'wrong', 'placeholder', 'redacted']);

/**
 * Whether `value` is a short prefix (pieces of four characters or fewer, as `sk-lf-`, `sk_test_`) and a
 * word that says the value is not real. A real key's body is generated, and no generated body is one of these words.
 */
export function hasNotRealBody(value: string): boolean {
  const pieces = value.toLowerCase().split(/[-_.]/);
  if (pieces.length < 2 || pieces.length > 5) {
    return false;
  }
  let word = false;
  for (const p of pieces) {
    if (NOT_REAL_BODIES.has(p)) {
      word = true;
    } else if (p.length > 4) {
      return false;
    }
  }
  return word;
}

/**
 * Whether the last 12 characters or more of `body` repeat one unit of two to four characters
 * (`…123123123123`, `…abababab…`): a documentation sample filling a format, which no generator writes.
 */
export function repeatsToEnd(body: string): boolean {
  // One character over and over (`AAAA…`, zero bytes in base64) is left to the callers' own run checks.
  if (/^(.)\1*$/.test(body.slice(-12))) {
    return false;
  }
  for (let unit = 2; unit <= 4; unit++) {
    let run = 0;
    for (let i = body.length - 1 - unit; i >= 0 && body[i] === body[i + unit]; i--) {
      run++;
    }
    if (run + unit >= 12) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the run of token characters `[start, end)` is shown cut short: it ends in `...` or an ellipsis
 * follows it (`ops_eyJzaWduSW5B...`, `sk-proj-4f…`). Docs and CLI output print the head of a token that
 * way; the rest of it is not there to hide.
 */
export function isElided(text: string, start: number, end: number): boolean {
  return (end - start > 3 && text.startsWith('...', end - 3)) || text[end] === '\u2026';
}

/** Lower-case letters and digits of `s`: how a name and a value are compared whatever their case style. */
function folded(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Whether `value` spells (part of) the name it is given to in another case style: a constant that names
 * itself (`REFRESH_TOKEN = "refresh_token"`, `strParentContextKey = "ParentContextKey"`,
 * `PASSWORD_TOO_WEAK = "password_too_weak"`, `ACQUIRE_TOKEN_START: "msal:acquireTokenStart"`): a key,
 * an event or an error code. Two words at least, no digit, unless the value is the whole name
 * (`passphrase = "passphrase"`); `password = "hunter_password"` and `apiKey = "apiKey1"` stay literals.
 */
export function spellsItsName(name: string, value: string): boolean {
  if (!/^[A-Za-z][A-Za-z_ .:/-]{3,127}$/.test(value)) {
    return false;
  }
  // The whole name again, one word or more (`<passphrase>passphrase</passphrase>`, Earlybird's negative): a
  // slot that says what goes there. Hidden, its every copy went too, the element's tags included.
  if (folded(value) === folded(name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1))) {
    return true;
  }
  // An ARN or a path that ends with the name (`arn:aws:iam::aws:policy/IAMUserChangePassword`): its last part.
  const tail = value.slice(Math.max(value.lastIndexOf(':'), value.lastIndexOf('/')) + 1);
  const words = tail.split(/[_ .-]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length > 0);
  const body = folded(tail);
  return words.length >= 2 && body.length >= 6 && folded(name).includes(body);
}

/**
 * Whether `value` is a word or words of code (`punctuator`, `link_close`, `get-yargs-completions`):
 * letters only, each word with a vowel and pronounceable, vowels three letters in ten at least, and no
 * credential word. Said of a value given to a plain key (`completionKey`, `ariaKey`), which is a name
 * there; a password, a token or an API key may be a word in a test and is not asked.
 */
export function isWordsOfCode(value: string): boolean {
  if (
    !/^[A-Za-z]{3,40}(?:[_-][A-Za-z]{2,40}){0,3}$/.test(value) ||
    /[A-Z]{2}/.test(value) ||
    // `mysecrettoken`, `supersecret`: a fake credential, which a test still means as one.
    /pass|pwd|secret|token|key|auth|cred/i.test(value)
  ) {
    return false;
  }
  // Vowels three letters in ten at least: `abcd-efgh-ijkl` is a sample's alphabet, not words.
  const letters = value.replace(/[_-]/g, '');
  return (
    letters.replace(/[^aeiouy]/gi, '').length * 10 >= letters.length * 3 &&
    value.split(/[_-]|(?<=[a-z])(?=[A-Z])/).every((w) => /[aeiouy]/i.test(w) && !UNSPOKEN.test(w))
  );
}

/**
 * A template's slot: `${…}` (one level of nesting), `{0}`, `{name}`, `{ name }`, Jinja's and Go's
 * `{{ password }}` and `{{ .Values.password }}`, `%s`, `%(name)s`.
 */
const SLOT =
  /\$\{(?:[^{}]|\{[^{}]*\}){1,200}\}|\{\{[ \t]{0,4}[\w.]{1,60}[ \t]{0,4}\}\}|\{[ \t]{0,4}\w{0,40}[ \t]{0,4}\}|%(?:\(\w{1,40}\))?[sdr]/g;

/**
 * Whether `value` is slots of a template and the punctuation between them, nothing literal:
 * `${r.username||""}:${r.password||""}`, `{0}:{1}`, `%s:%s`. The slots are filled by code.
 */
export function isSlotsOnly(value: string): boolean {
  const rest = value.replace(SLOT, '');
  return rest.length < value.length && !/[A-Za-z0-9]/.test(rest);
}

/**
 * A sentence: words with a space between them (or in a script written without), ending in one full stop,
 * question or exclamation mark (`"Token inesperado."`, `"予期しないトークンです。"`, `"Unexpected token."`):
 * a message in any language, translated or logged. Letters are most of it; a passphrase rarely ends so.
 */
export function isSentence(value: string): boolean {
  if (
    !/[\p{L}][.?!\u3002\uff1f\uff01]$/u.test(value) ||
    !/[ \u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(value.slice(0, -1))
  ) {
    return false;
  }
  const letters = value.replace(/[^\p{L}]/gu, '').length;
  return letters * 10 >= value.length * 7 && !value.split(' ').some((w) => looksRandom(w));
}

/** A sentence about a credential (`Password must be at least 12 characters`), not a passphrase. */
export function isProse(value: string): boolean {
  let spaces = 0;
  for (let i = 0; i < value.length && spaces < 3; i++) {
    if (value.charCodeAt(i) === 32) {
      spaces++;
    }
  }
  return (
    (spaces >= 3 && /\b(?:password|passphrase|token|secret|key|credentials?)\b/i.test(value)) ||
    isSentence(value)
  );
}
