import { LiteralDefinitions } from './literalDefinitions';

// A secret split over names and joined where it is used (hunt K: 24 of its last 45 leaks):
//
//   const part1 = 'ghp_…';            PREFIX = "sk_live_"           const head = "…";
//   const part2 = '…';                REST = "…"                    const tail = "…";
//   const token = part1 + part2;      token = PREFIX + REST         { Authorization: `Bearer ${head}${tail}` }
//
// Neither literal looks like a token on its own. The join is read here as the value it builds, in its
// line: the expression replaced by that value (joinedVariableSpans.ts then asks the tier's detectors).

/** One piece of a joined value: where it lies in the value, and where its characters come from. */
export interface JoinedPart {
  readonly from: number;
  readonly to: number;
  /** The original range of the piece's characters: a name's literal, or a literal written in the join. */
  readonly start: number;
  readonly end: number;
}

/** A join and what it builds: the expression [start, end) reads as `value` (quoted when `quote`). */
export interface Join {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly quote: boolean;
  readonly parts: readonly JoinedPart[];
}

/** The most pieces, and the most joins, read in one text: past them the tier's other detectors still run. */
const MAX_PARTS = 16;
const MAX_JOINS = 2000;

/** An operand: a name (`$x`, `this.x`, `self.x` read as `x`) or a one-line literal, ending at `end`. */
interface Operand {
  readonly start: number;
  readonly end: number;
  /** The original range of its characters (a literal's inside, or the name's definition). */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly named: boolean;
}

const BLANK = /[ \t]/;
const WORD = /[\w$]/;

