import * as assert from 'node:assert/strict';
import { shannonEntropy } from '../entropy';
import { scan } from '../scanner';
import { distinctChars } from '../../../../test/support/freshValues';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('coinlib-api-key (report tier, rules/serviceNamedValues.ts)', () => {
  it("reports a key of 2.5 to 3 bits a character in a Coinlib URL's key parameter", () => {
    for (let i = 0; i < 20; i++) {
      // Six distinct letters, four of them three times and two twice: about 2.57 bits, under the 3 a drawn key
      // falls below one time in 85.
      const [a, b, c, d, e, f] = distinctChars('abcdefghijklmnopqrstuvwxyz', 6);
      const key = `${a}${b}${c}${d}${a}${e}${b}${c}${f}${d}${a}${b}${e}${c}${d}${f}`;
      assert.ok(shannonEntropy(key) < 3 && shannonEntropy(key) >= 2.5, key);
      assert.deepEqual(ids(`fetch('https://coinlib.io/api/v1/coin?pref=USD&key=${key}&symbol=BTC')`), [
        'coinlib-api-key',
      ]);
    }
  });

  it('leaves a filler: one character, or two in turn', () => {
    assert.deepEqual(ids('https://coinlib.io/api/v1/coin?key=aaaaaaaaaaaaaaaa'), []);
    assert.deepEqual(ids('https://coinlib.io/api/v1/coin?key=abababababababab'), []);
  });
});
