import * as assert from 'node:assert/strict';
import { deriveKeyState } from './profileState';

describe('the key state of the chat header', () => {
  it('a stored key is "set", an environment key "env"', () => {
    assert.equal(deriveKeyState('keychain', 'required'), 'set');
    assert.equal(deriveKeyState('secret-storage', 'required'), 'set');
    assert.equal(deriveKeyState('env', 'required'), 'env');
    assert.equal(deriveKeyState('keychain', 'optional'), 'set');
  });

  it('a required key that is missing or unreadable means dry runs', () => {
    assert.equal(deriveKeyState(undefined, 'required'), 'missing');
    assert.equal(deriveKeyState('unavailable', 'required'), 'missing');
  });

  it('a profile that needs no key (dry-run, keyless server) is "not-needed"', () => {
    assert.equal(deriveKeyState('none', 'none'), 'not-needed');
    assert.equal(deriveKeyState(undefined, 'none'), 'not-needed');
    assert.equal(deriveKeyState(undefined, 'optional'), 'not-needed');
    assert.equal(deriveKeyState('unavailable', 'optional'), 'not-needed');
  });
});
