import { isPlaceholderValue } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

/**
 * Credential files whose lines carry no key name: OpenVPN's `auth-user-pass` file (the user on line one,
 * the password on line two), rsync's `secrets file` (`user:password` lines) and Subversion's cached
 * `svn.simple` credentials (`K 8` / `password` / `V <n>` / the password). Nothing on the value's line
 * says it is a password, so each is read only where the paste names the file: a `cat` of it, its path
 * standing alone as a header, or the setting that points at it (`auth-user-pass <file>`, `secrets file =`).
 */

/** The words that open every case here: a text without one is not read. */
const FILE_WORDS = wordSet([
  'auth-user-pass',
  'secrets',
  'openvpn',
  '.auth',
  'login.conf',
  'credentials.txt',
]);
/** Where the paste names a file: `$ cat <path>`, `# <path>`, `<path>:` or the path alone on its line. */
const FILE_HEADER =
  /^[ \t]{0,8}(?:(?:[$#>%][ \t]{1,4})?(?:sudo[ \t]{1,4})?(?:cat|more|less|head|type|bat)[ \t]{1,4}|#[ \t]{0,4}|\/\/[ \t]{0,4})?["']?((?:[~\w.-]{0,64}[\\/]){0,12}[\w.-]{1,64})["']?:?[ \t]*$/gm;
/** OpenVPN's `auth-user-pass <file>` (a profile's line), and rsyncd.conf's `secrets file = <file>`. */
const POINTERS =
  /\b(?:auth-user-pass[ \t]{1,8}|secrets[ \t]file[ \t]{0,4}=[ \t]{0,4})["']?((?:[~\w.-]{0,64}[\\/]){0,12}[\w.-]{1,64})/g;
/** File names that hold OpenVPN's user and password by convention. */
const OPENVPN_FILE =
  /(?:^|[\\/])(?:[\w.-]{0,64}\.auth|auth[\w.-]{0,32}\.txt|login\.conf|credentials\.txt|pass(?:word)?s?\.txt)$/i;
/** rsync's secrets files: `rsyncd.secrets`, `rsync.secrets`, `rsyncd.scrt`. */
const RSYNC_FILE = /(?:^|[\\/])rsyncd?\.(?:secrets|scrt)$/i;
/** A user name alone on its line (OpenVPN's line one). */
const USER_LINE = /^[ \t]{0,8}[\w.@+\\-]{1,64}[ \t]*$/;
/** rsync's `user:password` line (or `@group:password`). */
const RSYNC_LINE = /^[ \t]{0,8}@?[\w.-]{1,64}:(\S[^\r\n]{0,127})$/;
/** A Subversion auth file's password entry: its key, the value's length, then the value on one line. */
const SVN_PASSWORD = /^K 8\r?\npassword\r?\nV (\d{1,4})\r?\n/gm;
const SVN_WORDS = wordSet(['password']);

/**
 * Maven's `settings-security.xml` holds the master password that encrypts the passwords of `settings.xml`:
 * `<master>{…}</master>`. A `<master>` element names many other things (`<master>true</master>`, a node), so its
 * text is read only in Maven's encrypted form (a `{…}` of base64, its closing brace maybe escaped) or where the
 * paste holds the file's root element, `<settingsSecurity>`.
 */
const MAVEN_MASTER = /<master>[ \t]{0,16}([^<\r\n]{1,512}?)[ \t]{0,16}<\/master>/g;
const MAVEN_ENCRYPTED = /\{[A-Za-z0-9+/=]{8,}\\?\}/;

export const findKeylessFiles: RecallDetector = (text, out) => {
  if (text.includes('<master>')) {
    const root = text.includes('<settingsSecurity');
    for (const m of text.matchAll(MAVEN_MASTER)) {
      const value = m[1]!;
      if ((root || MAVEN_ENCRYPTED.test(value)) && !isPlaceholderValue(value)) {
        const start = m.index + m[0].indexOf(value, 8);
        out.push({ start, end: start + value.length, kind: 'password' });
      }
    }
  }
  if (holdsWord(text, SVN_WORDS) && text.includes('\nV ')) {
    for (const m of text.matchAll(SVN_PASSWORD)) {
      const start = m.index + m[0].length;
      const end = Math.min(text.length, start + Number(m[1]));
      const value = text.slice(start, end);
      if (value.length > 0 && !value.includes('\n')) {
        out.push({ start, end, kind: 'password' });
      }
    }
  }
  if (!holdsWord(text, FILE_WORDS)) {
    return;
  }
  const pointed = new Set<string>();
  for (const m of text.matchAll(POINTERS)) {
    pointed.add(baseName(m[1]!));
  }
  for (const m of text.matchAll(FILE_HEADER)) {
    const path = m[1]!;
    const after = m.index + m[0].length + 1;
    if (RSYNC_FILE.test(path) || (pointed.has(baseName(path)) && /secrets|scrt|\.pw$/i.test(path))) {
      rsyncLines(text, after, out);
    } else if (
      OPENVPN_FILE.test(path) ||
      /(?:^|[\\/])openvpn[\\/]/i.test(path) ||
      (pointed.has(baseName(path)) && !/secrets/i.test(path))
    ) {
      userPassLines(text, after, out);
    }
  }
};

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** The line from `at`, without its break, and where the next starts; a Markdown fence is passed over. */
function lineAt(text: string, at: number): { line: string; next: number } | undefined {
  if (at > text.length) {
    return undefined;
  }
  const nl = text.indexOf('\n', at);
  const end = nl === -1 ? text.length : nl;
  const line = text.slice(at, end).replace(/\r$/, '');
  return { line, next: end + 1 };
}

/** OpenVPN's two lines: a user name, then the password; then the file's end (a blank, a fence, a prompt). */
function userPassLines(text: string, at: number, out: RecallSpan[]): void {
  let first = lineAt(text, at);
  if (first !== undefined && /^[ \t]*```/.test(first.line)) {
    first = lineAt(text, first.next);
  }
  if (first === undefined || !USER_LINE.test(first.line)) {
    return;
  }
  const second = lineAt(text, first.next);
  if (second === undefined || !/^\S[^\r\n]{0,127}$/.test(second.line) || /^[$#>]\s/.test(second.line)) {
    return;
  }
  const third = lineAt(text, second.next);
  if (third !== undefined && !/^(?:[ \t]*|[ \t]*```.*|[$#>%][ \t].*)$/.test(third.line)) {
    return; // more lines than the file has: some other file
  }
  const password = second.line.trimEnd();
  if (!isPlaceholderValue(password)) {
    out.push({ start: first.next, end: first.next + password.length, kind: 'password' });
  }
}

/** rsync's `user:password` lines from `at`, comments and a fence passed over, up to the first other line. */
function rsyncLines(text: string, at: number, out: RecallSpan[]): void {
  let next = at;
  for (let n = 0; n < 256; n++) {
    const l = lineAt(text, next);
    if (l === undefined) {
      return;
    }
    const m = RSYNC_LINE.exec(l.line);
    if (m !== null) {
      const password = m[1]!.trimEnd();
      const start = next + l.line.length - m[1]!.length;
      if (!isPlaceholderValue(password)) {
        out.push({ start, end: start + password.length, kind: 'password' });
      }
    } else if (!/^[ \t]*(?:#.*|```.*)$/.test(l.line)) {
      return;
    }
    next = l.next;
  }
}
