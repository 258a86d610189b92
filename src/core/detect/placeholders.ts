import { topCharCount } from './entropy';
import { templateMarks } from './templateRefs';
import { hasPlaceholderWord, isCrossedOut, isDigit, isLower, isUpper } from './placeholderWords';

/**
 * Shape checks that tell a placeholder or an example from a live secret, for every rule. They look at
 * the secret alone; checks that need the text around it live in suppress.ts.
 *
 * Each check is tuned so that a random key almost never trips it: a six-letter word or a six-step
 * sequence of letters appears by chance in a 40-character base62 key with odds around 1e-7, a four-letter
 * word only counts where it stands as a word, and a run of eight identical characters is as rare.
 */

/**
 * Whole values that are names or defaults, not secrets. `pass` and `pwd` are the bare word for what the
 * value is, as `password` and `passwd` are (gitleaks' `curl --user user:pass`, a fixture's `pwd: pwd`).
 */
const WHOLE_VALUES = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'null',
  'nil',
  'none',
  'undefined',
  'true',
  'false',
  'admin',
  'root',
  'guest',
  'test',
  'testing',
  'default',
  'empty',
  'string',
  'value',
  'required',
  'optional',
]);

/**
 * sha256 of keys that vendors publish in their documentation, so that the repository holds only their
 * fingerprints: AWS's two documented access key id / secret pairs, Stripe's documented test keys, and
 * the jwt.io sample token.
 */
const DOCUMENTED_EXAMPLES = new Set([
  '1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3',
  '78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598',
  'c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9',
  'e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33',
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  'b1471f544ceeea31333bde7e1ecbaad6eac0d4a749412ad29bd66ef895b81c6b',
  '7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606',
]);

/** Structured keys (private-key blocks, long base64 tokens) carry zero-byte runs and are not checked for shape past this length. */
const SHAPE_CHECK_MAX = 256;

/** True when `fingerprint` (sha256 hex of a secret) is a key published in a vendor's documentation. */
export function isDocumentedExample(fingerprint: string): boolean {
  return DOCUMENTED_EXAMPLES.has(fingerprint);
}

/**
 * True when `secret` looks like a placeholder or a template rather than a live value. `keywords` are
 * the rule's keywords: a leading one (`ghp_`) is the format's prefix and is not part of the body whose
 * shape is judged. `templates` says which marks make a template: any (`any-marker`, the report tier), a
 * real template expression inside (`whole-template`, the redact tier), or only a template that is the
 * whole value (`whole-value`, for a rule whose validation checks a generator's draw of marks).
 */
export function isPlaceholder(
  secret: string,
  keywords: readonly string[] = [],
  templates: 'any-marker' | 'whole-template' | 'whole-value' = 'any-marker',
): boolean {
  const lower = secret.toLowerCase();
  if (templates === 'whole-value') {
    return (
      WHOLE_VALUES.has(lower) ||
      WHOLE_TEMPLATE.test(secret) ||
      isCrossedOut(secret) ||
      hasPlaceholderWord(secret, lower) ||
      (secret.length <= SHAPE_CHECK_MAX && (isRepetitive(secret) || hasSequence(secret)))
    );
  }
  const marked = templates === 'any-marker' ? hasTemplateMarker(secret) : hasTemplate(secret);
  if (WHOLE_VALUES.has(lower) || marked) {
    return true;
  }
  if (isCrossedOut(secret) || hasPlaceholderWord(secret, lower)) {
    return true;
  }
  if (secret.length > SHAPE_CHECK_MAX) {
    return false;
  }
  const body = stripPrefix(secret, lower, keywords);
  return isRepetitive(body) || hasSequence(body) || isCountedPairs(body);
}

/**
 * True when `value` has a documented example's shape alone: one short unit repeated, or a run of six
 * steps (`12345678-1234-…`, `…abcdef456…`). Unlike `isPlaceholder` it ignores words, which a real token
 * may carry as a user-chosen label (`sk_pr_mykey_…`).
 */
export function hasExampleShape(value: string): boolean {
  return value.length <= SHAPE_CHECK_MAX && (isRepetitive(value) || hasSequence(value));
}

/** A value that is one template from end to end: `<auth key>`, `${AUTH_KEY}`, `{{ key }}`, `%KEY%`. */
const WHOLE_TEMPLATE = /^(?:<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%)$/;

/** `${VAR}`, `{{ var }}`, `<token>`, `%VAR%`, `$(cmd)`, `$VAR` and masking characters. */
function hasTemplateMarker(secret: string): boolean {
  return (
    // `${…}`, `{{ … }}`, `$(…)` only as well-formed references: a generated password may hold the marks
    // among its punctuation (`m{{h}o)p${e]nob(…}}`), and no lone `}}` counts.
    templateMarks(secret) === 'references' ||
    /^<|>$|<[^<>]*>/.test(secret) ||
    secret.includes('***') ||
    secret.includes('•') ||
    secret.includes('…') ||
    // `$API_TOKEN`, `${api_token}`, `$password`: a variable, written in one case. A mixed-case value
    // after `$` (`$uperS3cret`) is more likely a password that starts with a dollar sign.
    /^\$\{?(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)\}?$/.test(secret) ||
    /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(secret)
  );
}

/**
 * The redact tier's stricter reading: only a real template expression (`${VAR}`, `{{ .Values.x }}`,
 * `{{ $.Values.password }}`,
 * `$(cmd)`, `<your-token>`, `%VAR%`) or masking characters make a placeholder. A lone `}}`, `$` or `>`
 * inside a value is just a character of a password, and hiding it costs only a placeholder.
 */
