import { ALNUM, BASE64, BASE64URL, HEX, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { ALIGN, assignmentReach } from './assignmentReach';
import { QUOTE, tokenRule } from './ruleKit';
import { ci, uuid } from './ruleParts';
import { GENERIC_PASSWORD_NEGATIVES, GENERIC_SECRET_NEGATIVES } from './genericCases';
import { isWordy, passwordOk, tokenOk } from './genericValues';

/**
 * The generic rules: a literal assigned to a name that ends in a secret-sounding word, in code, YAML,
 * JSON, .env, INI, properties or XML. They are warnings and the biggest source of false positives, so
 * they are strict on three sides:
 * - the name must END in the word (`db_password`, `apiKey`), give or take a short tail from a fixed
 *   list (`mySecretString`, `API_KEY_PROD`, `token_2`), so `password_hint`, `tokenizer` and
 *   `secretName` never qualify, and a short list of names that hold non-secrets is refused
 *   (`csrf_token`, `next_page_token`, `confirm_password`);
 * - the value must be a literal: quoted, or bare and followed by the end of the value, which rules out
 *   calls (`getPassword()`), indexing (`config["x"]`) and template tags (`<%= … %>`);
 * - the value must look like data: no reference, placeholder, label, identifier, path or URL, and
 *   enough mixture (passwords) or entropy and length (tokens): see genericValues.ts.
 */

// assignmentReach.ts reads what NAME_CHAR, ANNOTATION, OPERATOR and QUOTED allow: change them together.
/** A name's characters: it may be dotted or dashed (`spring.datasource.password`, `private-key`). */
const NAME_CHAR = '[A-Za-z0-9_.-]';
/**
 * Said at the name's end: the name began at most 40 characters back, after a non-name character other
 * than a slash or a backslash (`kadmin/passwd`, `/etc/passwd` name files, not variables). The
 * pattern itself starts at the credential word, so this bound is looked at once per keyword match
 * rather than paid at every identifier start of the text.
 */
const NAME_BOUND = `(?<=(?<![A-Za-z0-9_.\\-/\\\\])${NAME_CHAR}{1,40})`;
/**
 * Optional type annotation between the name and `=`: `password: str = "…"`, `val token: String = "…"`,
 * `var apiKey: String? = "…"`, Swift's `let password: String! = "…"`. A blank or a quote beside the `=` tells a type from a value that holds
 * one (`credentials: VllmKB…=CE3V…` is a YAML value, not the type `VllmKB…`).
 */
const ANNOTATION =
  '(?:[ \\t]{0,3}:[ \\t]{0,3}[A-Za-z_][\\w.\\[\\]|?!]{0,30}(?:[ \\t]{1,3}(?==)|(?==[ \\t"\'`])))?';
/**
 * `=`, `:`, `:=`, `=>`, `??=`, `||=`, make's `?=`, `::=` and `:::=`, PHP's `.=`, a `,` after a quoted name
 * that opens a call (`define('X', …)`; in a list, `'USERPWD', 'HTTP200ALIASES'`, the next item is no value),
 * `>` closing an XML tag, or `value=` after a quoted name (.NET `<add key="ApiKey" value="…"/>`). Each
 * alternative reads its own character before any look back, so a name followed by `=` pays for no
 * lookbehind.
 */
const OPERATOR =
  '(?:=(?:>|(?![=~>]))|:(?::{0,2}=|(?![:=]))|\\.=|\\?\\??=|\\|\\|=|,(?<=\\([ \\t]{0,3}["\'][^"\'\\r\\n]{1,40}["\'][ \\t]{0,3},)|>(?<=<[A-Za-z0-9_.:-]{1,50}>)|[Vv]alue(?<=["\'][ \\t]{0,3}[Vv]alue)[ \\t]{0,2}=)';
// Positive classes (printable ASCII) rather than negated ones, and no `\\s`: the engine then keeps these
// rules' windows to the line of each keyword hit, which is what makes a frequent keyword like `key` cheap.
/** A quoted value's characters: printable ASCII but blanks, quotes and backslashes. */
const QUOTED = '[!#-&(-\\[\\]-_a-~]';
/**
 * A bare value's characters: as quoted, less separators, brackets, braces, parentheses, markup and `=`
 * (which may only pad its end), so that a bare value never runs on into the next assignment.
 */
const BARE = '[!#-&*+\\--:?-Z^_a-z|~]';
/**
 * The value: quoted (any run without quotes, backslashes or blanks, closed by a quote) or bare (no
 * brackets, braces, parentheses, separators or markup, ended by a blank, a separator, the line end or
 * an escaped line break: a `.env` held in a JSON string). A bare value that an `=` follows is a type
 * (`txtFieldPassword: UITextField! = nil`), the value after it the annotation's.
 * Each run is taken whole through a lookahead capture and a backreference, JavaScript's stand-in for an
 * atomic group: a run that is not closed fails at once instead of being retried at every shorter length
 * (`password=password=password=…` would otherwise cost 200 steps per name).
 */
/** The longest value generic-secret takes (generic-password keeps 200: no password runs that long). */
const SECRET_MAX = 1100;

/**
 * What directly follows every value `value` takes: its closing quote, or the blank, separator, escaped
 * line break (its backslash) or line end after a bare one (see `Rule.endsBefore`).
 */
export const VALUE_ENDS = '"\'`\t \r\n,;)]}<\\\u2028\u2029';

function value(min: number, max: number): string {
  return (
    `(?<secret>(?<=["'\`])(?=(?<q>${QUOTED}{${min},${max}}))\\k<q>(?=\\\\?["'\`])` +
    `|(?<=[ \\t=:>,])(?=(?<b>${BARE}{${min},${max}}={0,2}))\\k<b>(?![ \\t]{0,3}=(?!=))(?=[ \\t\\x0d,;)\\]}<]|(?<==${BARE}{${min},${max}}={0,2})["'\`]|\\\\[nrt]|$))`
  );
}

// Blanks either side of the operator (`ALIGN`, shared with assignmentReach.ts): code aligned in columns puts
// many there (Terraform's `password       = "…"`, a Ruby hash's `:password       => '…'`, a Go struct's
// `Password:   "…"`). After a call's comma, three: a table of calls aligned in columns
// (`EXT("pauth",        AArch64::AEK_PAUTH, …)`) holds no assignment. After an element's tag, none: its text
// starts at once (`<password>…</password>`), and `<password> +run_app_build` is a usage line's placeholder.

/**
 * `name` matches the end of the name, from its credential word on (`password`, `api_key_2`): the match
 * starts at that word, so the regex engine skips ahead to it instead of trying every identifier start.
 * The name's own start is only checked, looking back, once the word is found.
 */
function assignment(name: string, min: number, max = 200): RegExp {
  return new RegExp(
    `${name}${NAME_BOUND}${QUOTE}\\]?${ANNOTATION}[ \\t]{0,${ALIGN}}${OPERATOR}(?:(?<=,)[ \\t]{0,3}|(?<=[^,>]|=>)[ \\t]{0,${ALIGN}}|(?<=[A-Za-z0-9_.:-]>))${QUOTE}${value(min, max)}`,
    'm',
  );
}

/**
 * An optional tail of the name after its credential word, tried only when the next character can
 * start one (after `password=` it costs one comparison).
 */
function tail(source: string): string {
  return `(?:(?=[A-Za-z0-9_.-])${ci(source)})?`;
}
/**
 * Tails a name may add after its credential word and still name that credential: an environment
 * (`API_KEY_PROD`) and a number (`password2`, `some_api_token_123`). Bounded and from a short list, so
 * that `password_hint`, `token_type` or `secretName` still never qualify.
 */
const ENV_AND_NUMBER = tail('(?:[_.-]?(?:production|prod|dev|staging|live|sandbox))?(?:[_.-]?[0-9]{1,3})?');
/** A type said in the name (`mySecretString`, `token_value`, `apiKeyStr`). */
const AS_TEXT = tail('[_.-]?(?:string|str|value|val)');

// A bare `pass` must start the name or a camelCase hump (`smtp_pass`, `dbPass`), so that `bypass`,
// `Minipass` and `COMPASS` do not qualify, and takes no type tail (in `passValue`, pass is a verb); the
// longer words may follow anything. Written as a tree on `pass` so that a failed name costs one try.
const PASSWORD_WORD =
  `(?:${ci('pass')}(?:(?:${ci('w(?:or)?d|phrase')})${AS_TEXT}|(?<=(?<![A-Za-z])${ci('pass')}|[a-z0-9]Pass))` +
  `|${ci('pwd')}${AS_TEXT})${ENV_AND_NUMBER}`;
const PASSWORD_STOP = ci(
  '(?:confirm|confirmation|verify|repeat|retype|new|old|current|reset|forgot|hashed|hash|encrypted|masked|invalid|wrong|bad|min|max|show|toggle)[_.-]?',
);
// Every password word starts with `p`, so the stop words can be read first, before the word: the
// trailing `(?<=[A-Za-z_.-])` (read first, lookbehinds run backwards) makes that one comparison after
// a blank or an `=`.
const PASSWORD_NAME = `(?<!(?<![A-Za-z])${PASSWORD_STOP}(?<=[A-Za-z_.-]))${PASSWORD_WORD}`;

// `key` alone is too common a name (`primary_key`, `cache_key`): it counts only after a word that makes
// it a credential. `client_secret` needs no word of its own (it ends in `secret`), but a stop word
// before it still refuses it (`public_client_secret`). `cred`, `creds`, `credentials` follow the rule
// of `pass`: at the start of the name or of a camelCase hump (`awsCredentials`), so not `incredible`.
const CRED = `${ci('cred')}(?<=(?<![A-Za-z])${ci('cred')}|[a-z0-9]Cred)${ci('(?:ential)?s?')}`;
const KEY_QUALIFIER = '(?:api|access|private|auth|app|master|signing|encryption|session)[_.-]?';
const SECRET_WORD = `${ci(`secret(?:[_.-]?key(?:[_.-]?base)?)?|token|${KEY_QUALIFIER}key|auth`)}|${CRED}`;
// The match starts at the rule's keyword (`cret`, `oken`, `key`, `auth`, `cred`), with the rest of the
// word looked back at: those few letters are what the regex engine skips ahead to fastest, where the
// first letters of the words (or a lookbehind first) would have it try most letters of the text.
const SECRET_AT_KEYWORD =
  `${ci('cret')}(?<=${ci('secret')})${ci('(?:[_.-]?key(?:[_.-]?base)?)?')}|${ci('oken')}(?<=${ci('token')})` +
  `|${ci('key')}(?<=${ci(KEY_QUALIFIER)}${ci('key')})|${ci('auth')}|${CRED}`;
const SECRET_STOP = ci(
  '(?:csrf|xsrf|authenticity|invalid|wrong|bad|fake|dummy|mock|sample|example|non[_.-]?matching|page|next|next[_.-]?page|continuation|cancel|cancellation|sync|resume|pagination|public|publishable|lex|max|min|num|total|is|has|use|with|no|skip|require|requires|required|enable|enabled|disable|kube|k8s)[_.-]?(?:client[_.-]?)?',
);
// The stop words are read after the word, back across it, once per word found: read before it, they
// would run at every position the engine tries.
const SECRET_NAME =
  `(?:${SECRET_AT_KEYWORD})(?<!(?<![A-Za-z])${SECRET_STOP}(?:${SECRET_WORD}))` +
  `${tail('[_.-]?(?:string|str|value|val|data)')}${ENV_AND_NUMBER}`;

function passwordSample(): string {
  const specials = '!@#%^&*_+-';
  return `${randomToken(ALNUM, 8)}${randomToken(specials, 1)}${randomToken(ALNUM, 4)}`;
}

export const genericRules: readonly Rule[] = [
  tokenRule({
    id: 'generic-password',
    provider: 'Generic',
    description: 'Hard-coded password',
    risk: 'anyone with this file can sign in wherever this password is used',
    severity: 'warning',
    // Keywords of at most four letters on purpose: the engine ranks overlapping warnings by keyword
    // length, then catalogue order (generic last), so any provider's context rule wins the same value.
    keywords: ['pass', 'pwd'],
    pattern: assignment(PASSWORD_NAME, 6),
    mayStartAt: assignmentReach(6),
    // The longest match, as patternMaxLength measures the pattern with each lookahead capture and its
    // backreference read as the run they stand for (it cannot see through them; the test beside the rule
    // measures it so): name, quote (escaped or not) and `]`, annotation, operator and blanks, then a bare
    // value of 202.
    maxLength: 294 + 2 * (ALIGN - 3),
    endsBefore: VALUE_ENDS,
    validate: passwordOk,
    sample: passwordSample,
    lines: (pw) => [
      `DB_PASSWORD=${pw}`,
      `  password: "${pw}"`,
      `{ "smtpPassword": "${pw}" }`,
      `spring.datasource.password=${pw}`,
      `    <password>${pw}</password>`,
      `define('DB_PASSWORD', '${pw}');`,
      `conn = connect(host="db", user="etl", passwd="${pw}")`,
      `password: str = "${pw}"`,
      `let password: String! = "${pw}"`,
      `$config['smtp_pass'] = '${pw}';`,
      `DB_PASSWORD_PROD=${pw}`,
      `passwordString: "${pw}"`,
      `SMTP_PASS_2 = '${pw}'`,
      // JSON held in a string (a fixture, a Postman body, `curl -d`): the quotes come escaped.
      `const body = "{\\"password\\": \\"${pw}\\"}";`,
      // libpq's keyword/value string: the bare value ends at the string's closing quote.
      `conn = psycopg2.connect("dbname=app user=etl password=${pw}")`,
      // Code aligned in columns: Terraform, a Ruby hash, a Go struct.
      `  password            = "${pw}"`,
      `  :password       => '${pw}',`,
      `\tPassword:   "${pw}",`,
    ],
    negatives: GENERIC_PASSWORD_NEGATIVES,
  }),
  tokenRule({
    id: 'generic-secret',
    provider: 'Generic',
    description: 'Hard-coded secret, token or API key',
    risk: 'anyone with this file can use this credential against the service that issued it',
    severity: 'warning',
    // `cret` and `oken` rather than `secret` and `token`: see generic-password's keywords.
    keywords: ['cret', 'oken', 'key', 'auth', 'cred'],
    // Up to 1,100 characters: opaque and JWT-like tokens (Wrike, Tallyfy, StoryChief, Azure refresh
    // tokens) run from 300 to 1,050 characters; the run is still taken whole, so the cost stays linear.
    pattern: assignment(SECRET_NAME, 12, SECRET_MAX),
    mayStartAt: assignmentReach(12),
    // As generic-password's, with a name of 37 (`secret_key_base_string_production_123`) and the longer value.
    maxLength: 289 - 200 + SECRET_MAX + 2 * (ALIGN - 3),
    validate: tokenOk,
    // A UUID given to a credential name is the key (Heroku, Snyk, Sendbird and others issue UUIDs).
    expectsUuid: true,
    sample: () => {
      for (;;) {
        const r = randomFraction();
        const t =
          r < 0.1
            ? uuid()
            : r < 0.4
              ? randomToken(ALNUM, 32)
              : r < 0.6
                ? randomToken(HEX, 40)
                : r < 0.8
                  ? randomToken(BASE64, 44)
                  : // An opaque token of several hundred characters (Wrike, Tallyfy, Azure refresh tokens).
                    `${randomToken(BASE64URL, 200 + Math.floor(randomFraction() * 700))}.${randomToken(BASE64URL, 43)}`;
        // The rule passes over a value with a word-like run (`isWordy`); one random draw in about 700
        // holds one, and such a draw is not the case this positive tests.
        if (!isWordy(t)) {
          return t;
        }
      }
    },
    lines: (t) => [
      `API_KEY=${t}`,
      `  client_secret: "${t}"`,
      `{ "authToken": "${t}" }`,
      `SESSION_SECRET='${t}'`,
      `app.config["SECRET_KEY"] = "${t}"`,
      `const apiKey = '${t}';`,
      `x-api-key: ${t}`,
      `<add key="ApiKey" value="${t}" />`,
      `<ApiKey>${t}</ApiKey>`,
      `creds = ${t}`,
      `{ "credentials": "${t}" }`,
      `awsCredentials: '${t}'`,
      `mySecretString=${t}`,
      `some_api_token_123 = "${t}"`,
      `STRIPE_SECRET_KEY_LIVE=${t}`,
      `API_TOKEN ?= ${t}`,
      `var apiKey: String? = "${t}"`,
      `$apiToken .= "${t}";`,
      `API_TOKEN :::= ${t}`,
      `{ "app.env": "API_TOKEN=${t}\\nDEBUG=false" }`,
      `"{\\"api_key\\":\\"${t}\\"}"`,
    ],
    negatives: GENERIC_SECRET_NEGATIVES,
  }),
];
