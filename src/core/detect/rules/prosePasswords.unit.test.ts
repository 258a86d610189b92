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

  it('reports a short stated password whose letters pair as no language does, and leaves a default word', () => {
    const consonants = 'bcdfghjklmnpqrstvwxz';
    // Two consonants that no word pairs, then letters of any kind: `hjip`, `xqjq`, `gwjkp`.
    for (const head of ['hj', 'xq', 'gw', 'qz', 'vk']) {
      const password = `${head}${randomToken(consonants + 'aeiou', 2 + Number(randomToken('0123', 1)))}`;
      assert.deepEqual(
        ids(`The default password for the user "pyne-user" is "${password}".`),
        ['prose-password'],
        password,
      );
      assert.deepEqual(
        ids(`2. Ensure the password for user 'postgres' is '${password}' or change .env file.`),
        ['prose-password'],
      );
    }
    for (const word of ['admin', 'toor', 'guest', 'root', 'demo', 'pass', 'master']) {
      assert.deepEqual(ids(`The default password for the user "root" is "${word}".`), [], word);
    }
  });
});
