import * as assert from 'node:assert/strict';
import { decodeBareBase64 } from './base64Text';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_';

function viaBuffer(bare: string): string {
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

describe('decodeBareBase64', () => {
  it('decodes what Buffer decodes, for random bare base64 of every length mod 4 that is one', () => {
    let seed = 11;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let checked = 0;
    for (let k = 0; k < 4000; k++) {
      const n = next() % 300;
      if (n % 4 === 1) {
        continue;
      }
      let bare = '';
      for (let i = 0; i < n; i++) {
        bare += ALPHABET[next() % ALPHABET.length];
      }
      assert.equal(decodeBareBase64(bare), viaBuffer(bare), bare);
      checked++;
    }
    assert.ok(checked > 2500);
  });

  it('decodes ASCII payloads (a JWT header, a bot id) and keeps UTF-8 and long values exact', () => {
    const cases = [
      Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
      Buffer.from('100000000000000000').toString('base64').replace(/=+$/, ''),
      Buffer.from('größe ünd ñ').toString('base64').replace(/=+$/, ''),
      Buffer.from('x'.repeat(500)).toString('base64').replace(/=+$/, ''),
      '',
    ];
    for (const bare of cases) {
      assert.equal(decodeBareBase64(bare), viaBuffer(bare));
    }
    assert.equal(decodeBareBase64(cases[0]!), '{"alg":"HS256","typ":"JWT"}');
  });
});
