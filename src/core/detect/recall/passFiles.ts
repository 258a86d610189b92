import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordPlaces, wordSet } from './wordIndex';

/**
 * Password files read by clients: PostgreSQL's `.pgpass`, the `.netrc` of curl, git and ftp, pppd's
 * `chap-secrets` and `pap-secrets`, and the `keyword value` lines of msmtp's, fetchmail's and nslcd's
 * configuration.
 */

/**
 * PostgreSQL's password file (`~/.pgpass`, `PGPASSFILE`): one `host:port:database:user:password` line
 * per server, the password last and bare, to the line's end (a `\:` inside it is an escaped colon, and
 * a colon left unescaped is still the password's). Nothing names it; the shape does: five fields, the
 * second a port number or `*`. A MAC address or an IPv6 address has no port there, and a clock time has
 * no host name before it. The match starts at the port's colon, the line's start read back from there:
 * led by `^`, the pattern was tried at every character (0.11 ms per 100 KB of code, now 0.02).
 */
const PGPASS_LINE =
  /:(?:\d{1,5}|\*):(?<=^[ \t]{0,8}[A-Za-z0-9_.*-]{1,253}:(?:\d{1,5}|\*):)[^:\s]{1,128}:[^:\s]{1,128}:([^\r\n]{4,256})$/gm;

/**
 * What a password field never is: digits and colons, or a run of fields left empty (an `/etc/shadow` line,
 * `root:*:20228:0:99999:7:::`, has the same first five fields).
 */
const NOT_A_PASSWORD = /^[\d:]+$|::|:$/;
/** A fingerprint or MAC address written in hex pairs (`DB:45:3D:1B:B0:…`). */
const FINGERPRINT = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){4}/;

export const findPgpassLines: RecallDetector = (text, out) => {
  for (const m of text.matchAll(PGPASS_LINE)) {
    const password = m[1]!.trimEnd();
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index + m[0].length);
    if (password !== '*' && !NOT_A_PASSWORD.test(password) && !FINGERPRINT.test(line.trimStart())) {
      const start = m.index + m[0].length - m[1]!.length;
      out.push({ start, end: start + password.length, kind: 'password' });
    }
  }
};

/**
 * A `.netrc` (curl, git, ftp): `machine <host> login <user> password <password>`, the tokens on one line
 * or several; a login (or account) between the machine and the password, and `default` only at a line's
 * start, so that prose (`machine learning password …`, `use a default login and password to …`) is no
 * entry. The password is the blank-free token after `password`, whatever marks it holds (`C7%:p0{6<E@…`
 * reads as code or a template to the name rules). The pattern starts at the word, its boundary read back.
 */
const NETRC_ENTRY =
  /(?:machine(?<=\bmachine)[ \t]{1,8}[^\s]{1,253}|default(?<=(?<![^\n])[ \t]{0,8}default))(?:[ \t\r\n]{1,16}(?:login|account|port)[ \t]{1,8}[^\s]{1,256}){1,3}[ \t\r\n]{1,16}password[ \t]{1,8}([^\s]{1,256})/g;

/**
 * What a documented or generated entry holds in place of a password: a variable, a template (`{password}`,
 * an f-string's `{self.password}'`), or the word itself (`"PASSWORD"`).
 */
const NOT_A_NETRC_PASSWORD = /^["']?(?:\$\{?\w+\}?|<[^<>]*>|\{[^{}]*\}|%\w+%|password)["']?'?$/i;

export const findNetrcPasswords: RecallDetector = (text, out) => {
  for (const m of text.matchAll(NETRC_ENTRY)) {
    const password = m[1]!;
    if (!NOT_A_NETRC_PASSWORD.test(password) && !isPlaceholderValue(password.replace(/^["']|["']$/g, ''))) {
      const start = m.index + m[0].length - password.length;
      out.push({ start, end: start + password.length, kind: 'password' });
    }
  }
};

/**
 * pppd's `chap-secrets` and `pap-secrets` (and xl2tpd's): `client server secret [addresses]` per line, under
 * the header comment the files ship with (`# client  server  secret  IP addresses`). The secret is the
 * third word, quoted or bare; the lines are read up to the first that has fewer than three words.
 */
const PPP_WORDS = wordSet(['client']);
const PPP_WORDS_AT = /client[ \t]+server[ \t]+secret/iy;
const PPP_HEADER = /^#[ \t]*client[ \t]+server[ \t]+secret\b[^\n]*\n/gim;
const PPP_LINE =
  /^[ \t]*(?:"[^"\n]{1,128}"|[^\s#"]{1,128})[ \t]+(?:"[^"\n]{0,128}"|[^\s"]{1,128})[ \t]+(?:"([^"\n]{1,128})"|([^\s"]{1,128}))/;

