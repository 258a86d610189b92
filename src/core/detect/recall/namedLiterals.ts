import { comparedBefore } from './comparedLiterals';
import { credentialKind } from './credentialName';
import { valueShapeFor, shapedName } from './nameShapes';
import { isSlotsOnly, isWordsOfCode, spellsItsName } from './nonSecretForms';
import { valueOutsideProse } from './commentedValues';
import { endsEnclosingString } from '../enclosingString';
import { endAtOpener } from './gluedQuote';
import {
  ARGUMENT_PAIR,
  VALUE_PAIR,
  generatedPairItem,
  pairListAt,
  readPairValue,
  takeSiblingValue,
} from './pairValues';
import { valuesOnNextLines, wrappedValue } from './followingLines';
import { flowMapValue } from './flowMaps';
import { logLineValue } from './logValues';
import { generatedToken } from './bareTokens';
import { afterStringPrefix, isSpace, lineEnd, pushLiteral, readBare, readQuoted } from './literalValue';
import { LINE_PREFIX, startsStatement, statementValue, withoutPropertyFlag } from './statementStart';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces } from './wordIndex';
import * as forms from './nameForms';

import {
  afterAnchor,
  continuedValue,
  indentOf,
  linePrefix,
  openedString,
  referenceDefault,
  shellDefault,
  skipSpaces,
  takeListValues,
} from './valueForms';
import { xmlElement } from './xmlElements';
import { spacedValue } from './spacedValues';
import { isCleanToken, looksRandom, opensQuotedToken } from './tokenShape';
import { inCredentialSection, namesApiKey } from './keySections';

/**
 * Credential-named literals: a literal given to a credential-like name in any assignment syntax (`=`,
 * `:`, `:=`, `=>`, `<-`, `.env`, YAML, INI/TOML, JSON, XML elements and attributes, Dockerfile `ENV`,
 * `export`, PowerShell and PHP variables, `define('X', '…')`, `os.getenv("X", "…")`), including fallback
 * literals (`|| "…"`, `?? "…"`, `or "…"`, `${X:-…}`, Helm `| default "…"`). The name's test is in
 * credentialName.ts, the value's in literalValue.ts.
 */

export const findNamedLiterals: RecallDetector = (text, out) => {
  const kinds = new Map<string, string | undefined>();
  let resume = 0;
  for (const at of wordPlaces(text, forms.NAME_WORDS)) {
    // `pat` only as a word's end (`HEX_PAT`), not in `path` or `pattern`.
    const pat = text.slice(at, at + 3).toLowerCase() === 'pat';
    if (at < resume || (pat && /[A-Za-z]/.test(text[at + 3] ?? ''))) {
      continue;
    }
    let s = at;
    while (s > 0 && at - s < forms.NAME_REACH && isNameChar(text.charCodeAt(s - 1))) {
      s--;
    }
    s = withoutPropertyFlag(text, s);
    let e = at + 1;
    // Inside `${…}` a `-` ends the name: `${DB_PASSWORD-fallback}` is the shell's default.
    const braced = text.charCodeAt(s - 1) === 123 && text.charCodeAt(s - 2) === 36;
    while (
      e < text.length &&
      e - at < forms.NAME_REACH &&
      isNameChar(text.charCodeAt(e)) &&
      !(braced && text[e] === '-')
    ) {
      e++;
    }
    resume = e;
    // A text repeats its names: judge each once.
    const name = text.slice(s, e);
    let kind = kinds.get(name);
    if (kind === undefined && !kinds.has(name)) {
      kind = credentialKind(name) ?? shapedName(name);
      kinds.set(name, kind);
    }
    if (kind !== undefined) {
      resume = namedValues(text, s, e, kind, pat, out);
    } else if (forms.PLAIN_KEY.test(name)) {
      // `key="DbPassword" value="…"`: a refused value may be the next name; the scan resumes after it if taken.
      const mine: RecallSpan[] = [];
      const after = takeValue(text, s, e, 'key', mine);
      // Any value under a section that names the key's use (`"Jwt": { "Key": "…" }`), else a clean token.
      const taken = inCredentialSection(text, s)
        ? mine
        : mine.filter((v) => isCleanToken(text.slice(v.start, v.end)));
      out.push(...taken);
      resume = taken.length > 0 ? Math.max(e, after) : e;
    }
  }
};

