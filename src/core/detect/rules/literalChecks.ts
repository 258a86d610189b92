import { isMarkedDraw } from './markedDraws';
import { decodeNumericEntities } from '../recall/foreignWords';
import { randomLetterRun, randomPairs, rarePairs } from './letterPairs';
import { drawnTriples } from './letterTriples';
import { strayDollarStart, templateMarks } from '../templateRefs';
import {
  isDefaultPassword,
  isKeywordValue,
  isPathLike,
  isPlaceholder,
  isReference,
  namesCredential,
} from './valueChecks';

// What the literal rules (`credentialLiterals.ts`) ask of a value and of its place: that it be a literal and
// not a reference, a label, code, a placeholder or a value another rule judges (`literalOk`), and whether the
// syntax before it makes it one whatever its shape (`literalPlace`, `markedValueQuoted`).

/** Letters in one case that no language spells (`xnjmljdxhpz`): a generated password, though short or one-cased. */
function drawnLetters(t: string): boolean {
  return randomLetterRun(t) || namedDraw(t) || drawnTriples(t);
}

/**
 * A short run of letters and digits, or one word in one case (`authorization`, `ADMINISTRATOR`), that reads
 * as no draw: a label, a header name or a mode where a value is assigned, not proof. Compared with a
 * credential's name (`password == "…"` with six letters and digits), it is what the code lets in, and a literal
 * all the same, unless it is in capitals (`password !== 'RANDOM'`: a sentinel, as a constant's name is).
 */
export function plainWord(value: string): boolean {
  const t = value.trim();
  return (/^[A-Za-z0-9]{1,11}$/.test(t) || /^(?:[a-z]+|[A-Z]+)$/.test(t)) && !drawnLetters(t);
}

/** Whether the value at `start` is compared with what is before it (`password == "…"`, `secret !== '…'`). */
export function comparedBefore(text: string, start: number): boolean {
  return /(?:===?|!==?)[ \t]{0,3}["'`]$/.test(text.slice(Math.max(0, start - 8), start));
}

/** A name that holds more than `pass`, which also names a compiler's pass or a test's (`pass_arg`, `remark.Pass`). */
const COMPARED_NAME = /(?:passw|passphrase|pwd|secret|token|key|cred)[A-Za-z0-9_]*$/i;

/**
 * Whether a plain word at `start` is what the code lets in: compared with a credential's name, and not its
 * type (`typeof apiKey === 'function'`). Reads the line back 100 characters at most.
 */
export function comparedValue(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start);
  const name = /([A-Za-z0-9_]{1,60})[ \t]{0,3}(?:===?|!==?)[ \t]{0,3}["'`]$/.exec(before)?.[1];
  return (
    name !== undefined &&
    COMPARED_NAME.test(name) &&
    !/\btypeof\b[^\n]*$/.test(before) &&
    !/^[A-Z][A-Z0-9_]*["'`]/.test(text.slice(start, start + 42))
  );
}

/**
 * Whether the syntax before a value at `start` makes it a literal, whatever its shape: a string compared
 * with the credential's name (`creds.Secret != "…"`: what the code checks for), or a dotenv line's value (a
 * name in capitals starting its line, after `export` or a comment's `#`, and `=` with no blank: a variable
 * there is written `$NAME`), unless the value is in capitals itself (`PASSWORD=DEFAULT_PASSWORD`: the same
 * line in code names a constant). Reads at most 100 characters back and 64 on.
 */
export function literalPlace(text: string, start: number): boolean {
  if (comparedBefore(text, start)) {
    return true;
  }
  const before = text.slice(Math.max(0, start - 100), start);
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
    // A backtick, a backslash or a quote (`"…'…"`): generic-secret's quoted values hold none of them, so the
    // value is these rules'.
    !/[`\\'"]/.test(t) &&
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
 * A lower-case `snake_case` or dashed, dotted shape (`open_qzkvrt`, `smtp-pass.1`, `my-tls-secret`): a
 * variable's or a resource's name after an assignment in code, a literal only where the syntax says so
 * (`literalPlace`).
 */
export function nameShaped(value: string): boolean {
  const t = value.trim();
  return /^[a-z]+[0-9]*(?:_[a-z]+[0-9]*)+$/.test(t) || /^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(t);
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
export function literalOk(v: string, literal: boolean | 'compared' = false): boolean {
  const t = v.trim();
  // A password generator's draw with marks (`C>/x-N[K4gDK+H1]`): its brackets and end marks are chance,
  // not code, a label or a format.
  const marked = isMarkedDraw(t);
  return !(
    // Mixed-case letters that read as drawn (`AwvydTaEeNumHozM`, pwgen's draw without a digit) are no
    // other rule's: generic-password asks for a digit or a mark.
    (tokenShaped(t) && !(drawnLetters(t) && /^[A-Za-z]+$/.test(t))) ||
    (literal !== 'compared' && plainWord(t)) ||
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
    TRANSLATED.test(t.includes('&#') ? decodeNumericEntities(t) : t) ||
    (!marked && looksLikeCode(t)) ||
    // A negated variable (`!!passThrough`, `!isCompleteFix`, `!this.ready`) is code, and so is a
    // variable that closes a call (`private_key=private_key)`), a call that a line break continues
    // (`client_secret = getattr(settings,`) and a lower-case snake_case name (`= pkcs12_val`).
    /^!{1,2}[a-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(t) ||
    /^[A-Za-z_][\w.]*[)\]}]{1,2}$/.test(t) ||
    /^[A-Za-z_][\w.]*\([A-Za-z_][\w.]*$/.test(t) ||
    (!literal && nameShaped(t)) ||
    // A CSS colour (`--test-pass-color: #007f6a;`).
    /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(t) ||
    /^[A-Z][a-z]+$/.test(t) ||
    // A regular expression or glob (`sgpt-gw-[^']+`, `(?:…)`, `\d+`, `.*`).
    /\[\^|\(\?[:=!<]|\\[dswbDSWB]|\.[*+]/.test(t) ||
    /^[A-Z][a-z']*(?:[ \t]+\S+)+$/.test(t) ||
    (!marked && /[:?…]$|\.\.\.$|%[sd]|\{\d+\}|<%/.test(t)) ||
    (/^\$[A-Za-z_]/.test(t) && !strayDollarStart(t)) ||
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
