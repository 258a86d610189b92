import {
  alnum,
  b64url,
  base64Of,
  camelPass,
  digits,
  ghToken,
  hex,
  hexOf,
  lowerAlnum,
  passphrase,
  pem,
  pemLines,
  word,
} from './values';
import type { AskCase } from './askCase';
import { GIT, one } from './askCase';
import { checksums, contextOff, knownValues, providers } from './askCasesMore';
import { reviewCases } from './askCasesReview';
import { huntCases } from './askCasesHunts';
import { morningCases } from './askCasesMorning';
import { pastedCases } from './askCasesPasted';
import { leftoverCases } from './askCasesLeftovers';
import { eveningCases } from './askCasesEvening';
import { tongueCases } from './askCasesTongues';
import { longTailCases } from './askCasesLongTail';
import { docsCases } from './askCasesDocs';
import { nightCases } from './askCasesNight';

// Leak classes 1 to 4 of issue 9; classes 5 to 8 are in askCasesMore.ts.

function credentialNamed(): AskCase[] {
  const p = (): string => passphrase();
  const cases: AskCase[] = [];
  const add = (name: string, file: string, make: (v: string) => string, value = p()): void => {
    cases.push(one(1, name, file, make(value), value));
  };
  add('settings DB_PASSWORD passphrase', 'settings.py', (v) => `DEBUG = False\nDB_PASSWORD = "${v}"\n`);
  add(
    'compose POSTGRES_PASSWORD',
    'docker-compose.yml',
    (v) => `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${v}\n`,
  );
  add('php $db_password', 'config.php', (v) => `<?php\n$db_host = 'localhost';\n$db_password = '${v}';\n`);
  add('redis requirepass', 'redis.conf', (v) => `bind 127.0.0.1\nport 6379\nrequirepass ${v}\n`, camelPass());
  add(
    'SQL IDENTIFIED BY',
    'schema.sql',
    (v) => `CREATE USER 'app'@'%' IDENTIFIED BY '${v}';\nGRANT ALL ON app.* TO 'app'@'%';\n`,
  );
  add('SQL PASSWORD', 'roles.sql', (v) => `CREATE ROLE reporting WITH LOGIN PASSWORD '${v}';\n`);
  add(
    'NetworkCredential',
    'Mailer.cs',
    (v) =>
      `var client = new SmtpClient("smtp.example.org");\nclient.Credentials = new NetworkCredential("mailer", "${v}");\n`,
  );
  add(
    'requests auth tuple',
    'fetch.py',
    (v) => `resp = requests.get(url, auth=("svc-report", "${v}"), timeout=10)\n`,
  );
  add('JS fallback ||', 'db.js', (v) => `const password = process.env.DB_PASS || "${v}";\n`);
  add(
    'shell ${X:-default}',
    'start.sh',
    (v) => `#!/bin/sh\nDB_PASS="\${DB_PASS:-${v}}"\nexec app --db-pass-env DB_PASS\n`,
  );
  add(
    'Helm default',
    'templates/secret.yaml',
    (v) => `stringData:\n  password: {{ .Values.db.password | default "${v}" | quote }}\n`,
  );
  add(
    'Dockerfile ENV',
    'Dockerfile',
    (v) => `FROM node:20\nENV ADMIN_PASSWORD ${v}\nCMD ["node", "server.js"]\n`,
  );
  add('DB_PASSWORD_PRIMARY', 'config.ts', (v) => `export const DB_PASSWORD_PRIMARY = "${v}";\n`);
  add('API_KEY_V2 low entropy', 'keys.py', (v) => `API_KEY_V2 = "${v}"\n`);
  add('HMAC_KEY', 'auth.go', (v) => `var HMAC_KEY = []byte("${v}")\n`);
  add('openaiKey camelCase', 'client.ts', (v) => `const openaiKey = '${v}';\n`);
  add('value on next line', 'app.yaml', (v) => `database:\n  password:\n    ${v}\n`);
  add('YAML list item', 'users.yaml', (v) => `admins:\n  - name: ops\n    passwords:\n      - ${v}\n`);
  add(
    'value with spaces',
    'app.ini',
    (v) => `[db]\npassword = ${v}\n`,
    `${word()} ${word()} ${word()} ${digits(2)}`,
  );
  add('non-ASCII value', 'app.properties', (v) => `db.password=${v}\n`, `${word()}ßä${word()}${digits(2)}`);
  add(
    'value with ; inside',
    '.envrc.sh',
    (v) => `export DB_PASSWORD='${v}'\n`,
    `${word()};${word()}=${digits(3)}`,
  );
  add(
    'value with braces and quotes',
    'conf.json',
    (v) => `{"db": {"password": "${v}"}}\n`,
    `${word()}{(${word()})}"${digits(2)}`.replace('"', '\\"'),
  );
  add(
    'value over 200 chars',
    'long.py',
    (v) => `SECRET_PASSPHRASE = "${v}"\n`,
    Array.from({ length: 30 }, word).join('-'),
  );
  add('password in Java', 'Db.java', (v) => `ds.setPassword("${v}");\n`, camelPass());
  add('ruby hash password', 'database.rb', (v) => `config = { username: 'app', password: '${v}' }\n`);
  add(
    'terraform password',
    'main.tf',
    (v) => `resource "aws_db_instance" "db" {\n  username = "admin"\n  password = "${v}"\n}\n`,
  );
  return cases;
}