/** Whether the header's words start at `at`. */
function headerWordsAt(text: string, at: number): boolean {
  PPP_WORDS_AT.lastIndex = at;
  return PPP_WORDS_AT.test(text);
}

/**
 * Without the header: the file named on a line of its own (`$ cat /etc/ppp/chap-secrets`, `# chap-secrets`),
 * then its entries; or an entry that shows its shape by itself, client and secret quoted and a `*` for the
 * server or the addresses (`"alice"  *  "…"  *`).
 */
const PPP_FILE_WORDS = wordSet(['chap-secrets', 'pap-secrets']);
const PPP_FILE_LINE =
  /^[ \t]{0,8}(?:(?:[$#][ \t]{1,4})?(?:sudo[ \t]{1,4})?(?:cat|more|less|head)[ \t]{1,4}|#[ \t]{0,4})?[\w./~-]{0,200}\b(?:chap|pap)-secrets:?[ \t]*(?:\r?\n|$)/gim;
const PPP_QUOTED_LINE =
  /^[ \t]{0,8}"[^"\s]{1,64}"[ \t]{1,16}(?:(\*)|"[^"\s]{0,64}"|[\w.-]{1,64})[ \t]{1,16}"([^"\r\n]{1,128})"(?:[ \t]{1,16}(\*)|[ \t]{1,16}[\d./,-]{1,64})?[ \t]*\r?$/gm;

