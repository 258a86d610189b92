import * as assert from 'node:assert/strict';
import { isQuestionMarkTwin } from './questionMarkTwin';
import { fake } from './spanCases';

describe('redact tier: a key with one `?` put inside it', () => {
  it('is a near-miss twin under a token, secret or key name', () => {
    for (const kind of ['token', 'secret', 'key']) {
      assert.equal(isQuestionMarkTwin(kind, `${fake(10)}7?${fake(12)}`), true, kind);
    }
  });

  it('is no twin: a password, two marks, a query string, a URL, a short value, a WePay-shaped token', () => {
    const v = `${fake(10)}7?${fake(12)}`;
    assert.equal(isQuestionMarkTwin('password', v), false);
    assert.equal(isQuestionMarkTwin('token', `${fake(10)}?${fake(6)}?${fake(8)}`), false);
    assert.equal(isQuestionMarkTwin('token', `https://example.test/x?${fake(20)}`), false);
    assert.equal(isQuestionMarkTwin('token', `abc?key=${fake(20)}`), false);
    assert.equal(isQuestionMarkTwin('token', `${fake(6)}?${fake(6)}`), false);
    assert.equal(isQuestionMarkTwin('token', `${fake(30)}?${fake(31)}`), false);
    assert.equal(isQuestionMarkTwin('token', fake(24)), false);
  });
});
