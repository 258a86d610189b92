import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { dottedPassphrase } from './dottedWords';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findNamedLiterals, text, [value]);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

/** Three or four lower-case words of five to eight letters, joined by dots, drawn fresh. */
function dotted(): string {
  const word = (): string =>
    randomToken('bcdfghklmnprstvz', 1) +
    randomToken('aeiou', 1) +
    randomToken('bcdfghklmnprstvz', 1) +
    randomToken('aeiou', 1) +
    randomToken('lmnrst', 1);
  return [word(), word(), word()].join('.');
}

describe('redact tier: dotted-word passphrases (dottedWords.ts)', () => {
  it('reads three or more plain words as a passphrase, and names of code, settings and hosts as names', () => {
    for (let i = 0; i < 20; i++) {
      assert.equal(dottedPassphrase(dotted()), true);
    }
    for (const name of [
      'spring.datasource.password',
      'config.db.password',
      'request.headers.get',
      'secureGpt.secretStorageConsent',
      'db.internal.lan',
      'mail.example.com',
      'os.path.join',
      'tiger.tunnel',
    ]) {
      assert.equal(dottedPassphrase(name), false, name);
    }
  });

  it('hides one under a credential name in every syntax, quoted or bare', () => {
    for (const line of [
      (v: string) => `DB_PASSWORD=${v}\n`,
      (v: string) => `{"password": "${v}"}`,
      (v: string) => `<password>${v}</password>`,
      (v: string) => `  password: ${v}\n`,
      (v: string) => `psk=${v}\n`,
    ]) {
      const v = dotted();
      hides(line(v), v);
    }
  });

  it('reads a word that only starts a chain (`window`, `process`) as a passphrase word elsewhere', () => {
    const v = `${dotted()}.window40`;
    assert.equal(dottedPassphrase(v), true);
    hides(`artifactory_password=${v}\n`, v);
    const w = `${dotted()}.window`;
    hides(`gpg_passphrase = ${w}\n`, w);
    // A chain names by its first or last word; a passphrase's middle words are any words.
    const mid = `${dotted()}.spring.${dotted().split('.')[0]}62`;
    hides(`wpa_passphrase=${mid}\n`, mid);
    assert.equal(dottedPassphrase('window.location.hash'), false);
    assert.equal(dottedPassphrase('process.env.token'), false);
  });

  it('leaves a member chain or a setting name under the same names', () => {
    leaves('password = config.db.password\n');
    leaves('token = request.headers.get\n');
    leaves('token = window.location.hash\n');
    leaves('const SECRET_KEY = "secureGpt.secretStorageConsent";\n');
  });
});
