import { credentialKind } from './credentialName';
import { endAtOpener } from './gluedQuote';
import { isSpace, pushLiteral, readQuoted } from './literalValue';
import { isBracketedPlaceholder, isShellReference } from './nonSecretForms';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { literalWords, mayHold } from './wordIndex';

/**
 * Credentials on command lines: a credential-named long flag (`--password VALUE`, `--password=VALUE`,
 * `--token`, `--api-key`, `--client-secret`), the short `-p` of the tools that take a password with it
 * (`mysql -p'…'`, `mysqldump -pX`, `sshpass -p X`, `docker login -p X`, `psexec -u U -p X`), PowerShell's
 * single-dash `-Password X`, and the password of
 * `curl -u user:pw` in every form. The flag stays readable; only its value is hidden.
 */

/**
 * A long flag and what separates it from its value: `--password`, or PowerShell's and Windows tools'
 * single dash (`Connect-VIServer -Password X`), a whole name of four letters or more.
 */
const LONG_FLAG = /(?<![\w-])(?:--([A-Za-z][\w-]{0,63})|-([A-Za-z][A-Za-z_]{3,40}))(=|[ \t]{1,8})/g;
/**
 * A short `-p` (glued or spaced), or curl's `-u`/`--user`. A value glued to `-p` may start with `-` or `=`:
 * the mysql family reads all that follows `-p` as the password (`mysql '-p=…'`, `-p-…`).
 */
const SHORT_FLAG = /(?<![\w-])(-p|-u|--user)(=|[ \t]{0,8})(?=\S)/g;
/** Tools whose `-p` is a password: glued (`mysql -pX`) or, for some, spaced (`sshpass -p X`, Hive's `beeline`). */
const GLUED_P = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb|mariadb-dump)\b/;
const SPACED_P =
  /\b(?:sshpass|psexec|paexec|beeline|docker[ \t]+login|podman[ \t]+login|buildah[ \t]+login|skopeo[ \t]+login)\b/i;
/**
 * `-u USER -p X`: a `-p` right after a user is its password (psexec, smbmap, crackmapexec), except for
 * the mysql family, whose spaced `-p` asks for it (the next word is the database), and a port (digits).
 */
const AFTER_USER = /(?:^|[ \t])-u[ \t]+[^\s-]\S*[ \t]+$/;
const CURL = /\b(?:curl|wget|http|https|xh)\b/;
/** `vault operator unseal <key>`: an unseal key (base64, 44 characters as Vault prints them) as the argument. */
const UNSEAL =
  /\bvault[ \t]+operator[ \t]+unseal(?:[ \t]+-[\w-]+(?:=\S+)?)*[ \t]+["']?([A-Za-z0-9+/]{20,88}={0,2})(?![\w+/=])/g;
/** A word every `UNSEAL` match holds, for the shared word search. */
const UNSEAL_WORDS = literalWords(UNSEAL);
/** How far back a flag's command is looked for on its line. */
const COMMAND_REACH = 240;

export const findCommandFlags: RecallDetector = (text, out) => {
  for (const m of mayHold(text, UNSEAL_WORDS) ? text.matchAll(UNSEAL) : []) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: start + m[1]!.length, kind: 'unseal-key' });
  }
  const long = new RegExp(LONG_FLAG.source, 'g');
  for (let m = long.exec(text); m !== null; m = long.exec(text)) {
    const kind = credentialKind(m[1] ?? m[2]!);
    // A single-dash flag's value is a literal, not another flag or an expression (`-Password (Read-Host)`).
    if (
      kind !== undefined &&
      (m[2] === undefined || /^["']?[^\s"'$(@[{-]/.test(text.slice(long.lastIndex)))
    ) {
      const opener = text.charCodeAt(m.index - 1);
      long.lastIndex = Math.max(long.lastIndex, flagValue(text, long.lastIndex, kind, out, opener));
    }
  }
  const short = new RegExp(SHORT_FLAG.source, 'g');
  for (let m = short.exec(text); m !== null; m = short.exec(text)) {
    const at = short.lastIndex;
    if (text.charCodeAt(at) === 45 && (m[2] !== '' || m[1] !== '-p')) {
      continue; // `-p -h host`: the next flag, not a value; `--user-agent`: another flag
    }
    const command = commandBefore(text, m.index);
    if (m[1] === '-p' && m[2] === '=' && GLUED_P.test(command)) {
      // `mysql '-p=…'`: the `=` is the password's first character.
      short.lastIndex = Math.max(at, flagValue(text, at - 1, 'password', out, text.charCodeAt(m.index - 1)));
    } else if (m[1] === '-p') {
      const glued = m[2] === '';
      const afterUser =
        !glued &&
        AFTER_USER.test(command) &&
        !GLUED_P.test(command) &&
        !/^\d{1,5}(?!\S)/.test(text.slice(at));
      if ((glued && GLUED_P.test(command)) || SPACED_P.test(command) || afterUser) {
        short.lastIndex = Math.max(at, flagValue(text, at, 'password', out, text.charCodeAt(m.index - 1)));
      }
    } else if (CURL.test(command)) {
      short.lastIndex = Math.max(at, userPassword(text, at, out));
    }
  }
};

/**
 * The value at `at`: a quoted string, or a run of non-space characters, which ends at the closing quote
 * of a string the flag opened (`"-auth=user:pw",`; `opener` is the character before the flag).
 */
function flagValue(text: string, at: number, kind: string, out: RecallSpan[], opener = 0): number {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    return pushLiteral(text, passSource(text, readQuoted(text, at)), kind, false, out);
  }
  const word = endAtOpener(text, { start: at, end: wordEnd(text, at), quoted: true }, opener);
  // A URL is the command's target, the flag's value left out (`curl --tlspassword https://…`, whispers'
  // compliant case): hidden, it would be hidden wherever the URL stands. A format's slot (`sshpass -p %s`
  // in a Sprintf string) is filled by code.
  const value = text.slice(word.start, word.end);
  if (/^[a-z][a-z0-9+.-]{0,15}:\/\//i.test(value) || /^%[-+ #0-9.]{0,6}[sdvqr]["'`,;)]*$/.test(value)) {
    return word.end;
  }
  // A shell word is a literal whatever its shape (`a.b` is no member chain here).
  return pushLiteral(text, passSource(text, word), kind, true, out);
}

