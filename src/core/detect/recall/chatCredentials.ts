import { isChosenWord } from './chosenPasswords';
import { credentialKind } from './credentialName';
import { type GatedPattern, passwordShaped, runGated } from './gatedPatterns';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * Credentials in pasted chat and terminal material, where prose or a tool's layout, not a name, marks the
 * value (hunter E, 2026-12-06):
 * - prose: `Use … as the password`, `is … the right password?`, `… is the password`; `wifi: <ssid> / …`,
 *   `SSID <name>, key …`; `creds are <user> / …`, `u: <user> p: …`; ``Log in with `user` and `…` ``;
 *   where no credential word stands next to it, only a value with a password's shape counts;
 * - lists under a heading (`Accounts:` then `admin → …`; `username:password` then `admin:…`);
 * - a credential-named element's CDATA (`<value name="secret"><![CDATA[…]]>`), a table's `| secret | … |`
 *   row, `chamber read`'s value column, Postman's `apikey` auth item;
 * - a diff: git's word diff of a credential (`api_key: [-…-]{+…+}`), and a line whose replacement is a
 *   variable (`-<value>` then `+${API_TOKEN}`);
 * - a base64 value piped into `base64 -d` (what it decodes to is the secret), a password echoed to `runas`;
 * - a users table's row inserted without a column list (`INSERT INTO users VALUES (1,'admin','…',…)`): its
 *   literals of a password's shape; a dump's `COPY t (…, encrypted_password, reset_password_token) FROM
 *   stdin;` rows, in the places of credential-named columns.
 */

const shaped = (v: string): boolean => passwordShaped(v.replace(/[.,;:!?)]+$/, '')) || passwordShaped(v);
const QUOTE = '[`"\'\u2018\u201c]?';
/**
 * A value said in a sentence with no verb to state it (`with password …`, `set PGPASSWORD to …`): a
 * password's shape, a draw, letters with a digit (`amberwheel42`), or one word a person chose (see
 * `isChosenWord`).
 */
