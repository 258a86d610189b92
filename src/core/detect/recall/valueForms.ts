import { randomLetterRun } from '../rules/letterPairs';
import { lineEnd } from '../lineBounds';
import { isSpace, pushLiteral, readQuoted } from './literalValue';
import type { RecallSpan } from './recallSpan';
import { looksRandom, spellsWords } from './tokenShape';

/**
 * Forms of a credential name's value beyond one literal after an operator (namedLiterals.ts): a list of
 * literals, a directive's bare value alone on its line, a shell's `${NAME:-fallback}`, an XML element's text,
 * a YAML anchor before a value. With the line helpers namedLiterals.ts reads a name's line with.
 */

/** How far back the start of a name's line is looked for; further back, the name is taken to be in code. */
const LINE_REACH = 160;

/** The text from the start of the line to `s`, or undefined when the line starts too far back. */
export function linePrefix(text: string, s: number): string | undefined {
  for (let i = s - 1; i >= 0 && s - i <= LINE_REACH; i--) {
    if (text.charCodeAt(i) === 10) {
      return text.slice(i + 1, s);
    }
  }
  return s <= LINE_REACH ? text.slice(0, s) : undefined;
}

export function indentOf(prefix: string): number {
  let i = 0;
  while (i < prefix.length && isSpace(prefix.charCodeAt(i))) {
    i++;
  }
  return i;
}

