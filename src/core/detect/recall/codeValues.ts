import { dottedPassphrase } from './dottedWords';
import { isMarkedDraw } from '../rules/markedDraws';
import { randomLetterRun } from '../rules/letterPairs';
import { isGibberish, looksRandom, readsAsWords, spellsWords } from './tokenShape';

// Whether an unquoted value after a credential name is code (a call, a member chain, a type, a collection)
// rather than a literal: apart from literalValue.ts, which reads and judges values, so that each file holds
// one idea.

/** Type names that follow a name in a declaration: `password: string`, `token: str = None`. */
const TYPE_WORDS = new Set([
  'string',
  'str',
  'number',
  'int',
  'integer',
  'bool',
  'boolean',
  'any',
  'unknown',
  'bytes',
  'byte',
  'char',
  'text',
  'object',
  'optional',
  'secretstr',
  'securestring',
  'varchar',
  'list',
  'dict',
  'map',
  'array',
  'record',
  'buffer',
  'uint8array',
  'void',
  'readonly',
  'const',
  'final',
  'static',
  'keyof',
  'typeof',
]);

/** A call whose callee is a name or a member chain, its arguments names and literals of words (no draw). */
const PLAIN_CALL =
  /^[A-Za-z_$][\w$]{0,40}(?:\.[A-Za-z_$][\w$]{0,40}){0,6}\((?:[A-Za-z_$][\w$.]{0,40}(?:,[ \t]?[A-Za-z_$][\w$.]{0,40}){0,4})?\)$/;

/** Code in an unquoted value: a call, a member chain, a type annotation, a collection, an operator. */
export function isCode(value: string): boolean {
  // A call of a member chain with plain arguments (`base64.b64decode(encoded)`): its digits read as drawn.
  if (PLAIN_CALL.test(value)) {
    return true;
  }
  // A generated value (`s.uO1VH…`, `vb[ig{tx>…}}`) may hold a dot or a bracket without being code.
  // Nor is a passphrase of dotted words (`galaxy.marble.summit`) a member chain.
  if (looksRandom(value) || isGibberish(value) || isMarkedDraw(value) || dottedPassphrase(value)) {
    return false;
  }
  const first = /^[A-Za-z_$@][\w$]*/.exec(value);
  if (first !== null) {
    const rest = value.slice(first[0].length);
    if (TYPE_WORDS.has(first[0].toLowerCase()) && /^(?:$|[\s|;,=?<[\])])/.test(rest)) {
      return true;
    }
    // `key ?? ''`, `a || b`, `x if y else z`: an expression.
    if (/^[ \t]+(?:\?\?|\|\||&&|[?+*/%<>!=-]{1,3}|if|or|and|as|in|is)(?:[ \t]|$)/.test(rest)) {
      return true;
    }
    // `get_password()`, `req.body.password`, `cfg->pass`, `ENV['X']`, `new Foo(`, `await x`. Not a run
    // of words with only blanks between (`wNo.D+s3w 8qMq2jal`, a YAML password), nor a chain no code
    // writes (`x.Dv_Qq_$5fdbs`, `_Djf.y;E_n`: a `$` inside a name, a mark between names).
    if (
      (/^(?:\?\.|\.|->|::|\[)/.test(rest) && !blankJoined(value) && !NOT_A_CHAIN.test(value)) ||
      (rest.startsWith('(') && isCall(first[0], rest)) ||
      /^(?:new|await|yield|lambda|function|typeof)\s/.test(value)
    ) {
      return true;
    }
    // `refresh_token_from_storage,`: an identifier ending an argument or a property is a reference,
    // unless its letters read as drawn (`password = duwynrrh;`: no one names a variable so).
    if (/^[\w$.]*[,;)]$/.test(rest) && !(rest.length <= 2 && randomLetterRun(first[0]))) {
      return true;
    }
  }
  // Flow collections, YAML anchors and tags, pointers, JSX and the like; a `(` that closes (a tuple, a cast,
  // `(LPVOID)password;`, a subshell) or holds blanks or quotes (a tuple its line goes on with), not a generated
  // password's first mark that never closes (`(hGotOI&8XHq`).
  return (
    /^[[{<&*!|>]/.test(value) ||
    (value.startsWith('(') && (closesAt(value, 0) !== -1 || /[\s'"`]/.test(value)))
  );
}

/**
 * Marks no member chain holds between its names: a `$` inside a name (`x.Dv_Qq_$5fdbs`), a `;` glued
 * between two (`_Djf.y;E_n`). A chain left open (`private_key.private_bytes(`) or read as prose (`values.`)
 * is still code.
 */
const NOT_A_CHAIN = /\w\$\w|\w;\w/;

/** Words, operators and keywords that join two parts of an expression across a blank. */
const JOINING = /^(?:[-+*/%<>!=?:&|^~,(]{1,3}|if|else|or|and|not|as|in|is|instanceof|typeof|new|await|for)$/;

/**
 * Whether `value` is two or more parts with blanks between and no operator, keyword or bracket among them
 * (`wNo.D+s3w 8qMq2jal`): what a YAML or INI line holds as one value, and no expression does.
 */
function blankJoined(value: string): boolean {
  const parts = value.trim().split(/[ \t]+/);
  return (
    parts.length >= 2 &&
    parts.length <= 8 &&
    parts.every((p) => !JOINING.test(p) && !/[()[\]{},;"'`]/.test(p) && !/^[-+*/%<>!=?:&|^~]/.test(p))
  );
}

/**
 * Whether `name` then `rest` (which opens with `(`) is a call: its brackets close and nothing but a member,
 * an index, another call or the end of a statement follows (`get_password()`, `Foo(x).bar`), or it is left
 * open at the value's end for the next line (`get_pw(`, `connect(host,`). A generated password's marks are
 * no call (`OnG(9)5uuFN2`: letters glued after the `)`; `rbdh((5SoOR5`: open and going on), and neither is
 * a name of both cases with digits inside that spells no words (`Wt8VH6EgZnh(`; `sha256Hash(` does).
 */
function isCall(name: string, rest: string): boolean {
  if (
    /[0-9]/.test(name) &&
    /[a-z]/.test(name) &&
    /[A-Z]/.test(name) &&
    !readsAsWords(name) &&
    !spellsWords(name, name.replace(/[^A-Za-z]/g, '').length)
  ) {
    return false;
  }
  const close = closesAt(rest, 0);
  if (close === -1) {
    return /[(,]$/.test(rest);
  }
  return !/^[A-Za-z0-9]/.test(rest.slice(close + 1));
}

/** Where the bracket that opens at `at` in `value` closes (`(`, `[` and `{` nested), or -1. */
function closesAt(value: string, at: number): number {
  let depth = 0;
  for (let i = at; i < value.length; i++) {
    const c = value[i]!;
    if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}
