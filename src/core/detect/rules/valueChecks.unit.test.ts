import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, randomToken } from '../random';
import { scan } from '../scanner';
import { isDocumentedCredential, isPathLike, isPlaceholder, unleet } from './valueChecks';

describe('value checks of the rules', () => {
  it('counts a placeholder word only in the cases a person types, not as random characters hold it', () => {
    const around = (word: string): string => `${randomToken(ALNUM, 10)}${word}${randomToken(ALNUM, 10)}`;
    for (const word of ['YoUR', 'xxXx', 'tOdO', 'DuMmy']) {
      assert.equal(isPlaceholder(around(word)), false, word);
    }
    for (const value of [
      'your-api-key',
      'YOUR_TOKEN',
      'ChangeMe',
      'notReal123',
      'FAKE_KEY',
      'xxxx1234',
      'Example',
    ]) {
      assert.equal(isPlaceholder(value), true, value);
    }
  });

  it('knows a documented credential by its hash, looked up among those of its length', () => {
    // RFC 5849 section 3.1's token, which oauthlib's docstrings quote (genericCases.ts holds it as a negative).
    const documented = 'kkk9d7dh3k39sjv7';
    assert.ok(isDocumentedCredential(documented));
    assert.ok(isPlaceholder(documented));
    for (const other of [`${documented.slice(0, -1)}8`, `${documented}0`, documented.slice(1), '']) {
      assert.equal(isDocumentedCredential(other), false, other);
    }
  });

  it('reads one bracketed label as a placeholder, not a generated value that opens and closes on brackets', () => {
    for (const value of ['<your-api-key>', '[API_KEY]', '(required)', '<token here>']) {
      assert.equal(isPlaceholder(value), true, value);
    }
    const marks = 'abcdefghijklmnopqrstuvwxyz0123456789!@#^&*(-_=+)';
    assert.equal(isPlaceholder(`(${randomToken(marks, 20)}=)${randomToken(ALNUM, 20)})`), false);
    assert.equal(isPlaceholder(`<${randomToken(ALNUM, 20)}#]`), false);
  });

  it('tells a path, or a fragment of words, from a base64 value that starts with a slash', () => {
    assert.equal(isPathLike('/etc/ssl/private/server.key'), true);
    assert.equal(isPathLike('./secrets/db_password.txt'), true);
    assert.equal(isPathLike(`/${randomToken(ALNUM, 30)}`), false);
    assert.equal(isPathLike('/abc+def/ghi='), false);
    // An element id or fragment of words is a place in a page; a password that opens with `#` is not.
    assert.equal(isPathLike('#add-password'), true);
    assert.equal(isPathLike('#login_form'), true);
    assert.equal(isPathLike(`#${randomToken(ALNUM, 12)}`), false);
    assert.equal(isPathLike('#Summer-2024!'), false);
    // No rule reports a selector given to a password-named field, nor the literal rules either.
    for (const line of ['this.editPassword = "#edit-password";', "signupPassword: '#signup-pw-field',"]) {
      assert.deepEqual(scan(line), [], line);
    }
  });

  it('reports a key block once, though a line of its body looks like a provider token', () => {
    const line = `AQE${randomToken(BASE64, 61)}`;
    const body = [randomToken(BASE64, 64), line, randomToken(BASE64, 64), randomToken(BASE64, 40)].join('\n');
    const block = `-----BEGIN ENCRYPTED PRIVATE KEY-----\nMII${body.slice(3)}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
    assert.deepEqual(
      scan(block).map((f) => f.ruleId),
      ['private-key-encrypted'],
    );
  });

  it('undoes leetspeak in one pass as the seven replacements in turn did', () => {
    const inTurn = (v: string): string =>
      v
        .toLowerCase()
        .replace(/0/g, 'o')
        .replace(/[1!|]/g, 'i')
        .replace(/3/g, 'e')
        .replace(/[4@]/g, 'a')
        .replace(/[5$]/g, 's')
        .replace(/7/g, 't');
    const chars = `${ALNUM}!|@$#%^&*_-`;
    for (let i = 0; i < 5000; i++) {
      const v = randomToken(chars, 1 + (i % 40));
      assert.equal(unleet(v), inTurn(v), v);
    }
    assert.equal(unleet('P4$$w0rD!'), 'passwordi');
  });
});
