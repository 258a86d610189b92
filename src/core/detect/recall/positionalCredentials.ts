import { credentialKind } from './credentialName';
import { type GatedPattern, runGated } from './gatedPatterns';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * A credential passed by its place among a call's arguments, which no name marks (hunters F and C,
 * 2026-12-06):
 * - without parentheses: Haskell's `applyBasicAuth "user" "…"` and Servant's `BasicAuthData "user" "…"`,
 *   OCaml's `Redis.auth conn "…"`;
 * - by position: `connect(source or host, user, password)` (LuaSQL's `env:connect`, MySQLdb, PHP's
 *   `mysqli_connect`, an Arduino MQTT client's `client.connect(id, user, password)`), MATLAB's
 *   `database('db','user','…')` and `weboptions('Username',…,'Password','…')`;
 * - Oracle's `CONNECT TO user IDENTIFIED BY …` unquoted (a database link);
 * - PowerShell's `$plain = '…'` when `$plain` is piped into `ConvertTo-SecureString` on its line, and .NET's
 *   `foreach (var c in "…") secure.AppendChar(c)`;
 * - R's `dbConnect(drv, "db", "host", port, "user", "…")`, Django's `create_user(name, mail, "…")`, ldapjs's
 *   `client.bind("cn=…", "…")`;
 * - a constructor's argument in the place that its class declares a credential-named parameter
 *   (`case class Db(url: String, password: String)`, Kotlin's `data class`, a Java `record`).
 */

/** A quoted literal, not captured. */
const Q = `(?:"[^"\\r\\n]{0,128}"|'[^'\\r\\n]{0,128}')`;
/** A quoted literal, the value (`v`, `va`). */
const QV = `(?:"(?<v>[^"\\r\\n]{1,128})"|'(?<va>[^'\\r\\n]{1,128})')`;
const COMMA = `[ \\t]{0,4},[ \\t]{0,4}`;

const PATTERNS: readonly GatedPattern[] = [
  {
    re: /\b(?:applyBasicAuth|BasicAuthData|basicAuth)[ \t]{1,4}(?:\(?[\w.]{1,20}[ \t]{1,4})?"[^"\r\n]{1,64}"\)?[ \t]{1,4}(?:\(?[\w.]{1,20}[ \t]{1,4})?"(?<v>[^"\r\n]{1,128})"/dg,
  },
  {
    re: /\b[A-Z]\w{0,30}(?:\.\w{1,30}){0,2}\.auth[ \t]{1,4}(?:~password:)?(?:\w{1,32}[ \t]{1,4})?"(?<v>[^"\r\n]{1,128})"/dg,
  },
  {
    re: new RegExp(
      `(?:\\b\\w{1,32}[.:]|\\b)(?:connect|real_connect|mysql_connect|mysqli_connect)\\([ \\t]{0,4}${Q}${COMMA}${Q}${COMMA}${QV}`,
      'dg',
    ),
  },
  { re: new RegExp(`\\bdatabase\\([ \\t]{0,4}${Q}${COMMA}${Q}${COMMA}${QV}`, 'dg') },
  {
    re: new RegExp(`\\bweboptions\\([^()\\r\\n]{0,200}?["'](?:Password|KeyValue)["']${COMMA}${QV}`, 'dg'),
  },
  {
    re: /\bCONNECT[ \t]{1,4}TO[ \t]{1,4}[\w$#]{1,64}[ \t]{1,4}IDENTIFIED[ \t]{1,4}BY[ \t]{1,4}(?!VALUES\b)(?:"(?<v>[^"\r\n]{1,128})"|(?<vb>[^\s;"'`:&][^\s;"'`]{0,127}))/dgi,
  },
  {
    re: new RegExp(
      `\\$(?<n>\\w{1,40})[ \\t]{0,4}=[ \\t]{0,4}${QV}[^\\r\\n]{0,200}?(?:\\$\\k<n>[ \\t]{0,4}\\|[ \\t]{0,4}ConvertTo-SecureString|ConvertTo-SecureString[ \\t]{1,4}(?:-String[ \\t]{1,4})?\\$\\k<n>\\b)`,
      'dgi',
    ),
  },
  // R's DBI: `dbConnect(RMySQL::MySQL(), "db", "host", 3306, "user", "…")`, the password the last of two
  // quoted arguments that close the call. Django's `create_user('name', 'mail', '…')` and
  // `create_superuser(…)`: the third. ldapjs's `client.bind('cn=…,dc=…', '…', cb)`: after a DN.
  {
    re: new RegExp(
      `\\bdbConnect\\([^()\\r\\n]{0,200}?(?:\\(\\)[^()\\r\\n]{0,200}?)?,[ \\t]{0,4}${Q}${COMMA}${QV}[ \\t]{0,4}\\)`,
      'dg',
    ),
  },
  { re: new RegExp(`\\bcreate_(?:super)?user\\([ \\t]{0,4}${Q}${COMMA}${Q}${COMMA}${QV}`, 'dg') },
  { re: new RegExp(`\\.bind\\([ \\t]{0,4}["'](?:cn|uid|CN|UID)=[^"'\\r\\n]{1,200}["']${COMMA}${QV}`, 'dg') },
  // .NET's SecureString filled from a literal: `foreach (var c in "…") secure.AppendChar(c);`.
  {
    re: /\bforeach[ \t]{0,4}\([ \t]{0,4}(?:var|char)[ \t]{1,4}\w{1,32}[ \t]{1,4}in[ \t]{1,4}"(?<v>[^"\r\n]{1,128})"[ \t]{0,4}\)[^\r\n]{0,120}?AppendChar/dg,
  },
];

const WORDS = wordSet([
  ...['dbconnect(', 'create_user(', 'create_superuser(', '.bind(', 'appendchar'],
  ...[
    'basicauth',
    '.auth ',
    'connect(',
    'database(',
    'weboptions',
    'identified by',
    'convertto-securestring',
  ],
]);

/** A class declared with its parameters (group `params`), and the word that opens its declaration. */
const DECLARED =
  /\b(?:case[ \t]{1,4}class|data[ \t]{1,4}class|record)[ \t]{1,4}(?<name>[A-Z]\w{0,63})[ \t]{0,4}(?:\[[^\]\r\n]{0,100}\]|<[^>\r\n]{0,100}>)?[ \t]{0,4}\((?<params>[^()]{1,600})\)/y;
/** Python's `namedtuple("Db", ["user", "password"])` (or `"user password"`), bound to a name. */
const NAMED_TUPLE =
  /\b(?<name>[A-Z]\w{0,63})[ \t]{0,4}=[ \t]{0,4}(?:collections\.)?namedtuple\([ \t]{0,4}["']\w{1,64}["'][ \t]{0,4},[ \t]{0,4}(?:\[(?<list>[^\]]{1,400})\]|\((?<tuple>[^)]{1,400})\)|["'](?<words>[^"']{1,400})["'])/y;
/** A Python class whose body lists its fields in order: a `@dataclass`, a `NamedTuple`. */
const FIELD_CLASS =
  /(?:@(?:dataclasses\.)?dataclass\b[^\n]{0,200}\n[ \t]{0,16}class[ \t]{1,4}(?<name>[A-Z]\w{0,63})[^:\n]{0,200}|class[ \t]{1,4}(?<tname>[A-Z]\w{0,63})[ \t]{0,4}\([ \t]{0,4}(?:typing\.)?NamedTuple[ \t]{0,4}\))[ \t]{0,4}:[ \t]*\r?\n/y;
/** A field line of such a body (`    password: str = ""`). */
const FIELD_LINE = /^[ \t]{1,16}(\w{1,64})[ \t]{0,4}:[^\n]{0,300}$/;
/** Go's `type Creds struct { User, Password string }`: its fields in order, keyed literals aside. */
const GO_STRUCT =
  /\btype[ \t]{1,4}(?<name>[A-Z]\w{0,63})[ \t]{1,4}struct[ \t]{0,4}\{(?<body>[^{}]{1,1200})\}/y;
/** Where on a line one of the declarations above may start. */
const CANDIDATE =
  /\b(?:case|data|record)\b|\b[A-Z]\w{0,63}[ \t]{0,4}=[ \t]{0,4}(?:collections\.)?namedtuple\b|@(?:dataclasses\.)?dataclass\b|\bclass\b/g;
const CLASS_WORDS = wordSet([
  'case class',
  'data class',
  'record ',
  'namedtuple',
  '@dataclass',
  'namedtuple)',
]);
const STRUCT_WORDS = wordSet(['struct {', 'struct{']);
/** One argument and what ends it: a quoted literal (groups 1, 2) or another value without nesting. */
const ARGUMENT =
  /[ \t\r\n]{0,16}(?:"((?:[^"\\\r\n]|\\.){0,256})"|'((?:[^'\\\r\n]|\\.){0,256})'|[^,(){}"'\r\n]{0,256}(?:\([^()\r\n]{0,256}\))?)[ \t\r\n]{0,16}([,)}])/y;
/** Declarations read per text, and calls read per declaration. */
const MAX_CLASSES = 16;
const MAX_CALLS = 256;

/** A declared type: its name, the places of its credential-named fields, and the bracket its literals open. */
interface Declared {
  readonly name: string;
  readonly places: readonly number[];
  readonly open: '(' | '{';
}

export const findPositionalCredentials: RecallDetector = (text, out) => {
  runGated(text, WORDS, PATTERNS, out);
  const types: Declared[] = [];
  const add = (name: string | undefined, fields: readonly string[], open: '(' | '{'): void => {
    const places = fields.flatMap((f, i) => (credentialKind(f) !== undefined ? [i] : []));
    if (name !== undefined && places.length > 0 && types.length < MAX_CLASSES) {
      types.push({ name, places, open });
    }
  };
  forEachLineWith(text, CLASS_WORDS, (from, end) => {
    const line = text.slice(from, end);
    CANDIDATE.lastIndex = 0;
    for (let c = CANDIDATE.exec(line); c !== null; c = CANDIDATE.exec(line)) {
      for (const read of [readDeclared, readNamedTuple, readFieldClass]) {
        const d = read(text, from + c.index);
        if (d !== undefined) {
          add(d.name, d.fields, '(');
          return d.end;
        }
      }
    }
    return undefined;
  });
  forEachLineWith(text, STRUCT_WORDS, (from) => {
    const line = text.slice(from, Math.min(text.length, from + 1400));
    const m = /\btype[ \t]/.exec(line);
    if (m === null) {
      return;
    }
    GO_STRUCT.lastIndex = m.index;
    const g = GO_STRUCT.exec(line);
    if (g !== null) {
      add(g.groups!['name'], goFields(g.groups!['body']!), '{');
    }
  });
  for (const t of types) {
    readCalls(text, t, out);
  }
};

/** `case class`, `data class`, `record` at `at`: its name, fields, and where its declaration ends. */
function readDeclared(text: string, at: number): { name: string; fields: string[]; end: number } | undefined {
  DECLARED.lastIndex = at;
  const m = DECLARED.exec(text);
  return m === null
    ? undefined
    : {
        name: m.groups!['name']!,
        fields: m.groups!['params']!.split(',').map(parameterName),
        end: DECLARED.lastIndex,
      };
}

function readNamedTuple(
  text: string,
  at: number,
): { name: string; fields: string[]; end: number } | undefined {
  NAMED_TUPLE.lastIndex = at;
  const m = NAMED_TUPLE.exec(text);
  if (m === null) {
    return undefined;
  }
  const g = m.groups!;
  const fields = (g['list'] ?? g['tuple'] ?? g['words']!).split(/[\s,]+/).map((f) => f.replace(/["']/g, ''));
  return { name: g['name']!, fields: fields.filter((f) => f !== ''), end: NAMED_TUPLE.lastIndex };
}

/** A `@dataclass` or `NamedTuple` class: its body's field lines, up to its first method or its end. */
function readFieldClass(
  text: string,
  at: number,
): { name: string; fields: string[]; end: number } | undefined {
  FIELD_CLASS.lastIndex = at;
  const m = FIELD_CLASS.exec(text);
  if (m === null) {
    return undefined;
  }
  const fields: string[] = [];
  let pos = FIELD_CLASS.lastIndex;
  for (let i = 0; i < 60 && pos < text.length; i++) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const f = FIELD_LINE.exec(line);
    if (f !== null) {
      fields.push(f[1]!);
    } else if (!/^(?:[ \t]*(?:#.*|""".*|'''.*)?|[ \t]{1,16}(?!def\b|@)\S.*)$/.test(line)) {
      break; // a method, a decorator or the class's end
    }
    pos = lineEnd + 1;
  }
  return { name: m.groups!['name'] ?? m.groups!['tname']!, fields, end: pos - 1 };
}

/** Go struct fields in order: `User, Password string` gives two. */
function goFields(body: string): string[] {
  return body
    .split(/[\n;]/)
    .map((l) => l.replace(/\/\/.*$|`[^`]*`/g, '').trim())
    .filter((l) => l !== '')
    .flatMap((l) => {
      const names = /^([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]+\S/.exec(l);
      return names === null ? ['?'] : names[1]!.split(',').map((n) => n.trim());
    });
}

/** A declared parameter's name: `val password: String` (before the colon), `String password` (the last word). */
function parameterName(param: string): string {
  const p = param.replace(/@\w+(?:\([^)]*\))?/g, '').trim();
  const colon = p.indexOf(':');
  const words = (colon === -1 ? p : p.slice(0, colon)).trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** Hides the quoted arguments at its places of each literal `Name(…)` (`Name.apply(…)`, `new Name(…)`, `Name{…}`). */
function readCalls(text: string, t: Declared, out: RecallSpan[]): void {
  const opener = t.open === '(' ? /^(?:\.apply)?[ \t]{0,4}\(/ : /^\{/;
  const last = t.places[t.places.length - 1]!;
  let calls = 0;
  for (let at = text.indexOf(t.name, 0); at !== -1 && calls < MAX_CALLS; at = text.indexOf(t.name, at + 1)) {
    if (at > 0 && /[\w$]/.test(text[at - 1]!)) {
      continue;
    }
    const open = opener.exec(text.slice(at + t.name.length, at + t.name.length + 16));
    if (
      open === null ||
      /(?:class|record|struct|type)[ \t]{1,4}$/.test(text.slice(Math.max(0, at - 16), at))
    ) {
      continue;
    }
    calls++;
    let pos = at + t.name.length + open[0].length;
    for (let i = 0; i <= last; i++) {
      ARGUMENT.lastIndex = pos;
      const a = ARGUMENT.exec(text);
      if (a === null) {
        break;
      }
      const value = a[1] ?? a[2];
      if (value !== undefined && t.places.includes(i) && value.length >= 4 && !isPlaceholderValue(value)) {
        const start = text.indexOf(value, pos);
        out.push({ start, end: start + value.length, kind: 'password' });
      }
      pos = ARGUMENT.lastIndex;
      if (a[3] !== ',') {
        break;
      }
    }
  }
}
