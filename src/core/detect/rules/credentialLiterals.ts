import type { Rule } from '../rule';
import { randomToken } from '../random';
import {
  comparedValue,
  literalOk,
  literalPlace,
  markedValueQuoted,
  nameShaped,
  plainWord,
} from './literalChecks';
import { tokenRule } from './ruleKit';
import { ci } from './ruleParts';

/**
 * Literal credentials: any literal, however plain, that code gives to a password-like name (`password =
 * "…"`, `db_pass: …`, `if (apikey == "…")`, `if ("…" == password)`). generic-password and generic-secret
 * ask the value to look generated; these ask only that it be a literal, so that a typed passphrase or a
 * punctuation-heavy password is reported too. What keeps them precise is the name and the syntax:
 * - the name holds a password word (`password`, `passwd`, `pwd`, `pass` starting a name or a hump),
 *   `secret`, or a qualified key (`api_key`, `private_key`, `access_key`), with at most three short
 *   tails after it, none of which says the value is something else (`password_hint`, `secret_name`);
 * - the value is quoted (assignment or comparison), or bare after an assignment that starts its line
 *   (.env, YAML, INI), and it is neither a reference, a placeholder, a label, a path, code nor a stock
 *   default (see `literalOk` in `literalChecks.ts`).
 */

/** Words before the credential word that make the name about something else (`confirm_password`, `has_secret`). */
const STOP_BEFORE = ci(
  '(?:not|confirm|confirmation|verify|repeat|retype|new|old|current|reset|forgot|hashed|hash|encrypted|masked|invalid|wrong|bad|min|max|show|toggle|is|has|use|with|no|skip|require|requires|required|enable|enabled|disable|public|publishable|kube|k8s|csrf|xsrf|fake|dummy|mock|sample|example)[_.-]?',
);
/** Tails that make the name hold something other than the credential (`password_hint`, `secretName`). */
const STOP_TAIL = ci(
  '(?:hint|label|prompt|msg|message|error|err|errors|text|title|placeholder|field|input|policy|regex|pattern|format|length|len|min|max|rule|rules|hash|hashed|digest|salt|reset|url|uri|path|file|name|names|id|ids|type|mode|header|env|var|arn|ref|version|manager|store|provider|question|answer|strength|validator|validation|check|required|enabled|changed|count|help|description|desc|tooltip|selector|button|btn|view|form|mask|visible|toggle|icon|class|style|ttl|expiry|expires|lifetime|age|algorithm|alg|size|bits|location|source|ref|backend|engine|mount|scope|holder|prefix|suffix|id_?file)(?![a-z0-9])',
);
// `pass` alone must start a name or a camelCase hump (`db_pass`, `dbPass`), never end a word (`bypass`);
// `pass` takes no `Value` or `Through` tail (in `passValue` and `passThroughOptions`, pass is a verb); the longer words and `secret` may
// follow anything. A key counts only with a word that makes it a
// credential (`api_key`, `privateKey`), since a bare `key` is a dictionary key in most code.
// `secret` is matched from its keyword `cret` on, the `se` looked back at: every match then starts at a
// keyword, so the engine tries the pattern at keyword hits only instead of searching whole windows.
const WORD =
  `(?:${ci('pass')}(?:${ci('w(?:or)?d|phrase')})|(?:(?<![A-Za-z])[Pp]|(?<=[a-z0-9])P)(?:ass|ASS)(?![Vv]al|[Tt]hrough)` +
  `|${ci('pwd')}|${ci('cret')}(?<=${ci('secret')})[eE]?` +
  `|${ci('key')}(?<=${ci('(?:api|access|private|priv|auth|client|service|account|db|database)[_.-]?key')}))`;
/** At most three tails, each after a separator or as a camelCase hump, and none from `STOP_TAIL`. */
// A hump's capital is checked before the stop words, so a name followed by `=` never reads them.
const TAIL = `(?:(?:[_.-](?!${STOP_TAIL})[A-Za-z0-9]{1,16}|(?=[A-Z])(?!${STOP_TAIL})[A-Z][a-z0-9]{1,15})){0,3}(?![A-Za-z0-9])`;
/** What `WORD` can have matched, for the stop-word check read back across it. */
const WORD_TEXT = ci(
  '(?:pass(?:w(?:or)?d|phrase)?|pwd|secrete?|(?:api|access|private|priv|auth|client|service|account|db|database)[_.-]?key)',
);
// The stop words are read after the word, back across it, once per word found: read before it, they
// would run at every `p`, `s` and `k` of the window. Every stop word ends in a letter or a separator,
// and that one character is checked first (lookbehinds run backwards), so a word after `=` or a blank
// costs one comparison instead of the whole list.
const NAME = `${WORD}(?<!(?<![A-Za-z])${STOP_BEFORE}(?<=[A-Za-z_.-])${WORD_TEXT})${TAIL}`;
/** A closing quote or bracket of the name (`"password":`, `config["password"] =`) and an array size (`secret[25]`). */
const NAME_CLOSE = `["'\`]?\\]?(?:\\[[0-9]{0,6}\\])?`;
/**
 * The value: quoted (printable up to its own closing quote, blanks included, on one line), or bare (up
 * to a blank, a quote or `;`, less a trailing `,`, and
 * the last thing on its line but a comment: in code, more after it makes it an expression) where nothing but a quote-less assignment led to it. One group for
 * both, since the engine reads the secret from the one group named `secret`.
 */
