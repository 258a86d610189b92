#!/usr/bin/env node
'use strict';
// `npm run corpus:generators [-- --draws N]`: keys and passwords drawn from the alphabets of the generators
// that make them (Django's get_random_secret_key, WordPress's salt service, pwgen, openssl, Rails, Laravel…),
// written where their projects write them (settings.py, wp-config.php, a .env, a Kubernetes env list,
// .pgpass, .netrc, redis.conf, a mysql command line, ldapsearch, xfreerdp, wpa_supplicant.conf). For each
// place and generator: the share of draws the report tier (`scan`) misses and the share the redact tier lets through (any 8 characters of the value
// left in the redacted text). Alphabets and places are facts from the projects' docs and sources; the
// values are drawn on each run, so no value is stored here. A regression gate and a search for holes,
// not evidence: the places are ones we thought of.
const crypto = require('node:crypto');
const path = require('node:path');

const out = path.resolve(__dirname, '..', '..', 'out', 'src', 'core');
const { scan } = require(path.join(out, 'detect', 'scanner.js'));
const { redactText } = require(path.join(out, 'pipeline', 'redact.js'));
const { RedactionMap } = require(path.join(out, 'pipeline', 'redactionMap.js'));

const draw = (alphabet, n) =>
  Array.from({ length: n }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const ALNUM = LOWER + UPPER + DIGITS;
/** pwgen -sy's marks less quotes and backslash, which each place would have to escape. */
const MARKS = '!#$%&()*+,-./:;<=>?@[]^_{|}~';
const WORDS =
  'apple river stone cloud tiger maple ocean pencil garden silver rocket winter candle forest planet'.split(
    ' ',
  );

/** Keys: each drawn as its generator draws it, in the place its project writes it. */
const KEYS = {
  'Django settings.py': () =>
    key(`django-insecure-${draw(`${LOWER}${DIGITS}!@#$%^&*(-_=+)`, 50)}`, (k) => `SECRET_KEY = '${k}'`),
  'Django .env': () => key(draw(`${LOWER}${DIGITS}!@#$%^&*(-_=+)`, 50), (k) => `DJANGO_SECRET_KEY=${k}`),
  'Django Kubernetes env': () =>
    key(
      draw(`${LOWER}${DIGITS}!@#$%^&*(-_=+)`, 50),
      (k) => `env:\n  - name: DJANGO_SECRET_KEY\n    value: "${k}"`,
    ),
  'WordPress wp-config.php': () =>
    key(draw(`${ALNUM}!@#$%^&*()-_ []{}<>~\`+=,.;:/?|`, 64), (k) => `define( 'AUTH_KEY',         '${k}' );`),
  'Rails secret_key_base': () => key(crypto.randomBytes(64).toString('hex'), (k) => `SECRET_KEY_BASE=${k}`),
  'Laravel APP_KEY': () => key(`base64:${crypto.randomBytes(32).toString('base64')}`, (k) => `APP_KEY=${k}`),
  'Symfony APP_SECRET': () => key(crypto.randomBytes(16).toString('hex'), (k) => `APP_SECRET=${k}`),
  'openssl rand -base64 32': () =>
    key(crypto.randomBytes(32).toString('base64'), (k) => `NEXTAUTH_SECRET=${k}`),
  'secrets.token_urlsafe()': () =>
    key(crypto.randomBytes(32).toString('base64url'), (k) => `API_TOKEN = "${k}"`),
};

/** Passwords: four generators, each written in each place. */
const PASSWORDS = {
  'pwgen -s 16': () => draw(ALNUM, 16),
  'pwgen -sy 16': () => draw(ALNUM + MARKS, 16),
  'diceware, 4 words': () => Array.from({ length: 4 }, () => WORDS[crypto.randomInt(WORDS.length)]).join('-'),
};
const PLACES = {
  '.env': (p) => `DB_PASSWORD=${p}`,
  'docker-compose.yml': (p) => `    environment:\n      POSTGRES_PASSWORD: ${p}`,
  'Kubernetes env': (p) => `env:\n  - name: DB_PASSWORD\n    value: "${p}"`,
  'Spring .properties': (p) => `spring.datasource.password=${p}`,
  'Ansible vars': (p) => `ansible_become_pass: ${p}`,
  'psycopg2 call': (p) => `psycopg2.connect(host="db", user="app", password="${p}")`,
  '.pgpass': (p) => `db.internal:5432:app:app_user:${p}`,
  '.netrc': (p) => `machine api.internal login deploy password ${p}`,
  'redis.conf': (p) => `requirepass ${p}`,
  'mysql command line': (p) => `mysql -u root -p'${p}' app`,
  'ldapsearch -w': (p) => `ldapsearch -x -D "cn=admin,dc=example,dc=com" -w '${p}' -b dc=example,dc=com`,
  'xfreerdp /p:': (p) => `xfreerdp /v:10.0.0.5 /u:Administrator /p:'${p}'`,
  'wpa_supplicant.conf': (p) => `network={\n    ssid="office"\n    psk="${p}"\n}`,
};

function key(value, place) {
  return { value, text: place(value) };
}

/** Whether any 8 characters of `value` (all of it when shorter) are left in the redacted text. */
function leaked(value, text) {
  const redacted = redactText(text, new RedactionMap()).text;
  const width = Math.min(8, value.length);
  for (let i = 0; i + width <= value.length; i++) {
    if (redacted.includes(value.slice(i, i + width))) {
      return true;
    }
  }
  return false;
}

function measure(make, n) {
  let missed = 0;
  let leaks = 0;
  for (let i = 0; i < n; i++) {
    const { value, text } = make();
    const start = text.indexOf(value);
    const end = start + value.length;
    missed += scan(text).some((f) => f.start < end && f.end > start) ? 0 : 1;
    leaks += leaked(value, text) ? 1 : 0;
  }
  const pct = (k) => `${((100 * k) / n).toFixed(1)}%`;
  return `${pct(missed).padStart(7)} ${pct(leaks).padStart(7)}`;
}

const at = process.argv.indexOf('--draws');
const n = at === -1 ? 200 : Number(process.argv[at + 1]);
console.log(`${n} draws each; columns: scan missed, redact leaked\n`);
console.log('Keys');
for (const [name, make] of Object.entries(KEYS)) {
  console.log(`  ${name.padEnd(26)} ${measure(make, n)}`);
}
for (const [generator, password] of Object.entries(PASSWORDS)) {
  console.log(`\nPasswords: ${generator}`);
  for (const [place, write] of Object.entries(PLACES)) {
    console.log(`  ${place.padEnd(26)} ${measure(() => key(password(), write), n)}`);
  }
}
