import { alnum, camelPass, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms found by trying the redact tier by hand (2026-12-06), each of which reached the server before:
// a libpq keyword/value string, lists and joined parts, a directive, bare prose, tools' own password places,
// a secret piped into a login command and session cookies. Classes as issue 9 numbers them.

/** A password with a digit for sure: drawn letters alone may read as a word. */
const password = (): string => `${word()}${alnum(4)}7${alnum(3)}`;

export function reviewCases(): AskCase[] {
  const [p1, p2, p3, p4, p5] = [password(), password(), password(), password(), password()];
  const [p6, p7, p8, p9] = [password(), password(), password(), password()];
  const [k1, k2, t1, t2] = [alnum(12), alnum(14), alnum(28), alnum(28)];
  const sid = alnum(32);
  const phrase = camelPass();
  return [
    one(
      1,
      'password last in a libpq DSN',
      'db.py',
      `conn = psycopg2.connect("dbname=app user=etl password=${p1}")\n`,
      p1,
    ),
    one(1, 'list of keys given to a name', 'keys.py', `API_KEYS = ["${t1}", "${t2}"]\n`, t1, t2),
    one(
      1,
      'key split into a list and joined',
      'key.js',
      `const API_KEY = ["${k1}", "${k2}"].join("");\n`,
      k1,
      k2,
    ),
    one(1, 'YAML flow list of passwords', 'users.yml', `passwords: [${p2}, ${p3}]\n`, p2, p3),
    one(1, 'directive value alone on its line', 'signing.conf', `keyPassword ${p4}\n`, p4),
    one(1, "Rust's String::from", 'main.rs', `let password = String::from("${phrase}");\n`, phrase),
    one(1, 'bare password in prose', 'NOTES.md', `The staging password is ${p5} until Friday.\n`, p5),
    one(
      2,
      "OpenSSL's -k",
      'encrypt.sh',
      `openssl enc -aes-256-cbc -k ${p6} -in notes.txt -out notes.enc\n`,
      p6,
    ),
    one(2, "zip's -P", 'backup.sh', `zip -r -P ${p7} backup.zip data/\n`, p7),
    one(2, 'redis-cli -a', 'ping.sh', `redis-cli -h cache -a ${p8} ping\n`, p8),
    one(
      2,
      'secret piped into docker login',
      'ci.sh',
      `echo ${p9} | docker login registry.example.com -u ci --password-stdin\n`,
      p9,
    ),
    one(
      2,
      'session cookie in a request dump',
      'request.http',
      `GET /admin HTTP/1.1\nHost: intranet\nCookie: theme=dark; sessionid=${sid}\n`,
      sid,
    ),
  ];
}