export const VALUE =
  `(?<secret>(?<=")[^"\\\\\\r\\n]{6,200}(?=")|(?<=')[^'\\\\\\r\\n]{6,200}(?=')|(?<=\`)[^\`\\\\\\r\\n]{6,200}(?=\`)` +
  `|(?<!["'\`])[^\\s"'\`;]{5,199}[^\\s"'\`,;](?=,?["'\`;]?[ \\t]*(?:$|#|//))` +
  // A phrase: words and single blanks filling the rest of the line (`db_pass: word word word`).
  `|(?<!["'\`])[^\\s"'\`;#,]{1,30}(?:[ \\t][^\\s"'\`;#,]{1,30}){1,5}(?=[ \\t]*$))`;
/**
 * Assignment operators: `=`, `:`, `:=`, `::=`, `=>`, `?=`, with the blanks of an aligned column before and
 * after (`:password       => '…'`, as Ruby hashes and YAML maps are laid out).
 */
const ASSIGN = `[ \\t]{0,24}(?::{0,3}=(?![=~])|=>|:(?![:=/])|\\?=)[ \\t]{0,24}`;
/**
 * A bare value is taken only where the name starts its line: indentation, a comment mark (a setting
 * commented out, `# DB_PASSWORD=…`, still holds the password), a list dash, `export`, `$` or a quote before
 * it. Nothing before the name is a name character, which is said right after the name is read
 * (backwards): where the line does not start there (`a=password=…`), the look back fails at once instead
 * of retrying every shorter name.
 */
const AT_LINE_START = `(?<=^[ \\t]{0,16}(?:(?:#|//|;)[ \\t]{0,4})?(?:-[ \\t]{1,4})?(?:export[ \\t]{1,4})?[$"']?(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,40}${NAME_CLOSE}${ASSIGN})`;
/**
 * A directive: the name starting its line, a blank, then a quoted value (`secret "…";`). Not `pass`
 * alone: Perl's Test::More writes `pass 'what was tested';`.
 */
// The blank and the quote are checked first: the look back to the line start costs more, and runs at every name.
const DIRECTIVE = `[ \\t]{1,3}(?=["'])(?<=^[ \\t]{0,16}[A-Za-z0-9_.-]{0,40}[ \\t]{1,3})(?<!^[ \\t]{0,16}${ci('pass')}[ \\t]{1,3})`;
/**
 * C++ strings: a constructor after a string type (`std::string secret("…")`) or `assign` (`secret.assign("…", n)`).
 * A call after any other name (`check_password("…")`) passes a value to code, which may be a wrong guess.
 */
const CPP_STRING = `\\((?<=(?:string|String|wstring)[ \\t]{1,3}[A-Za-z0-9_]{1,60}\\()|\\.assign\\(`;
/** Before a quoted value: an assignment (ObjC's `@"…"` too), a comparison, a directive's blank or a C++ string. */
const BEFORE_QUOTE = `(?:${ASSIGN}@?|[ \\t]{0,3}(?:===?|!==?)[ \\t]{0,3}|${DIRECTIVE}|${CPP_STRING})["'\`]`;

/**
 * What every value `VALUE` takes is followed by, at most two characters on (`,` and `;` first): its closing
 * quote, a blank before a comment or the line end, `#`, `/`, or the line end itself (see `Rule.endsBefore`).
 */
export const VALUE_ENDS = '"\'`\t \r\n#/\u2028\u2029';

const ASSIGNED = new RegExp(`${NAME}${NAME_CLOSE}(?:${BEFORE_QUOTE}|${ASSIGN}${AT_LINE_START})${VALUE}`, 'm');
/** `"…" == password`: the match starts at the literal, within the 64 characters the engine looks back from a keyword. */
const COMPARED = new RegExp(
  `["'\`](?<secret>(?<=")[^"\\\\\\r\\n]{6,40}(?=")|(?<=')[^'\\\\\\r\\n]{6,40}(?=')|(?<=\`)[^\`\\\\\\r\\n]{6,40}(?=\`))["'\`][ \\t]{0,3}(?:===?|!==?)[ \\t]{0,3}[A-Za-z0-9_.]{0,16}${NAME}`,
  'm',
);

