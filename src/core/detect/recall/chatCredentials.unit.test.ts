import { HEX, randomToken } from '../random';
import { assertHidden, assertUntouched, fake } from './spanCases';
import { findChatCredentials } from './chatCredentials';

const pw = (): string => `Plover#${fake(6)}4`;

describe('redact tier: credentials in pasted chat and terminal material (chatCredentials.ts)', () => {
  it('hides a password stated in prose, a wifi key and a pair of user and password', () => {
    for (const line of [
      (p: string) => `Use ${p} as the password.`,
      (p: string) => `use ${p} as password`,
      (p: string) => `user admin, pass ${p}`,
      (p: string) => `is ${p} the right password?`,
      (p: string) => `${p} is the password`,
      (p: string) => `wifi: AcmeGuest / ${p}`,
      (p: string) => `SSID AcmeCorp, key ${p}`,
      (p: string) => `creds are jdoe / ${p} for the Jira sandbox`,
      (p: string) => `u: admin p: ${p}`,
      (p: string) => `1. Log in with \`admin\` and \`${p}\``,
    ]) {
      const p = pw();
      assertHidden(findChatCredentials, line(p), [p]);
    }
  });

  it('hides a value said with no verb to state it: a chosen word, letters with digits, a draw', () => {
    const digits = `amberwheel${fake(3).toLowerCase()}42`;
    for (const [text, value] of [
      ['The admin account is admin with password amberwheel', 'amberwheel'],
      ['login using the password "tulipfield" and then 2FA', 'tulipfield'],
      ['I set PGPASSWORD to amberwheel but psql still asks', 'amberwheel'],
      ['set the password to amberwheel in settings.py', 'amberwheel'],
      [`we changed the API token to ${digits} yesterday`, digits],
      ['user admin pass amberwheel', 'amberwheel'],
      ['username deploy password tulipfield.', 'tulipfield'],
      ['DB pass -> amberwheel', 'amberwheel'],
      ['I tried logging in with user "admin" and amberwheel as the password but it fails', 'amberwheel'],
      [`I'm using the key ${digits} for the staging API and it returns 401`, digits],
    ] as const) {
      assertHidden(findChatCredentials, text, [value]);
    }
    for (const text of [
      'sign in with password authentication enabled',
      'log in with password manager support',
      'Login with password only.',
      '// reset previous token to globstar',
      'set the password to expire after 90 days',
      'set the token to null',
      'set the API key to your key from the dashboard',
      'All relevant commits will be signed with the key `0x24BB6BF4` for additional security',
      'using the key amberwheel',
      'user root pass through the gateway',
    ]) {
      assertUntouched(findChatCredentials, text);
    }
  });

  it('hides lists under a heading, tools\u2019 layouts and diffs of a credential', () => {
    const [a, b] = [pw(), pw()];
    assertHidden(findChatCredentials, `Accounts:\n  admin \u2192 ${a}\n  ops -> ${b}`, [a, b]);
    assertHidden(findChatCredentials, `username:password\nadmin:${a}\nops:${b}`, [a, b]);
    const hex = randomToken(HEX, 32);
    assertHidden(
      findChatCredentials,
      `Test accounts (staging):\n* buyer@test.acme.io \u2014 ${hex}\n* admin@test.acme.io \u2014 amberwheel`,
      [hex, 'amberwheel'],
    );
    const t = fake(32);
    for (const text of [
      `<value name="secret"><![CDATA[${t}]]></value>`,
      `+--------+----+\n| Field  | Value |\n+--------+----+\n| secret | ${t} |\n+--------+----+`,
      `$ chamber read prod db_password\nKey    Version   LastModified      User    Value\ndb_password     3         03-04 10:12:33    ci      ${t}`,
      `"auth": {"type": "apikey", "apikey": [{"key": "value", "value": "${t}", "type": "string"}]}`,
      `@@ -1 +1 @@\n-${t}\n+\${API_TOKEN}`,
      `$ echo ${t} | base64 --decode`,
    ]) {
      assertHidden(findChatCredentials, text, [t]);
    }
    for (const line of [
      (p: string) => `runas /user:CORP\\admin "cmd" & echo ${p}`,
      (p: string) => `echo ${p} | runas /user:CORP\\admin cmd.exe`,
    ]) {
      const p = pw();
      assertHidden(findChatCredentials, line(p), [p]);
    }
    const [u, v] = [fake(32), fake(32)];
    assertHidden(findChatCredentials, ` api_key: [-${u}-]{+${v}+}`, [u, v]);
  });

  it('hides a users table\u2019s rows without a column list, and a dump\u2019s credential columns', () => {
    const p = pw();
    assertHidden(findChatCredentials, `INSERT INTO users VALUES (1,'admin','${p}','admin@acme.io',NOW());`, [
      p,
    ]);
    const [q, r] = [pw(), pw()];
    assertHidden(findChatCredentials, `INSERT INTO \`users\` VALUES (3,'bob','${q}',1),(4,'eve','${r}',0);`, [
      q,
      r,
    ]);
    const hash = `$2a$12$${fake(53)}`;
    const token = randomToken(HEX, 20);
    assertHidden(
      findChatCredentials,
      `COPY public.users (id, email, encrypted_password, reset_password_token) FROM stdin;\n1\tadmin@acme.io\t${hash}\t${token}\n\\.`,
      [hash, token],
    );
  });

  it('leaves prose, lists, tables and rows that hold no credential', () => {
    for (const text of [
      'Use the reset link as the password prompt will not appear.',
      'is this the right password field?',
      'hunter2 is the password',
      'wifi: on / off',
      'SSID AcmeCorp, key management: WPA2',
      'Accounts:\n  admin \u2192 full access\n  ops \u2192 read only',
      'users:\n  - name: alice-Admin1\n    email: alice@example.com',
      '| token | string | The API token |',
      '| secret | String |',
      `INSERT INTO users VALUES (1,'admin','admin@acme.io','2024-01-01 10:00:00');`,
      'COPY public.users (id, email) FROM stdin;\n1\tadmin@acme.io\n\\.',
      '@@ -1 +1 @@\n-timeout: 30\n+timeout: ${TIMEOUT}',
      '$ echo hello | base64 --decode',
      'user admin, pass through',
      'runas /user:CORP\\admin "cmd"\necho done',
      'runas /user:CORP\\admin "cmd" & echo %ERRORLEVEL%',
    ]) {
      assertUntouched(findChatCredentials, text);
    }
    // The statement ends at its `)`: a literal after it belongs to no row.
    assertUntouched(findChatCredentials, `INSERT INTO users VALUES (1,'a','b'); SELECT '${pw()}' FROM dual;`);
  });
});