/**
 * Hides the literal the credential name at [s, e) of kind `kind` is given (or compared with), unless the
 * value says it holds nothing to hide; returns where the scan resumes. `pat`: the name ends in `pat`.
 */
export function namedValues(
  text: string,
  s: number,
  e: number,
  kind: string,
  pat: boolean,
  out: RecallSpan[],
): number {
  const name = text.slice(s, e);
  const mine: RecallSpan[] = [];
  let resume = Math.max(e, takeValue(text, s, e, kind, mine));
  const compared = comparedBefore(text, s);
  if (compared !== undefined) {
    pushLiteral(text, compared, kind, false, mine);
  }
  const shape = valueShapeFor(name, pat);
  for (const v of mine.filter(
    (x) => valueOutsideProse(text, s, x) && (!shape || shape(text.slice(x.start, x.end))),
  )) {
    if (!namesNoLiteral(name, kind, text.slice(v.start, v.end))) {
      out.push(v);
    } else {
      // A value refused may hold another name (`"${DB_PASS:-…}"`): the scan resumes inside it.
      resume = e;
    }
  }
  return resume;
}

/**
 * Whether the literal `value` given to `name` holds nothing to hide: the name spelled again (a constant
 * naming itself), slots of a template, or, given to a token or a key, words of code (a lexer's
 * `newToken("punctuator")`): a token or a key is generated.
 */
function namesNoLiteral(name: string, kind: string, value: string): boolean {
  return (
    spellsItsName(name, value) ||
    isSlotsOnly(value) ||
    (kind === 'key' && isWordsOfCode(value) && !namesApiKey(name))
  );
}

/** `<` and a namespace's prefix right before a name: `<con:`, `<wsse:`. */
const NAMESPACE_OPEN = /<[A-Za-z][\w.-]{0,15}:$/;

/** A character set's or an encoding's name, as `encode` and `decode` take them. */
const CHARSET =
  /^(?:utf-?(?:8|16|32)(?:-?[lb]e)?|latin-?1|iso-?8859-?\d{1,2}|(?:us-)?ascii|base64|hex|binary|cp\d{3,4})$/i;

