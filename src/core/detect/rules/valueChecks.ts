import { fingerprintOf } from '../finding';
import { writtenByPerson } from '../wordCase';
import { decodeBareBase64 } from './base64Text';

/**
 * Checks on a candidate value, shared by the context, connection-string, token and generic rules. The
 * engine suppresses the common placeholders for every rule; these go further where a rule sees values
 * that are not self-identifying (passwords, decoded headers), so they must stay cheap and pure.
 */

/** Words that mark a value as an example, a placeholder or a redaction rather than a live secret. */
const PLACEHOLDER =
  /(?:your|example|sample|dummy|placeholder|change[_.-]?me|changeit|redacted|replace[_.-]?(?:me|with|this)|insert[_.-]|fixme|todo|xxxx|\*\*\*|\.\.\.|lorem|ipsum|foobar|notreal|not[_.-]real|fake[_.-]?(?:key|token|secret|pass))/gi;

/** References to a value held elsewhere: environment, templates, interpolation, secret stores. */
const REFERENCE =
  /^\{[\w.]{1,64}\}$|\$\{|\$\(|\{\{|\}\}|<%|%>|#\{|@\{|^\$[A-Za-z_]|^%[A-Za-z_(]|%[A-Za-z_]+%|(?<![A-Za-z0-9_])(?:process\.env|import\.meta\.env|os\.environ|getenv|ENV\[|System\.getenv|Environment\.GetEnvironmentVariable)|^!vault|^ENC[[(]|^vault:|^arn:aws:|^secret(?:s)?(?:manager)?:|^op:\/\/|^sm:\/\/|^ref\+/;

/** Values that are words of the language or configuration keywords, never secrets. */
const KEYWORD_VALUES = new Set([
  'true',
  'false',
  'null',
  'nil',
  'none',
  'undefined',
  'empty',
  'string',
  'str',
  'int',
  'number',
  'bool',
  'boolean',
  'object',
  'any',
  'required',
  'optional',
  'secret',
  'secrets',
  'password',
  'passwd',
  'token',
  'key',
  'value',
  'default',
  'hidden',
  'masked',
  'unset',
  'disabled',
  'enabled',
  'auto',
  // A label: Vim's netrw help documents a netrc line with the word `path` where the password goes.
  'path',
]);

/** Stems of the passwords people put in tutorials, fixtures and default configs. */
const DEFAULT_STEMS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'test',
  'testing',
  'tester',
  'changeme',
  'admin',
  'administrator',
  'root',
  'toor',
  'user',
  'username',
  'guest',
  'demo',
  'example',
  'sample',
  'dummy',
  'default',
  'qwerty',
  'letmein',
  'welcome',
  'mypassword',
  'yourpassword',
  'mysecretpassword',
  'mysecret',
  'supersecret',
  'topsecret',
  'foo',
  'bar',
  'foobar',
  'abc',
  'abcdef',
  'xyz',
  'xyzzy',
  // Anonymous FTP's password by convention (`anonymous@`, Perl's `-anonymous@`).
  'anonymous',
  'dev',
  'local',
  'postgres',
  'mysql',
  'redis',
  'rabbit',
  'guest',
  'mongo',
  'sa',
  'pa',
  'db',
  'dbpassword',
  'dbpass',
  'temp',
  'tmp',
  'fake',
  'none',
  'null',
  'pass',
  'passw',
  'passphrase',
  'hunter',
  'tiger',
  'scott',
  'iloveyou',
  'dragon',
]);

/**
 * sha256 of credentials printed in specifications and vendor docs, which code and docs quote as
 * examples: RFC 6749's access, refresh and code values and its client `s6BhdRkqt3:gX1fBat3bV` (plain
 * and as Basic), RFC 5849's OAuth 1 tokens and secrets (its section 3.1 token too, which oauthlib's
 * docstrings quote), requests-oauthlib's docstring token and secrets, and the Kubernetes Secret docs' passwords.
 * Stored as hashes so the repository holds none of them, each beside its value's length: a value of
 * another length is never hashed (the report tier asks this of every candidate; hashing them all was
 * 10 ms of the bench tree's whole scan, and loaded node:crypto in every `scan`).
 */
