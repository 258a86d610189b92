import type { Rule } from '../rule';
import { randomToken } from '../random';
import { randomLetterRun, randomPairs, rarePairs } from './letterPairs';
import { drawnTriples } from './letterTriples';
import { isMarkedDraw } from './markedDraws';
import { strayDollarStart, templateMarks } from '../templateRefs';
import { tokenRule } from './ruleKit';
import { ci } from './ruleParts';
import {
  isDefaultPassword,
  isKeywordValue,
  isPathLike,
  isPlaceholder,
  isReference,
  namesCredential,
} from './valueChecks';

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
 *   default (see `literalOk`).
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

/**
 * Whether the syntax before a value at `start` makes it a literal, whatever its shape: a string compared
 * with the credential's name (`creds.Secret != "…"`: what the code checks for), or a dotenv line's value (a
 * name in capitals starting its line, after `export` or a comment's `#`, and `=` with no blank: a variable
 * there is written `$NAME`), unless the value is in capitals itself (`PASSWORD=DEFAULT_PASSWORD`: the same
 * line in code names a constant). Reads at most 100 characters back and 64 on.
 */
export function literalPlace(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start);
  if (/(?:===?|!==?)[ \t]{0,3}["'`]$/.test(before)) {
    return true;
  }
  // The whole line is in reach, or the look back proves nothing about where the line starts.
  const lineStart = before.lastIndexOf('\n') + 1;
  if (lineStart === 0 && start > 100) {
    return false;
  }
  return (
    /^[ \t]{0,4}(?:#[ \t]{0,4})?(?:export[ \t]{1,4})?[A-Z][A-Z0-9_]{0,80}=$/.test(before.slice(lineStart)) &&
    !/^[A-Z0-9_]+(?:$|[\s#])/.test(text.slice(start, start + 64))
  );
}

/** A phrase that is code (`user_input or default`, `args.pw if x else None`), not a passphrase. */
const CODE_PHRASE =
  /[_.()=+|&<>$[\]{}]|\b(?:if|else|None|null|nil|undefined|await|new|return|lambda|def|function)\b/;

/** The word for "password" in the languages of most UI catalogues: a label given to a `password` key. */
const TRANSLATED =
  /contrase|passwort|senha|wachtwoord|l[oö]senord|has[lł]o|parola|salasana|heslo|jelsz|пароль|密码|密碼|パスワード|비밀번호/i;

/**
 * Code rather than data: a member or index chain (`config.db.password`, `request.form[`), a call
 * (`getenv("X")`), a value that opens a bracket it does not close, or one whose brackets all balance (an
 * expression). Generated passwords with brackets rarely balance them.
 */
function looksLikeCode(v: string): boolean {
  if (/^[A-Za-z_$][\w$]*(?:(?:\?\.|\.|::)[A-Za-z_$][\w$]*)+$/.test(v) || /^[\w$.]+\(.*\)$/.test(v)) {
    return true;
  }
  if (/[([{]$/.test(v) || (/^[A-Za-z_$][\w$.]*[[(]/.test(v) && /[\])]$/.test(v))) {
    return true;
  }
  return /[([{]/.test(v) && bracketsBalance(v);
}

/** Whether every bracket of `v` closes the one opened last, and none is left open. */
export function bracketsBalance(v: string): boolean {
  const open: string[] = [];
  for (const ch of v) {
    const at = '([{'.indexOf(ch);
    if (at >= 0) {
      open.push(')]}'[at]!);
    } else if (')]}'.includes(ch) && open.pop() !== ch) {
      return false;
    }
  }
  return open.length === 0;
}

/**
 * A reference to a value held elsewhere. Template marks count only when every one opens a well-formed
 * reference (`${DB_PASS}`, `{{ .Values.pw }}`, `$(cat pw)`, see `templateMarks`): a generated password
 * may hold a stray `}}`, `{{` or `${` among its punctuation.
 */
function isRef(t: string): boolean {
  const marks = templateMarks(t);
  if (marks === 'references') {
    return true;
  }
  const stray = strayDollarStart(t);
  const bare = (stray ? t.slice(1) : t).replace(/\{\{|\}\}|[$#@]\{|\$\(/g, ' ');
  return (
    isReference(bare) ||
    /[#@]\{\w{1,64}\}|<%|%>/.test(t) ||
    (marks === 'none' && /\$\{[\w.:-]{1,64}[}:]|\{\{[^{}]{1,80}\}\}|\$\([\w .-]{1,64}\)/.test(t))
  );
}

/**
 * What the other generic rules judge: a run of letters and digits with a few marks, 16 characters or
 * more (generic-secret asks it to look generated, and refuses a near miss with stray marks), or a short
 * letters-and-digits value (generic-password asks it for a mixture). These rules take the rest: typed
 * passphrases and punctuation-heavy passwords.
 */
function tokenShaped(t: string): boolean {
  const marks = t.length - t.replace(/[^A-Za-z0-9]/g, '').length;
  return (
    !/\s/.test(t) &&
    // A backtick or a backslash: generic-secret's quoted values hold neither, so the value is these rules'.
    !/[`\\]/.test(t) &&
    t.length >= 16 &&
    marks * 5 <= t.length &&
    (/[0-9]/.test(t) || (/[a-z]/.test(t) && /[A-Z]/.test(t)))
  );
}

/**
 * Eight or more letters in one run with two pairs no language writes. `randomLetterRun` also asks one pair
 * in four, for text that names nothing; here the name already says password or secret, and a label there is
 * a word (`required`, `ADMINISTRATOR`), whose pairs the table holds, so two are enough (`abrenfrtwcw`).
 */
function namedDraw(t: string): boolean {
  return /^[A-Za-z]{8,}$/.test(t) && rarePairs(t) >= 2;
}

/**
 * A credential's word with drawn letters beside it in one case (`cpgxursbpassword`, a typed `<letters>password`):
 * a value, where a label or a key's name made of the word is all words (`adminpassword`, `db_password`,
 * `mysqlAdminPassword`, `SECRET_KEY`). The rest asks two pairs no language writes, one pair in four.
 */
function drawnBesideWord(t: string): boolean {
  const rest = t.replace(/passw(?:or)?d|secret|token|api_?key|private_?key|credentials?/gi, '');
  return /^(?:[a-z]{6,}|[A-Z]{6,})$/.test(rest) && randomPairs(rest);
}

/**
 * A short phrase of lower-case words whose letters pair as a draw's do (two pairs or more that no language
 * writes, one in four, counted within words, and one in every word): typed letters, not a label or a note
 * (`not set`, `open sesame`, whose pairs are all a language's), nor one drawn word among words (`<drawn>
 * start right`).
 */
function drawnPhrase(t: string): boolean {
  if (!/^[a-z]+(?: [a-z]+){1,3}$/.test(t)) {
    return false;
  }
  const words = t.split(' ');
  const rare = words.reduce((n, w) => n + rarePairs(w), 0);
  const pairs = words.reduce((n, w) => n + w.length - 1, 0);
  return pairs >= 6 && rare >= 2 && rare * 4 >= pairs && words.every((w) => rarePairs(w) > 0);
}

/**
 * A literal that can be a credential: not a value another rule judges (`tokenShaped`), nor a short run of
 * letters and digits (generic-password asks it for a mixture) unless its letters read as drawn
 * (`randomLetterRun`); a phrase of 20
 * characters or more (a passphrase is long by design; a short phrase is a label or a note); with a letter
 * or digit (`,.:-¨@*¿?!` is a pattern); and
 * not a reference, a placeholder, a keyword, a path, a URL, code, a label (`Enter your password`,
 * `Contraseña`, a single capitalised word), a format string, or a stock default (`changeme`).
 * `literal`: the syntax already makes the value a literal (`Rule.literalSyntax`: compared with the name, a
 * dotenv value), so a lower-case `snake_case` or dashed shape (`open_qzkvrt`, `smtp-pass.1`) is no
 * variable's or resource's name there.
 */
export function literalOk(v: string, literal = false): boolean {
  const t = v.trim();
  // Letters in one case that no language spells (`xnjmljdxhpz`): a generated password, though it is
  // short or one-cased; the checks after the first two still apply.
  const drawn = randomLetterRun(t) || namedDraw(t) || drawnTriples(t);
  // A password generator's draw with marks (`C>/x-N[K4gDK+H1]`): its brackets and end marks are chance,
  // not code, a label or a format.
  const marked = isMarkedDraw(t);
  return !(
    // Mixed-case letters that read as drawn (`AwvydTaEeNumHozM`, pwgen's draw without a digit) are no
    // other rule's: generic-password asks for a digit or a mark.
    (tokenShaped(t) && !(drawn && /^[A-Za-z]+$/.test(t))) ||
    (/^[A-Za-z0-9]{1,11}$/.test(t) && !drawn) ||
    // One word in one case (`authorization`, `ADMINISTRATOR`): a label or a header name, not proof.
    (/^(?:[a-z]+|[A-Z]+)$/.test(t) && !drawn) ||
    // A unit said over and over (`deadbeef` four times) is a filler.
    /^(.{1,8})\1{2,}$/.test(t) ||
    (/\s/.test(t) && ((t.length < 20 && !drawnPhrase(t)) || CODE_PHRASE.test(t))) ||
    t.length < 6 ||
    !/[A-Za-z0-9]/.test(t) ||
    isRef(t) ||
    isPlaceholder(t) ||
    isKeywordValue(t) ||
    isPathLike(t) ||
    t.includes('://') ||
    (namesCredential(t) && !drawnBesideWord(t)) ||
    TRANSLATED.test(t) ||
    (!marked && looksLikeCode(t)) ||
    // A negated variable (`!!passThrough`, `!isCompleteFix`, `!this.ready`) is code, and so is a
    // variable that closes a call (`private_key=private_key)`), a call that a line break continues
    // (`client_secret = getattr(settings,`) and a lower-case snake_case name (`= pkcs12_val`).
    /^!{1,2}[a-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(t) ||
    /^[A-Za-z_][\w.]*[)\]}]{1,2}$/.test(t) ||
    /^[A-Za-z_][\w.]*\([A-Za-z_][\w.]*$/.test(t) ||
    (!literal && /^[a-z]+[0-9]*(?:_[a-z]+[0-9]*)+$/.test(t)) ||
    // A CSS colour (`--test-pass-color: #007f6a;`).
    /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(t) ||
    /^[A-Z][a-z]+$/.test(t) ||
    // A regular expression or glob (`sgpt-gw-[^']+`, `(?:…)`, `\d+`, `.*`).
    /\[\^|\(\?[:=!<]|\\[dswbDSWB]|\.[*+]/.test(t) ||
    /^[A-Z][a-z']*(?:[ \t]+\S+)+$/.test(t) ||
    (!marked && /[:?…]$|\.\.\.$|%[sd]|\{\d+\}|<%/.test(t)) ||
    (/^\$[A-Za-z_]/.test(t) && !strayDollarStart(t)) ||
    (!literal && /^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(t)) ||
    /\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|cfg|conf|properties|xml|pub|der)$/i.test(t) ||
    isDefaultPassword(t)
  );
}

/**
 * A value holding template marks that open no well-formed reference (`m{{h}o)p${e]nob(…}}`), or starting
 * with a dollar sign that opens no variable (`$u}xi(bo…`), is a literal only where every language reads a
 * string: after a double quote or a backtick. Bare or single-quoted,
 * the same brackets and marks may be code (a C character literal, a block), as detect-secrets also holds
 * by asking such files for double quotes.
 */
export function markedValueQuoted(text: string, start: number, secret: string): boolean {
  if (templateMarks(secret) !== 'literal' && !strayDollarStart(secret)) {
    return true;
  }
  const before = text.charCodeAt(start - 1);
  return before === 0x22 || before === 0x60;
}

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
    validate: (v) => literalOk(v, true),
    inContext: (text, start, secret) =>
      markedValueQuoted(text, start, secret) && (literalOk(secret) || literalPlace(text, start)),
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
    validate: (v) => literalOk(v, true),
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
