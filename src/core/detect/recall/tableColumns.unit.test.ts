import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { findTableColumns } from './tableColumns';
import { assertHidden, assertUntouched, fake, spansOf, uuidDraw } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findTableColumns, text, values);
const leaves = (text: string): void => assertUntouched(findTableColumns, text);
const password = (): string => `${fake(8)}!${fake(3)}7`;

describe('redact tier: credential columns of tables (tableColumns.ts)', () => {
  it("hides each row's cell under a credential header: CSV exports, TSV, Markdown, psql", () => {
    const [p, q] = [password(), password()];
    hides(
      `name,url,username,password,note\ncorp.io,https://corp.io/login,bob,${p},\r\nx.io,https://x.io,al,"${q}",hi\n`,
      p,
      q,
    );
    // Two digits at least, as about 39 draws in 40 have: with fewer, a generated value must switch case often
    // (`looksRandom`), and one draw under SECURE_GPT_TEST_SEED=z did not.
    const key = `${randomToken(ALNUM, 30)}${randomToken('0123456789', 2)}`;
    hides(`service,api_key,owner\nbilling,${key},team-a\n`, key);
    hides(`host\tuser\ttoken\nci\tbot\t${key}\n`, key);
    hides(`| Env | User | Pass |\n|---|---|---|\n| prod | admin | ${p} |\n`, p);
    hides(` id | name  |             api_key\n----+-------+---------\n  1 | svc   | ${key}\n(1 row)\n`, key);
  });

  it("hides a root pw's cells, and a PIN's or a PUK's digits under its header (hunt N)", () => {
    const pw = password();
    hides(`| Host | Role | root pw |\n|------|------|---------|\n| db-01 | primary | ${pw} |`, pw);
    const pin = `${Math.floor(100000 + Math.random() * 900000)}`;
    hides(`Device | Serial | Admin PIN\nTablet 1 | R52N80ABCDE | ${pin}`, pin);
    hides(`Employee\tLaptop\tBitLocker PIN\nJ. Doe\tLT-0421\t${pin}\nA. Roe\tLT-0422\tpending`, pin);
    // Digits under a password's header are an id's; a board's pins are no PIN.
    leaves(`| Host | password |\n|---|---|\n| db-01 | ${pin} |`);
    leaves('| Pin | Function |\n|-----|----------|\n| 13 | LED |');
  });

  it('leaves code, prose and tables whose cells under such a header are words', () => {
    leaves(
      'from ._functools import method_cache, pass_none\nfrom ._itertools import always_iterable, unique_everseen\n',
    );
    leaves(
      'structure, keys that are ordinary passwords, or sequences of keys like\n&ldquo;secret:1&rdquo;, &ldquo;secret:2&rdquo;, x\n',
    );
    leaves('| Matcher type | Condition to pass |\n|---|---|\n| `string` | Exact match against string |\n');
    leaves('    _PassphraseHelper,\n    X509Name,\n    X509Store,\n');
    leaves('def login(user, password):\n    return check(user, password)\n');
    leaves('name,password\nbob,$BOB_PASSWORD\n');
  });

  it('hides a CLI\u2019s column-aligned and box-drawn tables, and a framed row a credential names', () => {
    const [p, q] = [password(), password()];
    hides(`NAME        PASSWORD\nadmin       ${p}\nreadonly    ${q}\n`, p, q);
    hides(`USERNAME  PASSWORD           CREATED\nci        ${p}   2024-03-04\n`, p);
    hides(
      `\u250c\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2510\n\u2502 user \u2502 password \u2502\n\u251c\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2524\n\u2502 admin \u2502 ${p} \u2502\n`,
      p,
    );
    hides(`| Key | Value |\n|-----|-------|\n| DB_PASSWORD | ${p} |\n| DB_HOST | db.example.io |\n`, p);
    hides(`\u2551 DATABASE_PASSWORD \u2502 ${q} \u2551`, q);
    leaves('NAME        READY   STATUS\napi-7d9f    1/1     Running\n');
    leaves('| Setting | Value |\n|---|---|\n| password_min_length | 12 |\n');
  });

  it('hides a chosen word stated as a pair of cells, and leaves a header a table follows', () => {
    hides('| password | amberwheel |', 'amberwheel');
    hides('Password\tamberwheel', 'amberwheel');
    leaves('| Password | required |');
    leaves('| Password | Notes |\n|---|---|');
    leaves('Password\tRequired\tstring');
    // A CSV or TSV line of a credential's name and a value of a credential's shape.
    const id = uuidDraw();
    hides(`api_key,${id}`, id);
    const key = fake(32);
    hides(`client_secret\t${key}`, key);
    leaves('api_key,api_secret');
    leaves('token,expires_at');
    leaves('password,email');
    // A header in another tongue, and a word a person chose under a password column.
    const k = password();
    hides(`Name;Benutzer;Kennwort;URL\nRouter;admin;${k};http://192.168.178.1\n`, k);
    hides('name,url,username,password\nGitHub,https://github.com,dev,amberwheel\n', 'amberwheel');
  });

  it('hides a column headed just key when its cell is generated or a password, in inline code or not', () => {
    const hex = randomToken('0123456789abcdef', 32);
    const id = uuidDraw();
    const p = password();
    hides(
      `| env | key |\n|-----|-----|\n| dev | \`${hex}\` |\n| stage | ${id} |\n| prod | (rotated) |\n`,
      hex,
      id,
    );
    hides(`| env | key |\n|-----|-----|\n| dev | \`${p}\` |\n`, p);
    // The backticks stay: only what they hold is hidden.
    const text = `| env | key |\n|---|---|\n| dev | \`${hex}\` |\n`;
    const [span] = spansOf(findTableColumns, text);
    assert.equal(text.slice(span!.start - 1, span!.end + 1), `\`${hex}\``);
  });

  it('hides a passphrase of joined words or a word and a year under a credential header', () => {
    const words = (join: string): string =>
      ['copper', 'raven', 'maple', 'summit']
        .map((w) => (join === '' ? w[0]!.toUpperCase() + w.slice(1) : w))
        .join(join) + randomToken('0123456789', 2);
    const [a, b, c] = [words('_'), words(''), words('.')];
    hides(
      `| Service | User | Password |\n|---|---|---|\n| staging db | app | ${a} |\n| grafana | admin | see vault |\n`,
      a,
    );
    hides(`id,name,api_key,created\n17,Acme,${b},2024-01-04\n`, b);
    hides(`"service";"login";"secret"\n"smtp";"bob";"${c}"\n`, c);
    const d = `Tigger20${randomToken('0123456789', 2)}`;
    hides(`id,name,api_key\n17,Acme,${d}\n`, d);
  });

  it('leaves a key column of names, shortcuts and settings, and placeholders under a password header', () => {
    leaves('| Key | Value |\n|---|---|\n| DB_HOST | db.example.io |\n| LOG_LEVEL | debug |\n');
    leaves(
      '| Key | Command |\n|---|---|\n| `Ctrl+Shift+P` | Show all commands |\n| `F5` | Start debugging |\n',
    );
    leaves('| key | default |\n|---|---|\n| `editor.fontSize` | 14 |\n| `files.autoSave` | afterDelay |\n');
    leaves(
      '| User | Password |\n|---|---|\n| a | `<password>` |\n| b | $PASSWORD |\n| c | ${DB_PASSWORD} |\n| d | ******** |\n',
    );
    leaves(
      '| Event | Token |\n|---|---|\n| sign in | `ACCESS_TOKEN` |\n| refresh | `refresh_token` |\n| reset | `password_reset_token` |\n| scope | UserAuthType |\n',
    );
  });

  it("reads a table of names and values as pairs (vault kv get's Key/Value), not its rows as headers", () => {
    const [p, q] = [password(), fake(24)];
    const table = `====== Data ======\nKey         Value\n---         -----\npassword    ${p}\napi_token   ${q}\nusername    app\n`;
    hides(table, p, q);
    const spans = spansOf(findTableColumns, table).map((s) => table.slice(s.start, s.end));
    assert.ok(!spans.includes('username') && !spans.includes('app'), spans.join(','));
  });

  it('reads a header in another script or with accents', () => {
    const p = password();
    hides(`| Сервер | Логин | Пароль |\n|---|---|---|\n| db01 | admin | ${p} |\n`, p);
    hides(`| Servidor | Usuario | Contraseña |\n| --- | --- | --- |\n| db01 | root | ${p} |\n`, p);
    hides(`| 服务器 | 用户 | 密码 |\n|---|---|---|\n| db01 | admin | ${p} |\n`, p);
    leaves('| Сервер | Логин | Роль |\n|---|---|---|\n| db01 | admin | читатель |\n');
  });
});