const DOCUMENTED = byLength([
  [22, '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c'],
  [22, '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32'],
  [22, 'a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f'],
  [28, 'ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981'],
  [21, '3e545ee08a590a6bb0ef9b1b5df39c4a6b28a5ccf276d74ebf637743552ddd73'],
  [10, '53f5da0aaa93d64cd5772c554cbf940f0539e689dddbeb8f923eec3f72c02ea9'],
  [16, '9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42'],
  [16, 'cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53'],
  [16, '649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595'],
  [16, '4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb'],
  [16, 'bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72'],
  [12, 'b87dad10a32a2d81aa2e36e31e258b36ac0c3b07d1c1d5837185e206e17e3a06'],
  [12, '13fe7a38a57c46053ee3a4716358619ff37ebc5674976f1a09fc189be5a3e5dd'],
  [12, '28d296be3bf525f09d97eb59dee8b3fd1d69b85b6bc085752c653a51ccdd0a53'],
  [16, '2ff8b0fb93aca981c78f1e94355c298c23435461f1072ef4674848e620371787'],
  [16, '131a6c00534ce4fa3bd9a424e9055541a3a647ea2f39875b50f39f9b56e81235'],
  [19, 'b55c3eb087132236aa6012e11ff722ef3907af6025ad7304425f7bcdf722098c'],
  [13, 'a736c93726870741b1115f7bec939b9b00f5a814dedb2819f2818eb657f5acf4'],
]);

/** The hashes of `entries` (length, sha256 hex) by their value's length. */
function byLength(entries: readonly (readonly [number, string])[]): ReadonlyMap<number, ReadonlySet<string>> {
  const out = new Map<number, Set<string>>();
  for (const [length, sha256] of entries) {
    (out.get(length) ?? out.set(length, new Set()).get(length)!).add(sha256);
  }
  return out;
}

/** Whether `value` is one of the documented credentials (see `DOCUMENTED`). */
export function isDocumentedCredential(value: string): boolean {
  const hashes = DOCUMENTED.get(value.length);
  return hashes !== undefined && hashes.has(fingerprintOf(value));
}

/**
 * A placeholder word as a person writes it: `your`, `YOUR`, `Your`, `notReal`, `FAKE_KEY`. The same
 * letters in mixed case (`YoUR`, `xxXx`) turn up inside random keys, about one in 30,000 for `your`.
 */
function placeholderWord(value: string): boolean {
  // A placeholder is short. In a long encoded value (a base64 key file of 1,700 characters) one of these
  // words turns up by chance about one time in 400.
  if (value.length > 256) {
    return false;
  }
  for (const m of value.matchAll(PLACEHOLDER)) {
    // Humps only where the entry has two words (`changeMe`, `notReal`, `fakeKey`), not in `DuMmy`.
    const first = /^(?:change|replace|insert|not|fake)/i.exec(m[0])?.[0].length;
    if (writtenByPerson(m[0], first)) {
      return true;
    }
  }
  return false;
}

/** True when `value` reads as a placeholder, an example or a redaction. */
export function isPlaceholder(value: string): boolean {
  return (
    placeholderWord(value) ||
    /^(.)\1+$/.test(value) ||
    // One bracketed label (`<your-key>`, `[API_KEY]`, `(required)`): a pair that matches around words,
    // not a generated value that happens to open and close on brackets (a Django key's `(…)…)`).
    /^(?:<[\w\s.,:/|'"-]*>|\[[\w\s.,:/|'"-]*\]|\([\w\s.,:/|'"-]*\))$/.test(value) ||
    isDocumentedCredential(value)
  );
}

/** True when `value` refers to a secret held elsewhere (environment variable, template, secret store). */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** True when `value` is a language keyword, a type name or a field label rather than data. */
export function isKeywordValue(value: string): boolean {
  return KEYWORD_VALUES.has(value.toLowerCase());
}

/**
 * True for the passwords of tutorials and default configs: once leetspeak is undone and digits and
 * punctuation are dropped, what is left is a stock word (`P@ssw0rd!`, `admin123`, `changeme`).
 */
