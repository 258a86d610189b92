import * as assert from 'node:assert/strict';
import { generate, sampleRegex } from '../corpus/external/generate';

// The external corpus's sampler reads the peers' format regexes as their own samplers do: gitleaks'
// secrets.NewSecret (lucasjones/reggen) emits nothing for a word boundary, so neither may this one.
describe('external corpus sampler', () => {
  it('reads \\b and \\B as boundaries that add no character', () => {
    for (let i = 0; i < 20; i++) {
      assert.match(sampleRegex('\\b(HRKU-AA[0-9a-zA-Z_-]{58})\\b'), /^HRKU-AA[0-9a-zA-Z_-]{58}$/);
      assert.match(sampleRegex('key\\B[a-f0-9]{8}'), /^key[a-f0-9]{8}$/);
    }
  });

  it('still reads escaped literals and classes', () => {
    for (let i = 0; i < 20; i++) {
      assert.match(sampleRegex('pk\\.[a-z0-9]{6}\\.\\d{2}'), /^pk\.[a-z0-9]{6}\.[0-9]{2}$/);
      assert.match(sampleRegex('[\\w-]{5}'), /^[A-Za-z0-9_-]{5}$/);
    }
  });

  it('writes a PEM block for a JSON string with `\\n` for its line breaks', () => {
    const block = generate('@pem:PRIVATE KEY:3:json');
    assert.doesNotMatch(block, /\n/);
    assert.match(block, /^-----BEGIN PRIVATE KEY-----(?:\\n[A-Za-z0-9+/]+){3}\\n-----END PRIVATE KEY-----$/);
    assert.equal(generate('@pem:PRIVATE KEY:3').split('\n').length, 5);
  });

  it('writes a JWT after a sampled prefix for `@jwt:REGEX`', () => {
    const value = generate('@jwt:ghs_[0-9]{5}_');
    const m = /^ghs_[0-9]{5}_(eyJ[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(value);
    assert.ok(m, value);
    assert.equal(JSON.parse(Buffer.from(m[1]!, 'base64url').toString()).typ, 'JWT');
  });
});