const said = (v: string): boolean =>
  shaped(v) ||
  looksRandom(v) ||
  isChosenWord(v) ||
  (v.length >= 6 && /^[A-Za-z][\w!#$%&*+?@~-]*$/.test(v) && /\d/.test(v) && !/^[A-Z]{1,8}\d{1,5}$/.test(v));
/**
 * Nouns that follow `password` in a compound (`with password authentication`, `using password manager`),
 * not a value.
 */
const COMPOUND = new Set(
  (
    'manager managers policy policies field fields hash hashes prompt prompts reset resets login logins auth ' +
    'access change changes recovery rule rules length strength input box form dialog screen page entry ' +
    'file files store storage vault check checks hint hints history expiry flow option options argument ' +
    'arguments parameter parameters attribute value values instead first only support based less mode type'
  ).split(' '),
);
/** What may follow a said value: a blank, a mark, the line's end. */
const AFTER_SAID = '(?=[.!,;)]?(?:[ \\t]|\\r?$|\\n))';
/** What ends a chosen word's clause: the line, a mark, or a word that starts another clause. */
const CLAUSE_END =
  /^["'`\u2019\u201d]?(?:[.!,;)]?[ \t]*(?:\r?$|\n)|[.!,;)]?[ \t]{1,4}(?:and|but|in|on|for|so|to|then|because|though|while|which)\b)/;
/**
 * Whether the value `m` found is said: one word a person chose only where its clause ends (`with password
 * amberwheel.`, not `with password manager support`).
 */
const saidIn = (v: string, m: RegExpExecArray): boolean =>
  isChosenWord(v) ? CLAUSE_END.test(m.input.slice(m.indices!.groups!['v']![1])) : said(v);

const PROSE: readonly GatedPattern[] = [
  {
    re: new RegExp(
      `\\b(?:[Uu]se|[Tt]ry)[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{6,64})${QUOTE}[ \\t]{1,4}as[ \\t]{1,4}(?:(?:the|your|my|a)[ \\t]{1,4})?(?:new[ \\t]{1,4})?pass(?:word|phrase)\\b`,
      'dg',
    ),
    keep: shaped,
  },
  // `I tried logging in with user "admin" and … as the password`: a value's shape, or a chosen word.
  {
    re: new RegExp(
      `\\b(?:and|with|using|tried)[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{4,64})${QUOTE}[ \\t]{1,4}as[ \\t]{1,4}(?:(?:the|your|my|a)[ \\t]{1,4})?(?:new[ \\t]{1,4})?pass(?:word|phrase)\\b`,
      'dg',
    ),
    keep: said,
  },
  {
    re: new RegExp(
      `\\bis[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{6,64})${QUOTE}[ \\t]{1,4}the[ \\t]{1,4}(?:(?:right|correct|new|old|current|admin|root)[ \\t]{1,4})?pass(?:word|phrase)\\b`,
      'dg',
    ),
    keep: shaped,
  },
  {
    re: new RegExp(
      `(?:^|[ \\t(>:])${QUOTE}(?<v>[^\\s\`"']{6,64})${QUOTE}[ \\t]{1,4}(?:is|was)[ \\t]{1,4}(?:the|my|your|our)[ \\t]{1,4}(?:(?:new|current|admin|root|wifi)[ \\t]{1,4})?pass(?:word|phrase)\\b`,
      'dgm',
    ),
    keep: shaped,
  },
  {
    re: /\bwi-?fi[ \t]{0,4}:[ \t]{0,4}[^\s/]{1,64}[ \t]{0,4}\/[ \t]{0,4}(?<v>[^\s]{4,128})/dgi,
    keep: shaped,
  },
  {
    re: /\bSSID[ \t]{0,4}[:=]?[ \t]{1,4}[^\s,;]{1,64}[ \t]{0,4}[,;/][ \t]{0,4}(?:key|pass(?:word)?|psk|pw|pwd)[ \t]{0,4}[:=]?[ \t]{1,4}(?<v>[^\s]{4,128})/dgi,
    keep: shaped,
  },
  {
    re: /\b(?:creds?|credentials|logins?)[ \t]{1,4}(?:are|is|:)[ \t]{0,4}[`"']?[^\s/`"']{1,64}[`"']?[ \t]{0,4}\/[ \t]{0,4}[`"']?(?<v>[^\s`"']{4,128})/dgi,
    keep: shaped,
  },
  {
    re: /\buser(?:name)?[ \t]{1,4}[^\s,;]{1,64}[ \t]{0,4}[,;/][ \t]{0,4}pass(?:word)?[ \t]{1,4}(?<v>[^\s]{4,128})/dgi,
    keep: shaped,
  },
  // No verb states the value (the everyday-placements probe, 2026-12-07): `with password …`, `set the
  // password to …`, `I set PGPASSWORD to …`, `user admin pass …`, `DB pass -> …`, `using the key …`.
  {
    re: new RegExp(
      `\\b(?:[Ww]ith|[Uu]sing)[ \\t]{1,4}(?:the[ \\t]{1,4})?(?:[Pp]ass(?:word|phrase)|PASSWORD)[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{4,64}?)${QUOTE}${AFTER_SAID}`,
      'dgm',
    ),
    keep: (v, m) => saidIn(v, m) && !COMPOUND.has(v.toLowerCase()),
  },
  {
    re: new RegExp(
      `\\b(?:set|changed?|reset|updated?)[ \\t]{1,4}(?:(?:the|my|our|your|its|their)[ \\t]{1,4})?(?:[\\w-]{1,20}[ \\t]{1,4})?\\w{0,30}(?:pass(?:word|wd|phrase)?|secret|token|api[_ ]?key)\\w{0,20}[ \\t]{1,4}to[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{4,64}?)${QUOTE}${AFTER_SAID}`,
      'dgim',
    ),
    // A word alone only as a password (`reset previous token to globstar` is a parser's comment).
    keep: (v, m) =>
      saidIn(v, m) &&
      !/^(?:expire|change|match|prompt|require|never|blank|empty|be)$/i.test(v) &&
      (!isChosenWord(v) || /pass|pwd/i.test(m[0])),
  },
  {
    re: new RegExp(
      `\\buser(?:name)?[ \\t]{1,4}[\\w.@+-]{1,64}[ \\t]{1,4}pass(?:word)?[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{4,64}?)${QUOTE}[.,;]?[ \\t]*$`,
      'dgim',
    ),
    keep: said,
  },
  {
    re: new RegExp(
      `\\bpass(?:word)?[ \\t]{0,4}(?:->|=>|\\u2192)[ \\t]{0,4}${QUOTE}(?<v>[^\\s\`"']{4,64}?)${QUOTE}${AFTER_SAID}`,
      'dgim',
    ),
    keep: saidIn,
  },
  {
    re: new RegExp(
      `\\b(?:[Uu]sing|[Uu]se|[Ww]ith|[Tt]ried|[Tt]ry)[ \\t]{1,4}(?:the|my|this|our|an?)[ \\t]{1,4}(?:API[ \\t]{1,4}|api[ \\t]{1,4})?key[ \\t]{1,4}${QUOTE}(?<v>[^\\s\`"']{6,64}?)${QUOTE}(?=[.,;!?)]?(?:[ \\t]|\\r?$))`,
      'dgm',
    ),
    keep: (v) => said(v) && !isChosenWord(v) && !/^0x[\dA-Fa-f]+$/.test(v),
  },
  {
    re: /\bu(?:ser)?[ \t]{0,2}:[ \t]{0,4}[^\s:]{1,64}[ \t]{1,8}p(?:w|ass)?[ \t]{0,2}:[ \t]{0,4}(?<v>\S{4,128})/dgi,
  },
  {
    re: /\blog[ \t]?in[ \t]{1,4}(?:with|as|using)[ \t]{1,4}([`"'])[^`"'\r\n]{1,64}\1[ \t]{1,4}(?:and|\/|,)[ \t]{1,4}(?:(?:the[ \t]{1,4})?password[ \t]{1,4})?([`"'])(?<v>[^`"'\r\n]{4,128})\2/dgi,
  },
];
const PROSE_WORDS = wordSet([
  ...['password', 'passphrase', 'wifi', 'wi-fi', 'ssid', 'creds', 'credentials', 'login', 'log in'],
  ...[' p:', ' pw:', ' pass:', ' pass ', 'passwd', 'secret', 'token', 'api key', 'api_key', 'apikey'],
  ...['the key ', 'my key ', 'this key ', 'our key ', 'a key ', 'an key '],
]);

const TOOLS: readonly GatedPattern[] = [
  {
    re: /<\w{1,40}[ \t]{1,4}(?:name|key|id)=["'][\w.-]{0,40}(?:secret|password|passwd|token|key|credential)[\w.-]{0,20}["'][ \t]{0,4}>[ \t]{0,4}<!\[CDATA\[(?<v>[^\]\r\n]{1,256})\]\]>/dgi,
  },
  {
    re: /^[|\u2502][ \t]{0,4}(?:secret|password|passwd|token|api_key|apikey|secret_key|private_key|access_token|client_secret|secret_access_key|access|access_key|access_key_id)[ \t]{0,40}[|\u2502][ \t]{0,4}(?<v>[^\s|\u2502]{4,256})[ \t]{0,100}[|\u2502]/dgim, // A table of a setting's fields names a type (`| token | string |`); a value holds a digit or is long.
    keep: (v) => /\d/.test(v) || v.length >= 16,
  },
  {
    re: /\bchamber[ \t]{1,4}read\b[^\r\n]{0,200}\r?\n[^\r\n]{0,200}\bValue[ \t]*\r?\n\S{1,128}[ \t]{1,8}\d{1,6}[ \t]{1,8}[^\r\n]{0,100}[ \t](?<v>\S{4,256})[ \t]*$/dgm,
  },
  {
    re: /"apikey"[ \t]{0,4}:[ \t]{0,4}\[[^\]]{0,400}?\{[ \t]{0,4}"key"[ \t]{0,4}:[ \t]{0,4}"value"[ \t]{0,4},[ \t]{0,4}"value"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\r\n]{1,512})"/dg,
  },
  {
    re: /\b\w{0,40}(?:key|secret|token|password|passwd|pwd)\w{0,20}["']?[ \t]{0,4}[:=][ \t]{0,4}\[-(?<v1>[^\s\]]{4,256}?)-\]\{\+(?<v2>[^\s}]{4,256}?)\+\}/dgi,
  },
  {
    re: /^-(?<v>[^\s-][^\s]{7,255})[ \t]*\r?\n\+[ \t]{0,4}\$\{?\w{0,40}(?:TOKEN|KEY|SECRET|PASS\w{0,8}|PWD)\}?[ \t]*$/dgm,
  },
  {
    re: /\b(?:echo|printf)[ \t]{1,4}(?:-n[ \t]{1,4})?["']?(?<v>[A-Za-z0-9+/]{12,512}={0,2})["']?[ \t]{0,4}\|[ \t]{0,4}base64[ \t]{1,4}(?:-d|--decode|-D)\b/dg,
  },
  // A password echoed to `runas`, which reads it from the console only: `echo … | runas /user:…`, `runas
  // /user:… "cmd" & echo …` (the command read once, as an atomic group would: a lookahead's capture).
  {
    re: /\b(?:echo[ \t]{1,4}(?:"(?<v>[^"\r\n]{1,128})"|(?<va>[^\s"|&]{1,128}))[ \t]{0,4}\|[ \t]{0,4}runas\b|\brunas\b(?=[^\r\n&|]{0,200}[ \t]\/user:)(?=(?<cmd>[^\r\n&|]{0,200}))\k<cmd>&[ \t]{0,4}echo[ \t]{1,4}(?:"(?<vb>[^"\r\n]{1,128})"|(?<vc>[^\s"|&]{1,128})))/dgi,
  },
];
const TOOL_WORDS = wordSet([
  ...['<![cdata[', '| secret', '| password', '| passwd', '| token', '| api_key', '| apikey', '| private_key'],
  ...[
    '| access',
    '| client_secret',
    '| secret_',
    'chamber',
    '"apikey"',
    '[-',
    '+${',
    '+$',
    'base64',
    'runas',
  ],
]);

