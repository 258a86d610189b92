import { pushLiteral, readQuoted } from './literalValue';
import type { ValueSpan } from './literalValue';
import type { RecallSpan } from './recallSpan';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

/**
 * A literal that fills a credential's slot in a format string: Python's `"…Password={}".format(user, "…")` and
 * `"…:%s@db" % ("u", "…")`, Go's `fmt.Sprintf("…:%s@…", "u", "…")`, Java's `String.format(…)`. The name before
 * the slot (`Password=`, a URL's `user:`) says what the argument at that place is, so the literal there is the
 * credential; whispers' `.format("…")` cases were sent. Templates and argument lists are read within a line,
 * bounded.
 */

/** A slot's left side that names a credential: `password=`, `pwd: `, `token=`, a URL's `//user:`. */
const CREDENTIAL_SLOT =
  /(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key)[ \t]{0,2}[=:][ \t]{0,2}$|:\/\/[^\s:@/]{0,64}:$/i;
/** `.format(` after a closing quote, and `%` after one (Python). */
const PYTHON_FORMAT = /(["'])[ \t]{0,2}(?:\.format\(|%[ \t]{0,2})/g;
/** A call whose first argument is a printf template. */
const PRINTF_CALL = /\b(?:Sprintf|Errorf|String\.format|format!)[ \t]{0,2}\([ \t]{0,2}(?=["'`])/g;
const MAX_TEMPLATE = 1024;
const MAX_ARGS = 16;

/** Slot positions of a template: `{}`, `{0}`, `{name}` (brace) or `%s`-style (printf), each with what precedes it. */
function slots(template: string, printf: boolean): { index: number | string; before: string }[] {
  const out: { index: number | string; before: string }[] = [];
  const re = printf
    ? /%%|%[-+ #0]{0,4}\d{0,3}(?:\.\d{1,3})?[svdqx]/g
    : /\{\{|\{([A-Za-z_]\w{0,30}|\d{1,2})?\}/g;
  let auto = 0;
  for (const m of template.matchAll(re)) {
    if (m[0] === '%%' || m[0] === '{{') {
      continue;
    }
    const named = !printf ? m[1] : undefined;
    const index = named === undefined ? auto++ : /^\d+$/.test(named) ? Number(named) : named;
    out.push({ index, before: template.slice(Math.max(0, m.index - 80), m.index) });
  }
  return out;
}

/** The arguments from `at` on: quoted literals (their spans) or bare items (undefined), `name=` for keywords. */
function readArgs(
  text: string,
  at: number,
): { spans: (ValueSpan | undefined)[]; named: Map<string, ValueSpan> } {
  const spans: (ValueSpan | undefined)[] = [];
  const named = new Map<string, ValueSpan>();
  let i = at;
  for (let k = 0; k < MAX_ARGS; k++) {
    while (text[i] === ' ' || text[i] === '\t') {
      i++;
    }
    const kw = /^([A-Za-z_]\w{0,30})[ \t]{0,2}=(?!=)[ \t]{0,2}/.exec(text.slice(i, i + 40));
    if (kw !== null) {
      i += kw[0].length;
    }
    const c = text[i];
    let span: ValueSpan | undefined;
    if (c === '"' || c === "'" || c === '`') {
      span = readQuoted(text, i);
      i = span.end + 1;
    } else {
      const bare = /^[^,()\n]{1,200}/.exec(text.slice(i, i + 201));
      if (bare === null) {
        break;
      }
      i += bare[0].length;
    }
    if (kw !== null && span !== undefined) {
      named.set(kw[1]!, span);
    } else if (kw === null) {
      spans.push(span);
    }
    while (text[i] === ' ' || text[i] === '\t') {
      i++;
    }
    if (text[i] !== ',') {
      break;
    }
    i++;
  }
  return { spans, named };
}

function fill(
  text: string,
  template: string,
  printf: boolean,
  argsAt: number,
  single: boolean,
  out: RecallSpan[],
): void {
  const wanted = slots(template, printf).filter((s) => CREDENTIAL_SLOT.test(s.before));
  if (wanted.length === 0) {
    return;
  }
  const { spans, named } = readArgs(text, argsAt);
  for (const slot of wanted) {
    const span = typeof slot.index === 'string' ? named.get(slot.index) : spans[single ? 0 : slot.index];
    if (span !== undefined) {
      pushLiteral(text, span, 'password', false, out);
    }
  }
}

/** `.format(` for the shared word search before `includes` (see kubernetes.ts: `.` starts many tries). */
const FORMAT_CALL = wordSet(['.format(']);

export const findFormatArguments: RecallDetector = (text, out) => {
  if (!text.includes('%') && !(holdsWord(text, FORMAT_CALL) && text.includes('.format('))) {
    return;
  }
  for (const m of text.matchAll(PYTHON_FORMAT)) {
    const quote = m[1]!;
    const close = m.index;
    const open = text.lastIndexOf(quote, close - 1);
    if (open === -1 || close - open > MAX_TEMPLATE || text.slice(open, close).includes('\n')) {
      continue;
    }
    const template = text.slice(open + 1, close);
    const argsAt = m.index + m[0].length;
    const paren = m[0].endsWith('(') || text[argsAt] === '(';
    fill(text, template, m[0].includes('%'), paren && !m[0].endsWith('(') ? argsAt + 1 : argsAt, !paren, out);
  }
  for (const m of text.matchAll(PRINTF_CALL)) {
    const at = m.index + m[0].length;
    const template = readQuoted(text, at);
    if (template.end - template.start > MAX_TEMPLATE) {
      continue;
    }
    const after = /^[ \t]{0,2},/.exec(text.slice(template.end + 1, template.end + 5));
    if (after !== null) {
      fill(
        text,
        text.slice(template.start, template.end),
        true,
        template.end + 1 + after[0].length,
        false,
        out,
      );
    }
  }
};