function commandsAndHeaders(): AskCase[] {
  const out: AskCase[] = [];
  const add = (name: string, make: (v: string) => string, value: string = camelPass()): void => {
    out.push(one(2, name, 'deploy.sh', `#!/bin/bash\nset -e\n${make(value)}\n`, value));
  };
  add("mysql -p'…'", (v) => `mysql -u root -p'${v}' app < dump.sql`);
  add('mysqldump -pX', (v) => `mysqldump -u backup -p${v} --all-databases > all.sql`);
  add('sshpass -p', (v) => `sshpass -p "${v}" ssh deploy@10.0.0.5 'systemctl restart app'`);
  add('docker login -p', (v) => `docker login -u ci -p ${v} registry.example.com`);
  add('--password VALUE', (v) => `psql-admin --host db --password ${v} --sync`);
  add('curl -u user:pw', (v) => `curl -u admin:${v} https://jenkins.example.com/api/json`);
  add('curl -u ":pw"', (v) => `curl -u ":${v}" https://api.example.com/v1/items`);
  add('curl -u "user:pw"', (v) => `curl -s -u "deploy:${v}" https://nexus.example.com/repository/`);
  add('curl --user', (v) => `curl --user ops:${v} https://grafana.example.com/api/dashboards`);
  const basic = base64Of(`admin:${camelPass()}`);
  out.push(
    one(
      2,
      'Authorization: Basic',
      'request.http',
      `GET /api HTTP/1.1\nHost: example.com\nAuthorization: Basic ${basic}\n`,
      basic,
    ),
  );
  const token = alnum(40);
  out.push(
    one(2, 'Authorization: Token', 'client.py', `headers = {"Authorization": "Token ${token}"}\n`, token),
  );
  const bare = lowerAlnum(32);
  out.push(
    one(
      2,
      'bare Authorization header',
      'api.http',
      `POST /v2/send\nAuthorization: ${bare}\nContent-Type: application/json\n`,
      bare,
    ),
  );
  const bearer = b64url(48);
  out.push(
    one(
      2,
      'curl -H Bearer',
      'call.sh',
      `curl -H "Authorization: Bearer ${bearer}" https://api.example.com/me\n`,
      bearer,
    ),
  );
  return out;
}

function urls(): AskCase[] {
  const out: AskCase[] = [];
  const add = (name: string, file: string, make: (v: string) => string, value: string): void => {
    out.push(one(3, name, file, make(value), value));
  };
  add(
    'mongodb userinfo with : # /',
    'db.ts',
    (v) => `const uri = "mongodb://app:${v}@mongo.internal:27017/prod";\n`,
    `${word()}%23${digits(3)}%2F${word()}`,
  );
  add(
    'postgresql dictionary words',
    'settings.py',
    (v) => `DATABASE_URL = "postgresql://app:${v}@db:5432/app"\n`,
    `${word()}${word()}`,
  );
  add(
    'https user:pw@',
    'sync.sh',
    (v) => `git clone https://deploy:${v}@git.example.com/team/app.git\n`,
    camelPass(),
  );
  add(
    'ftps userinfo',
    'upload.py',
    (v) => `ftp_url = "ftps://upload:${v}@files.example.com/in"\n`,
    passphrase('_'),
  );
  add(
    'token as userinfo',
    'ci.yml',
    (v) => `script:\n  - git push https://${v}@github.com/acme/app.git HEAD:main\n`,
    alnum(40),
  );
  add(
    '?api_key=',
    'fetch.js',
    (v) => `fetch("https://api.example.com/v1/forecast?city=oslo&api_key=${v}")\n`,
    hex(32),
  );
  add(
    '&key=',
    'maps.html',
    (v) => `<script src="https://maps.example.com/js?v=3&key=${v}"></script>\n`,
    alnum(39),
  );
  add(
    'access_token=',
    'client.rb',
    (v) => `url = "https://graph.example.com/me?fields=id&access_token=${v}"\n`,
    alnum(64),
  );
  const dsn = `postgres://app:${camelPass()}@db:5432/app`;
  add(
    'URL-encoded DSN in a parameter',
    'link.txt',
    (v) => `https://admin.example.com/connect?dsn=${v}\n`,
    encodeURIComponent(dsn),
  );
  add(
    'redis URL password only',
    'cache.ts',
    (v) => `const redis = new Redis("redis://:${v}@cache:6379/0");\n`,
    camelPass(),
  );
  const inName = alnum(32);
  out.push({
    cls: 3,
    name: 'token in the attached file name',
    files: { ...GIT, [`backup-${inName}.txt`]: 'nothing here\n' },
    attach: `backup-${inName}.txt`,
    secrets: [inName],
  });
  return out;
}

