import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { closesOpenString, endsEnclosingString } from '../enclosingString';
import { findNamedLiterals } from './namedLiterals';
import { spellsItsName } from './nonSecretForms';
import { isReferenceForm } from './referenceForms';
import { drawnUntil } from '../../../../test/support/freshValues';
import { randomLetterRun } from '../rules/letterPairs';
import { assertHidden, assertUntouched, fake, spansOf } from './spanCases';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: code around a credential name is not its value', () => {
  it('leaves what follows a name that stands inside a string, up to the quote closing that string', () => {
    leaves('usernameLabel:"Username or email:",passwordLabel:"Password:",rememberMeLabel:"Remember me:"');
    leaves("echo 'password = '.$cfg['daemon'].\"\\n\";");
    leaves('"//localhost:1337/:_password = "+cpp Buffer("feast").toString("base64")');
    leaves('const msg = "Your token: " + user.name + " expired";');
  });

  it('still hides a value whose quote opens a string, whatever came before on the line', () => {
    const v = fake(14);
    hides(`{"user": "a", "password": "${v}"}`, v);
    hides(`cfg = {'password': '${v}'}`, v);
    hides(`"password": "${v}"`, v);
    hides(`  'password' => '${v}',`, v);
    hides(`echo "password: '${v}'"`, v);
    // Apostrophes of words are no quotes: the value after them is still read.
    hides(`# don't set password = '${v}'`, v);
    hides(`// the user's password: '${v}'`, v);
    // A string wrapping unescaped JSON tilts the count: a value that starts as one is still hidden.
    hides(`"{"deviceName": "D", "provisionDeviceKey": "${v}", "x": "y"}"`, v);
    // A name on a line too long to read back from: only the quote right before the name is asked.
    hides(`${'x'.repeat(300)} password = "${v}"`, v);
  });

  it("hides a line's value that opens with a quote it never closes, as a properties or env file may", () => {
    const v = `${fake(6)}$"c#,${fake(5)}.`;
    hides(`RELEASE_KEY_PASSWORD='${v}\n`, v);
    const w = `${fake(6)}'c#,${fake(5)}.`;
    hides(`spring.datasource.password="${w}\nspring.datasource.username=app\n`, w);
    hides(`  ossrhPassword: '${v}\n`, v);
    // Code before the quote makes it an enclosing string's end: nothing is read after it.
    leaves(`throw new Error("Invalid token: " + x);\n`);
    leaves(`msg = 'password: ' + pw\n`);
  });

  it('reads words with only blanks between as one value, not a member chain (YAML, INI)', () => {
    const v = `${fake(3)}.D+${fake(3)} ${fake(8)}`;
    hides(`  password: ${v}\n  port: 5432\n`, v);
    // Nor is a chain that code does not write: a `$` inside a name, a mark between two names.
    const chain = `${fake(1)}.${fake(3)}_$${fake(5)}`;
    hides(`      password: ${chain}\n      port: 5432\n`, chain);
    const marked = `_${fake(3)}.${fake(1)};${fake(3)}`;
    hides(`DB_PASSWORD=${marked}\n`, marked);
    leaves("DB_PASSWORD=settings.get('db').password\n");
    leaves('password: config.db.password or default_password\n');
    leaves('password = settings.password if settings else None\n');
  });

  it('counts quotes from a line start, skipping escaped ones and apostrophes inside words', () => {
    const at = (text: string): number => text.lastIndexOf('"');
    assert.equal(closesOpenString('a "b: " c', 0, 6), true);
    assert.equal(closesOpenString('"b": "c"', 0, 5), false);
    assert.equal(closesOpenString('x = "a \\" b: "', 0, at('x = "a \\" b: "')), true);
    assert.equal(closesOpenString("it's k: 'v'", 0, 8), false);
    assert.equal(closesOpenString("'k: 'v", 0, 4), true);
    assert.equal(endsEnclosingString("'k: 'v", 0, 4), false);
    assert.equal(endsEnclosingString("'k: ', v", 0, 4), true);
    // Only a quote closes a string: a blank before a bare value, however many stand before it, does not.
    assert.equal(endsEnclosingString('a b c d +v', 0, 7), false);
  });

  it('ends a pair-list value at a command line option', () => {
    const v = fake(14);
    leaves(
      'az appconfig feature delete --connection-string Endpoint=https://x.io;Id=xxx;Secret=xxx --feature color',
    );
    hides(`az x --connection-string Endpoint=https://x.io;Id=b;Secret=${v} --feature color`, v);
    // A value with spaces inside a connection string is still whole.
    const phrase = ['amber', 'wheel', 'garden'].join(' ');
    hides(`Server=x;Password=${phrase};Database=y`, phrase);
  });
});

