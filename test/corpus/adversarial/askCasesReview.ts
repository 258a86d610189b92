import { alnum, camelPass, upperAlnum, word } from './values';
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
    ...helperCases(),
  ];
}

/** Forms two helpers' hunts found leaking (2026-12-06): config and infra, and text that is no assignment. */
function helperCases(): AskCase[] {
  const [p1, p2, p3, p4, p5, p6, p7, p8] = Array.from({ length: 8 }, password) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const key = alnum(32);
  const awsSecret = `${alnum(37)}a7Q`;
  const awsId = `AKIA${upperAlnum(16)}`;
  return [
    one(
      1,
      'PHP PDO password argument',
      'db.php',
      `$pdo = new PDO("mysql:host=db;dbname=app", "app", "${p1}");\n`,
      p1,
    ),
    one(
      2,
      "Oracle's user/password@db",
      'export.sh',
      `sqlplus scott/${p2.replace(/[^A-Za-z0-9]/g, 'x')}@orcl\n`,
      p2.replace(/[^A-Za-z0-9]/g, 'x'),
    ),
    one(1, "Rust's &str constant", 'config.rs', `const DB_PASSWORD: &str = "${p3}";\n`, p3),
    one(1, 'glued config name', 'ldap.conf', `bindpw ${p4}\n`, p4),
    one(2, 'Go MySQL DSN', 'main.go', `db, err := sql.Open("mysql", "app:${p5}@tcp(db:3306)/app")\n`, p5),
    one(
      2,
      'exec-form list flag',
      'docker-compose.yml',
      `    command: ["redis-server", "--requirepass", "${p6}"]\n`,
      p6,
    ),
    one(
      1,
      'password column of a CSV export',
      'passwords.csv',
      `name,url,username,password,note\ncorp,https://corp.example.com,bob,${p7},\n`,
      p7,
    ),
    one(1, 'key under a chat label', 'chat.txt', `here's the OpenAI key for the demo:\n${key}\n`, key),
    one(
      7,
      'AWS secret beside its key id',
      'accessKeys.csv',
      `Access key ID,Secret access key\n${awsId},${awsSecret}\n`,
      awsSecret,
    ),
    one(
      1,
      'plist client secret',
      'Info.plist',
      `<dict>\n  <key>ClientSecret</key>\n  <string>${p8}</string>\n</dict>\n`,
      p8,
    ),
  ];
}