/**
 * A list's heading: `Accounts:`, `Test accounts (staging):`, `**Credentials:**` (group 1), or
 * `username:password` (group 2).
 */
const HEADING =
  /^[ \t]{0,8}(?:(?:[#*_]{1,4}[ \t]{0,2})?(?:[\w-]{1,20}[ \t]{1,2}){0,3}(accounts|credentials|logins|users|creds|passwords)(?:[ \t]{1,2}\([^()\r\n]{1,40}\))?[ \t]{0,4}:[*_]{0,4}|(user(?:name)?[ \t]{0,2}[:/][ \t]{0,2}pass(?:word)?))[ \t]*\r?$/i;
/** An item `user → …`; a YAML record's field (`- name: …`, `email: …`) is no user's. */
const ARROW_ITEM =
  /^[ \t]{0,8}[-*]?[ \t]{0,2}(?!(?:name|email|e-mail|role|roles|id|uid|gid|group|groups|home|shell|url|host)[ \t]{0,4}:)[^\s:]{1,64}[ \t]{0,4}(?:\u2192|->|=>|:|\/|[ \t]\u2014|[ \t]\u2013|[ \t]-)[ \t]{0,4}(\S{4,128})[ \t]*\r?$/i;
const COLON_ITEM = /^[ \t]{0,8}[^\s:]{1,64}:(\S{4,128})[ \t]*\r?$/;
const HEADING_WORDS = wordSet(['accounts', 'credentials', 'logins', 'users:', 'creds', 'passwords', 'user']);
/** Items read under a heading. */
const MAX_ITEMS = 50;

/** A users table's row without a column list. */
const USER_ROW =
  /\bINSERT[ \t]{1,8}INTO[ \t]{1,8}[`"[]?(?:\w{1,64}\.)?[`"[]?(?:users?|accounts?|admins?|members|logins|credentials|app_users|auth_user)[`"\]]?[ \t]{1,8}VALUES[ \t]{0,8}\(/gi;
/** A row's literal (group 1), the next row (`),(`: neither group), or the statement's end (group 2). */
const ROW_LITERAL = /'((?:[^'\\\r\n]|\\.|''){1,256})'|\)[ \t]{0,8},[ \t]{0,8}\(|(\))/g;
const ROW_WORDS = wordSet(['insert into']);
/** Literals read per statement. */
const MAX_ROW_LITERALS = 256;

