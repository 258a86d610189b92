/**
 * A cheap test, before an attempt, that an assignment pattern (see `assignment` in generic.ts) can match
 * from a keyword: `Rule.mayStartAt` for the generic rules. It reads what every match reads, in order:
 * - the rest of the name: characters of `[A-Za-z0-9_.-]` (all the pattern's name parts are), taken
 *   greedily; a name that runs on past 48 of them is left to the pattern;
 * - an optional quote (escaped or not), then an optional `]`, then at most 16 blanks (the pattern's own
 *   limit, for code aligned in columns);
 * - a character that can start the type annotation (`:`) or the operator (`=`, `:`, `.`, `?`, `|`, `,`,
 *   `>`, `v`/`V` of `value=`). An operator that starts inside the greedy name (`.=`) ends it at `=`, and
 *   `value=` after a name (no quote or blank before it) is refused by the pattern's own look back;
 * - on the same line (nothing of a match crosses a line break), within 100 characters (annotation,
 *   operator, blanks and quote take fewer than 60), a run of `min` characters a quoted value may hold
 *   (a bare value's characters are among them): the value itself is one.
 * On the bench tree generic-secret tried its pattern at 63.8K keywords for 1,222 matches: `token=None`,
 * `token: 328`, `getToken(` or `tokenizer` fail here at a few character reads.
 */

/** `[A-Za-z0-9_.-]` by ASCII code. */
const NAME = table(/[A-Za-z0-9_.-]/);
/** The characters the annotation or an operator can start with. */
const OPERATOR_START = table(/[=:.?|,>Vv]/);
/** A quoted value's characters (generic.ts `QUOTED`). */
const QUOTED = table(/[!#-&(-[\]-_a-~]/);

const NAME_REACH = 48;
/**
 * The most blanks either side of an assignment's operator: code aligned in columns puts many there. The
 * generic rules' patterns (generic.ts) take this many too.
 */
export const ALIGN = 16;
const VALUE_REACH = 100;

function table(re: RegExp): Uint8Array {
  return new Uint8Array(128).map((_, c) => (re.test(String.fromCharCode(c)) ? 1 : 0));
}

function marked(t: Uint8Array, c: number): boolean {
  return c < 128 && t[c] === 1;
}

/** The test for values of at least `min` characters; false only where the pattern cannot match at `at`. */
export function assignmentReach(min: number): (text: string, at: number) => boolean {
  return (text, at) => {
    const n = text.length;
    const cap = Math.min(n, at + NAME_REACH);
    let i = at;
    while (i < cap && marked(NAME, text.charCodeAt(i))) {
      i++;
    }
    if (i === cap) {
      return i < n;
    }
    let c = text.charCodeAt(i);
    // A quote may come escaped (`\"`): JSON held in a string.
    const next = text.charCodeAt(i + 1);
    if (c === 0x5c && (next === 0x22 || next === 0x27 || next === 0x60)) {
      c = text.charCodeAt(++i);
    }
    if (c === 0x22 || c === 0x27 || c === 0x60) {
      c = text.charCodeAt(++i);
    }
    if (c === 0x5d) {
      c = text.charCodeAt(++i);
    }
    for (let k = 0; k < ALIGN && (c === 0x20 || c === 0x09); k++) {
      c = text.charCodeAt(++i);
    }
    if (!marked(OPERATOR_START, c)) {
      return false;
    }
    const end = Math.min(n, i + VALUE_REACH);
    for (let run = 0; i < end; i++) {
      c = text.charCodeAt(i);
      if (c === 0x0a) {
        return false;
      }
      run = marked(QUOTED, c) ? run + 1 : 0;
      if (run >= min) {
        return true;
      }
    }
    return false;
  };
}
