/**
 * Reads the template marks of a value (`${`, `{{`, `$(`): whether they open real references to a value
 * held elsewhere, or are stray punctuation of a generated password (`m{{h}o)p${e]nob(…}}`).
 *
 * A reference is well formed: a name or an expression after the mark, in the characters templates use,
 * closed by its own closer (`${DB_PASS}`, `${DB_PASS:-dev}`, `${{ secrets.X }}`, `{{ .Values.pw | b64enc }}`,
 * `{{ vault('db') }}`, `$(cat /run/secrets/pw)`). A mark whose expression runs to the end of the value
 * unclosed counts too: a rule may cut a value short of its closer. Every pattern here is anchored at a
 * mark and bounded, so reading a value is linear in its length.
 */

/** What a value's template marks are: none, references only, or something a password holds. */
export type TemplateMarks = 'none' | 'references' | 'literal';

/** A quoted string inside an expression (`"a b"`, `'x'`), taken whole whatever it holds. */
const QUOTED = `"[^"\\r\\n]{0,80}"|'[^'\\r\\n]{0,80}'`;
/** One piece of an expression: a word character, a blank or an operator templates use, or a quoted string. */
const PIECE = `(?:[\\w .,:|!=()\\[\\]+*/?-]|${QUOTED})`;
/** A nested `${NAME}` (as in `${A:-${B}}`). */
const NESTED = `\\$\\{[\\w.]{1,80}\\}`;

/** `${{ expr }}` (GitHub Actions), `${NAME…}` (shell, Compose, Terraform), `{{ expr }}` (Helm, Jinja, Go), `$(cmd)`. */
const CLOSED: readonly RegExp[] = [
  new RegExp(`\\$\\{\\{ {0,4}[A-Za-z_](?:${PIECE}){0,200}\\}\\}`, 'y'),
  new RegExp(`\\$\\{ {0,4}[A-Za-z_!#](?:${PIECE}|@|${NESTED}){0,200}\\}`, 'y'),
  new RegExp(`\\{\\{-? {0,4}(?:\\$|[.A-Za-z_("'])(?:${PIECE}|\\$){0,200}-?\\}\\}`, 'y'),
  new RegExp(`\\$\\( {0,4}[A-Za-z_./](?:${PIECE}|[$@=-]){0,200}\\)`, 'y'),
];
/** The same expressions cut short by the end of the value. */
const OPEN_TO_END: readonly RegExp[] = [
  new RegExp(`\\$\\{\\{ {0,4}(?:[A-Za-z_](?:${PIECE}){0,200})?$`, 'y'),
  new RegExp(`\\$\\{ {0,4}(?:[A-Za-z_!#](?:${PIECE}|@){0,200})?$`, 'y'),
  new RegExp(`\\{\\{-? {0,4}(?:(?:\\$|[.A-Za-z_("'])(?:${PIECE}|\\$){0,200})?$`, 'y'),
  new RegExp(`\\$\\( {0,4}(?:[A-Za-z_./](?:${PIECE}|[$@=-]){0,200})?$`, 'y'),
];
const MARK = /\$\{\{|\$\{|\{\{|\$\(/g;

/** Text around references that a template holds: words, a URL's or a connection string's marks. */
const PLAIN = /^[\w\s.:/@=?&,;+%~!'"*<>-]{0,400}$/;
/** A run of 16 letters and digits or more, both in it: a literal key beside the reference. */
const KEY_RUN = /[A-Za-z0-9]{16,}/g;

/** Whether `text` holds a run of 16 letters and digits or more, both kinds in it: a literal key. */
export function holdsKeyRun(text: string): boolean {
  return (text.match(KEY_RUN) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));
}

/** Index of the mark kind at `at`: 0 `${{`, 1 `${`, 2 `{{`, 3 `$(`. */
function kindAt(value: string, at: number): number {
  if (value.startsWith('${{', at)) {
    return 0;
  }
  return value.startsWith('${', at) ? 1 : value.startsWith('{{', at) ? 2 : 3;
}

/**
 * `none` when `value` holds no template mark; `references` when every mark opens a well-formed reference
 * and the text left around them is plain (no brackets or other password punctuation, no long key-like
 * run); `literal` otherwise: the marks are characters of a literal.
 */
export function templateMarks(value: string): TemplateMarks {
  MARK.lastIndex = 0;
  if (!MARK.test(value)) {
    return 'none';
  }
  let rest = '';
  let from = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(value); m !== null; m = MARK.exec(value)) {
    const at = m.index;
    if (at < from) {
      MARK.lastIndex = from;
      continue;
    }
    const kind = kindAt(value, at);
    const closed = CLOSED[kind]!;
    closed.lastIndex = at;
    let end = -1;
    if (closed.test(value)) {
      end = closed.lastIndex;
    } else {
      const open = OPEN_TO_END[kind]!;
      open.lastIndex = at;
      end = open.test(value) ? value.length : -1;
    }
    if (end < 0) {
      return 'literal';
    }
    rest += value.slice(from, at);
    from = end;
    MARK.lastIndex = end;
  }
  rest += value.slice(from);
  return PLAIN.test(rest) && !holdsKeyRun(rest) ? 'references' : 'literal';
}

/**
 * A variable as languages and shells write one at a value's start: `$DB_PASSWORD`, `$HOME/.pgpass`,
 * `$this->password`, `$config['db']`, `$opts{pw}`; what follows the name is the end, a plain character,
 * an accessor or a closed subscript. A name followed by a stray bracket, `#` or `>` (`$u}xi(bo…`,
 * `$b>mtpbt…`) is a password that happens to start with a dollar sign.
 */
const VARIABLE_START =
  /^\$[A-Za-z_]\w{0,80}(?:$|[^\w#$()[\]{}<>]|->|\[(?:'[^'\r\n]{0,64}'|"[^"\r\n]{0,64}"|\w{1,64}|\$\w{1,64})\]|\{\w{1,64}\})/;

/** True when `value` starts with `$` and a letter but not as a variable (see `VARIABLE_START`). */
export function strayDollarStart(value: string): boolean {
  return /^\$[A-Za-z_]/.test(value) && !VARIABLE_START.test(value);
}
