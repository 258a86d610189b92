import * as assert from 'node:assert/strict';
import { githubToken } from './detect/checksum';
import { ALNUM, randomToken } from './detect/random';
import { Scrubber, scrub } from './scrub';

/** A key of no provider's shape, so only the exact-value path can catch it. */
const freshKey = (): string => `key-${randomToken(ALNUM, 40)}`;

describe('Scrubber', () => {
  it('masks the key in use by exact value, with its label', () => {
    const key = freshKey();
    const scrubber = new Scrubber([{ value: key, label: 'api-key' }]);
    const out = scrubber.scrub(`401 Incorrect API key provided: ${key}. See your settings.`);
    assert.ok(!out.includes(key));
    assert.match(out, /‹redacted:api-key›/);
    assert.match(out, /See your settings\.$/);
  });

  it('masks fragments of the key: any 8 characters of it in a row', () => {
    const key = freshKey();
    const out = new Scrubber([{ value: key, label: 'api-key' }]).scrub(`got "${key.slice(10, 30)}" back`);
    assert.ok(!out.includes(key.slice(10, 18)));
    assert.equal(out, 'got "‹redacted›" back');
  });

  it("masks a provider's masked echo of the key (prefix, stars, suffix)", () => {
    const key = freshKey();
    const scrubber = new Scrubber([{ value: key, label: 'api-key' }]);
    const echoed = `${key.slice(0, 6)}${'*'.repeat(20)}${key.slice(-4)}`;
    const out = scrubber.scrub(`Incorrect API key provided: ${echoed}.`);
    assert.ok(!out.includes(key.slice(-4)) && !out.includes(key.slice(0, 6)));
    // Stars alone, or stars around text that is not the key, are left as they are.
    assert.equal(scrubber.scrub('rating ***** and ab****cd'), 'rating ***** and ab****cd');
  });

  it('masks anything the detection engine flags, with its rule id', () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const out = scrub(`push failed for ${token} at line 3`);
    assert.equal(out, 'push failed for ‹redacted:github-pat› at line 3');
  });

  it('leaves ordinary text alone', () => {
    const scrubber = new Scrubber([{ value: freshKey(), label: 'api-key' }]);
    const text = 'Connection refused (ECONNREFUSED) while calling https://api.openai.com/v1/chat/completions';
    assert.equal(scrubber.scrub(text), text);
  });

  it('reduces an error to its first line, never its stack', () => {
    const key = freshKey();
    const error = new Error(`bad key ${key}\n    at secret (/home/u/${key}.js:1:1)`);
    const out = new Scrubber([{ value: key, label: 'api-key' }]).scrubError(error);
    assert.equal(out, 'bad key ‹redacted:api-key›');
    assert.equal(new Scrubber().scrubError('plain string'), 'plain string');
  });

  it('masks the longer of two overlapping known values whole', () => {
    const key = freshKey();
    const scrubber = new Scrubber().add(key.slice(0, 20), 'listed').add(key, 'api-key');
    assert.equal(scrubber.scrub(`[${key}]`), '[‹redacted:api-key›]');
  });
});
