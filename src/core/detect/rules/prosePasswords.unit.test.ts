import * as assert from 'node:assert/strict';
import { shannonEntropy } from '../entropy';
import { randomToken } from '../random';
import { scan } from '../scanner';
import { distinctChars } from '../../../../test/support/freshValues';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('prose-password (report tier, rules/prosePasswords.ts)', () => {
  it('reports a stated password with doubled characters, under the generic 2.3 bits but over 2', () => {
    for (let i = 0; i < 20; i++) {
      // Four distinct letters and a digit, three of them doubled (`xykhhk33`): 2.25 bits a character.
      const [a, b, c, d] = distinctChars('abcdefghjkmnpqrstuvwxyz', 4);
      const digit = randomToken('23456789', 1);
      const password = `${a}${b}${c}${d}${d}${c}${digit}${digit}`;
      assert.ok(shannonEntropy(password) < 2.3 && shannonEntropy(password) >= 2, password);
      assert.deepEqual(ids(`echo "The password is '${password}'"`), ['prose-password'], password);
    }
  });

  it('leaves a stated value of lower entropy or no digit', () => {
    for (const text of [
      "The password is 'aaaa1111'",
      "The password is 'abababab'",
      'The password is "centipede"',
    ]) {
      assert.deepEqual(ids(text), [], text);
    }
  });
});