describe('redact tier: references in less usual forms', () => {
  it('reads a quoted shell variable, a variable leading a path, and an HTML-escaped placeholder', () => {
    for (const value of [
      "'$PRECOMPILE_PASSWORD'",
      '"${DB_PASSWORD}"',
      '$REACT_APP_BASE_URL/classroom/#/forgot_password',
      '${HOME}/.pgpass',
      '&lt;YOUR_PASSWORD&gt;',
      '%env(DB_SECRET_VALUE)%',
      "'%env(resolve:DATABASE_PASSWORD)%'",
    ]) {
      assert.equal(isReferenceForm(value), true, value);
    }
    assert.equal(isReferenceForm('%env(A)%Zq8tRw2LmXv7'), false);
    leaves("Symfony_DB_Key: '%env(DB_SECRET_VALUE)%'");
    leaves(`- echo 'export DATABASE_PASSWORD="'$PRECOMPILE_PASSWORD'"' >> .env`);
    leaves('REACT_APP_FORGOT_PASSWORD=$REACT_APP_BASE_URL/classroom/#/forgot_password');
    leaves('"password": "&lt;YOURPASSWORD&gt;"');
  });

  it("reads Python's `%(name)s` as a reference only where it closes: a password that opens with `%(` is hidden", () => {
    leaves('password = %(db_password)s');
    leaves('password = "%(pw)s"');
    for (let i = 0; i < 10; i++) {
      const password = `%(${randomToken(LOWER, 2)}&${fake(9)}`;
      hides(`api_key = "${password}"`, password);
    }
  });

  it('reads a variable before a path by its name: a password that opens with `$` and a mark is hidden', () => {
    for (const value of [
      '$apiBaseUrl/v1/users',
      '$DbHost:5432/app',
      '$AWS_S3_BUCKET/backups',
      '$HOST2:5432',
    ]) {
      assert.equal(isReferenceForm(value), true, value);
    }
    const UPPER = LOWER.toUpperCase();
    for (let i = 0; i < 20; i++) {
      // Case switches inside what would be the name (`dTBFcm…`), then a mark: a draw, not a variable.
      const password = `$${randomToken(LOWER, 1)}${randomToken(UPPER, 3)}${randomToken(LOWER, 3)}7&${fake(9)}`;
      assert.equal(isReferenceForm(password), false, password);
      hides(`db_password = '${password}'`, password);
      // A name of one case, then a mark no path or URL opens with (`$f6=kC#…`, `$hy3z7&…`).
      const oneCase = `$${randomToken(LOWER, 2)}6${'=&#'[i % 3]}${fake(8)}`;
      assert.equal(isReferenceForm(oneCase), false, oneCase);
    }
  });

  it('still hides a literal that starts with a dollar sign or sits beside a variable', () => {
    // Letters and digits both: a key's run, which no variable's path holds.
    const v = `${fake(18)}9Q`;
    for (const value of [`$apr1$${v}`, `$BASE/${v}`, `'$A'${v}`, `&lt;${v}`]) {
      assert.equal(isReferenceForm(value), false, value);
    }
    hides(`DB_PASSWORD=$apr1$${v}`, `$apr1$${v}`);
    hides(`DB_PASSWORD=$BASE_URL/${v}`, v);
  });

  it('leaves an ARN or a path that ends with the name it is given to', () => {
    leaves('IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"');
    assert.equal(spellsItsName('ResetPassword', 'arn:aws:iam::aws:policy/ResetPassword'), true);
    assert.equal(spellsItsName('ResetPassword', 'policy/marble-otter'), false);
  });
});

describe('redact tier: an authorization scheme in a credential-named value', () => {
  it('hides the credential after the scheme and leaves the scheme readable', () => {
    const v = fake(24);
    for (const scheme of ['Bearer', 'Basic', 'Token', 'Bot']) {
      const text = `apiToken = "${scheme} ${v}"`;
      hides(text, v);
      const spans = spansOf(findNamedLiterals, text);
      assert.ok(spans.length > 0, text);
      assert.ok(
        spans.every((s) => !text.slice(s.start, s.end).includes(scheme)),
        text,
      );
    }
  });
});

describe('redact tier: a name written inside a string', () => {
  const named = (text: string): string[] =>
    spansOf(findNamedLiterals, text).map((s) => text.slice(s.start, s.end));

  it('ends the value at the quote closing the string, and reads user:$VAR as a reference', () => {
    // Perl's File::Fetch: lynx's `-auth=ID:PASSWD` with a variable for the password (command flags:
    // commandFlags.unit.test.ts).
    assert.deepEqual(named('            "-auth=anonymous:$FROM_EMAIL",'), []);
    const v = fake(16);
    assert.deepEqual(named(`cmd "-auth=admin:${v}" next`), [`admin:${v}`]);
    assert.deepEqual(named(`x = "password=${v}"`), [v]);
  });

  it('hides a prefixed literal compared with a credential name (`password == f"…"`)', () => {
    const pw = fake();
    hides(`if password == f"${pw}":`, pw);
    hides(`if password != b'${pw}':`, pw);
    leaves('if password == f"{user}{suffix}":');
    leaves('ok = password == fmt');
  });

  it('closes a raw string whose last character is a backslash (Go), and still reads escapes', () => {
    const v = `${fake(20)}\\`;
    assert.deepEqual(named(`squareToken := \`${v}\``), [v]);
    assert.deepEqual(named('msg = "Invalid token: \\"" + tok + "\\""'), []);
  });
  it('hides drawn letters given bare to a password name in code, and leaves a variable', () => {
    for (let i = 0; i < 10; i++) {
      const v = drawnUntil(LOWER, 8 + (i % 5), randomLetterRun);
      // A PHP script held in a JSON string (Nosey Parker's odbc example): mid-line, escapes around it.
      hides(`//Database Info\\r\\n\\t\\t$user = \\"mg1021\\";      $password = ${v};`, v);
      hides(`    conn.password = ${v};`, v);
    }
    leaves('    $password = $row;');
    leaves('    conn.password = user_input;');
    leaves('    conn.password = passwordFromVault;');
    // After a blank, no operator: prose, whatever the letters.
    leaves(' * As there is no portable way to pass timezone information to');
  });
  it('takes a value in escaped quotes as what they hold, not the escapes and the \\n after them', () => {
    const v = fake(16);
    // A notebook cell's line, as the .ipynb file holds it.
    assert.deepEqual(named(`    "api_token = \\"${v}\\"\\n",`), [v]);
    assert.deepEqual(named(`    "db_password = \\'${v}\\'\\n",`), [v]);
    // No closing escaped quote on the line: read bare, as before.
    assert.deepEqual(named(`api_token = \\"${v}`), [`\\"${v}`]);
  });
});