export function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/** `[`, or Python's `"".join([` (a key split into parts), where a list of literals opens. */
const LIST_OPEN = /(?:(["'])\1\.join\([ \t]{0,4})?\[/y;
/** One element and what ends it: a quoted string, or a bare run, then a comma or the closing bracket. */
const ELEMENT = /[ \t]{0,16}(?:(["'`])([^"'`\\\r\n]{0,512})\1|([^,\][\s"'`{}()]{1,512}))[ \t]{0,16}([,\]])/y;
/** How far a list is read on its line. */
const LIST_REACH = 2048;

/**
 * A list of literals given to a credential name: `API_KEYS = ["…", "…"]`, YAML's flow sequence
 * (`passwords: [a, b]`), a key split into parts and joined (`["…", "…"].join("")`, `"".join(["…", "…"])`).
 * A joined part is hidden whatever it looks like; an element of a plain list when it reads as a credential
 * (`listedValue`: lists given to `token` or `auth` names are lexers' and schemes' words as often), a bare
 * one only where `bare` (a line-oriented format: in code a bare element is an expression). Returns where the
 * scan resumes, or undefined when no flat list of literals on one line starts at `at` (a call inside, a
 * nested list: then the value is read as before).
 */
export function takeListValues(
  text: string,
  at: number,
  kind: string,
  bare: boolean,
  out: RecallSpan[],
): number | undefined {
  LIST_OPEN.lastIndex = at;
  const open = LIST_OPEN.exec(text);
  if (open === null) {
    return undefined;
  }
  const limit = lineEnd(text, at, LIST_REACH);
  const elements: { start: number; end: number; quoted: boolean }[] = [];
  for (let i = LIST_OPEN.lastIndex; ;) {
    ELEMENT.lastIndex = i;
    const m = ELEMENT.exec(text);
    if (m === null || ELEMENT.lastIndex > limit) {
      return undefined;
    }
    const value = m[2] ?? m[3]!;
    const start = text.indexOf(m[1] === undefined ? value : m[1] + value, i) + (m[1] === undefined ? 0 : 1);
    if (m[1] !== undefined || bare) {
      elements.push({ start, end: start + value.length, quoted: m[1] !== undefined });
    }
    i = ELEMENT.lastIndex;
    if (m[4] === ']') {
      const joined = open[1] !== undefined || JOINED.test(text.slice(i, i + 8));
      for (const v of elements) {
        if (joined || listedValue(text.slice(v.start, v.end), kind)) {
          pushLiteral(text, v, kind, bare, out);
        }
      }
      return i;
    }
  }
}

/** `.join(` right after a list: its parts make one value. */
const JOINED = /^[ \t]{0,2}\.join\(/;

/**
 * An element of a plain list that reads as a credential: generated, or given to a password name with letters
 * and something else and no words of code joined by marks (`hunter22`, not `+i6t-not-inline`).
 */
function listedValue(value: string, kind: string): boolean {
  if (looksRandom(value)) {
    return true;
  }
  return (
    kind === 'password' &&
    value.length >= 6 &&
    /[A-Za-z]/.test(value) &&
    /[^A-Za-z]/.test(value) &&
    !/[a-z]{2}[-_./][a-z]{2}/i.test(value)
  );
}

/**
 * A directive's value: a credential name and one bare value alone on their line (`keyPassword s3cr…` in a
 * config file, `password hunter22` in a client's rc file). Letters alone are a word of prose (`Password
 * reset`) unless they read as drawn; a digit, a mark or a capital after a small letter make a value. Not
 * code (`krb5_creds *creds);`, a C parameter: brackets, `;`, a leading `*` or `&`), a string's words (quotes), words joined by marks
 * (`local,wkd,dane`, `key/iv`), a service's port (`kpasswd 464/tcp`) or a label (`auth0_credentials file:`,
 * a YAML key whose value follows on the next lines). Returns where the scan resumes, or undefined when the line
 * holds anything else. `configKey`: a configuration key set apart by a column's blanks names the value.
 */
export function directiveValue(
  text: string,
  at: number,
  kind: string,
  out: RecallSpan[],
  configKey = false,
): number | undefined {
  const end = lineEnd(text, at, 256);
  const value = text.slice(at, end).trimEnd();
  if (
    end === at + 256 ||
    !/^[^\s()[\]{};,<>*&"'`][^\s()[\]{};<>"'`]{3,199}$/.test(value) ||
    /^[a-z]+(?:[,./:_-][a-z]+)+$/i.test(value) ||
    /^\d+\/[a-z]+$/.test(value) ||
    /^[a-z][a-z_-]*:$/i.test(value)
  ) {
    return undefined;
  }
  const shaped = configKey || /[^A-Za-z]/.test(value) || /[a-z][A-Z]/.test(value) || randomLetterRun(value);
  return shaped
    ? pushLiteral(text, { start: at, end: at + value.length, quoted: false }, kind, true, out)
    : undefined;
}

/**
 * Past a YAML anchor (`&name `) or a core tag that keeps the value literal (`!!binary `, `!!str `) after a `:`,
 * where the value starts. An application's tag (CloudFormation's `!Ref`, `!Sub`, Ansible's `!vault`) makes the
 * value a reference or ciphertext, and is left as it was.
 */
export function afterAnchor(text: string, at: number, op: string): number {
  const marked = op === ':' && (text[at] === '&' || text[at] === '!');
  const anchor = marked ? /^(?:&[\w-]{1,64}|!!(?:binary|str))[ \t]+/.exec(text.slice(at, at + 80)) : null;
  return anchor === null ? at : at + anchor[0].length;
}

/** `${NAME:-fallback}`, `${NAME-fallback}`, `${NAME:=fallback}`: the fallback, up to the closing brace. */
export function shellDefault(text: string, e: number, kind: string, out: RecallSpan[]): number {
  const m = /:?[-=]/y;
  m.lastIndex = e;
  if (m.exec(text) === null) {
    return e;
  }
  return defaultAt(text, m.lastIndex, kind, out);
}

/**
 * A reference with a default given to a credential name: Spring's and Quarkus's `${DB_PW:…}`, the shell's
 * `${X:-…}`, `${env:X:…}`, a dev container's `${localEnv:X:…}`: the variable may be named anything
 * (`${DB_SENHA:…}`), the default is the password used wherever it is unset. Not the shell's `${X:?message}`
 * (an error's text), nor VS Code's `${input:id}` or `${config:name}` (a variable's namespace, not a default).
 * Undefined when no such reference starts at `at` (a quote before it allowed).
 */
const REFERENCE_DEFAULT =
  /["']?\$\{(?:env:|localEnv:|containerEnv:)?(?!(?:input|config|command|workspaceFolder|env|localEnv|containerEnv):)[A-Za-z_][\w.]{0,63}(?::-|:=|-|:(?![-=}?]|\d{1,6}(?::\d{1,6})?\}))/y;

export function referenceDefault(
  text: string,
  at: number,
  kind: string,
  out: RecallSpan[],
): number | undefined {
  REFERENCE_DEFAULT.lastIndex = at;
  return REFERENCE_DEFAULT.exec(text) === null
    ? undefined
    : defaultAt(text, REFERENCE_DEFAULT.lastIndex, kind, out);
}

/** The default that starts at `start`, quoted or up to the reference's closing brace on its line. */
function defaultAt(text: string, start: number, kind: string, out: RecallSpan[]): number {
  const c = text.charCodeAt(start);
  if (c === 34 || c === 39) {
    return pushLiteral(text, readQuoted(text, start), kind, false, out);
  }
  const limit = lineEnd(text, start, 512);
  const close = text.indexOf('}', start);
  if (close === -1 || close > limit) {
    return start;
  }
  return pushLiteral(text, { start, end: close, quoted: true }, kind, false, out);
}

/**
 * A continuation line: indented, one run of token characters, no `:` or `=` inside (no key of its own), not
 * led by `-` (a flag, a list item).
 */
const CONTINUATION = /^([ \t]{0,40})([A-Za-z0-9+/][A-Za-z0-9+/_.-]{3,511}={0,2})[ \t]*\r?$/;
const HEX = /^[0-9a-f]+$/i;

/**
 * A bare value that a line break wrapped onto the next, more indented line (YAML's plain scalar over lines,
 * an INI value's continuation, a pasted key cut at a terminal's width): `aws_secret_access_key = wJal…` then
 * `    fiCY…`. When the value at [start, end) runs to its line's end and the next line is such a
 * continuation, deeper than `indent`, that line is hidden too. Returns where the scan resumes.
 */
export function continuedValue(
  text: string,
  end: number,
  indent: number,
  kind: string,
  out: RecallSpan[],
): number {
  const eol = lineEnd(text, end);
  if (!/^[ \t]*\r?$/.test(text.slice(end, eol)) || eol >= text.length) {
    return end;
  }
  const next = eol + 1;
  const m = CONTINUATION.exec(text.slice(next, lineEnd(text, next)));
  if (m === null || (m[1]!.length <= indent && !wrappedRun(text, end, m[2]!))) {
    return end;
  }
  const start = next + m[1]!.length;
  out.push({ start, end: start + m[2]!.length, kind });
  return start + m[2]!.length;
}

/**
 * Whether `next`, a line no deeper than its value's, goes on with the generated run that ends at `end`: a
 * key a mail or a chat wrapped at its width (`key: AIza…SqWP` then `OHzT…34qA` at the margin, hunt G). Both
 * halves must read as drawn (hex with hex), so that a YAML key's next sibling or a word of prose is no part.
 */
function wrappedRun(text: string, end: number, next: string): boolean {
  let start = end;
  while (start > 0 && end - start < 512 && /[A-Za-z0-9+/_.=-]/.test(text[start - 1]!)) {
    start--;
  }
  const head = text.slice(start, end);
  if (head.length < 12 || next.length < 8) {
    return false;
  }
  return HEX.test(head) ? HEX.test(next) : looksRandom(head) && looksRandom(next);
}

/**
 * A form read after a name and a blank: where the scan resumes, or undefined when `prefix` (the name's line up
 * to it) is not the form's.
 */
type SpacedForm = (
  text: string,
  at: number,
  prefix: string | undefined,
  kind: string,
  out: RecallSpan[],
) => number | undefined;

/**
 * C's and Objective-C's `#define API_PASSWORD "…"` (or `@"…"`): the literal after a defined credential name, or
 * undefined when `prefix` (the name's line up to it) is no `#define`. A header's constants are names as often
 * (`#define SECRET_COLLECTION_SESSION "session"`, `SN_dhSinglePass_… "dhSinglePass-…"`): a value is taken when
 * generated, or under a password name when a person's password (letters, a digit, a mark); an escaped byte
 * string (`"\\x63\\x6c…"`, a protocol's label) never.
 */
export const definedValue: SpacedForm = (text, at, prefix, kind, out) => {
  const quote = text.charCodeAt(at) === 64 && text.charCodeAt(at + 1) === 34 ? at + 1 : at;
  if (prefix === undefined || !/^[ \t]*#[ \t]*define[ \t]+$/.test(prefix) || text.charCodeAt(quote) !== 34) {
    return undefined;
  }
  const v = readQuoted(text, quote);
  const value = text.slice(v.start, v.end);
  // Hex spells no words, whatever letter runs it holds (`bbd`, `adc`).
  const named = !/^[0-9a-fA-F]+$/.test(value) && spellsWords(value, value.replace(/[^A-Za-z]/g, '').length);
  const generated = looksRandom(value) && !/[\s_-]/.test(value) && !named;
  const taken = !value.includes('\\') && (generated || (kind === 'password' && HUMAN_PASSWORD.test(value)));
  return taken ? pushLiteral(text, v, kind, false, out) : at;
};

/** A password: letters and a digit, 8 or more, no blank and no word joints (`-`, `_`), which constants hold. */
const HUMAN_PASSWORD = /^(?=[^\s_-]*\d)(?=[^\s_-]*[A-Za-z])[^\s_-]{8,128}$/;

/**
 * What puts a blank between a name and its quoted value: a Lisp's or EDN's keyword (`{:pass "…"}`), a Lisp's
 * definition (`(def jwt-secret "…")`), Windows' `setx NAME "…"`, an Elixir module attribute (`@db_password "…"`).
 */
const SPACED_NAME =
  /(?:(?:^|[\s{([,]):|\((?:def|defonce|defparameter|defvar|defconst|setq|setf|define)(?:[ \t]{1,4}\^:[\w-]{1,16})?[ \t]{1,4}|\bsetx[ \t]{1,4}(?:\/m[ \t]{1,4})?|(?:^|\s)@)$/;

/**
 * The quoted value after a blank in `SPACED_NAME`'s forms (hunter F, 2026-12-06), or undefined when `prefix`
 * (the name's line up to it) is none of them or no quote follows.
 */
export const spacedQuoted: SpacedForm = (text, at, prefix, kind, out) => {
  const c = text.charCodeAt(at);
  if (prefix === undefined || !SPACED_NAME.test(prefix)) {
    return undefined;
  }
  return c === 34 || c === 39
    ? pushLiteral(text, readQuoted(text, at), kind, false, out)
    : openedString(text, at, kind, out);
};

/**
 * Strings that open with more than a quote, as languages write a password across lines or unescaped (hunter
 * F, 2026-12-06): a triple quote (Kotlin, Swift, Java, Python), PowerShell's here-string (`@"` … `"@`), a
 * heredoc (`<<-EOT`, Ruby's `<<~PASS.strip`), Lua's long bracket (`[[…]]`, `[==[…]==]`), Perl's `q{…}` and
 * `qq{…}`, Elixir's sigil (`~s(…)`), and a quote's prefix (Dart's and Python's raw `r'…'`, C#'s `$"…"` and
 * `@"…"`).
 */
const OPENER =
  /"""|'''|@["'](?=\r?\n)|<<[-~]?(["']?)([A-Za-z_]\w{0,15})\1(?:\.\w{1,16})*[ \t]*(?=\r?\n)|\[(=*)\[|qq?([{([<])|~[sS]([({["'|/])|[rR$@](?=["'])|(?<=@)["'](?=\r?\n)/y;
const CLOSERS: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']', '<': '>' };
/** The longest such string read: a key's PEM or a long token fits. */
const OPENED_REACH = 8192;

/** The value of a string `OPENER` opens at `at`: where the scan resumes, or undefined when none opens there. */
export function openedString(text: string, at: number, kind: string, out: RecallSpan[]): number | undefined {
  OPENER.lastIndex = at;
  const m = OPENER.exec(text);
  if (m === null) {
    return undefined;
  }
  const from = OPENER.lastIndex;
  const open = m[0];
  if (/^[rR$@]$/.test(open)) {
    return pushLiteral(text, readQuoted(text, from), kind, false, out);
  }
  const heredoc = open.startsWith('<<');
  const close =
    open === '"""' || open === "'''"
      ? open
      : open.startsWith('@') || open.length === 1
        ? `\n${open.slice(-1)}@`
        : heredoc
          ? m[2]!
          : m[3] !== undefined
            ? `]${m[3]}]`
            : (CLOSERS[m[4] ?? m[5]!] ?? m[4] ?? m[5]!);
  const end = heredoc ? heredocEnd(text, from, close) : text.indexOf(close, from);
  if (end === -1 || end - from > OPENED_REACH) {
    return undefined;
  }
  let [s, e] = [from, end];
  while (s < e && /\s/.test(text[s]!)) {
    s++;
  }
  while (e > s && /\s/.test(text[e - 1]!)) {
    e--;
  }
  return e > s ? pushLiteral(text, { start: s, end: e, quoted: true }, kind, false, out) : undefined;
}

/** Where a heredoc's body ends: the start of the line that holds its word alone (indented for `<<-`/`<<~`). */
function heredocEnd(text: string, from: number, word: string): number {
  const re = new RegExp(`^[ \\t]*${word}[ \\t]*$`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m === null ? -1 : m.index;
}