/**
 * OpenSSL's pass-phrase arguments (`-passin pass:X`, `-password env:VAR`): after `pass:` comes the
 * password itself, and only it is hidden (`pass:` alone is an empty one); `env:`, `file:`, `fd:` and
 * `stdin` say where the password is read from, and hold none. Nor does `user:$VAR` (lynx's
 * `-auth=anonymous:$FROM_EMAIL`): the password is a variable, as curl's `-u user:$PASS` is read.
 * Other values are left as they are.
 */
function passSource<T extends { start: number; end: number }>(text: string, span: T): T {
  const value = text.slice(span.start, span.end);
  if (/^pass:/.test(value)) {
    return { ...span, start: span.start + 5 };
  }
  const colon = value.indexOf(':');
  const referenced = colon > 0 && isShellReference(value.slice(colon + 1));
  return referenced || /^(?:(?:env|file|fd):[^\s:]+|stdin)$/.test(value)
    ? { ...span, end: span.start }
    : span;
}

/**
 * `user:pw`, `":pw"`, `"user:pw"`, `"user":"pw"`: the part after the first colon. The user too when it
 * reads as generated (a UUID or a key), or when the password is empty and the user is no plain name
 * (`-u "<api key>:"`, the API-key-as-user convention; `-u user:` makes curl ask for the password).
 */
function userPassword(text: string, at: number, out: RecallSpan[]): number {
  const c = text.charCodeAt(at);
  const quoted = c === 34 || c === 39;
  const span = quoted ? readQuoted(text, at) : { start: at, end: wordEnd(text, at), quoted: false };
  const colon = text.indexOf(':', span.start);
  let user = { start: span.start, end: colon, quoted: true };
  let password = { start: colon + 1, end: span.end, quoted: true };
  if (quoted && (colon === -1 || colon >= span.end) && text[span.end + 1] === ':') {
    // `"user":"pw"`: two quoted words joined by the shell.
    const next = text.charCodeAt(span.end + 2);
    const rest =
      next === 34 || next === 39
        ? readQuoted(text, span.end + 2)
        : { start: span.end + 2, end: wordEnd(text, span.end + 2) };
    user = { start: span.start, end: span.end, quoted: true };
    password = { start: rest.start, end: rest.end, quoted: true };
  } else if (colon === -1 || colon >= span.end) {
    return span.end;
  }
  const name = text.slice(user.start, user.end);
  if ((password.end === password.start && !isPlainName(name)) || isGeneratedUser(name)) {
    pushLiteral(text, user, 'credential', true, out);
  }
  // `<user:password>`, `neo4j:[PASSWORD]`: the docs' placeholder for the pair, or for the password.
  const pair = text.slice(user.start, password.end);
  if (isBracketedPlaceholder(pair) || isBracketedPlaceholder(text.slice(password.start, password.end))) {
    return Math.max(span.end, password.end);
  }
  // `"$1:$2"`, `$USER:$PASS`: the shell expands it; there is no literal to hide. A quote read as glued
  // (`"$1:$2" "$3"`) ends the reference, and literals joined in a decoded view (`$2$3`) are references too.
  if (!isShellReference(text.slice(password.start, password.end).split(/["']/)[0]!)) {
    pushLiteral(text, password, 'password', true, out);
  }
  return Math.max(span.end, password.end);
}

/** A person's or service's name (`user`, `j.smith`, `ci-bot`, `me@example.org`): curl asks for its password. */
function isPlainName(user: string): boolean {
  return user.length < 8 || /^[A-Za-z][A-Za-z._@-]*$/.test(user);
}

/** A user name that is a key: a UUID or a generated token, braces aside (`{…}` from a doc template). */
function isGeneratedUser(user: string): boolean {
  const bare = user.replace(/^\{|\}$/g, '');
  return /^[0-9a-f]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i.test(bare) || looksRandom(bare);
}

function wordEnd(text: string, at: number): number {
  let i = at;
  const limit = Math.min(text.length, at + 4096);
  // A backtick ends a flag's value too: `--password=VALUE` quoted in docs.
  while (i < limit && !isSpace(text.charCodeAt(i)) && !'\n\r`'.includes(text[i]!)) {
    i++;
  }
  return i;
}

/**
 * The text of the flag's line before it, and of the lines it continues (lines ended by a backslash), at
 * most `COMMAND_REACH` characters.
 */
function commandBefore(text: string, at: number): string {
  let i = at - 1;
  for (;;) {
    while (i >= 0 && at - i <= COMMAND_REACH && text.charCodeAt(i) !== 10) {
      i--;
    }
    // A line ended by `\` continues the command: `curl … \⏎  -u user:pw` (within the same reach).
    let j = i - 1;
    if (j >= 0 && text.charCodeAt(j) === 13) {
      j--;
    }
    while (j >= 0 && at - j <= COMMAND_REACH && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      j--;
    }
    if (i < 0 || at - i > COMMAND_REACH || j < 0 || text.charCodeAt(j) !== 92) {
      break;
    }
    i = j - 1;
  }
  return text.slice(i + 1, at);
}
