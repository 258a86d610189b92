import { LOWER_ALNUM, randomToken } from '../random';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, fake, wordlessDraw } from './spanCases';

// Values under names whose value counts only in one shape (nameShapes.ts), and values whose quote is left
// open (literalValue.ts), as the named-literal detector reads them. Split from namedLiterals.unit.test.ts.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: named literals of one shape, and quotes left open', () => {
  it('hides a generated token under a word glued to `key`, not other values of such names', () => {
    for (let i = 0; i < 10; i++) {
      // Digits mixed in, as a draw of 36 nearly always holds them: a draw with one digit alone (about 1 in
      // 10,000) reads as letters under such a name and is not hidden, a gap left open.
      const value = `${randomToken(LOWER_ALNUM, 32)}4k7q`;
      hides(`besttime_samplekey = ${value}\n`, value);
      const quoted = fake(32);
      hides(`const mykey = "${quoted}";`, quoted);
    }
    for (const text of [
      'monkey = "banana"',
      'hotkey = "Ctrl+Shift+K"',
      'turkey = roast_and_serve_hot',
      'samplekey = "sample value"',
      'hockey: field',
    ]) {
      leaves(text);
    }
  });

  it('hides a generated token whose quote is left open, `=` and all, not code after a string ends', () => {
    for (let i = 0; i < 10; i++) {
      const value = `live_${fake(24)}=_${fake(13)}`;
      hides(`gocardless_token = "${value}`, value);
      const open = `${wordlessDraw(20)}=${fake(6)}`;
      hides(`api_key: '${open}\nnext: 1`, open);
      // One digit and long runs of one case switch class too seldom for `looksRandom`: a draw all the same.
      const consonants = 'bcdfghjklmnpqrstvwxz';
      const seldom = `${randomToken(UPPER, 3)}${randomToken(consonants, 6)}7${randomToken(UPPER, 2)}${randomToken(consonants, 6)}${randomToken(UPPER, 2)}${randomToken(consonants, 4)}`;
      hides(`api_key: '${seldom}\nnext: 1`, seldom);
      const cut = `${fake(30)}==`;
      hides(`"client_secret": "${cut}  \n`, cut);
    }
    for (const text of [
      'throw new Error("Invalid token: " + token);',
      'log("password=" + pw)',
      'url = "https://example.com/?api_key=" + key',
      'api_key = "abcdefghijklmnopqrstuvwxyz',
      'secret = "see the vault for it',
      // A name cut by the line spells words.
      'token = "getUserAccessToken2',
    ]) {
      leaves(text);
    }
  });
});