/** A dump's `COPY … (columns) FROM stdin;`, the columns group 1. */
const COPY =
  /^COPY[ \t]{1,4}[\w."]{1,128}[ \t]{0,4}\(([^()\r\n]{1,2048})\)[ \t]{1,4}FROM[ \t]{1,4}stdin;[ \t]*\r?$/;
const COPY_WORDS = wordSet(['from stdin;']);
/** Rows read per `COPY`. */
const MAX_COPY_ROWS = 1000;

export const findChatCredentials: RecallDetector = (text, out) => {
  runGated(text, PROSE_WORDS, PROSE, out);
  runGated(text, TOOL_WORDS, TOOLS, out, { before: 2, after: 3 });
  forEachLineWith(text, HEADING_WORDS, (from, end) => readList(text, from, end, out));
  forEachLineWith(text, ROW_WORDS, (from, end) => readRows(text, from, end, out));
  forEachLineWith(text, COPY_WORDS, (from, end) => readCopy(text, from, end, out));
};

/** A `COPY`'s rows up to `\.`: the fields in the places of credential-named columns. */
function readCopy(text: string, from: number, end: number, out: RecallSpan[]): number {
  const c = COPY.exec(text.slice(from, end));
  if (c === null) {
    return end;
  }
  const places = c[1]!.split(',').map((col) => {
    const name = col.trim().replace(/^"|"$/g, '');
    return credentialKind(name) !== undefined || /(?:password|secret|token)/i.test(name);
  });
  if (!places.includes(true)) {
    return end;
  }
  let at = end + 1;
  for (let row = 0; row < MAX_COPY_ROWS && at < text.length; row++) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (line === '\\.') {
      break;
    }
    let fieldStart = at;
    line.split('\t').forEach((field, i) => {
      if (places[i] === true && field.length >= 4 && field !== '\\N') {
        out.push({ start: fieldStart, end: fieldStart + field.length, kind: 'password' });
      }
      fieldStart += field.length + 1;
    });
    at = lineEnd + 1;
  }
  return Math.max(end, at - 1);
}