function hasTemplate(secret: string): boolean {
  return (
    /\$\{[\w.]{1,80}(?::?[-=?+](?:\$\w{1,80}|\$\{[\w.]{1,80}\})?)?\}|\{\{[\s\w.|'"()$-]{1,120}\}\}|\$\([\w\s./-]{1,80}\)/.test(
      secret,
    ) ||
    hasAnglePlaceholder(secret) ||
    secret.includes('***') ||
    secret.includes('•') ||
    secret.includes('…') ||
    /^\$\{?(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)\}?$/.test(secret) ||
    /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(secret)
  );
}

/**
 * A `<…>` of words (`<your-token>`, `<API KEY>`, `<key2>`). One that holds digits and both cases (`<2ede0Y>`,
 * `<keDQd2oHxQf>`) is a run of a key whose alphabet has `<` and `>` (D7 Networks' holds them), not a name.
 */
function hasAnglePlaceholder(secret: string): boolean {
  for (const m of secret.matchAll(/<([\w\s.-]{1,60})>/g)) {
    const inner = m[1]!;
    if (!(/[0-9]/.test(inner) && /[a-z]/.test(inner) && /[A-Z]/.test(inner) && !/\s/.test(inner))) {
      return true;
    }
  }
  return false;
}

function stripPrefix(secret: string, lower: string, keywords: readonly string[]): string {
  let cut = 0;
  // The first character compared first: a rule may list a hundred keywords (Discord's bare token starts).
  const first = lower.charCodeAt(0);
  for (const kw of keywords) {
    if (kw.length > cut && kw.charCodeAt(0) === first && lower.startsWith(kw)) {
      cut = kw.length;
    }
  }
  return secret.slice(cut);
}

/**
 * A body made of one short unit repeated (`aaaa`, `abab`, `1234 1234`), one character filling most of
 * it (`0000000000a`), or a run of eight equal characters. A run of `A` is left alone: it is zero bytes
 * in base64, common in real binary-derived tokens.
 */
function isRepetitive(body: string): boolean {
  const n = body.length;
  if (n < 4) {
    return false;
  }
  for (let unit = 1; unit <= 4 && unit * 2 <= n; unit++) {
    let periodic = true;
    for (let i = unit; i < n && periodic; i++) {
      periodic = body.charCodeAt(i) === body.charCodeAt(i - unit);
    }
    if (periodic) {
      return true;
    }
  }
  let run = 1;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    run = i > 0 && c === body.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 8 && c !== 65) {
      return true;
    }
  }
  // Six of one character at least: five of eight is chance in a drawn 8-hex credential about once in 1,500.
  const top = topCharCount(body);
  return n >= 8 && top >= 6 && top / n >= 0.6;
}

/**
 * Six or more consecutive steps up or down within one letter case or within digits: `abcdef`, `FEDCBA`,
 * `123456`. Among digits six steps count only as a whole run of digits (`sk_test_123456`, `987654`), at
 * eight steps and more (`…12345678…`), or twice in one value (`1204567890123456`): ten digits fall into six
 * steps inside a longer number about once in 100,000 places, so a Slack id (`xoxb-573456787625-…`)
 * dismissed about one random token in 6,000.
 */
function hasSequence(body: string): boolean {
  let up = 1;
  let down = 1;
  let digitRuns = 0;
  for (let i = 1; i < body.length; i++) {
    const a = body.charCodeAt(i - 1);
    const b = body.charCodeAt(i);
    const same = sameClass(a, b);
    up = same && b === a + 1 ? up + 1 : 1;
    down = same && b === a - 1 ? down + 1 : 1;
    const run = Math.max(up, down);
    if (run < 6) {
      continue;
    }
    if (!isDigit(b) || run >= 8 || wholeDigitRun(body, i + 1 - run, i + 1)) {
      return true;
    }
    if (run === 6 && ++digitRuns >= 2) {
      return true;
    }
  }
  return false;
}

/**
 * Letters and digits each counting up through the whole value, interleaved (`a1b2c3d4e5f6g7h8`,
 * `1a2b3C4d-5E6f-7g8H-…`): the filler the peers and vendors' docs type for a key of a given length.
 * Letters count in either case, digits wrap from 9 to 0; both runs must be six long and cover every
 * letter and digit, which no random draw of that length comes near (a 12-letter run by chance is one in
 * 26^11).
 */
function isCountedPairs(body: string): boolean {
  let letters = 0;
  let digits = 0;
  let lastLetter = -1;
  let lastDigit = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i) | (isUpper(body.charCodeAt(i)) ? 32 : 0);
    if (isDigit(c)) {
      if (lastDigit >= 0 && c !== (lastDigit === 57 ? 48 : lastDigit + 1)) {
        return false;
      }
      lastDigit = c;
      digits++;
    } else if (isLower(c)) {
      if (lastLetter >= 0 && c !== lastLetter + 1) {
        return false;
      }
      lastLetter = c;
      letters++;
    } else if (c !== 45 && c !== 95) {
      return false;
    }
  }
  return letters >= 6 && digits >= 6;
}

/** No digit right before `from` or at `to`: the digits in [from, to) are the whole run. */
function wholeDigitRun(s: string, from: number, to: number): boolean {
  return (from === 0 || !isDigit(s.charCodeAt(from - 1))) && (to === s.length || !isDigit(s.charCodeAt(to)));
}

function sameClass(a: number, b: number): boolean {
  const digit = (c: number): boolean => c >= 48 && c <= 57;
  return (digit(a) && digit(b)) || (isUpper(a) && isUpper(b)) || (isLower(a) && isLower(b));
}
