import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

// A Go struct printed with `%+v` (`{Host:db Password:… Port:5432}`, `&{User:app Password:…}`,
// `main.Config{…}` in a panic or a log): fields `Name:value` parted by blanks, strings unquoted. The
// named-literal detector reads a bare value after `Name:` as code unless it is generated, so a chosen
// password went out with the log line (the everyday-placements probe, 2026-12-07). Java's and Kotlin's
// `toString()` (`Config(user=app, password=…)`) and PHP's `print_r` (`[password] => …`) likewise (hunt I).

/** A credential word that a field's name holds, for the shared word search: a text without one is passed over. */
const WORDS = wordSet(['pass', 'pwd', 'secret', 'token', 'key', 'credential']);
/** One field: its name (group 1), `:`, an unquoted value up to a blank or `}` (group 2), and the blank after. */
const FIELD = /([A-Z]\w{0,63}):([^\s{}"]{0,200})(?=[ }])[ ]?/dy;
/** The most fields read in one struct: a line of them stays linear. */
const MAX_FIELDS = 64;

/**
 * Java's and Kotlin's printed objects (Lombok's and a data class's `toString()`: `DatabaseConfig(url=…,
 * username=app, password=…, poolSize=10)`), found from their `(`: fields `name=value` parted by `, `.
 */
const PAREN_OPENING = /\((?<=(?:^|[^\w.$])[A-Z]\w{0,63}\()(?=[a-z]\w{0,63}=)/g;
/**
 * A value no expression holds (`url=jdbc:mysql://…`, `clientId=orders-svc`, `email=a@b`): a field list with one
 * is printed data, not a call with keyword arguments (`HTTPBasicAuthHandler(password_mgr=auth)`).
 */
const PRINTED_VALUE = /[:/@]|[A-Za-z]-[A-Za-z]/;
/** One such field: its name (group 1), `=`, the value up to `, ` or `)` (group 2), and the `, ` after. */
const PAREN_FIELD = /([a-z]\w{0,63})=([^,()\r\n]{0,200})(?=[,)])(?:,[ ]?)?/dy;
/**
 * A Java record's `toString()` (`DbConfig[user=app, password=…]`): fields as above, closed by `]`. No code
 * writes `Name[field=…, …]`, so the list is printed data whatever its values.
 */
const BRACKET_FIELD = /([a-z]\w{0,63})=([^,[\]\r\n]{0,200})(?=, |\])(?:, )?/dy;
/**
 * A Java `Map` or `Properties` printed (`{db.password=…, db.user=app}`): keys may be dotted, pairs parted by
 * `, `. Not after `{` or `$` (a template's `{{…}}`, a shell's `${NAME=default}`, which other readers take).
 */
const MAP_FIELD = /([A-Za-z_][\w.-]{0,63})=([^,{}\r\n]{0,200})(?=, |\})(?:, )?/dy;
/** Go's `%v` of a map (`map[api_key:… host:db]`): `key:value` pairs parted by blanks, closed by `]`. */
const GO_MAP_FIELD = /([A-Za-z_][\w.-]{0,63}):([^\s\]]{0,200})(?=[ \]])[ ]?/dy;
/**
 * The openings of the lists above, found in one pass from their `{` or `[` (a search finds those natively; a
 * type name before them, tried at every letter, cost 6 ms a MB): a Go struct's `{Name:` (group 1), a map's
 * `{name=` (group 2), a record's `Type[name=` (group 3) and a Go map's `map[name:` (group 4).
 */
const OPENING =
  /\{(?:(?=[A-Z]\w{0,63}:[^\s:])()|(?<![{$]\{)(?=[A-Za-z_][\w.-]{0,63}=[^=\s])())|\[(?<=(?:^|[^\w.$])[A-Z]\w{0,63}\[)(?=[a-z]\w{0,63}=)()|map\[(?<=\bmap\[)(?=[A-Za-z_][\w.-]{0,63}:[^\s\]])()/g;
/** PHP's `print_r` of an array: `[password] => …` on a line of its own. */
const PRINT_R = /^[ \t]{0,32}\[([\w-]{1,64})\] => ([^\r\n]{1,256}?)[ \t]*\r?$/dgm;

export const findPrintedStructs: RecallDetector = (text, out) => {
  if (!holdsWord(text, WORDS)) {
    return;
  }
  for (const open of text.matchAll(PAREN_OPENING)) {
    const mine: RecallSpan[] = [];
    if (readFields(text, open.index + open[0].length, PAREN_FIELD, mine).printed) {
      out.push(...mine);
    }
  }
  if (text.includes('] => ')) {
    for (const m of text.matchAll(PRINT_R)) {
      const kind = credentialKind(m[1]!);
      if (kind !== undefined && !/^(?:Array|Object)\b/.test(m[2]!)) {
        const [start, end] = m.indices![2]!;
        pushLiteral(text, { start, end, quoted: false }, kind, true, out);
      }
    }
  }
  for (const open of text.matchAll(OPENING)) {
    const at = open.index + open[0].length;
    if (open[1] !== undefined) {
      readFields(text, at, FIELD, out);
    } else {
      readClosed(
        text,
        at,
        open[2] !== undefined ? MAP_FIELD : open[3] !== undefined ? BRACKET_FIELD : GO_MAP_FIELD,
        out,
      );
    }
  }
};

/**
 * Reads the fields `field` finds from `at` on, and hides each value a credential's name is given. Returns
 * whether a value was one no expression holds (`PRINTED_VALUE`), and where the last field read ends.
 */
function readFields(
  text: string,
  at: number,
  field: RegExp,
  out: RecallSpan[],
): { readonly printed: boolean; readonly end: number } {
  field.lastIndex = at;
  let printed = false;
  let end = at;
  for (let k = 0; k < MAX_FIELDS; k++) {
    const m = field.exec(text);
    if (m === null) {
      break;
    }
    end = field.lastIndex;
    printed ||= PRINTED_VALUE.test(m[2]!);
    const kind = m[2] === '' ? undefined : credentialKind(m[1]!);
    if (kind !== undefined) {
      const [start, stop] = m.indices![2]!;
      pushLiteral(text, { start, end: stop, quoted: false }, kind, true, out);
    }
  }
  return { printed, end };
}

/**
 * Reads the fields of a printed list as `readFields` does, and keeps what it hides only when the fields run
 * to the list's closing bracket: minified code (`{e.password=null;let i=…,n,…}`) reads one field, then no
 * `, ` or closer.
 */
function readClosed(text: string, at: number, field: RegExp, out: RecallSpan[]): void {
  const mine: RecallSpan[] = [];
  const closer = text.charCodeAt(readFields(text, at, field, mine).end);
  if (closer === 0x7d || closer === 0x5d) {
    out.push(...mine);
  }
}
