import { alnum, ghToken, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms three helper hunts found reaching the server (2026-12-07, morning): tool output and transformed text
// (hunter G), the credential files tools write (hunter H), wrapped, encoded and split values (hunter K). One
// case a closed class. Classes as issue 9 numbers them.

/** Three plain words joined by dots: a passphrase that reads like a setting's name. */
const dotted = (): string => `${word()}.${word()}.${word()}`;
/** Words joined as people join them (`copper-raven-maple`), which no shape test reads as drawn. */
const chosen = (sep: string): string => `${word()}${sep}${word()}${sep}${word()}`;
/** A password with a digit and a mark for sure. */
const password = (): string => `${word()}${alnum(5)}7#${alnum(3)}`;

/** `xxd`'s dump of `data`: offset, eight groups of two bytes, the bytes as text. */
function xxd(data: string): string {
  const lines: string[] = [];
  for (let at = 0; at < data.length; at += 16) {
    const bytes = [...Buffer.from(data.slice(at, at + 16), 'latin1')].map((b) =>
      b.toString(16).padStart(2, '0'),
    );
    const groups: string[] = [];
    for (let i = 0; i < bytes.length; i += 2) {
      groups.push(bytes.slice(i, i + 2).join(''));
    }
    const shown = data.slice(at, at + 16).replace(/[^\x20-\x7e]/g, '.');
    lines.push(`${at.toString(16).padStart(8, '0')}: ${groups.join(' ').padEnd(39)}  ${shown}`);
  }
  return lines.join('\n');
}

export function morningCases(): AskCase[] {
  const [d1, d2] = [dotted(), dotted()];
  const [p1, p2] = [chosen('-'), `${word()}=${word()}7`];
  const [p3, p4, p5, p6] = [password(), password(), password(), password()];
  const token = ghToken();
  const wrapped = ghToken();
  const coded = ghToken();
  const filezilla = password();
  const printed = `${chosen('')}2024!`;
  const codes = [...coded].map((c) => c.charCodeAt(0)).join(', ');
  return [
    one(1, 'dotted-word passphrase in a .env', '.env.local', `DB_USER=app\nDB_PASSWORD=${d1}\n`, d1),
    one(1, "a diff of a .env's password", 'review.diff', `-DB_PASSWORD=old\n+DB_PASSWORD=${d2}\n`, d2),
    one(
      2,
      'docker run -e in a README',
      'README.md',
      `docker run --rm -e DB_PASSWORD=${p1} -p 5432:5432 postgres:16\n`,
      p1,
    ),
    one(
      2,
      'CIFS mount options',
      'mount.sh',
      `mount -t cifs //nas/b /mnt/b -o username=backup,password=${p2},vers=3.0\n`,
      p2,
    ),
    one(
      1,
      "SQL's password on the next line",
      'V7__users.sql',
      `CREATE USER reporting\n  IDENTIFIED BY\n    "${p3}";\n`,
      p3,
    ),
    one(
      2,
      "Redis MONITOR's AUTH",
      'monitor.txt',
      `1700000000.123456 [0 10.0.0.5:51234] "AUTH" "${p4}"\n`,
      p4,
    ),
    one(
      3,
      "a raw ? in a URL's password",
      'settings.py',
      `DATABASE_URL = "postgres://app:${p5}?x@db:5432/orders"\n`,
      p5,
    ),
    one(
      1,
      "Java's value on the line after its =",
      'Config.java',
      `  private static final String DB_PASSWORD =\n      "${p6}";\n`,
      p6,
    ),
    one(
      4,
      'a hex dump of a request',
      'request.txt',
      `$ xxd request.bin\n${xxd(`GET / HTTP/1.1\r\nAuthorization: Bearer ${token}\r\n\r\n`)}\n`,
      token,
    ),
    one(
      4,
      'a token wrapped onto a second short line',
      'mail.txt',
      `the key, it got wrapped:\nkey: ${wrapped.slice(0, 20)}\n${wrapped.slice(20)}\nthanks\n`,
      wrapped,
    ),
    one(4, 'a token as character codes', 'obf.js', `const t = String.fromCharCode(${codes});\n`, codes),
    one(
      4,
      "FileZilla's base64 password",
      'sitemanager.xml',
      `<Server><Host>ftp.example.net</Host><User>deploy</User><Pass encoding="base64">${Buffer.from(filezilla).toString('base64')}</Pass></Server>\n`,
      filezilla,
      Buffer.from(filezilla).toString('base64'),
    ),
    one(
      2,
      'the secret a command printed',
      'session.txt',
      `$ heroku config:get STRIPE_SECRET_KEY -a acme\n${printed}\n`,
      printed,
    ),
  ];
}
