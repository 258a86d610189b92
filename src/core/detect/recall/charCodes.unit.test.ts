import * as assert from 'node:assert/strict';
import { githubToken } from '../checksum';
import { ALNUM, HEX, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { charCodeEdits } from './charCodes';

const redact = (text: string): string => redactText(text, new RedactionMap()).text;
const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));
const password = (): string => `${randomToken(ALNUM, 9)}!${randomToken(ALNUM, 5)}`;
const decimals = (s: string, sep = ', '): string => [...s].map((c) => c.charCodeAt(0)).join(sep);
const hexes = (s: string): string => [...s].map((c) => `0x${c.charCodeAt(0).toString(16)}`).join(', ');
const chars = (s: string): string =>
  [...s].map((c) => `'${c === "'" || c === '\\' ? '\\' : ''}${c}'`).join(', ');

/** Asserts that no 8 characters of `value` survive in `out`, nor the list of codes that spells it. */
function assertGone(out: string, value: string, list: string): void {
  assert.ok(!out.includes(list.slice(0, 40)), `the list survived: ${out}`);
  for (let i = 0; i + 8 <= value.length; i++) {
    assert.ok(!out.includes(value.slice(i, i + 8)), out);
  }
}

describe('redact tier: a string written as a list of character codes', () => {
  it('hides a token or a named password spelled in char, decimal and hex lists', () => {
    for (const secret of [pat(), password(), randomToken(HEX, 32)]) {
      const cases: [string, string][] = [
        [`char[] keystorePass = new char[] {${chars(secret)}};\n`, chars(secret)],
        [`const apiKey = String.fromCharCode(${decimals(secret, ',')});\n`, decimals(secret, ',')],
        [`SECRET = bytes([${decimals(secret)}]).decode()\n`, decimals(secret)],
        [`static const unsigned char kApiKey[] = {\n  ${hexes(secret)}, 0x00\n};\n`, hexes(secret)],
        [`var apiToken = []byte{${hexes(secret)}}\n`, hexes(secret)],
      ];
      for (const [text, list] of cases) {
        assertGone(redact(text), secret, list);
      }
    }
  });

  it('hides a provider token in a byte list with no credential name', () => {
    const token = pat();
    const text = `byte[] data = new byte[] { ${decimals(token)} };\n`;
    assertGone(redact(text), token, decimals(token));
  });

  it('reads the list as one quoted literal in place of its construct', () => {
    const text = `x = String.fromCharCode(${decimals('a"b\\cdefgh')});`;
    const [edit] = charCodeEdits(text);
    assert.equal(edit?.replacement, '"a\\"b\\\\cdefgh"');
    assert.equal(text.slice(edit.start, edit.end), `String.fromCharCode(${decimals('a"b\\cdefgh')})`);
  });

  it('leaves binary data, short lists, lists of numbers and char arrays of no secret', () => {
    for (const text of [
      'static const uint8_t sbox[] = { 0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01 };\n',
      "char[] vowels = new char[] {'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O'};\n",
      'int[] primes = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};\n',
      'widths = [40, 48, 56, 64, 72, 80, 96, 112, 120]\n',
      'The readings were 72, 75, 71, 80, 77, 79, 74, 73 and 70 on those days.\n',
      `const apiKey = String.fromCharCode(${decimals('abc')});\n`,
    ]) {
      assert.equal(redact(text), text);
    }
    assert.deepEqual(charCodeEdits('f(1, 2, 3)\nconst x = [1, 2];\n'), []);
  });
});
