import { alnum, hex, upperAlnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms two helper hunts found reaching the server (2026-12-06, the second pair): frameworks' and daemons'
// configuration (hunter C) and providers' formats in neutral places (hunter D). Classes as issue 9 numbers them.

/** A password with a digit for sure: drawn letters alone may read as a word. */
const password = (): string => `${word()}${alnum(4)}7${alnum(3)}`;

export function huntCases(): AskCase[] {
  const [p1, p2, p3, p4] = [password(), password(), password(), password()];
  const [p5, p6, p7, p8] = [password(), password(), password(), password()];
  const buildkite = `bkua_${alnum(38)}7q`;
  const azure = `${alnum(3)}8Q~${alnum(20)}.${alnum(13)}`;
  const mailgun = `${hex(32)}-${hex(8)}-${hex(8)}`.toLowerCase();
  const pagerduty = `u+${upperAlnum(9)}${alnum(9)}`;
  return [
    one(
      3,
      'password in a URL whose host a template fills',
      'db.py',
      `url = f"postgresql://etl:${p1}@{host}:5432/dw"\n`,
      p1,
    ),
    one(
      1,
      "Spring reference's default",
      'application.properties',
      `spring.datasource.password=\${DB_PW:${p2}}\n`,
      p2,
    ),
    one(1, 'Portuguese password name', 'config.yml', `banco:\n  usuario: app\n  senha: ${p3}\n`, p3),
    one(
      2,
      'Basic credential built before encoding',
      'client.js',
      `const h = 'Basic ' + btoa('admin:${p4}');\n`,
      p4,
    ),
    one(
      1,
      'MinIO positional secret',
      'storage.py',
      `client = Minio("minio.internal:9000", "admin", "${p5}")\n`,
      p5,
    ),
    one(
      1,
      'ARM parameter value',
      'azuredeploy.parameters.json',
      `{"adminPassword": {"value": "${p6}"}}\n`,
      p6,
    ),
    one(2, 'Redis Sentinel auth-pass', 'sentinel.conf', `sentinel auth-pass mymaster ${p7}\n`, p7),
    one(
      1,
      'seeded plaintext handed to a hash',
      'DatabaseSeeder.php',
      `'password' => Hash::make('${p8}'),\n`,
      p8,
    ),
    one(
      7,
      'tagged token as a URL path segment',
      'notes.md',
      `GET https://api.example.net/v2/items/${buildkite}/status\n`,
      buildkite,
    ),
    one(7, 'token at the end of a sentence', 'chat.txt', `it worked with ${azure}.\n`, azure),
    one(7, 'Mailgun key in a log line', 'app.log', `INFO using ${mailgun} for region eu-west-1\n`, mailgun),
    one(
      7,
      'PagerDuty key as a CLI argument',
      'deploy.sh',
      `./bin/page --token-file x ${pagerduty} --verbose\n`,
      pagerduty,
    ),
  ];
}