export function isDefaultPassword(value: string): boolean {
  const plain = stemOf(value);
  if (plain.length === 0) {
    return true;
  }
  // A trailing run of digits and punctuation is a suffix (`admin123!`), not leetspeak.
  const candidates = [plain, stemOf(unleet(value.replace(/[^A-Za-z]+$/, ''))), stemOf(unleet(value))];
  return candidates.some(
    (stem) =>
      DEFAULT_STEMS.has(stem) ||
      DEFAULT_STEMS.has(trimAffixes(stem)) ||
      DEFAULT_STEMS.has(repeatedUnit(stem)),
  );
}

/** The word a stem repeats (`testtesttest` -> `test`, from boto's `testtestt3st`), or the stem itself. */
function repeatedUnit(stem: string): string {
  return /^([a-z]{2,12}?)\1+$/.exec(stem)?.[1] ?? stem;
}

/** A stock word dressed up: `my…`, `your…`, `super…` in front, `…pw`, `…pass`, `…secret` behind (`redispw`, `myadminpass`). */
function trimAffixes(stem: string): string {
  const core = stem
    .replace(/^(?:my|your|the|super|top)/, '')
    .replace(/(?:pw|pwd|pass|passwd|password|secret|key)$/, '');
  return core.length === 0 ? 'pass' : core;
}

/**
 * True when `value` names a credential rather than being one, also once leetspeak is undone: a value
 * that says `token`, `secret`, `s3cr3t`, `p4ssw0rd` or `PrivateKey` (a type: `PKCS7PrivateKeyTypes`) is a label
 * or a stock example.
 */
export function namesCredential(value: string): boolean {
  const words = /token|secret|passw|api[_-]?key|private[_-]?key|credential/i;
  return words.test(value) || words.test(unleet(value));
}

/** Leetspeak's characters and the letters they stand for; no letter maps to another mapped character. */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
};

/** `value` lower-cased with leetspeak undone, in one pass (seven `replace`s were 8% of a profile of dense findings). */
export function unleet(value: string): string {
  return value.toLowerCase().replace(/[01!|34@5$7]/g, (c) => LEET[c]!);
}

function stemOf(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

/** Which character classes `value` uses; non-ASCII letters count as letters, not punctuation. */
export function charClasses(value: string): {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  special: boolean;
} {
  return {
    lower: /[a-z]/.test(value),
    upper: /[A-Z]/.test(value),
    digit: /[0-9]/.test(value),
    special: /[!-/:-@[-`{-~]/.test(value),
  };
}

/**
 * Strict base64 / base64url decoding to UTF-8, or undefined when `text` is not base64 (wrong alphabet,
 * impossible length). Padding is optional, as in JWTs and tokens that drop it.
 */
export function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    return undefined;
  }
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) {
    return undefined;
  }
  return decodeBareBase64(bare);
}

/** Printable ASCII only (what a decoded `user:password` or JSON header is made of). */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Parses `text` as a JSON object, or undefined. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !text.startsWith('{')) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The common gate for a password found in a URL, a header or a config line: not a placeholder, not a
 * reference, not a keyword and not a stock default.
 */
export function isPlausiblePassword(value: string): boolean {
  return (
    value.length >= 3 &&
    !isPlaceholder(value) &&
    !isReference(value) &&
    !isKeywordValue(value) &&
    !isDefaultPassword(value) &&
    !/^\*+$|^x+$/i.test(value)
  );
}

/**
 * `/etc/app/conf`, `./keys/dev.pem`, `C:\\certs`: a path, not a value. A base64 secret starts with `/`
 * one time in 64, so a `+`, a `=` or a segment of mixed-case letters and digits (`/KADzZ9Ed…`) says
 * it is not one. A page's own path counts too: a fragment or element id of lower-case words
 * (`#add-password`, `#login_form`), the selector front-end code gives a field.
 */
export function isPathLike(secret: string): boolean {
  if (/^#[a-z]+(?:[-_][a-z]+)+$/.test(secret)) {
    return true;
  }
  if (!/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(secret) || /[+=]/.test(secret)) {
    return false;
  }
  return !secret
    .split(/[\\/]/)
    .some((part) => part.length >= 12 && /[A-Z]/.test(part) && /[a-z]/.test(part) && /\d/.test(part));
}
