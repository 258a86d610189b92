import { lineEnd } from '../lineBounds';
import { isPlaceholder } from '../placeholders';
import { lastClosingQuote } from './gluedQuote';
import { hasNotRealBody, isCommandSubstitution, isProse } from './nonSecretForms';
import { isQuestionMarkTwin } from './questionMarkTwin';
import { isFiller } from './fillerValues';
import { isReferenceForm } from './referenceForms';
import { isPasswordLabel } from './foreignWords';
import type { RecallSpan } from './recallSpan';
import { isMarkedDraw } from '../rules/markedDraws';
import { holdsGeneratedRun, isGibberish, looksRandom, spellsWords } from './tokenShape';
import { isCode } from './codeValues';
import { closesElement } from './closingTags';

/** Re-exported for the redact tier's detectors, which read values up to a line's end. */
export { lineEnd };
/** Re-exported for the detectors that judge an unquoted value beside a name (see codeValues.ts). */
export { isCode };

/**
 * Reading the value given to a name, and telling a literal (hide it) from a reference, a placeholder or
 * code (leave it). Every read is bounded: a value is at most `MAX_VALUE` characters and never crosses a
 * line, so a detector that reads one value per name stays linear.
 */

/** Longest value read; a longer one is hidden up to here and the rest of its line is hidden too. */
export const MAX_VALUE = 4096;

/** A value's span in the text (end exclusive) and whether it was quoted. */
export interface ValueSpan {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** False for a quoted value whose closing quote is not on its line. */
  readonly closed?: boolean;
}

/**
 * The content of the quoted string whose opening quote is at `at`: up to its closing quote (a backslash
 * escapes one character), so `;`, `=`, `(` and spaces inside stay in the value. Unclosed on its line, the
 * value runs to the line's end.
 */
export function readQuoted(text: string, at: number): ValueSpan {
  const quote = text.charCodeAt(at);
  const limit = lineEnd(text, at + 1, MAX_VALUE);
  let i = at + 1;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === quote) {
      return { start: at + 1, end: lastClosingQuote(text, i, quote, limit, at), quoted: true };
    }
    i++;
  }
  // Unclosed only because a backslash stands before the quote that ends it (Go's raw `…\`, a Windows
  // path's "C:\dir\"): that quote closes it when code or the line's end follows.
  for (let j = at + 2; j < limit; j++) {
    if (
      text.charCodeAt(j) === quote &&
      text.charCodeAt(j - 1) === 92 &&
      /^(?:[\s;,)\]}]|$)/.test(text.slice(j + 1, j + 2))
    ) {
      return { start: at + 1, end: j, quoted: true };
    }
  }
  return { start: at + 1, end: Math.min(i, limit), quoted: true, closed: false };
}

/**
 * An unquoted value from `at` to the end of its line, without a trailing comment (` # …`, ` // …`, ` /* …`) or
 * trailing whitespace. In a connection string it stops before the next `;Name=` pair.
 */
export function readBare(text: string, at: number): ValueSpan {
  const limit = lineEnd(text, at, MAX_VALUE);
  const escaped = escapedQuoted(text, at, limit);
  if (escaped !== undefined) {
    return escaped;
  }
  // A comment where a value would be (`x = /* @__PURE__ */ new Map()`) is none.
  if (closesElement(text, at, at) || (text.charCodeAt(at) === 47 && text.charCodeAt(at + 1) === 42)) {
    return { start: at, end: at, quoted: false };
  }
  let end = limit;
  for (let i = at + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    const prev = text.charCodeAt(i - 1);
    const slash = c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42);
    // A comment that closes after the value (`/* password: … */`, `<!-- token: … -->`) ends it too.
    const closer =
      (c === 42 && text.charCodeAt(i + 1) === 47) ||
      (c === 45 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 62);
    if ((c === 35 || slash || closer) && (prev === 32 || prev === 9)) {
      end = i;
      break;
    }
    // A `;` ends the value before the next `Name=` only in a pair list (`Server=…;Password=…`), which has
    // had an `=` already: in a password (`i_;j=ohHF…`) it is a character like any other.
    if (c === 59 && nextIsPair(text, i + 1, limit) && text.slice(at, i).includes('=')) {
      end = i;
      break;
    }
    if (c === 60 && closesElement(text, at, i)) {
      end = i;
      break;
    }
    // PEM armour after a blank starts a value of its own (ggshield's `FacebookAppKeys: <id> / <secret>
    // -----BEGIN RSA PRIVATE KEY-----`): read into this one, its words made the whole a sentence.
    if (c === 45 && (prev === 32 || prev === 9) && text.startsWith('-----BEGIN ', i)) {
      end = i;
      break;
    }
  }
  while (end > at && isSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return { start: at, end: continuedEnd(text, end), quoted: false };
}