export const findPppSecrets: RecallDetector = (text, out) => {
  for (const m of text.matchAll(PPP_QUOTED_LINE)) {
    const secret = m[2]!;
    if ((m[1] !== undefined || m[3] !== undefined) && !isPlaceholderValue(secret)) {
      const start = text.indexOf(`"${secret}"`, m.index) + 1;
      out.push({ start, end: start + secret.length, kind: 'password' });
    }
  }
  // Where entries start, and whether a blank line ends them: under a file's name it ends the paste of it.
  const headers: [number, boolean][] = [];
  if (holdsWord(text, PPP_FILE_WORDS)) {
    for (const m of text.matchAll(PPP_FILE_LINE)) {
      headers.push([m.index + m[0].length, true]);
    }
  }
  // The header's words, found by the shared word search: a case-blind pattern read all of the text.
  if (wordPlaces(text, PPP_WORDS).some((at) => headerWordsAt(text, at))) {
    for (const m of text.matchAll(PPP_HEADER)) {
      headers.push([m.index + m[0].length, false]);
    }
  }
  // Each run of entries is read once, however many headers stand in it (a flood of them stays linear).
  let done = 0;
  for (const [header, blankEnds] of headers.sort((a, b) => a[0] - b[0])) {
    if (header < done) {
      continue;
    }
    let at = header;
    for (let n = 0; n < 256 && at < text.length; n++) {
      const nl = text.indexOf('\n', at);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(at, end);
      // A shell prompt or a fence: the paste goes on with something else.
      if ((blankEnds && /^[ \t\r]*$/.test(line)) || /^(?:[$>%][ \t]|```)/.test(line)) {
        break;
      }
      if (/^[ \t]*(?:#|$)/.test(line)) {
        at = end + 1;
        continue; // a comment or a blank line between entries
      }
      const e = PPP_LINE.exec(line);
      if (e === null) {
        break;
      }
      const secret = e[1] ?? e[2]!;
      const start = at + e[0].length - secret.length - (e[1] !== undefined ? 1 : 0);
      if (secret !== '*' && !isPlaceholderValue(secret)) {
        out.push({ start, end: start + secret.length, kind: 'password' });
      }
      at = end + 1;
    }
    done = at;
  }
};

/**
 * `keyword value` lines with no `=` or `:` (hunter H): msmtp's `password <the rest of the line>`, nslcd's and
 * pam_ldap's `bindpw <the rest of the line>` (and `rootpwmodpw`), fetchmail's `user <u> [there] [with]
 * password <p>`. Without a `=` such a line reads as prose ("password reset is…"), so each is taken only in a
 * file of its kind: within `CONTEXT_REACH` characters of lines that only such a file has. msmtp's
 * `passwordeval` runs a command and is left alone.
 */
const KEYWORD_LINE =
  /(?:password|bindpw|rootpwmodpw)(?<=^[ \t]{0,8}(?:password|bindpw|rootpwmodpw))[ \t]{1,8}(\S[^\r\n]{0,255})/gm;
const FETCHMAIL_USER =
  /\buser(?:name)?[ \t]{1,4}(?:"[^"\r\n]{1,128}"|'[^'\r\n]{1,128}'|[^\s"']{1,128})(?:[ \t]{1,4}there)?(?:[ \t]{1,4}with)?[ \t]{1,4}pass(?:word|wd)?[ \t]{1,4}(?:"([^"\r\n]{1,128})"|'([^'\r\n]{1,128})'|([^\s"';,]{1,128}))/g;
/**
 * An msmtp account's lines, each a keyword and one word (`host smtp.example.org`, `account gmail`, `auth on`):
 * a file with a `host` line and another of these is an msmtprc.
 */
const MSMTP_LINE =
  /^[ \t]{0,8}(account|host|port|from|user|auth|tls|tls_starttls|tls_trust_file|logfile|defaults)(?:[ \t]+[^\s:]{1,253}(?:[ \t]*:[ \t]*[^\s]{1,64})?)?[ \t]*$/gm;
/** nslcd's and pam_ldap's lines that name the directory: `binddn cn=…`, `uri ldap://…`, `base dc=…`. */
const LDAP_LINE =
  /^[ \t]{0,8}(?:(?:root)?binddn[ \t]+[^\s=]{1,64}=|uri[ \t]+ldaps?i?:\/\/|base[ \t]+[^\s]{0,200}\bdc=)/gm;
/** A fetchmailrc's entry starts with `poll` or `skip` (or `defaults`) at a line's start. */
const FETCHMAIL_LINE = /^[ \t]{0,8}(?:poll|skip|defaults)[ \t]+\S/gm;
/** How far around a keyword line its file's other lines are looked for. */
const CONTEXT_REACH = 1500;
/** How many of a file's lines around a keyword line are read at most (a flood of them stays linear). */
const CONTEXT_LINES = 64;
const KEYWORD_WORDS = wordSet(['password', 'bindpw', 'rootpwmodpw']);

/** Where each line of `pattern` starts in `text`, with its first group (or its whole match). */
function linesOf(text: string, pattern: RegExp): { at: number; word: string }[] {
  return [...text.matchAll(pattern)].map((m) => ({ at: m.index, word: m[1] ?? m[0] }));
}

/** The words of the lines of `lines` (sorted) within `CONTEXT_REACH` of `at`, at most `CONTEXT_LINES`. */
function wordsNear(lines: readonly { at: number; word: string }[], at: number): Set<string> {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.at < at - CONTEXT_REACH) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const words = new Set<string>();
  for (let i = lo; i < lines.length && i < lo + CONTEXT_LINES && lines[i]!.at <= at + CONTEXT_REACH; i++) {
    words.add(lines[i]!.word);
  }
  return words;
}

/** The value of a keyword line: what its quotes hold, or the rest of the line, trailing blanks left out. */
function lineValue(start: number, raw: string): { start: number; end: number } {
  const value = raw.trimEnd();
  const quoted = value.length > 2 && /^"[^"]*"$/.test(value);
  return quoted ? { start: start + 1, end: start + value.length - 1 } : { start, end: start + value.length };
}

export const findKeywordLinePasswords: RecallDetector = (text, out) => {
  if (!holdsWord(text, KEYWORD_WORDS)) {
    return;
  }
  const push = (span: { start: number; end: number }): void => {
    const value = text.slice(span.start, span.end);
    if (value.length >= 4 && !NOT_A_NETRC_PASSWORD.test(value) && !isPlaceholderValue(value)) {
      out.push({ ...span, kind: 'password' });
    }
  };
  const keywordLines = [...text.matchAll(KEYWORD_LINE)];
  if (keywordLines.length > 0) {
    const [msmtp, ldap] = [linesOf(text, MSMTP_LINE), linesOf(text, LDAP_LINE)];
    for (const m of keywordLines) {
      const near = m[0].trimStart().startsWith('password') ? wordsNear(msmtp, m.index) : undefined;
      // An msmtprc has a `host` line and another of its keywords; nslcd.conf names its directory.
      if (near === undefined ? wordsNear(ldap, m.index).size > 0 : near.has('host') && near.size >= 2) {
        push(lineValue(m.index + m[0].length - m[1]!.length, m[1]!));
      }
    }
  }
  const users = [...text.matchAll(FETCHMAIL_USER)];
  const polls = users.length > 0 ? linesOf(text, FETCHMAIL_LINE) : [];
  for (const m of users) {
    const value = m[1] ?? m[2] ?? m[3]!;
    const start = m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
    if (wordsNear(polls, m.index).size > 0) {
      push({ start, end: start + value.length });
    }
  }
};
