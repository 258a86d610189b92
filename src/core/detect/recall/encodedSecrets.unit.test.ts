import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { freshPem } from '../../../../test/support/fakePem';
import { githubToken } from '../checksum';
import { ALNUM, HEX, randomToken } from '../random';
import type { RecallSpan } from './recallSpan';
import { encodedSecretDetector } from './encodedSecrets';

const hidden = (text: string): string[] => {
  const out: RecallSpan[] = [];
  encodedSecretDetector(text, out);
  return out.map((s) => text.slice(s.start, s.end));
};
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));

describe('redact tier: base64- and hex-wrapped secrets', () => {
  it('hides a blob whose decoded text holds a secret', () => {
    const cases = [
      b64(`GITHUB_TOKEN=${pat()}\n`),
      Buffer.from(`{"api_key": "${randomToken(ALNUM, 32)}"}`).toString('base64url'),
      Buffer.from(`token=${pat()}`).toString('hex'),
      b64(freshPem()),
    ];
    for (const blob of cases) {
      assert.deepEqual(hidden(`CONFIG_BLOB=${blob}\n`), [blob]);
      assert.deepEqual(hidden(`  "payload": "${blob}",`), [blob]);
    }
  });

  it('leaves images, hashes, certificates, ordinary text and identifiers alone', () => {
    const sha = (n: number): string => randomToken(HEX, n);
    const negatives = [
      `<img src="data:image/png;base64,${b64(randomBytes(600))}">`,
      `<script integrity="sha384-${b64(randomBytes(48))}"></script>`,
      `  integrity sha512-${b64(randomBytes(64))}`,
      `"resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz#${sha(40)}"`,
      `commit ${sha(40)}\nsha256: ${sha(64)}`,
      b64(freshPem('CERTIFICATE')),
      `message: ${b64('Hello, world! This is an ordinary sentence, nothing secret in it.')}`,
      `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ sub: '42', name: 'Ada' }))}`,
      'const someVeryLongIdentifierName_withUnderscores_andMore = computeTheThing();',
      '/usr/local/lib/node_modules/typescript/lib/typescript.js',
      '123e4567-e89b-12d3-a456-426614174000',
    ];
    for (const text of negatives) {
      assert.deepEqual(hidden(text), [], text);
    }
  });

  it('reads each blob whole: from after a leading dash or underscore, with up to two padding characters', () => {
    // Three lengths: two, one and no `=` of padding. A run takes two `=` at most, its own or not.
    for (const secret of [`token=${pat()}`, `token=${pat()}x`, `token=${pat()}xy`]) {
      const blob = b64(secret);
      assert.deepEqual(hidden(`--${blob};`), [blob]);
      assert.deepEqual(hidden(`--${blob}===`), [`${blob.replace(/=+$/, '')}==`]);
      assert.deepEqual(hidden(`__${blob} and more`), [blob]);
      assert.deepEqual(hidden(`"${blob}"${blob}`), [blob, blob]);
    }
    // Glued to the end of a name or a longer run, a blob is part of that run, which does not decode.
    const blob = b64(`token=${pat()}`);
    assert.deepEqual(hidden(`prefix.${blob}`), [blob]);
    assert.deepEqual(hidden(`zz${blob}`), []);
    // A run one character short of the minimum is never read, however it decodes.
    const short = b64(`k=${randomToken(ALNUM, 15)}`).slice(0, 23);
    assert.deepEqual(hidden(`"${short}"`), []);
  });

  it('stays correct on hostile input, and past its budget hides what decodes to text', function () {
    this.timeout(120_000); // a shared machine can be slow; correctness, not speed, is what this checks
    assert.deepEqual(hidden(b64(randomBytes(400_000))), []);
    assert.deepEqual(hidden('A'.repeat(500_000)), []);
    const prose = b64('plain words, no secrets at all, repeated '.repeat(200));
    const many = `${prose} `.repeat(40);
    const found = hidden(many);
    assert.ok(found.length > 0 && found.length < 40 && found.every((s) => s === prose));
  });
});
