import { anyCase } from '../rules/ruleKit';
import { lineEnd, lineStart } from '../lineBounds';
import { isChosenWord } from './chosenPasswords';
import { pushLiteral } from './literalValue';
import { looksRandom, readsAsWords, spellsWords } from './tokenShape';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

// A user and a password written as a pair for a reader (a ticket, a chat, a README): `login: admin / …`,
// `Credentials: deploy/…`, `use admin/… to log in`, `log in with admin / …`. No name stands before the
// password, so the detectors that read one left it (the everyday-placements probe, 2026-12-07). The user
// must read as an account's (lower-case letters, digits, `._@+-`): `Login: Settings / Preferences` names
// a menu's path, not an account.

/** The words a pair stands beside, lower-case, for the shared word search. */
const WORDS = wordSet([
  'login',
  'log in',
  'log-in',
  'sign in',
  'signin',
  'credentials',
  'creds',
  'basic-auth',
  'basic auth',
]);
/** The words a pair follows, any case (the user's own letters are read as written: see `USER`). */
const LOGIN = `(?:${anyCase('log')}[ -]?${anyCase('in')}|${anyCase('sign')}[ -]?${anyCase('in')})`;
const LABEL = `(?:${LOGIN}|${anyCase('credential')}[sS]?|${anyCase('creds')}|${anyCase('basic')}[ -]${anyCase('auth')})`;
/** An account's user name. */
const USER = '[a-z0-9][a-z0-9._@+-]{1,63}';
/** The password after the user and its `/` (or `:` in a label's pair): no blank. Group `pw`. */
const PASSWORD = '(?<pw>[^\\s/]{4,128}?)';
/**
 * A label, a colon or `are`, the pair at the line's end (a remark in parentheses after it): `login: admin / …`,
 * `Credentials: deploy/…`, `credentials are admin:…`, `the staging basic-auth is stg:… (browser will prompt)`.
 */
const LABELLED = new RegExp(
  `${LABEL}(?:[ \\t]{0,4}[:\\uff1a]|[ \\t]{1,4}(?:are|is))[ \\t]{0,4}\`?${USER}\`?[ \\t]{0,2}[/:][ \\t]{0,2}\`?${PASSWORD}\`?[.,;]?(?:[ \\t]{1,4}\\([^)\\n]{0,80}\\))?[ \\t]*(?:\\r?$|\\n)`,
  'yd',
);
/** Prose around the pair: `use admin/… to log in`, `log in with admin / …`. */
const PROSE = [
  new RegExp(
    `(?<=\\b[uU]se[ \\t]{1,4})${USER}[ \\t]{0,2}/[ \\t]{0,2}${PASSWORD}[ \\t]{1,4}to[ \\t]{1,4}${LOGIN}`,
    'gmd',
  ),
  new RegExp(
    `${LOGIN}[ \\t]{1,4}(?:with|as|using)[ \\t]{1,4}${USER}[ \\t]{0,2}/[ \\t]{0,2}${PASSWORD}(?=[.,;]?(?:[ \\t]|\\r?$))`,
    'gmd',
  ),
  // `Log in as \`wikiadmin\` with …`: the user named, then the password after `with`.
  new RegExp(
    `${LOGIN}[ \\t]{1,4}as[ \\t]{1,4}[\`"']?${USER}[\`"']?[ \\t]{1,4}(?:with|using)[ \\t]{1,4}[\`"']?${PASSWORD}[\`"']?(?=[.,;]?(?:[ \\t]|\\r?$))`,
    'gmd',
  ),
];
/**
 * A step that has the reader type a secret (`at the LUKS prompt type … and press Enter`, `When asked for the
 * PAT, paste …`, `Enter … as the management key`): the verb, the value, then a clause or the line's end, on a
 * line that names what is typed (a password, a passphrase, a PIN, a PAT, a token, a key, an unlock prompt).
 * Group `pw`.
 */
const TYPED =
  /(?<![\w-])(?:[Tt]ype|[Ee]nter|[Pp]aste|[Ii]nput)[ \t]{1,4}[`"']?(?<pw>[^\s`"'<>$/(){}[\]-][^\s`"'<>(){}[\]]{3,127}?)[`"']?(?=[ \t]{1,4}(?:as|and|at|when|into|in|then|to|for)\b|[.,;]?[ \t]*(?:\r?\n|$))/dg;
