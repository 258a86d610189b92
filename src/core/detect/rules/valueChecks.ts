/**
 * Checks on a candidate value, shared by the context, connection-string, token and generic rules. The
 * engine suppresses the common placeholders for every rule; these go further where a rule sees values
 * that are not self-identifying (passwords, decoded headers), so they must stay cheap and pure.
 */

/** Words that mark a value as an example, a placeholder or a redaction rather than a live secret. */
const PLACEHOLDER =
  /your|example|sample|dummy|placeholder|change[_.-]?me|changeit|redacted|replace[_.-]?(?:me|with|this)|insert[_.-]|fixme|todo|xxxx|\*\*\*|\.\.\.|lorem|ipsum|foobar|notreal|not[_.-]real|fake[_.-]?(?:key|token|secret|pass)/i;

/** References to a value held elsewhere: environment, templates, interpolation, secret stores. */
const REFERENCE =
  /\$\{|\$\(|\{\{|\}\}|<%|%>|#\{|@\{|^\$[A-Za-z_]|^%[A-Za-z_(]|%[A-Za-z_]+%|process\.env|import\.meta\.env|os\.environ|getenv|\bENV\[|System\.getenv|Environment\.GetEnvironmentVariable|^!vault|^ENC[[(]|^vault:|^arn:aws:|^secret(?:s)?(?:manager)?:|^op:\/\/|^sm:\/\/|^ref\+/;

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

/** True when `value` reads as a placeholder, an example or a redaction. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^(.)\1+$/.test(value) || /^[<[(].*[>\])]$/.test(value);
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
  return candidates.some((stem) => DEFAULT_STEMS.has(stem));
}

function unleet(value: string): string {
  return value
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[4@]/g, 'a')
    .replace(/[5$]/g, 's')
    .replace(/7/g, 't');
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
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
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
