import * as assert from 'node:assert/strict';
import { builtinRules } from '../catalog';
import { providerPrefixes } from '../prefixLookAlike';
import { randomToken } from '../random';
import { scan } from '../scanner';
import { drawnUntil } from '../../../../test/support/freshValues';
import { bracketsBalance, literalOk, literalPlace } from './literalChecks';
import { rarePairs } from './letterPairs';

/** Lower-case letters and the marks of a typed password, as detect-secrets' keyword cases draw them. */
const MARKS = 'abcdefghijklmnopqrstuvwxyz#$()->[]_{}';

/** Provider prefixes (`aio_`, `ghp_`): a value opening with one is that provider's look-alike. */
const PREFIXES = providerPrefixes(builtinRules).prefixes;

/**
 * A punctuation-heavy password, drawn fresh, with brackets that do not pair up (a balanced one reads
 * as an expression) and no `{{`, `${`, `#{` or `$(` (template marks, which every rule treats as a reference).
 * Nor may it open with a provider's prefix: `aio_ed_(})…` (a seed sweep drew it) is a look-alike of an
 * Adafruit key, which the report tier leaves to the redact tier (prefixLookAlike.ts).
 */
function punctuated(): string {
  for (;;) {
    const v = `${randomToken('abcdefghijklmnopqrstuvwxyz', 3)}${randomToken(MARKS, 30)}}}`;
    const prefixed = PREFIXES.some((p) => v.startsWith(p));
    if (!/\{\{|[$#@]\{|\$\(|^\$/.test(v) && !bracketsBalance(v) && /[([{]/.test(v) && !prefixed) {
      return v;
    }
  }
}

/** Whether some finding covers the value's span in `text`. */
function found(text: string, value: string): boolean {
  const start = text.indexOf(value);
  return scan(text).some((f) => f.start <= start && f.end >= start + value.length - 2);
}

describe('credential literals (report tier)', () => {
  it('reports punctuation-heavy literals in every assignment, comparison and directive syntax', () => {
    for (let i = 0; i < 20; i++) {
      const v = punctuated();
      const lines = [
        `password = "${v}"`,
        `apikey := "${v}"`,
        `api_key: '${v}'`,
        `aws_secret_access_key = \`${v}\``,
        `if (apikey == "${v}") {`,
        `if (db_pass !== "${v}")`,
        `if ("${v}" == password) {`,
        `if ("${v}" !== my_private_key) {`,
        `secrete "${v}";`,
        `password "${v}";`,
        `char secrete[25] = "${v}";`,
        `secrete[] = "${v}";`,
        `my_password_secure = @"${v}";`,
        `password => "${v}"`,
        `db_pass: ${v},`,
        `passwd: ${v}\``,
        `db_pass_secure := ${v}`,
        `  private_key: ${v}`,
      ];
      for (const line of lines) {
        assert.ok(found(line, v), line);
      }
    }
  });

  it('reads an aligned column of values and a setting commented out', () => {
    for (let i = 0; i < 10; i++) {
      const v = punctuated();
      for (const line of [
        `  :password       => '${v}',`,
        `    password        => "${v}",`,
        `DB_PASSWORD          = ${v}`,
        `# REACT_APP_PASS=${v}`,
        `  // db_password: ${v}`,
        `; smtp_password = ${v}`,
      ]) {
        assert.ok(found(line, v), line);
      }
    }
    // A commented line still takes only a literal: no reference, label or placeholder.
    for (const line of [
      '# DB_PASSWORD=${DB_PASSWORD}',
      '# password: Enter the admin password',
      '# PASSWORD=<password>',
    ]) {
      assert.deepEqual(
        scan(line).filter((f) => f.ruleId.startsWith('generic-c')),
        [],
        line,
      );
    }
  });

  it('reports a typed passphrase, and a short password made of marks', () => {
    const phrase = `${randomToken('bcdfghjklmnpqrstvwz', 9)} ${randomToken('bcdfghjklmnpqrstvwz', 17)}`;
    assert.ok(found(`password = "${phrase}"`, phrase));
    const marks = `${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1)},.:-¨@*¿!`;
    assert.ok(found(`secrete = "${marks}"`, marks));
  });

  it('reports a typed password that spells a reference inside a word (plenv[, xgetenv(, zprocess.env)', () => {
    for (const inner of ['plenv[b]', 'xgetenv(', 'zprocess.env', 'qos.environ']) {
      const v = `${randomToken('abcdefghijklmnopqrstuvwxyz', 8)}]>${inner}}}${randomToken('abcdefghijklmnopqrstuvwxyz', 6)}`;
      assert.ok(found(`password = "${v}"`, v), v);
    }
    // At a word's start the same marks are the reference they read as.
    assert.deepEqual(scan('password = "#{ENV[\'DB_PW\']}"'), []);
    assert.deepEqual(scan('password = "xx-os.environ[pw]-xx"'), []);
  });

  it('reads a name-shaped value as a literal where the syntax says so: a comparison, a dotenv line', () => {
    const LOWER = 'bcdfghjklmnpqrstvwxz';
    const joined = `open${randomToken('_-', 1)}${randomToken(LOWER, 6)}`;
    const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
    // Compared with the credential: what the code checks for (Nosey Parker's generic.15 and .16).
    assert.deepEqual(ids(`if creds.Secret != "${joined}" {`), ['generic-credential-literal']);
    assert.deepEqual(ids(`if ('${joined}' === dbPassword) {`), ['generic-compared-credential']);
    // Assigned in code, the same shape is a variable's or a resource's name.
    assert.deepEqual(ids(`password = "${joined}"`), []);
    assert.deepEqual(ids(`password = ${joined}`), []);
    // A dotenv line: a capitals name starting its line, `=` with no blank, a bare value.
    const env = `smtp_${randomToken(LOWER, 8)}`;
    assert.deepEqual(ids(`REACT_APP_MAILER_PASSWORD=${env} # Enter your SMTP email password`), [
      'generic-credential-literal',
    ]);
    assert.deepEqual(ids(`export DB_PASSWORD=${env}`), ['generic-credential-literal']);
    assert.deepEqual(ids(`# REACT_APP_PASS=${env}`), ['generic-credential-literal']);
    assert.deepEqual(ids(`db_password=${env}`), []);
    assert.deepEqual(ids(`DB_PASSWORD = ${env}`), []);
    assert.deepEqual(ids('DB_PASSWORD=db_password_primary'), []);
    // The place is read from the line: a dotenv name must start it, a comparison must come right before.
    assert.equal(literalPlace(`x = 1\nDB_PASSWORD=${env}`, 'x = 1\nDB_PASSWORD='.length), true);
    assert.equal(literalPlace(`${'y'.repeat(120)}DB_PASSWORD=${env}`, 132), false);
    assert.equal(literalPlace(`if (pw == "${env}")`, 'if (pw == "'.length), true);
    assert.equal(literalPlace(`pw = "${env}"`, 'pw = "'.length), false);
    // A value in capitals on such a line reads as a constant's name, as it would in code.
    assert.equal(literalPlace('DB_PASSWORD=DEFAULT_DB_PW\n', 'DB_PASSWORD='.length), false);
    assert.equal(literalOk(joined), false);
    assert.equal(literalOk(joined, true), true);
  });

  it('reports a short phrase of drawn letters, not a short note or a word passphrase', () => {
    // Two or three drawn words, each with two pairs no language writes (drawn at test time; a draw of
    // three consonants can pair as a word does, `pzz`, and is drawn again).
    const drawnWord = (n: number): string => drawnUntil('bcdfghjklmnpqrstvwxz', n, (w) => rarePairs(w) >= 2);
    for (const phrase of [
      `${drawnWord(4)} ${drawnWord(6)}`,
      `${drawnWord(4)} ${drawnWord(3)} ${drawnWord(4)}`,
    ]) {
      assert.ok(found(`password = '${phrase}'\n`, phrase), phrase);
    }
    assert.equal(literalOk('open sesame'), false);
    assert.equal(literalOk('not yet set'), false);
    assert.equal(literalOk('my dog spot'), false);
    assert.equal(literalOk('qzk vrtl'), false); // too few letters to tell
    // One drawn word among words (a detect-secrets negative): a note, not typed letters.
    assert.equal(literalOk(`${randomToken('bcdfghjklmnpqrstvwxz', 6)} start right`), false);
  });

  it('leaves references, code, labels, placeholders and values other rules judge', () => {
    const negatives = [
      'password = ",.:-¨@*¿?!"',
      'password :=,.:-¨@*¿?!',
      'password = get_password()',
      'password = request.form["password"]',
      'user.password = bcrypt.hash(plain, 10)',
      'password = a + b # sum',
      'password: ${DB_PASSWORD}',
      'password = "${DB_PASSWORD}"',
      'password: "{{ .Values.db.password }}"',
      'password = "<%= ENV[\'PW\'] %>"',
      'password = ""',
      'password = None',
      'password = undefined',
      'if (password == confirm) {',
      'if (secret === "")',
      '"password": "Enter your password",',
      '"password": "Mot de passe",',
      '"password": "Passwort",',
      'password_hint = "the street you grew up on"',
      'password_label = "your secret word please"',
      'passValue = "zq8 lorvex tamb qsoprt"',
      'not_secret = "zqlorvextambqi"',
      'someotherpassword = "doesnt start right"',
      'secretName: my-tls-secret',
      'private_key: /etc/ssl/private/server.key',
      'api_key = settings.api.key',
      "api_key = os.getenv('API_KEY')",
      "assert.match(x, /^export OPENAI_API_KEY='sgpt-gw-[^']+$/m);",
      `PASSWORD = "${'deadbeef'.repeat(4)}"`,
      "headers[azure ? 'api-key' : 'authorization'] = value;",
      'ADMIN_PASSWORD = "ADMINISTRATOR"',
    ];
    for (const text of negatives) {
      assert.deepEqual(
        scan(text)
          .map((f) => f.ruleId)
          .filter((id) => id.startsWith('generic-c')),
        [],
        text,
      );
    }
  });

  it('leaves a token-shaped value to generic-secret, which judges randomness and stray marks', () => {
    const nearMiss = `${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 30)}%c^`;
    assert.equal(literalOk(nearMiss), false);
    assert.equal(literalOk(`${punctuated()}`), true);
  });

  it('takes a long draw of printable marks holding a backtick, which generic-secret cannot read', () => {
    // Letters, digits and marks that open no format, template or tag (`%s`, `${`, `{{`, `<x>` are judged apart).
    const PRINTABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#&()*+,-./:;=?@[]^_|~';
    const draw = (): string =>
      `${randomToken(PRINTABLE, 20)}\`${randomToken(PRINTABLE, 20)}_${randomToken(PRINTABLE, 30)}`;
    let taken = 0;
    for (let i = 0; i < 40; i++) {
      // A JWT signing secret drawn with marks and a backtick, as Nosey Parker's examples are. Some draws
      // spell a regex or a glob by chance (`[^`, `.*`), which literalOk refuses as code.
      const value = draw();
      if (!literalOk(value)) {
        continue;
      }
      taken++;
      // Double-quoted: single quotes take brackets that open no template only where code would not (see
      // `markedValueQuoted`). generic-secret may take the part before the backtick, which it reads as a
      // closing quote; either way one finding starts at the value.
      const text = `oauthproviders:\n  jwtsecret: "${value}"\n`;
      const found = scan(text);
      assert.equal(found.length, 1, value);
      assert.equal(found[0]?.start, text.indexOf(value), value);
    }
    assert.ok(taken >= 10, `${taken} of 40 draws read as literals`);
  });

  it('takes a draw holding the other quote, which generic-secret cannot read either', () => {
    const value = (quote: string): string =>
      drawnUntil('ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789', 30, (v) =>
        /[0-9]/.test(v),
      ).replace(/^(.{9})/, `$1${quote}`);
    const inDouble = value("'");
    assert.deepEqual(
      scan(`oauthproviders:\n  jwtsecret: "${inDouble}"\n`).map((f) => f.ruleId),
      ['generic-credential-literal'],
    );
    const inSingle = value('"');
    assert.deepEqual(
      scan(`JWT:\n  secret: '${inSingle}'\n`).map((f) => f.ruleId),
      ['generic-credential-literal'],
    );
  });

  it("reports a generator's draw with marks whose brackets or last mark read as code, a label or a format", () => {
    // pwgen -sy draws ending on an opener or a `?`, balancing a bracket, or holding `%s`.
    for (const [head, tail] of [
      ['C>/x-N[K4gDK+H', ']'],
      ['UC*Q{8.MZDu1_9s', '?'],
      ['fB(Ixm~sSf!~Bd7', '{'],
      ['k2#m%sQ9!x', 'Pz'],
    ]) {
      const value = `${head}${randomToken('0123456789', 2)}${tail}`;
      assert.equal(literalOk(value), true, value);
      // generic-password takes the ones it can (a letter and a digit or mark); this rule the rest.
      assert.equal(scan(`DB_PASSWORD=${value}`).length, 1, value);
    }
    // Code stays code: a member chain, a format with words, an index.
    for (const value of ['config.db.password', 'Hello %s, welcome!', 'request.form["password"]']) {
      assert.equal(literalOk(value), false, value);
    }
  });

  it('stays bounded on floods of names, operators and open quotes', () => {
    const flood = (unit: string): string => unit.repeat(Math.ceil(100_000 / unit.length));
    for (const text of [
      flood('password = "'),
      flood('" == password '),
      flood('password "'),
      flood('db_pass: a(b'),
      flood('secret_a_b_c_d_e_f = '),
      flood(`api_key: ${'#'.repeat(190)}\n`),
    ]) {
      // Correctness, not speed (nothing is timed): the scan finishes and finds no literal where none is.
      const ids = scan(text).map((f) => f.ruleId);
      assert.deepEqual(
        ids.filter((id) => id.startsWith('generic-c')),
        [],
        text.slice(0, 40),
      );
    }
  });
});

describe('a plain word compared with a credential’s name', () => {
  const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
  /** Seven lower-case letters and digits, with both: what a short hand-typed password looks like. */
  const short = (): string =>
    drawnUntil('abcdefghijklmnopqrstuvwxyz0123456789', 7, (v) => /[0-9]/.test(v) && /[a-z]{2}/.test(v));

  it('is what the code lets in: reported, compared either way round', () => {
    const v = short();
    assert.deepEqual(ids(`if username == "jojoba" and password == "${v}":`), ['generic-credential-literal']);
    assert.deepEqual(ids(`if user == 'a@b.c' and password =='${v}':`), ['generic-credential-literal']);
    assert.deepEqual(ids(`if (creds.apiKey !== "${v}") {`), ['generic-credential-literal']);
    assert.deepEqual(ids(`if ("${v}" == password) {`), ['generic-compared-credential']);
  });

  it('is a label where it is assigned, and no secret in a type check or a pass that is no password', () => {
    const v = short();
    assert.deepEqual(ids(`password_mode = "${v}"`), []);
    assert.deepEqual(ids(`SUMO_ACCESS_KEY: ${v}`), []);
    assert.deepEqual(ids(`if (typeof apiKey === 'function') {`), []);
    assert.deepEqual(ids(`if pass_arg == "environment":`), []);
    assert.deepEqual(ids(`if remark.Pass == "inline":`), []);
    // A word in capitals is a sentinel, as a constant's name is.
    assert.deepEqual(ids(`if (password !== 'RANDOM' && password !== "NONE") {`), []);
  });
});
