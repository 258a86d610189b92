import { credentialKind } from './credentialName';
import { pushLiteral, readQuoted, type ValueSpan } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * A literal that a function named for a credential hands back (hunt M, 2026-12-07): a test fixture
 * (`@pytest.fixture\ndef api_key():\n    return "…"`), a getter (`function getApiKey() { return '…'; }`,
 * `get password() { return "…" }`), Ruby's implicit return (`def api_key\n  "…"\nend`) and an expression
 * body (`fun apiKey() = "…"`, Scala's `def apiKey: String = "…"`). The function's name says what the value is,
 * as a variable's would. Only the function's first statement is read: a literal returned after other code
 * (`return "Invalid password"` in a branch) is a message as often as a value.
 */

/** Words every form holds; each found place is read back to its function's header. */
const WORDS = wordSet(['return', 'def ', 'fun ']);

/**
 * A function's header right before its body's first statement: `def name(…):`, `function name(…) {`, a method
 * `name(…) {` (a type or modifiers before it), a getter `get name() {`, a return type after it (`-> str`, `: String`,
 * Go's `string`); then blanks and at most one line break.
 * Group 1 is the name.
 */
const HEADER_BEFORE_RETURN =
  /(?:\b(?:def|function|func|fun|get)[ \t]+|(?:^|[ \t;{}])(?:(?:public|private|protected|static|async|override|final|String|string|str)[ \t]+){0,4})([A-Za-z_$][\w$]{0,63})[ \t]*(?:\([^()\r\n]{0,120}\))?[ \t]*(?:(?:->|:)?[ \t]*[\w.[\]|?* ]{1,40})?[ \t]*[:{][ \t]*(?:\r?\n[ \t]{0,32})?$/;

/** Ruby's `def name` on the line before a lone literal, or an expression body's `def|fun name(…)[: T] = `. */
const DEF_THEN_LITERAL =
  /\b(?:def|fun)[ \t]+(?:self\.)?([A-Za-z_][\w]{0,63})(?:[ \t]*\([^()\r\n]{0,120}\))?(?:[ \t]*:[ \t]*[\w.[\]?]{1,40})?(?:[ \t]*\r?\n[ \t]{0,32}|[ \t]*=[ \t]*)(?=["'])/y;

/** How far back from `return` its function's header is read. */
const HEADER_REACH = 240;

/** A getter's `get`/`get_` prefix off, so that `get_password` names what `password` does. */
function named(name: string): string | undefined {
  return credentialKind(name) ?? credentialKind(name.replace(/^get_?(?=[A-Za-z])/i, ''));
}

export const findReturnedLiterals: RecallDetector = (text, out) => {
  for (const at of wordPlaces(text, WORDS)) {
    if (text.startsWith('return', at)) {
      returned(text, at, out);
    } else {
      defined(text, at, out);
    }
  }
};

/** `return "…"` as the first statement of a function whose name names a credential. */
function returned(text: string, at: number, out: RecallSpan[]): void {
  let q = at + 6;
  if (!/[ \t]/.test(text[q] ?? '')) {
    return;
  }
  while (text[q] === ' ' || text[q] === '\t') {
    q++;
  }
  if (!/["'`]/.test(text[q] ?? '')) {
    return;
  }
  // The body's first statement: only blanks and one line break back to the header's `:` or `{` (a cheap
  // look before the header's pattern, which most `return`s, after other statements, never reach).
  let b = at - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) {
    b--;
  }
  b -= text[b] === '\n' ? (text[b - 1] === '\r' ? 2 : 1) : 0;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) {
    b--;
  }
  if (text[b] !== ':' && text[b] !== '{') {
    return;
  }
  const header = HEADER_BEFORE_RETURN.exec(text.slice(Math.max(0, at - HEADER_REACH), at));
  const kind = header === null ? undefined : named(header[1]!);
  if (kind === undefined) {
    return;
  }
  // The literal is the whole statement (`return "…";`), not an operand (`return "getToken" in credential`).
  const span = readQuoted(text, q);
  if (/^["'`]?[ \t]*(?:;|\r?\n|\}|$)/.test(text.slice(span.end, span.end + 4))) {
    push(text, span, kind, out);
  }
}

/** Ruby's implicit return and an expression body, from `def ` or `fun ` at `at`. */
function defined(text: string, at: number, out: RecallSpan[]): void {
  DEF_THEN_LITERAL.lastIndex = at;
  const m = DEF_THEN_LITERAL.exec(text);
  const kind = m === null ? undefined : named(m[1]!);
  if (m === null || kind === undefined) {
    return;
  }
  const q = DEF_THEN_LITERAL.lastIndex;
  const span = readQuoted(text, q);
  // Ruby's body: the literal alone on its line (an `end` or the next statement after it).
  if (!/[ \t]*=[ \t]*$/.test(m[0]) && !/^["'`]?[ \t]*(?:\r?\n|$)/.test(text.slice(span.end, span.end + 3))) {
    return;
  }
  push(text, span, kind, out);
}

/** Records the literal read at `span`, when it holds anything. */
function push(text: string, span: ValueSpan, kind: string, out: RecallSpan[]): void {
  if (span.end > span.start) {
    pushLiteral(text, span, kind, false, out);
  }
}