/**
 * [at, end) less the closing brackets at its end that nothing in it opened: perhaps the call or the list the
 * value stands in (`connect(password=PASSWORD)`, CodeQL's Python test), not the value's (`p(a)ss`, `{x}`).
 */
function withoutStrayClosers(text: string, at: number, end: number): number {
  let e = end;
  for (;;) {
    const c = text.charCodeAt(e - 1);
    const open = c === 41 ? '(' : c === 93 ? '[' : c === 125 ? '{' : undefined;
    if (open === undefined || e - 1 <= at) {
      return e;
    }
    const value = text.slice(at, e);
    const close = value[value.length - 1]!;
    if (value.split(open).length >= value.split(close).length) {
      return e; // as many opened as closed: the bracket is the value's own
    }
    e--;
  }
}

/**
 * A shell's line continuation: a value that ends in `\` at its line's end goes on at the start of the next
 * line (`KEY=abc\` then `def`), as the shell joins them; up to four lines are followed.
 */
function continuedEnd(text: string, end: number): number {
  let e = end;
  for (let lines = 0; lines < 4 && text.charCodeAt(e - 1) === 92; lines++) {
    const next = text.charCodeAt(e) === 13 ? e + 1 : e;
    if (text.charCodeAt(next) !== 10) {
      break;
    }
    let j = next + 1;
    while (j < text.length && j - next <= MAX_VALUE && /[^\s'"`;#]/.test(text[j]!)) {
      j++;
    }
    if (j === next + 1) {
      break;
    }
    e = j;
  }
  return e;
}

/**
 * `\"…\"` (or `\'…\'`): a value quoted inside an escaped string (a notebook cell, stringified JSON). The
 * value is what the escaped quotes hold: read bare, it took the escapes and the `\n` after them too.
 */
function escapedQuoted(text: string, at: number, limit: number): ValueSpan | undefined {
  const q = text.charCodeAt(at + 1);
  if (text.charCodeAt(at) !== 92 || (q !== 34 && q !== 39)) {
    return undefined;
  }
  // Searched within the line's reach only, so a flood of unclosed `\"` stays linear.
  const close = text.slice(at + 2, limit).indexOf(q === 34 ? '\\"' : "\\'");
  return close === -1 ? undefined : { start: at + 2, end: at + 2 + close, quoted: true };
}

/** `;Database=` or `; User Id=`: the next pair of a connection string. */
function nextIsPair(text: string, from: number, limit: number): boolean {
  let i = from;
  while (i < limit && text.charCodeAt(i) === 32) {
    i++;
  }
  const begin = i;
  while (i < limit && i - begin < 40 && /[A-Za-z ]/.test(text[i]!)) {
    i++;
  }
  return i > begin && text[i] === '=';
}

/**
 * Whether the value in `span`, whose quote is left open, is its line's whole value: only a name
 * (`export`ed, indented) and `=` or `:` stand before the quote on its line. A `.properties` or `.env`
 * value may open with a quote it never closes (`RELEASE_KEY_PASSWORD='jGUl$"c#,y7W.`, hunt H); in code
 * such a line would not parse, and an enclosing string's end (`"Invalid token: " + x`) has more before it.
 */
function openLineValue(text: string, span: ValueSpan): boolean {
  // Letters, digits and blanks alone are a name or a sentence the line cuts (`token = "getUserAccess`,
  // `secret = "see the vault for it`); a drawn password holds marks. A generated token is `openToken`'s.
  return /[^\w\s]/.test(text.slice(span.start, span.end)) && startsLineValue(text, span.start - 1);
}

function startsLineValue(text: string, quote: number): boolean {
  if (text[quote] === '`') {
    return false; // a template literal goes on over lines
  }
  const from = text.lastIndexOf('\n', quote - 1) + 1;
  return quote - from <= 128 && LINE_NAME.test(text.slice(from, quote));
}
const LINE_NAME = /^[ \t]{0,32}(?:export[ \t]{1,4})?[A-Za-z_][\w.-]{0,95}[ \t]{0,4}[=:][ \t]{0,4}$/;

/**
 * Records `span` when its value is a literal. Returns where the scan resumes: past an accepted value, at
 * the start of a refused one (it may hold another name).
 */
export function pushLiteral(
  text: string,
  span: ValueSpan,
  kind: string,
  bareIsLiteral: boolean,
  out: RecallSpan[],
): number {
  // A quote left open, or one that opens on a space, is the end of an enclosing string
  // (`"Invalid token: " + x`), not a value, unless what it holds is a generated token (`' k8Fq… '`; left
  // open, a token cut by the selection or a paste: `token = "live_<draw>=_<draw>`).
  if (
    span.quoted &&
    (span.closed === false
      ? !openToken(text.slice(span.start, span.end)) && !openLineValue(text, span)
      : isSpace(text.charCodeAt(span.start)) && !looksRandom(text.slice(span.start, span.end).trim()))
  ) {
    return span.start;
  }
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) {
    start++;
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  // A bare value that ends in a bracket nothing in it opened: without it, a reference closes a call
  // (`password=PASSWORD)`), and is none; a literal keeps the bracket, which may be its own (`pw=abc)`).
  const unclosed = span.quoted ? end : withoutStrayClosers(text, start, end);
  if (
    !isLiteral(text, { start, end: unclosed, quoted: span.quoted }, bareIsLiteral) ||
    (unclosed !== end && !isLiteral(text, { start, end, quoted: span.quoted }, bareIsLiteral)) ||
    tooShortFor(kind, end - start) ||
    isQuestionMarkTwin(kind, text.slice(start, end))
  ) {
    return span.start;
  }
  // `token = "Bearer k3J9…"`: the scheme stays readable, the credential after it is what is hidden.
  const scheme = AUTH_SCHEME.exec(text.slice(start, Math.min(end, start + 16)));
  out.push({
    start: scheme !== null && end - start > scheme[0].length ? start + scheme[0].length : start,
    end,
    kind,
  });
  return span.end;
}

/**
 * Whether the rest of a line after a quote left open is one generated token: base64 and base64url
 * characters only, and random by its shape. Code after the end of an enclosing string holds a blank, an
 * operator or a call (`" + x`, `", name)`); a token does not. A draw that switches class too seldom for
 * `looksRandom` (one digit among 25 letters: one 27-character base62 draw in 1,400) is one still when it
 * holds both cases and a digit and spells no words (1 in 25,000 left): a name cut by the line
 * (`getUserToken2`) spells them.
 */
function openToken(value: string): boolean {
  const trimmed = value.trimEnd();
  if (!/^[A-Za-z0-9+/=_.-]{16,}$/.test(trimmed)) {
    return false;
  }
  return (
    looksRandom(trimmed) ||
    (/[0-9]/.test(trimmed) &&
      /[a-z]/.test(trimmed) &&
      /[A-Z]/.test(trimmed) &&
      !spellsWords(trimmed, trimmed.replace(/[^A-Za-z]/g, '').length))
  );
}

/** An HTTP authorization scheme and its blank, at a value's start. */
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest)[ \t]+/;