/** Hides the literal given to the name at [s, e), if any; returns where the scan resumes. */
function takeValue(text: string, s: number, e: number, kind: string, out: RecallSpan[]): number {
  // An element in a namespace (SoapUI's `<con:password>`, WS-Security's `<wsse:Password Type="…">`) opens as
  // one without.
  const before = NAMESPACE_OPEN.test(text.slice(Math.max(0, s - 18), s)) ? 60 : text.charCodeAt(s - 1);
  const quotedName = (before === 34 || before === 39) && text.charCodeAt(e) === before;
  let j = quotedName ? e + 1 : e;
  // A subscript's close (`$ENV{'API_KEY'} = …`, `config["x"]`, `set config(api_key) …`), or Nim's export mark.
  if (
    text[j] === ']' ||
    text[j] === ')' ||
    text[j] === '}' ||
    (text[j] === '*' && /^\*[ \t]{0,4}[=:]/.test(text.slice(j, j + 8)))
  ) {
    j++;
  }
  forms.SUBSCRIPT.lastIndex = j;
  if (forms.SUBSCRIPT.exec(text) !== null) {
    j = forms.SUBSCRIPT.lastIndex;
  }
  // An element with attributes holds its value as text (FileZilla's `<Pass encoding="base64">…</Pass>`):
  // the first attribute's value is no password. An element left empty keeps the attribute reading below.
  forms.ELEMENT_ATTRIBUTES.lastIndex = e;
  if (
    before === 60 &&
    forms.ELEMENT_ATTRIBUTES.exec(text) !== null &&
    text[forms.ELEMENT_ATTRIBUTES.lastIndex] !== '<'
  ) {
    return xmlElement(text, forms.ELEMENT_ATTRIBUTES.lastIndex, kind, out);
  }
  // A quoted name is a key or an attribute (`name="password" autocomplete="…"`), never a declaration.
  // `newToken("punctuator")`: a function that makes something, not a declaration with its value.
  const maker = /^(?:new|make)[A-Z_]/.test(text.slice(s, e));
  for (const lead of quotedName || maker
    ? []
    : [forms.CALL_OPEN, forms.TYPED, forms.AUTO_PROPERTY, forms.DECLARED]) {
    lead.lastIndex = j;
    if (lead.exec(text) !== null) {
      return pushLiteral(text, readQuoted(text, lead.lastIndex), kind, false, out);
    }
  }
  if (before === 123 && text.charCodeAt(s - 2) === 36) {
    // Robot Framework's variable table: `${PASSWORD}    …` at its line's start, two blanks or a tab between.
    forms.ROBOT_VARIABLE.lastIndex = e;
    if (linePrefix(text, s - 2) === '' && forms.ROBOT_VARIABLE.exec(text) !== null) {
      return pushLiteral(text, readBare(text, forms.ROBOT_VARIABLE.lastIndex), kind, true, out);
    }
    return shellDefault(text, e, kind, out);
  }
  if (before === 60 && text[e] === '>') {
    return xmlElement(text, e + 1, kind, out);
  }
  const prefix = linePrefix(text, quotedName ? s - 1 : s);
  if (quotedName && prefix !== undefined && forms.NOT_A_KEY.test(prefix)) {
    return e;
  }
  const sibling = takeSiblingValue(text, quotedName ? s - 1 : s, quotedName ? e + 1 : e, kind, out);
  if (sibling !== undefined) {
    return sibling;
  }
  if (quotedName && j === e + 1) {
    const pair = forms.SETTER_CALL.test(text.slice(Math.max(0, s - 40), s - 1)) ? ARGUMENT_PAIR : VALUE_PAIR;
    pair.lastIndex = j;
    if (pair.exec(text) !== null) {
      return pushLiteral(text, readQuoted(text, pair.lastIndex), kind, false, out);
    }
    const listed = generatedPairItem(text, s - 1, j, kind, out);
    if (listed !== undefined) {
      return listed;
    }
  }
  // Erlang's and Elixir's tuples (`{password, "…"}` in sys.config, `{:password, <<"…">>}`), an Erlang macro
  // (`-define(DB_PASSWORD, "…")`), Elixir's `config :app, :signing_key, "…"`: the second element.
  forms.TUPLE_VALUE.lastIndex = e;
  if (forms.TUPLE_OPEN.test(text.slice(Math.max(0, s - 12), s)) && forms.TUPLE_VALUE.exec(text) !== null) {
    return pushLiteral(text, readQuoted(text, forms.TUPLE_VALUE.lastIndex), kind, false, out);
  }
  forms.SEPARATOR.lastIndex = j;
  const sep = forms.SEPARATOR.exec(text);
  if (sep === null) {
    // Dockerfile `ENV NAME value` (the old form), Apache's `SetEnv`, csh's `setenv` and Windows' `setx`: a
    // space between.
    if (
      prefix !== undefined &&
      /^\s*(?:ENV|SetEnv|setenv|setx|SETX)\s+$/.test(prefix) &&
      isSpace(text.charCodeAt(j))
    ) {
      const at = skipSpaces(text, j);
      const quoted = text[at] === '"' || text[at] === "'";
      return pushLiteral(text, quoted ? readQuoted(text, at) : readBare(text, at), kind, !quoted, out);
    }
    if (!isSpace(text.charCodeAt(j))) {
      return e;
    }
    const at = skipSpaces(text, j);
    // A dotted configuration key, or an environment variable's name, then a column's blanks: a table of
    // settings (`spark-defaults.conf`, PowerShell's `Get-ChildItem Env:`, a PaaS's `config` listing).
    const configKey =
      at - j >= 2 &&
      /^(?:[A-Za-z][\w-]*(?:\.[\w-]+){2,}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/.test(text.slice(s, e));
    return spacedValue(text, at, prefix, kind, out, configKey);
  }
  // `DB_PASSWORD==x…` starting its statement: an `=`, then a value that starts with one (no comparison).
  const glued = sep[0] === '==' && startsStatement(prefix);
  // A full-width `：` or `＝`, as a CJK input method types them (`密码：…`), is the ASCII separator.
  // Laravel's `config:show` leads a value with dots (`password ....... …`): a colon's place.
  const raw = sep[1]!;
  const op = glued ? '=' : raw === '\uff1a' || raw.startsWith('...') ? ':' : raw === '\uff1d' ? '=' : raw;
  if (!forms.CODE_SEPARATORS.has(op) && !forms.LOOSE_SEPARATORS.has(op)) {
    forms.CONVERSION.lastIndex = forms.SEPARATOR.lastIndex;
    if (forms.CONVERSION.exec(text) !== null) {
      const quoted = readQuoted(text, forms.CONVERSION.lastIndex);
      // `password.encode("latin1")`: a charset's name is the call's argument, not the value.
      return CHARSET.test(text.slice(quoted.start, quoted.end))
        ? quoted.end
        : pushLiteral(text, quoted, kind, false, out);
    }
  }
  const base = glued ? j + 1 : forms.SEPARATOR.lastIndex;
  // `password == f"…"`; a YAML anchor (`password: &db …`) stands before its value.
  const found = forms.CODE_SEPARATORS.has(op) ? afterStringPrefix(text, base) : afterAnchor(text, base, op);
  // Objective-C's `@"…"` and T-SQL's `N'…'` are string literals as `"…"` and `'…'` are.
  const at =
    (text.charCodeAt(found) === 64 && text.charCodeAt(found + 1) === 34) ||
    (text.charCodeAt(found) === 78 && text.charCodeAt(found + 1) === 39)
      ? found + 1
      : found;
  const fallback = referenceDefault(text, at, kind, out) ?? openedString(text, at, kind, out);
  if (fallback !== undefined) {
    return fallback;
  }
  // Python's parenthesized value, as black wraps a long one: `SECRET_KEY = (\n    "…"\n)`.
  forms.PAREN_OPEN.lastIndex = at;
  if (forms.PAREN_OPEN.exec(text) !== null) {
    return pushLiteral(text, readQuoted(text, forms.PAREN_OPEN.lastIndex), kind, false, out);
  }
  const wrapped =
    op === '=' || op === ':=' ? wrappedValue(text, at, startsStatement(prefix), kind, out) : undefined;
  if (wrapped !== undefined) {
    return wrapped;
  }
  const listed = takeListValues(text, at, kind, prefix !== undefined && LINE_PREFIX.test(prefix), out);
  if (listed !== undefined) {
    return listed;
  }
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39 || c === 96) {
    // The name stood inside a string, and this quote closes it: what follows is code.
    const nameAt = quotedName ? s - 1 : s;
    const from = prefix === undefined ? nameAt - 1 : nameAt - prefix.length;
    if (endsEnclosingString(text, from, at) && !opensQuotedToken(text, at)) {
      return at;
    }
    if (forms.LOOSE_SEPARATORS.has(op)) {
      // Prose (`token - '…'`) is a weak context: only a generated value is taken there. Quoted, it may hold
      // punctuation (`le@n0u…`, `…P!7jkQ_…`), never a space (a phrase in quotes is prose) nor a `?` (a
      // template's blank, a question), unless the `?` sits inside a long alphanumeric run (WePay's tokens
      // draw it; whether one `?` marks a peer's near-miss twin is `pushLiteral`'s call).
      const v = readQuoted(text, at);
      const value = text.slice(v.start, v.end).trim();
      const question = value.includes('?') && !forms.QUESTION_IN_TOKEN.test(value);
      return looksRandom(value) && !question ? pushLiteral(text, v, kind, false, out) : at;
    }
    return pushLiteral(text, readQuoted(text, at), kind, false, out);
  }
  if (forms.LOOSE_SEPARATORS.has(op)) {
    return generatedToken(text, at, kind, out);
  }
  if (forms.CODE_SEPARATORS.has(op) || op.startsWith('|')) {
    return at;
  }
  // `tokenKeys?: TokenKeys`: TypeScript's optional property, whose bare value is a type.
  if (op === ':' && /^[ \t]*[?!]/.test(sep[0])) {
    return generatedToken(text, at, kind, out);
  }
  // `self.token = nextchar`, `this.auth = auth`: a member of an object, set in code to an expression.
  const lineStart = startsStatement(prefix) && !/^(?:self|this|cls)\./.test(text.slice(s, e));
  if (!lineStart) {
    const flow = op === ':' ? flowMapValue(text, quotedName ? s - 1 : s, at) : undefined;
    if (flow !== undefined) {
      return pushLiteral(text, flow, kind, true, out);
    }
    const pairs = op === '=' && !quotedName ? pairListAt(text, s) : undefined;
    if (pairs !== undefined) {
      return pushLiteral(
        text,
        readPairValue(text, at, pairs === 'spaced', pairs === 'options'),
        kind,
        true,
        out,
      );
    }
    // In code or a log line an unquoted value is an expression, unless it is a long number given to a
    // password (a PIN) or a generated token (`Using Key=k3J9…`). Not reading further keeps a line of
    // many names linear.
    forms.DIGITS.lastIndex = at;
    if (kind === 'password' && forms.DIGITS.exec(text) !== null) {
      return pushLiteral(text, { start: at, end: forms.DIGITS.lastIndex, quoted: false }, kind, true, out);
    }
    const generated = generatedToken(text, at, kind, out);
    // A log line's password is a literal whatever its shape (logValues.ts).
    return generated === at && kind === 'password' && prefix !== undefined
      ? logLineValue(text, at, prefix, out)
      : generated;
  }
  // `#` opens a comment unless a generated value starts with it (`#qu$d{…}`).
  if (at >= lineEnd(text, at, 1) || (text[at] === '#' && !/[^\s#!]/.test(text[at + 1] ?? ''))) {
    return lineStart ? valuesOnNextLines(text, at, indentOf(prefix), kind, out) : at;
  }
  const block = /^[|>][-+]?[ \t]*$/.exec(text.slice(at, lineEnd(text, at, 8)));
  if (block !== null && lineStart) {
    return valuesOnNextLines(text, at, indentOf(prefix), kind, out);
  }
  // A name that opens a string (`"-auth=user:$EMAIL",`, `"-Ddb.password=…"`, whose `-D` is not in the
  // name): its bare value ends where that string does.
  const opener = quotedName ? 0 : text.charCodeAt(text.startsWith('-D', s - 2) ? s - 3 : s - 1);
  const read = endAtOpener(text, readBare(text, at), opener);
  // A `//` comment after the value: a statement of code (`config.encryptionKey = myVarKey // GOOD`), whose
  // bare value is an expression, as in the branch above; no settings file comments so.
  if (/^[ \t]+\/\//.test(text.slice(read.end, read.end + 8))) {
    return generatedToken(text, at, kind, out);
  }
  const bare = statementValue(text, read, prefix);
  const resume = pushLiteral(text, bare, kind, true, out);
  if (resume > bare.start) {
    return continuedValue(text, bare.end, indentOf(prefix), kind, out);
  }
  // Refused with blanks in it after a shell's variable (`PGPASSWORD=… psql -h db -c '\dt'`: a command after
  // it, not one value of words): its first word alone, as the shell reads it. Only a shell's own form, an
  // upper-case name glued to its `=` and a plain word: `pub_key = self._ffi.new("BIGNUM **")` is code.
  const first = /^[^\s"'`()[\]{}$;|&<>]+(?=[ \t])/.exec(text.slice(bare.start, bare.end));
  return first !== null && text[e] === '=' && at === e + 1 && /^[A-Z][A-Z0-9_]*$/.test(text.slice(s, e))
    ? pushLiteral(text, { ...bare, end: bare.start + first[0].length }, kind, true, out)
    : resume;
}

/** Letters, digits, `_`, `-` and `.`: the characters of a name in any case style or namespace. */
export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46
  );
}