/** Under a heading line, its items' values of a password's shape; returns where the list ended. */
function readList(text: string, from: number, end: number, out: RecallSpan[]): number {
  const h = HEADING.exec(text.slice(from, end));
  if (h === null) {
    return end;
  }
  const item = h[1] !== undefined ? ARROW_ITEM : COLON_ITEM;
  let at = end + 1;
  for (let i = 0; i < MAX_ITEMS && at < text.length; i++) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl;
    const m = item.exec(text.slice(at, lineEnd));
    if (m === null) {
      break;
    }
    // A word a person chose only after an arrow or a dash (`admin → …`); after a `:` it names a setting.
    if (
      shaped(m[1]!) ||
      looksRandom(m[1]!) ||
      (isChosenWord(m[1]!) && /\u2192|->|=>|\u2014|\u2013/.test(m[0]))
    ) {
      const start = at + m[0].lastIndexOf(m[1]!);
      out.push({ start, end: start + m[1]!.length, kind: 'password' });
    }
    at = lineEnd + 1;
  }
  return Math.max(end, at - 1);
}

/** The literals of a password's shape in the rows of each users insert on the line. */
function readRows(text: string, from: number, end: number, out: RecallSpan[]): void {
  const line = text.slice(from, end);
  USER_ROW.lastIndex = 0;
  for (let m = USER_ROW.exec(line); m !== null; m = USER_ROW.exec(line)) {
    // The rows' literals up to the statement's `)`, at most `MAX_ROW_LITERALS`; the next statement is looked
    // for after them.
    ROW_LITERAL.lastIndex = USER_ROW.lastIndex;
    for (let i = 0; i < MAX_ROW_LITERALS; i++) {
      const v = ROW_LITERAL.exec(line);
      if (v === null || v[2] !== undefined) {
        break;
      }
      if (v[1] !== undefined && shaped(v[1]) && !/^\d{4}-\d\d-\d\d/.test(v[1])) {
        out.push({ start: from + v.index + 1, end: from + v.index + 1 + v[1].length, kind: 'password' });
      }
      USER_ROW.lastIndex = ROW_LITERAL.lastIndex;
    }
  }
}
