import * as assert from 'node:assert/strict';
import { valueOutsideProse } from './commentedValues';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

/** `valueOutsideProse` for `value` found after the name `name` in `text`. */
function judged(text: string, name: string, value: string): boolean {
  const start = text.indexOf(value);
  return valueOutsideProse(text, text.indexOf(name), { start, end: start + value.length, kind: 'password' });
}

describe('redact tier: values in comments', () => {
  it('takes any value outside a comment, and one word ending its line inside one', () => {
    const pw = `${fake(8)}7q`;
    assert.ok(judged(`DB_PASS=${pw} # old`, 'DB_PASS', pw));
    assert.ok(judged(`# DB_PASS=${pw}\nnext`, 'DB_PASS', pw));
    assert.ok(judged(`  // password: "${pw}";`, 'password', pw));
  });

  it("refuses a comment's prose: several words, or a word the sentence goes on after", () => {
    assert.ok(!judged('# token: see the docs', 'token', 'see the docs'));
    assert.ok(!judged('-- password is rotated weekly', 'password', 'rotated'));
    // What a commented-out property documents: a choice, a flag word, an identifier.
    assert.ok(!judged('# jmx.remote.password.only=true|false', 'password', 'true|false'));
    assert.ok(!judged('#jdk.http.ntlm.transparentAuth=allHosts', 'transparentAuth', 'allHosts'));
    assert.ok(!judged('# token_required=false', 'token', 'false'));
  });

  it('hides a value commented out on its line, one word that ends the line', () => {
    const pw = `${fake(7)}7q`;
    hides(`# REACT_APP_PASS=${pw}\n`, pw);
    hides(`  // db_password: ${pw}`, pw);
    hides(`-- password = '${pw}';`, pw);
    for (const text of [
      '# token: see the docs',
      '# password: "the one" from vault',
      `# password=${pw} (old one)`,
    ]) {
      leaves(text);
    }
  });

  it("hides a quoted literal in code commented out, and reads Ruby's inspect as no comment", () => {
    const pw = `${fake(7)}7q`;
    hides(`# conn = connect(user="app", password="${pw}")  # old`, pw);
    hides(`  // const client = new Client({ password: '${pw}', host: 'db' });`, pw);
    hides(`#<Config host="db" password="${pw}" port=5432>`, pw);
    leaves('# password: "the one" from vault');
    leaves("# token: 'see the docs'");
  });
});