/** A typed passphrase: lower-case words and a blank or two, drawn fresh (no stored value). */
function passphrase(): string {
  const word = (): string =>
    randomToken('bcdfghjkmnpqrstvwxz', 3) + randomToken('aeiou', 1) + randomToken('bcdfghjkmnpqrstvwxz', 2);
  return `${word()} ${word()} ${word()}`;
}

const RISK = 'anyone with this file can sign in wherever this credential is used';

export const credentialLiteralRules: readonly Rule[] = [
  tokenRule({
    id: 'generic-credential-literal',
    provider: 'Generic',
    description: 'Hard-coded credential literal',
    risk: RISK,
    severity: 'warning',
    // Keywords of at most four letters, as generic-password's: a provider's context rule wins a tie.
    keywords: ['pass', 'pwd', 'cret', 'key'],
    pattern: ASSIGNED,
    // Name 16 + 3 tails of 17, closers 10, operator 51 (aligned blanks) and the line-start look back, a
    // quote, 200.
    maxLength: 330,
    endsBefore: VALUE_ENDS,
    // A name's shape (`open_<letters>`, `smtp-<letters>`) is a literal where the syntax says so (compared
    // with the name, a dotenv line: `literalPlace`), and a variable's or a resource's name elsewhere.
    // A plain word or a short run (`fl3t8o`) is one where it is compared with the name (`plainWord`).
    // The validation (asked once per distinct value) takes all three; the place is read only for those shapes.
    validate: (v) => literalOk(v, 'compared'),
    inContext: (text, start, secret) =>
      markedValueQuoted(text, start, secret) &&
      (!nameShaped(secret) || literalPlace(text, start)) &&
      (!plainWord(secret) || comparedValue(text, start)),
    literalSyntax: literalPlace,
    // A phrase: the other generic rules never take a value with blanks, so this rule is the one that finds
    // it. Punctuation-heavy values, which generic-password may also take, are in the unit tests.
    sample: passphrase,
    lines: (v) => [
      `password = "${v}"`,
      `my_password_super_secure = "${v}"`,
      `api_key: '${v}'`,
      `aws_secret_access_key := \`${v}\``,
      `if (db_pass != "${v}") {`,
      `secrete "${v}";`,
      `char secrete[25] = "${v}";`,
      `my_password_secure = @"${v}";`,
      `std::string secret("${v}");`,
      `secrete.assign("${v}",17);`,
      `password => "${v}"`,
      `  db_password: ${v}`,
    ],
    negatives: [
      'password = ",.:-¨@*¿?!"',
      'password = get_password()',
      'password = os.environ["DB_PASSWORD"]',
      'password: ${DB_PASSWORD}',
      'password = "{{ db_password }}"',
      'password = ""',
      'password = None',
      'password_hint = "first pet and street"',
      'confirm_password = "zq8 lorvex tamb"',
      'label = "Password"',
      '"password": "Enter your password",',
      '"password": "Contraseña",',
      'password = "changeme"',
      'api_key = config.api.key',
      'private_key: /etc/ssl/private/server.key',
      'password = user_input or default_password',
      'secret = SECRET_KEY if DEBUG else None',
      'secretName: my-tls-secret',
      'bypass = "zq8lorvextamb"',
      'x = compute(password, "zq8lorvextamb")',
      'check_password("zq8 lorvex tamb qsoprt")',
      'if (password == other_password) {',
      'secret: true',
      // Real files: commander's and TypeScript's code, mocha's style sheet.
      '    this._passThroughOptions = !!passThrough;',
      '        needsSecondPassForFixAll: !isCompleteFix',
      '  --mocha-test-pass-color: #007f6a;',
      '    --mocha-test-pass-slow-color: #f49896;',
      "    pass 'only one major version installed, skipping upgrade tests';",
      '  pass "no error messages during upgrade";',
      // Real files: Google Cloud SDK and its vendored oauth2client, boto, setuptools.
      '                private_key=private_key)',
      '    client_secret = getattr(settings_instance,',
      '  credentials._private_key_pkcs12 = pkcs12_val',
      "            master_user_password='testtestt3st',",
    ],
  }),
  tokenRule({
    id: 'generic-compared-credential',
    provider: 'Generic',
    description: 'Hard-coded credential compared with a password-like name',
    risk: RISK,
    severity: 'warning',
    keywords: ['pass', 'pwd', 'cret', 'key'],
    pattern: COMPARED,
    maxLength: 140,
    // What the code checks the credential against is a literal, whatever its shape.
    validate: (v) => literalOk(v, 'compared'),
    inContext: markedValueQuoted,
    literalSyntax: true,
    sample: passphrase,
    lines: (v) => [`if ("${v}" == password) {`, `if ('${v}' !== my_private_key) {`, `  "${v}" === apiKey &&`],
    negatives: [
      'if ("" == password) {',
      'if ("Password" == label) {',
      'if (",.:-¨@*¿?!" == password) {',
      'if ("none" === secret_type) {',
    ],
  }),
];