const TYPED_WORDS = wordSet(['type ', 'enter ', 'paste ', 'input ']);
const TYPED_NAMES =
  /password|passphrase|passcode|\bPIN\b|\bPAT\b|token|\bkey\b|secret|\bLUKS\b|unlock|prompt/i;

/**
 * A pair written `user / password`, a blank either side of the `/` (a path or a fraction has none, or digits),
 * near a word that says an account or a network is meant: `Vendor portal: acme_ops / …`, `old laptop login:
 * jsmith / … (need to wipe)`, `new staging creds → admin@stg / …`, `the local account (netadmin / …)`, a chat's
 * `gina: Acme-Guest / …` under `wifi in the new office?`. The word stands before the pair, on its line or the
 * line above. Group `pw`.
 */
const SPACED_PAIR =
  /(?<![\w/.@+-])(?!(?:in|up|out|login|logout|signin|signup)[ \t])[A-Za-z][\w.@+-]{1,63}[ \t]{1,2}\/[ \t]{1,2}(?<pw>[^\s/()[\]{}]{4,128}?)(?=[.,)]?(?:[ \t](?![ \t]?\/)|\r?\n|$))/dg;
const ACCOUNT_LABELS = wordSet([
  ...['login', 'log in', 'logged in', 'sign in', 'creds', 'credentials', 'account', 'portal', 'wifi'],
  ...['wi-fi', 'wlan', 'ssid', 'vpn', 'rdp', 'ssh', 'admin'],
]);
/** How far past a label word the pair is looked for: the rest of its line and the next. */
const PAIR_REACH = 240;

/**
 * Accounts every install has, whose pair a reader needs no label for: a line that holds only
 * `admin:amberwheel` or `root / …` (a ticket's, a README's default credentials).
 */
export const ACCOUNTS = [
  ...['admin', 'administrator', 'root', 'postgres', 'deploy', 'ubuntu', 'ec2-user', 'guest'],
  ...['jenkins', 'elastic', 'kibana', 'grafana', 'rabbitmq', 'oracle', 'mysql', 'superuser', 'sysadmin'],
];
const ACCOUNT_WORDS = wordSet(ACCOUNTS);
/**
 * The line alone: the account, a glued `:` (`admin: true` is YAML's) or a `/` between blanks (`admin/settings`
 * is a path), the password. Group `pw`. Read from the line's start (`y`).
 */