/** The operand that starts at `at` (blanks skipped), or undefined. */
function operandAt(text: string, at: number, names: LiteralDefinitions): Operand | undefined {
  let i = at;
  while (i < text.length && i - at < 8 && BLANK.test(text[i]!)) {
    i++;
  }
  const c = text[i];
  if (c === '"' || c === "'" || c === '`') {
    const close = closingQuote(text, i);
    return close === -1
      ? undefined
      : { start: i, end: close + 1, valueStart: i + 1, valueEnd: close, named: false };
  }
  const m = /^(?:this\.|self\.)?(\$?[A-Za-z_]\w{0,63})(?![\w(.[])/.exec(text.slice(i, i + 80));
  const definition = m ? names.resolve(m[1]!, i) : undefined;
  return definition && m
    ? {
        start: i,
        end: i + m[0].length,
        valueStart: definition.start,
        valueEnd: definition.end,
        named: true,
      }
    : undefined;
}

/** The operand that ends at `end` (blanks skipped back), or undefined. */
function operandBefore(text: string, end: number, names: LiteralDefinitions): Operand | undefined {
  let i = end;
  while (i > 0 && end - i < 8 && BLANK.test(text[i - 1]!)) {
    i--;
  }
  const c = text[i - 1];
  if (c === '"' || c === "'" || c === '`') {
    const open = text.lastIndexOf(c, i - 2);
    if (open === -1 || i - open > 514 || /[\n\\]/.test(text.slice(open + 1, i - 1))) {
      return undefined;
    }
    return operandAt(text, open, names);
  }
  let s = i;
  while (s > 0 && i - s < 80 && WORD.test(text[s - 1]!)) {
    s--;
  }
  if (s === i || !names.has(text.slice(s, i))) {
    return undefined;
  }
  if (
    text.slice(Math.max(0, s - 5), s).endsWith('this.') ||
    text.slice(Math.max(0, s - 5), s).endsWith('self.')
  ) {
    s -= 5;
  } else if (text[s - 1] === '.') {
    return undefined; // a member of something else: `config.key`
  }
  const operand = operandAt(text, s, names);
  return operand?.end === i ? operand : undefined;
}

/** Where the one-line literal opening at `at` closes, or -1 (an escape or a line break first). */
function closingQuote(text: string, at: number): number {
  const q = text[at]!;
  for (let i = at + 1; i < text.length && i - at <= 513; i++) {
    const c = text[i]!;
    if (c === q) {
      return i;
    }
    if (c === '\\' || c === '\n' || (q === '`' && c === '$' && text[i + 1] === '{')) {
      return -1;
    }
  }
  return -1;
}

/**
 * Operators between the pieces of a concatenation: `+`, PHP's and Perl's `.`, Lua's `..`. Not SQL's `||`,
 * which is JavaScript's `or` (`type.label === "jsxText" || type`).
 */
const OPERATOR = /^[ \t]{0,4}(?:\+(?![+=])|\.\.?(?=[ \t]{0,4}["'`$]))[ \t]{0,4}/;

/** What may follow a concatenation's operator: a literal's quote, or a name that is no call or member. */
const OPERAND_START = /^[ \t]{0,4}(?:["'`]|(?:this\.|self\.)?\$?[A-Za-z_]\w{0,63}(?![\w(.[]))/;

/**
 * Where `find` is true of the character at an offset of `char`, in order. indexOf, not a pattern: a
 * pattern of alternatives read 100 KB of code in 0.3 ms, every character a possible start.
 */
function placesOf(text: string, char: string, find: (at: number) => boolean, into: number[]): number[] {
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    if (find(at)) {
      into.push(at);
    }
  }
  return into;
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** `+` (not `++`, `+=`) and a `.` or `..` with blanks around (`a.b` is a member; `$a . $b` PHP's join). */
function operatorPlaces(text: string): number[] {
  const plus = placesOf(
    text,
    '+',
    (at) => text[at + 1] !== '+' && text[at + 1] !== '=' && text[at - 1] !== '+',
    [],
  );
  const dots = placesOf(text, ' .', (at) => text[at + 2] !== '.' || isBlank(text.charCodeAt(at + 3)), []).map(
    (at) => at + 1,
  );
  return merge(
    plus,
    dots.filter((at) => isBlank(text.charCodeAt(at + (text[at + 1] === '.' ? 2 : 1)))),
  );
}

/** `${` and `$` or `{` before a name's first letter. */
function interpolationPlaces(text: string): number[] {
  const dollars = placesOf(
    text,
    '$',
    (at) => text[at + 1] === '{' || isNameStart(text.charCodeAt(at + 1)),
    [],
  );
  const braces = placesOf(
    text,
    '{',
    (at) => isNameStart(text.charCodeAt(at + 1)) && text[at - 1] !== '$',
    [],
  );
  return merge(dollars, braces);
}

function merge(a: readonly number[], b: readonly number[]): number[] {
  return b.length === 0 ? [...a] : a.length === 0 ? [...b] : [...a, ...b].sort((x, y) => x - y);
}

/** Concatenations with at least one named operand: `part1 + part2`, `$head . $tail`, `PREFIX + "…"`. */
function concatenations(text: string, names: LiteralDefinitions, out: Join[]): void {
  let consumed = 0;
  for (const place of operatorPlaces(text)) {
    if (place < consumed || out.length >= MAX_JOINS) {
      continue;
    }
    const after = place + (text[place + 1] === '.' ? 2 : 1);
    if (!OPERAND_START.test(text.slice(after, after + 80))) {
      continue; // what follows is no name or literal: `sum + item.price`, `i + 1`
    }
    const first = operandBefore(text, place, names);
    if (first === undefined) {
      continue;
    }
    const operands = [first];
    let at = first.end;
    for (let op = OPERATOR.exec(text.slice(at, at + 16)); op && operands.length < MAX_PARTS;) {
      const next = operandAt(text, at + op[0].length, names);
      if (next === undefined) {
        break;
      }
      operands.push(next);
      at = next.end;
      op = OPERATOR.exec(text.slice(at, at + 16));
    }
    consumed = at;
    if (operands.length >= 2 && operands.some((o) => o.named)) {
      out.push(joinOf(text, first.start, at, operands, true));
    }
  }
}

/** The value `operands` build, and where each piece of it comes from. */
function joinOf(
  text: string,
  start: number,
  end: number,
  operands: readonly Operand[],
  quote: boolean,
): Join {
  const parts: JoinedPart[] = [];
  let value = '';
  for (const o of operands) {
    const piece = text.slice(o.valueStart, o.valueEnd);
    parts.push({ from: value.length, to: value.length + piece.length, start: o.valueStart, end: o.valueEnd });
    value += piece;
  }
  return { start, end, value, quote, parts };
}

/**
 * Interpolations run together in a string: `${head}${tail}`, `$HEAD$TAIL`, `{a}{b}` (f-strings), with the
 * letters written beside them (`sk-${rest}`). A run holds at least two pieces and a named one.
 */
function interpolations(text: string, names: LiteralDefinitions, out: Join[]): void {
  const INTERPOLATION = /\$\{([A-Za-z_]\w{0,63})\}|\$([A-Za-z_]\w{0,63})|\{([A-Za-z_]\w{0,63})\}/y;
  const LETTER = /[\w\-+/=.:@%~]/;
  let consumed = 0;
  for (const at of interpolationPlaces(text)) {
    if (at < consumed || out.length >= MAX_JOINS) {
      continue;
    }
    let start = at;
    while (start > 0 && at - start < 64 && LETTER.test(text[start - 1]!)) {
      start--;
    }
    const parts: JoinedPart[] = [];
    let value = '';
    let named = false;
    let i = start;
    while (i < text.length && parts.length < MAX_PARTS) {
      INTERPOLATION.lastIndex = i;
      const hit = text[i] === '$' || text[i] === '{' ? INTERPOLATION.exec(text) : null;
      if (hit) {
        const definition = names.resolve(hit[1] ?? hit[2] ?? hit[3]!, i);
        if (definition === undefined) {
          break;
        }
        const piece = text.slice(definition.start, definition.end);
        parts.push({
          from: value.length,
          to: value.length + piece.length,
          start: definition.start,
          end: definition.end,
        });
        value += piece;
        named = true;
        i += hit[0].length;
        continue;
      }
      let j = i;
      while (j < text.length && j - i < 64 && LETTER.test(text[j]!)) {
        j++;
      }
      if (j === i) {
        break;
      }
      parts.push({ from: value.length, to: value.length + j - i, start: i, end: j });
      value += text.slice(i, j);
      i = j;
    }
    consumed = Math.max(i, at + 1);
    if (named && parts.length >= 2) {
      out.push({ start, end: i, value, quote: false, parts });
    }
  }
}

/**
 * Whether a joined value could be a credential split up: one word of at least `MIN_VALUE` characters. A
 * shorter one is a path or a message built up (ajv's `$data + '[' + $idx + ']'`, 127 spans in 35,000 real
 * files before this check), and no password the tier hides whole is shorter.
 */
const MIN_VALUE = 10;
const worthReading = (join: Join): boolean => join.value.length >= MIN_VALUE && !/\s/.test(join.value);

/** Joins of named literals in `text`, by start; none unless some name holds a literal. */
export function findJoins(text: string): Join[] {
  const names = new LiteralDefinitions(text);
  const out: Join[] = [];
  concatenations(text, names, out);
  interpolations(text, names, out);
  return out.filter(worthReading).sort((a, b) => a.start - b.start);
}
