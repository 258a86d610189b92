import { randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule, type TokenSpec } from './ruleKit';

// Keys that a web framework draws for each install, from an alphabet full of marks. The generic rules
// read such a value as code, a format string or a template (`%s`, `$(`, `&&`, `<…>`, a blank), so these
// rules read the name the framework gives the key and the generator's own alphabet and length instead.
// Alphabets and lengths are facts from the frameworks' sources (Django's `get_random_secret_key`,
// WordPress's `wp_generate_password(64, true, true)` behind its salt service); the patterns are ours.

/** Django's `get_random_secret_key()` alphabet: lower-case letters, digits and fourteen marks. */
export const DJANGO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';
const DJANGO_CLASS = '[a-z0-9!@#$%^&*(\\-_=+)]';
/** What `startproject` puts before the key since Django 3.2. */
const DJANGO_PREFIX = 'django-insecure-';
/** A key, with the prefix or without. */
const DJANGO_KEY = `(?:${DJANGO_PREFIX})?${DJANGO_CLASS}{50}`;

/** WordPress's password alphabet with both sets of marks: printable ASCII but quotes and backslash. */
export const WORDPRESS_ALPHABET =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|';
const WORDPRESS_CLASS = '[ !#-&(-\\[\\]-~]';

/** `n` or more of `chars` in `v`. */
function atLeast(v: string, chars: RegExp, n: number): boolean {
  return (v.match(chars)?.length ?? 0) >= n;
}

/**
 * A draw of Django's alphabet: 50 characters hold about 10 digits and 12 marks other than `-` and `_`;
 * three of each is the floor (a draw has fewer about one time in 700). Words joined by dashes, the
 * `django-insecure-change-me` of tutorials, hold neither.
 */
function djangoDraw(v: string): boolean {
  const key = v.startsWith(DJANGO_PREFIX) ? v.slice(DJANGO_PREFIX.length) : v;
  return atLeast(key, /[0-9]/g, 3) && atLeast(key, /[!@#$%^&*(=+)]/g, 3) && atLeast(key, /[a-z]/g, 15);
}

/**
 * A key as WordPress's salt service or another generator draws it (letters and digits, hex, or the whole
 * alphabet): two classes or more, blanks not counted, and the spread of a draw (the rule's `minEntropy`,
 * which the engine lowers for hex). The stock `put your unique phrase here`, or any phrase, is letters
 * and blanks.
 */
function wordpressDraw(v: string): boolean {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9 ]/].filter((c) => c.test(v)).length >= 2;
}

/** A token rule whose validation checks a generator's draw (see `Rule.proof`). */
function drawnRule(spec: TokenSpec): Rule {
  return { ...tokenRule(spec), proof: 'drawn' };
}

/** A key of Django's shape: sometimes with the `django-insecure-` prefix. */
function djangoKey(): string {
  for (;;) {
    const key = randomToken(DJANGO_ALPHABET, 50);
    if (djangoDraw(key)) {
      return key;
    }
  }
}

export const frameworkKeyRules: readonly Rule[] = [
  drawnRule({
    id: 'django-secret-key',
    provider: 'Django',
    description: 'Django SECRET_KEY',
    risk: 'anyone with this file can forge session cookies, password-reset links and signed data for this Django site',
    severity: 'warning',
    keywords: ['secret_key'],
    // A name that ends in SECRET_KEY (`SECRET_KEY`, `DJANGO_SECRET_KEY`, JSON's `"SECRET_KEY"`), `=` or
    // `:`, then 50 characters of Django's alphabet, with `django-insecure-` before them or not: quoted,
    // or bare up to a blank or the line's end (a `.env`, where `#` and `$` are as likely as any mark).
    pattern: new RegExp(
      `(?<![A-Za-z0-9])[Ss][Ee][Cc][Rr][Ee][Tt]_[Kk][Ee][Yy]["']?[ \\t]{0,8}[=:][ \\t]{0,8}["']?` +
        `(?<secret>(?<=["'])${DJANGO_KEY}(?=["'])|(?<=[=:][ \\t]{0,8})${DJANGO_KEY}(?![^\\s]))`,
    ),
    maxLength: 10 + 1 + 8 + 1 + 8 + 1 + 66 + 1,
    // A draw of 50 over 50 characters spreads to about 5 bits a character; a repeated unit does not.
    minEntropy: 3.9,
    validate: djangoDraw,
    revokeUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
    sample: djangoKey,
    lines: (k) => [
      `SECRET_KEY = '${DJANGO_PREFIX}${k}'`,
      `SECRET_KEY = "${k}"`,
      `DJANGO_SECRET_KEY=${k}`,
      `DJANGO_SECRET_KEY="${k}"`,
      `  secret_key: '${k}'`,
      `{"SECRET_KEY": "${k}"}`,
    ],
    negatives: [
      `SECRET_KEY = '${DJANGO_PREFIX}change-me'`,
      "SECRET_KEY = env('DJANGO_SECRET_KEY')",
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      // Words and dashes, 50 characters: one digit, no marks.
      "SECRET_KEY = 'this-is-only-for-local-development-never-in-prod-1'",
    ],
  }),
  drawnRule({
    id: 'wordpress-auth-key',
    provider: 'WordPress',
    description: 'WordPress authentication key or salt',
    risk: 'anyone with this file can forge login cookies for this WordPress site and sign in as any user, its administrators included',
    severity: 'warning',
    keywords: ['auth_key', 'auth_salt', 'logged_in_key', 'logged_in_salt', 'nonce_key', 'nonce_salt'],
    // One of the eight names of `wp-config.php` (`define( 'AUTH_KEY', '…' );`, or Bedrock's `.env`
    // `AUTH_KEY='…'`), then 32 to 128 characters of WordPress's alphabet in quotes: the salt service
    // draws 64, blanks and `<`, `{`, `;` included, and never a quote. Other installers write 64 letters
    // and digits, or 40 hex.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])(?:SECURE_AUTH|AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)["']?[ \\t]{0,16}(?:,|=>|=|:)[ \\t]{0,16}["']` +
        `(?<secret>(?<=")${WORDPRESS_CLASS}{32,128}(?=")|(?<=')${WORDPRESS_CLASS}{32,128}(?='))`,
    ),
    maxLength: 16 + 1 + 16 + 2 + 16 + 1 + 128 + 1,
    // 64 characters of letters and digits spread to 4.2 bits a character at the least, of the whole
    // alphabet to 4.9; a phrase to 3.7.
    minEntropy: 4,
    validate: wordpressDraw,
    revokeUrl: 'https://api.wordpress.org/secret-key/1.1/salt/',
    sample: () => randomToken(WORDPRESS_ALPHABET, 64),
    lines: (k) => [
      `define( 'AUTH_KEY',         '${k}' );`,
      `define('NONCE_SALT', '${k}');`,
      `define("SECURE_AUTH_KEY", "${k}");`,
      `LOGGED_IN_SALT='${k}'`,
    ],
    negatives: [
      "define( 'AUTH_KEY',         'put your unique phrase here' );",
      "define( 'NONCE_SALT', getenv( 'NONCE_SALT' ) );",
      "define('AUTH_KEY', env('AUTH_KEY'));",
      // A phrase someone typed: one class and blanks between words.
      "define( 'LOGGED_IN_KEY', 'the quick brown fox jumps over the lazy dog' );",
    ],
  }),
];