function wrapped(): AskCase[] {
  const out: AskCase[] = [];
  const lines = pemLines(10);
  const begin = '-----BEGIN RSA PRIVATE KEY-----';
  const end = '-----END RSA PRIVATE KEY-----';
  const all = [begin, ...lines, end];
  const body = lines.map((l) => l.slice(8, 56));
  const push = (name: string, file: string, text: string, secrets = body): void => {
    out.push(one(4, name, file, text, ...secrets));
  };
  push(
    'PEM in Java string concatenation',
    'Keys.java',
    `String key =\n${all.map((l) => `    "${l}\\n" +`).join('\n')}\n    "";\n`,
  );
  push(
    'PEM as a JS array of lines',
    'key.js',
    `const KEY = [\n${all.map((l) => `  '${l}',`).join('\n')}\n].join('\\n');\n`,
  );
  push('PEM in > quotes', 'NOTES.md', `> ${all.join('\n> ')}\n`);
  push('PEM in # comments', 'setup.py', `# ${all.join('\n# ')}\nimport os\n`);
  push('PEM cut (no END)', 'partial.txt', `${begin}\n${lines.slice(0, 6).join('\n')}\n`, body.slice(0, 6));
  const kube = base64Of(pem('EC PRIVATE KEY', 4));
  push(
    'kubeconfig client-key-data',
    'kubeconfig.yaml',
    `users:\n- name: admin\n  user:\n    client-key-data: ${kube}\n`,
    [kube],
  );
  const data = base64Of(camelPass());
  push(
    'Kubernetes Secret data',
    'secret.yaml',
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${data}\n`,
    [data],
  );
  const split = ghToken();
  push(
    'token split by concatenation',
    'split.js',
    `const t = "${split.slice(0, 20)}" + "${split.slice(20)}";\n`,
    [split.slice(0, 20), split.slice(20)],
  );
  const wrappedB64 = base64Of(`token=${ghToken()}`);
  push('base64-wrapped token', 'blob.txt', `payload: ${wrappedB64}\n`, [wrappedB64]);
  const wrappedHex = hexOf(ghToken());
  push('hex-wrapped token', 'hex.txt', `blob = "${wrappedHex}"\n`, [wrappedHex]);
  const nb = ghToken();
  push(
    'notebook cell (JSON-escaped)',
    'analysis.ipynb',
    JSON.stringify({
      cells: [{ cell_type: 'code', source: [`import os\n`, `os.environ["GITHUB_TOKEN"] = "${nb}"\n`] }],
    }),
    [nb],
  );
  const logged = camelPass();
  push(
    'stringified JSON in a log',
    'app.log',
    `2026-01-01T00:00:00Z INFO config {"db":"{\\"user\\":\\"app\\",\\"password\\":\\"${logged}\\"}"}\n`,
    [logged],
  );
  const u16 = ghToken();
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`GITHUB_TOKEN=${u16}\r\n`, 'utf16le')]);
  out.push({
    cls: 4,
    name: 'UTF-16 file with BOM',
    files: { ...GIT, 'creds.txt': utf16 },
    attach: 'creds.txt',
    secrets: [u16],
  });
  const zw = ghToken();
  push(
    'zero-width space inside a token',
    'zw.ts',
    `const token = "${zw.slice(0, 12)}\u200b${zw.slice(12)}";\n`,
    [zw.slice(12)],
  );
  const smart = camelPass();
  push(
    'smart quotes around a password',
    'README.txt',
    `Log in with password \u201c${smart}\u201d until SSO is ready.\n`,
    [smart],
  );
  return out;
}

/** The whole set (classes 1 to 8), fresh values each call. */
export function askCases(): AskCase[] {
  return [
    ...credentialNamed(),
    ...commandsAndHeaders(),
    ...urls(),
    ...wrapped(),
    ...contextOff(),
    ...checksums(),
    ...providers(),
    ...knownValues(),
    ...reviewCases(),
    ...huntCases(),
    ...morningCases(),
    ...pastedCases(),
    ...leftoverCases(),
    ...eveningCases(),
    ...tongueCases(),
    ...longTailCases(),
    ...docsCases(),
    ...nightCases(),
  ];
}
