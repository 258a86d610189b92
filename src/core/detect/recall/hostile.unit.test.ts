import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { RECALL_DETECTORS } from './recallTier';
import { fake, spansOf } from './spanCases';

/** About 200 KB of `unit`, on one line or one per line. */
const flood = (unit: string, separator = ''): string =>
  Array.from({ length: Math.ceil(200_000 / (unit.length + separator.length)) }, () => unit).join(separator);

/**
 * Hostile inputs for every detector of the redact tier. Each must finish (its work is bounded per
 * character: no test here times anything) and give the right answer: what a flood of names hides is
 * the values, and the text around them is kept.
 */
describe('redact tier: hostile inputs', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked

  const cases: Array<[string, string]> = [
    ['password= on one line', flood('password=')],
    ['password= on many lines', flood('password=', '\n')],
    ['a:a@ after a scheme', `https://${flood('a:a@')}`],
    ['schemes and at-signs', flood('://a:a@')],
    ['quotes left open', flood('password="')],
    ['names with empty values', flood('password:', '\n')],
    ['list items under a name', `passwords:\n${flood('  - x', '\n')}`],
    ['query parameters', `https://h/?${flood('token=&')}`],
    ['flags', flood('--password ')],
    ['curl -u', `curl ${flood('-u :')}`],
    ['curl -u after continued lines', `curl ${flood(' \\\n-u ')}`],
    ['authorization headers', flood('Authorization: ')],
    ['encoded schemes', flood('%3A%2F%2F')],
    ['query values that open encoded schemes', `https://h/?${flood('a=b%3A%2F%2Fc%2F')}`],
    ['setters named for credentials', flood('setPassword(')],
    ['conversions after a name', flood('key = []byte(')],
    ['short provider prefixes', flood('s.b_live_')],
    ['long names', flood(`${'a'.repeat(90)}_password_`)],
    ['comparisons with no literal', flood('" == password ')],
    ['quotes before comparisons', flood('"a" == "b" == password')],
    ['typed declarations left open', flood('token string = ')],
    ['bare keys', flood('Key=a1B2c3D4e5F6g7H8 ')],
    ['provider prefixes', flood('ntn_sgp_tskey-')],
    ['brackets', flood('secret = {[(')],
    ['xml elements left open', flood('<apiToken>\n')],
    ['quotes glued to more value', flood("token='a'b'")],
    ['jdbc prefixes', flood('jdbc:mysql:')],
    ['curl headers with no value', flood('-H "X-A: ')],
    ['curl users joined by quotes', `curl ${flood('-u "a":"')}`],
    ['token segments opening with ey', flood('eyAAAAAAAAAAAA.')],
    ['app ids and bars', flood('1234567890123456|')],
    ['labels with no value', flood('mixpanel ', '\n')],
    ['labels before long runs', flood(`mixpanel ${'a1B2'.repeat(10)}?`, '\n')],
    ['credential words with no value', flood('key token secret ')],
    ['credential words before short runs', flood('token: a1B2c3D4e5 ')],
    ['long runs on their own lines', flood('a1B2'.repeat(40), '\n')],
    ['base64 padding', flood('==')],
    ['runs that end in padding', flood(`${'a1B2'.repeat(22)}==`)],
    ['glued provider prefixes', flood('xAIzaEZTKAPI-')],
    ['quoted generated literals', flood('"a1B2c3D4e5F6g7H8i9J0",')],
    ['quotes around long runs', flood(`'${'a'.repeat(300)}`)],
    ['go assignments with no value', flood(':= ', '\n')],
    ['webhook hosts with no path', flood('a-b.webhook.office.com.environment.api.powerplatform.com/')],
    ['hook segments after a scheme', `https://h${flood('/hooks/')}`],
    ['names and commas before an assignment', flood('a, password, ', '') + ' = "x"'],
    ['tuple assignments, line by line', flood('user, password = "admin", "', '\n')],
    ['tuple assignments on one line', flood('user, password = "admin", "')],
    ['format calls with credential slots and no arguments', flood('"password={}".format(')],
    ['percent formats, back to back', flood('"password=%s" % "')],
    ['printf calls left open', flood('Sprintf("password=%s", ')],
    ['hook paths of generated segments', flood(`https://h/webhook/${'a1B2'.repeat(6)}/`)],
    ['quoted values left open after words', flood("kanban 'a1B2c3D4e5 ")],
    ['role ids with no value', flood('vault_role_id=secret_id:')],
    ['credential pairs on one line', flood('a_key=a1B2c3D4e5F6g7H8 a_id=x host=h email="e ')],
    ['credential pairs across blank lines', flood('a_key=a1B2c3D4e5F6g7H8\nurl=u\n', '\n')],
    ['password-file fields with no end', flood('h:5432:d:u:', '\n')],
    ['password-file lines of colons', `h:5432:${flood('x:')}`],
    ['netrc entries with no password', flood('machine h login u ')],
    [
      'tool password places with no value',
      flood('ldapsearch -w xfreerdp /p: net use \\\\a htpasswd -b f u '),
    ],
    ['name fields with no value field', flood('- name: DB_PASSWORD\n', '\n')],
    ['name fields before value keys', flood('{"name": "API_KEY", "value": ')],
    ['tags with no body', flood('a_b-c.d_')],
    ['xml pairs with no value element', flood('<key>password</key>\n')],
    ['jwt calls with no key', flood('jwt.sign(a, jwt.verify(b, ')],
    ['hmac key calls left open', flood('SignedString([]byte(Algorithm.HMAC256(')],
    ['xml pairs with a value left open', flood('<key>password</key><value>x')],
    ['long tag words', flood(`${'a'.repeat(30)}_`)],
    ['credential words before line breaks', flood('SECRET\n')],
    ['credential words glued to long runs', flood(`gumroadSECRET-${'a1B2'.repeat(300)}`, ' ')],
    // Rules whose matches start at their keyword are tried at each occurrence of it: one try each.
    ['keywords that open matches, back to back', flood('tokenDISCORD.run(MTAwbot cret=key')],
    // The afternoon's readings (2026-12-07): flow maps, printed structs, plans, logs, pairs, wrapped keys.
    ['flow maps opened and never closed', flood('a: {password: b, ')],
    ['printed structs of credential fields', flood('{Password:x ')],
    ['plan arrows with no value', flood('~ password = "a" -> ', '\n')],
    ['log levels before names', flood('INFO password=(password: ')],
    ['login labels with no pair', flood('login: a/ ')],
    [
      'DER heads on every line',
      flood('MHcCAQEEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '\n'),
    ],
    ['stated words with no value', flood('the token is ')],
    // One long line of names: each read its line back to the start (keySections.ts, flowMaps.ts,
    // secretSections.ts), 200 KB of `the key ` in 1 s and 1 MB in 19 s, before the reads were bounded.
    ['plain keys on one line', flood('the key ')],
    ['yaml keys on one line', flood('key: ')],
    ['section words on one line', flood('creds ')],
    // Names, words and headers past ASCII (foreignNames.ts, statedPasswords.ts, tableColumns.ts).
    ['Russian names with colons on one line', flood('\u043f\u0430\u0440\u043e\u043b\u044c: ')],
    ['Chinese names with full-width colons, no blank', flood('\u5bc6\u7801\uff1a')],
    [
      'a table header cell in Cyrillic, repeated on one line',
      flood('| \u041f\u0430\u0440\u043e\u043b\u044c '),
    ],
    ['accented names and values', flood('contrase\u00f1a_bd=\u00e9')],
    ['C# auto-properties', flood('Password { get; set; } = ')],
    ['declared types', flood('v_pwd CONSTANT VARCHAR2(30) := ')],
    ['types named for secrets, opened', flood('enum Secrets {\n')],
    ['names glued into one token', flood('password:')],
    ['said values with no value', flood('set the password to with password user a pass using the key ')],
    ['compound words and colons that end lines', flood('Initialpasswort lautet password is below:', '\n')],
    ['client calls of hex literals left open', flood(`new Client('${'0123456789abcdef'.repeat(2)}' (`)],
    [
      'declarations left open',
      flood('#define API_KEY "set(API_TOKEN let(:api_token) { Dim password As String = '),
    ],
  ];

  for (const [name, text] of cases) {
    it(`${name}: every span is inside the text, and redaction restores it`, () => {
      for (const detect of RECALL_DETECTORS) {
        for (const span of spansOf(detect, text)) {
          assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length);
        }
      }
      const map = new RedactionMap();
      const result = redactText(text, map);
      assert.equal(map.restore(result.text), text);
    });
  }

  it('hides every value of a flood of assignments and keeps every name', () => {
    const text = flood(`DB_PASSWORD=${fake(9)}`, '\n');
    const result = redactText(text, new RedactionMap());
    assert.ok(!result.text.includes('Zq8tRw2Lm'));
    assert.equal(result.text.split('DB_PASSWORD=').length, text.split('DB_PASSWORD=').length);
  });

  it('hides the password of every URL in a flood of them', () => {
    const pw = fake();
    const text = flood(`redis://:${pw}@cache/0 `);
    const result = redactText(text, new RedactionMap());
    assert.ok(!result.text.includes(pw));
    assert.equal(result.text.split('redis://:').length, text.split('redis://:').length);
  });
});