const BARE_PAIR = new RegExp(
  `[ \\t]{0,8}(?:${ACCOUNTS.join('|')})(?::|[ \\t]{1,2}/[ \\t]{1,2})(?<pw>[^\\s/:]{4,64})[ \\t]*(?:\\r?$|\\n)`,
  'ydi',
);
/** A bare pair's password: a word a person chose, or one with a digit or a mark; not a value of YAML or JSON. */
const BARE_PASSWORD = (v: string): boolean =>
  !/^(?:true|false|yes|no|null|none|\d+)$/i.test(v) &&
  (isChosenWord(v) || (/[A-Za-z]/.test(v) && /[\d!#$%&*+?@^~-]/.test(v)));

/** Words that name a menu's or a form's parts, not a password. */
const NOT_PASSWORD = /^(?:password|passwd|pass|pwd|secret|\*+|x+|\.{3}|<[^>]*>|\{[^}]*\})$/i;

export const findLoginPairs: RecallDetector = (text, out) => {
  findBarePairs(text, out);
  findSpacedPairs(text, out);
  findTypedValues(text, out);
  const places = wordPlaces(text, WORDS);
  if (places.length === 0) {
    return;
  }
  let done = -1;
  for (const at of places) {
    if (at < done) {
      continue;
    }
    LABELLED.lastIndex = at;
    const m = LABELLED.exec(text);
    if (m !== null) {
      push(text, m, out);
      done = LABELLED.lastIndex;
    }
  }
  for (const prose of PROSE) {
    for (const m of text.matchAll(prose)) {
      push(text, m, out);
    }
  }
};

/** A secret a step has the reader type (see `TYPED`). */
function findTypedValues(text: string, out: RecallSpan[]): void {
  let done = -1;
  for (const at of wordPlaces(text, TYPED_WORDS)) {
    const from = lineStart(text, at, 512);
    if (from <= done) {
      continue;
    }
    const line = text.slice(from, lineEnd(text, at, 512));
    done = from + line.length;
    // A step in prose names what is typed; a line of code (`export { type FlowPasswordRequiredResultV2 }`) is none.
    if (!TYPED_NAMES.test(line) || /[{};=]/.test(line)) {
      continue;
    }
    TYPED.lastIndex = 0;
    for (let m = TYPED.exec(line); m !== null; m = TYPED.exec(line)) {
      const [s, e] = m.indices!.groups!['pw']!;
      const pw = line.slice(s, e);
      // camelCase of words (`FlowPasswordRequiredResultV2`); a draw of base62 has as many humps, few of them words.
      const identifier =
        /^(?:[A-Z][a-z]+|[a-z]+)(?:[A-Z][a-z0-9]*){1,12}$/.test(pw) &&
        (readsAsWords(pw) || spellsWords(pw, pw.replace(/[^A-Za-z]/g, '').length));
      const shaped = !identifier && ((/[A-Za-z]/.test(pw) && /[\d!#$%&*+?@^~]/.test(pw)) || looksRandom(pw));
      // A shape a word of prose has not (`the token type classes`, `input prompts`): a chosen word typed in a
      // step reads as prose does, and stays.
      if (shaped && !NOT_PASSWORD.test(pw)) {
        pushLiteral(text, { start: from + s, end: from + e, quoted: false }, 'password', true, out);
      }
    }
  }
}

/** `user / password` on a label's line or the next (see `SPACED_PAIR`). */
function findSpacedPairs(text: string, out: RecallSpan[]): void {
  let done = -1;
  for (const at of wordPlaces(text, ACCOUNT_LABELS)) {
    if (at < done) {
      continue;
    }
    // The rest of the label's line and the next, within `PAIR_REACH`: every search bounded, so a long line of
    // labels costs each stretch of it once.
    const from = at;
    const reach = text.slice(from, Math.min(text.length, from + PAIR_REACH));
    const first = reach.indexOf('\n');
    const second = first === -1 ? -1 : reach.indexOf('\n', first + 1);
    const to = from + (second === -1 ? reach.length : second);
    const slice = text.slice(from, to);
    SPACED_PAIR.lastIndex = 0;
    for (let m = SPACED_PAIR.exec(slice); m !== null; m = SPACED_PAIR.exec(slice)) {
      const [s, e] = m.indices!.groups!['pw']!;
      const pw = slice.slice(s, e);
      // Letters with a digit or a mark, a draw or a phrase of three words or more: a pair of words (`Sign in /
      // Sign up`) is a menu's, and a line that assigns (`ratio = account_total / count2`) is code.
      const line = text.slice(lineStart(text, from + s, PAIR_REACH), from + s);
      const phrase = /^[A-Za-z]{3,}(?:-[A-Za-z]{3,}){2,}$/.test(pw);
      if (
        !line.includes('=') &&
        ((/[A-Za-z]/.test(pw) && /[\d!#$%&*+?@^~]/.test(pw)) || looksRandom(pw) || phrase)
      ) {
        if (!NOT_PASSWORD.test(pw)) {
          pushLiteral(text, { start: from + s, end: from + e, quoted: false }, 'password', true, out);
        }
      }
    }
    done = to;
  }
}

/** A well-known account's pair alone on its line (see `BARE_PAIR`). */
function findBarePairs(text: string, out: RecallSpan[]): void {
  for (const at of wordPlaces(text, ACCOUNT_WORDS)) {
    const start = lineStart(text, at, 9);
    if (start > 0 && text.charCodeAt(start - 1) !== 10) {
      continue; // not within the line's first blanks
    }
    BARE_PAIR.lastIndex = start;
    const m = BARE_PAIR.exec(text);
    if (m !== null && BARE_PASSWORD(m.groups!['pw']!)) {
      push(text, m, out);
    }
  }
}

function push(text: string, m: RegExpExecArray | RegExpMatchArray, out: RecallSpan[]): void {
  const [start, end] = m.indices!.groups!['pw']!;
  if (!NOT_PASSWORD.test(text.slice(start, end))) {
    pushLiteral(text, { start, end, quoted: false }, 'password', true, out);
  }
}