/**
 * A token or a key is generated and never shorter than 8 characters (`'tfp_0'`, `"UZMRC-"` are a test's
 * truncated samples); a password may be (`pw: "abc12"`), so it keeps the general floor.
 */
function tooShortFor(kind: string, length: number): boolean {
  return (kind === 'token' || kind === 'key') && length < 8;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * References to a value kept elsewhere: env lookups, secret stores (CloudFormation's
 * `{{resolve:secretsmanager:…}}`, PowerShell's `Get-Secret`, Home Assistant's `!secret`; a prompt,
 * `Read-Host -AsSecureString …`), template and CI expressions, and an f-string's lookup (`{os.environ['DB_PASS']}`).
 */
const REFERENCE =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|ENV\.|System\.getenv|Environment\.|secrets\.|vars\.|var\.|local\.|!Ref|!Sub|!GetAtt|!vault|!secret\b|\{[ \t]{0,2}(?:os\.environ|os\.getenv|process\.env|settings\.|config\.|env\[|env\.)|ref\+|vault:|keybase:|op:\/\/|\{\{resolve:(?:secretsmanager|ssm-secure|ssm):|(?:Read-Host|Get-Credential|Get-Secret|Get-AzKeyVaultSecret)\b|\$\{\{|%\([\w.-]{1,64}\)|\{[\w.]*\}$|#\{|%[sd]$|<%|@Value)/;

/**
 * Whether the value in `span` is a literal credential: not empty or short, not a placeholder or a
 * reference, and, unquoted, not code. `bareIsLiteral` says whether an unquoted word counts as a literal
 * (a `.env`, YAML or INI line) or is an identifier (code).
 */
export function isLiteral(text: string, span: ValueSpan, bareIsLiteral: boolean): boolean {
  const value = text.slice(span.start, span.end);
  const trimmed = value.trim();
  if (
    trimmed.length < 4 ||
    // A template's braces balance; a generated password's (`x]mg}(j(-m#k{#ke)be{{(sr}}`) do not, and a
    // draw with marks holds `<…>` by chance (`d=2!JU^<Gd>(5XF)`) without being a template end to end.
    (isPlaceholder(trimmed, [], 'whole-template') &&
      !isGibberish(trimmed) &&
      // A sample's counting part beside a real generated run (not a head shown cut short, `ops_…`).
      !(holdsGeneratedRun(trimmed) && !/(?:\.\.\.|\u2026)$/.test(trimmed)) &&
      !(isMarkedDraw(trimmed) && !isPlaceholder(trimmed, [], 'whole-value'))) ||
    REFERENCE.test(trimmed) ||
    isReferenceForm(trimmed) ||
    // `nid_key = self._lib.NID_aes_256_cbc`: an object's member, however its name reads.
    (!span.quoted && /^(?:self|this|cls)(?:\.[A-Za-z_$][\w$]{0,80}){1,8}$/.test(trimmed)) ||
    isFiller(trimmed) ||
    hasNotRealBody(trimmed) ||
    // `KEY=\`etcdctl get /app/key\``: the shell runs a command for the value.
    (span.quoted && span.start > 0 && isCommandSubstitution(text, span.start - 1))
  ) {
    return false;
  }
  if (isProse(trimmed) || isPasswordLabel(trimmed) || IPV6.test(trimmed) || CONCATENATION.test(trimmed)) {
    return false;
  }
  if (span.quoted) {
    return true;
  }
  // A parameter's type and its default (Swift's `encryptionKey: Data? = nil,`): the type is no value.
  if (TYPE_DEFAULT.test(trimmed)) {
    return false;
  }
  if (!bareIsLiteral) {
    // In code an unquoted value is an expression; only a long number (a PIN, an account key) or a
    // generated token is a literal.
    return /^\d{6,}$/.test(trimmed) || looksRandom(trimmed);
  }
  return !isCode(trimmed);
}

/** An IPv6 address (Sonar's `ip_secret1 = "bfee:e3e1:…"`): an address, whatever its name says. */
export const IPV6 = /^(?=[0-9A-Fa-f:]{7,39}$)[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}$/;
/** What a quote pair holds when a string is closed, joined with a name and opened again: `'" + pwd + "'`. */
const CONCATENATION = /^["'`][ \t]{0,4}\+[ \t]{0,4}[\w$.()[\]]{1,80}[ \t]{0,4}\+[ \t]{0,4}["'`]$/;

/** A type, maybe generic or optional, then ` = ` and a default: a declaration's, not a value. */
const TYPE_DEFAULT = /^[A-Z][\w.]{0,40}(?:<[^<>\n]{0,40}>)?[?!]?[ \t]*=[ \t]/;

/** A string literal's prefix in Python (`f`, `b`, `r`, `u`, `rb`, `fr`), right before its quote. */
const STRING_PREFIX = /[fFbBrRuU]{1,2}(?=["'])|@(?=")/y;

/**
 * Where a literal compared with a name starts: past its string prefix, if it has one (`password == f"…"`,
 * `token != b"…"`), so that the quoted literal after it is read as a comparison's is.
 */
export function afterStringPrefix(text: string, at: number): number {
  STRING_PREFIX.lastIndex = at;
  return STRING_PREFIX.test(text) ? STRING_PREFIX.lastIndex : at;
}

/** A placeholder, a reference or a filler value: what no detector of the redact tier hides. */
export function isPlaceholderValue(value: string): boolean {
  return isPlaceholder(value, [], 'whole-template') || REFERENCE.test(value) || isFiller(value);
}
