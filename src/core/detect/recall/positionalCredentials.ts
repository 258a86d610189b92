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
 * - PowerShell's `$plain = '…'` when `$plain` is piped into `ConvertTo-SecureString` on its line;
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
];

const WORDS = wordSet([
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
  /\b(?:case[ \t]{1,4}class|data[ \t]{1,4}class|record)[ \t]{1,4}(?<name>[A-Z]\w{0,63})[ \t]{0,4}(?:\[[^\]\r\n]{0,100}\]|<[^>\r\n]{0,100}>)?[ \t]{0,4}\((?<params>[^()]{1,600})\)/g;
const CLASS_WORDS = wordSet(['case class', 'data class', 'record ']);
/** One argument and what ends it: a quoted literal (groups 1, 2) or another value without nesting. */
const ARGUMENT =
  /[ \t\r\n]{0,16}(?:"((?:[^"\\\r\n]|\\.){0,256})"|'((?:[^'\\\r\n]|\\.){0,256})'|[^,()"'\r\n]{0,256}(?:\([^()\r\n]{0,256}\))?)[ \t\r\n]{0,16}([,)])/y;
/** Declarations read per text, and calls read per declaration. */
const MAX_CLASSES = 16;
const MAX_CALLS = 256;

export const findPositionalCredentials: RecallDetector = (text, out) => {
  runGated(text, WORDS, PATTERNS, out);
  const classes: { name: string; places: number[] }[] = [];
  forEachLineWith(text, CLASS_WORDS, (from, end) => {
    const line = text.slice(from, Math.min(text.length, end + 600));
    DECLARED.lastIndex = 0;
    const m = DECLARED.exec(line);
    if (m === null || m.index > end - from || classes.length >= MAX_CLASSES) {
      return;
    }
    const places = m
      .groups!['params']!.split(',')
      .flatMap((p, i) => (credentialKind(parameterName(p)) !== undefined ? [i] : []));
    if (places.length > 0) {
      classes.push({ name: m.groups!['name']!, places });
    }
  });
  for (const c of classes) {
    readCalls(text, c.name, c.places, out);
  }
};

/** A declared parameter's name: `val password: String` (before the colon), `String password` (the last word). */
function parameterName(param: string): string {
  const p = param.replace(/@\w+(?:\([^)]*\))?/g, '').trim();
  const colon = p.indexOf(':');
  const words = (colon === -1 ? p : p.slice(0, colon)).trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** Hides the quoted arguments at `places` of each call `Name(…)` (or `Name.apply(…)`, `new Name(…)`). */
function readCalls(text: string, name: string, places: readonly number[], out: RecallSpan[]): void {
  let calls = 0;
  for (let at = text.indexOf(name, 0); at !== -1 && calls < MAX_CALLS; at = text.indexOf(name, at + 1)) {
    if (at > 0 && /[\w$]/.test(text[at - 1]!)) {
      continue;
    }
    const open = /^(?:\.apply)?[ \t]{0,4}\(/.exec(text.slice(at + name.length, at + name.length + 16));
    if (open === null || /(?:class|record)[ \t]{1,4}$/.test(text.slice(Math.max(0, at - 16), at))) {
      continue;
    }
    calls++;
    let pos = at + name.length + open[0].length;
    for (let i = 0; i <= places[places.length - 1]!; i++) {
      ARGUMENT.lastIndex = pos;
      const a = ARGUMENT.exec(text);
      if (a === null) {
        break;
      }
      const value = a[1] ?? a[2];
      if (value !== undefined && places.includes(i) && value.length >= 4 && !isPlaceholderValue(value)) {
        const start = text.indexOf(value, pos);
        out.push({ start, end: start + value.length, kind: 'password' });
      }
      pos = ARGUMENT.lastIndex;
      if (a[3] === ')') {
        break;
      }
    }
  }
}
