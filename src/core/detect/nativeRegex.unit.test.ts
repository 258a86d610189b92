import * as assert from 'assert';
import { nativeRegex } from './nativeRegex';

describe('nativeRegex', () => {
  const cases: [string, string][] = [
    ['(?<secret>[A-Za-z0-9]{8,12})(?![A-Za-z0-9])', 'gd'],
    ['key\\s*=\\s*(?<secret>\\w+)', 'ydi'],
    ['(?<=\\s|^)\\$(?<secret>[0-9a-f]{6})$', 'gdm'],
    ['a*', 'g'],
  ];

  it('is the regex of that source and flags, ready at offset 0', () => {
    for (const [source, flags] of cases) {
      const re = nativeRegex(source, flags);
      const plain = new RegExp(source, flags);
      assert.strictEqual(re.source, plain.source);
      assert.strictEqual(re.flags, plain.flags);
      assert.strictEqual(re.lastIndex, 0);
    }
  });

  it('finds what a fresh regex finds, from every offset', () => {
    const texts = [
      'key = abcDEF123456 and key=zz then $00ff00\n  $abcdef',
      `${' '.repeat(1100)}key = value9 abcdefgh1234`,
      '\u0131key = abc\u0161 12345678ab',
      '',
    ];
    for (const [source, flags] of cases) {
      const re = nativeRegex(source, flags);
      const plain = new RegExp(source, flags);
      for (const text of texts) {
        for (let at = 0; at <= text.length; at += 7) {
          re.lastIndex = at;
          plain.lastIndex = at;
          const a = re.exec(text);
          const b = plain.exec(text);
          assert.deepStrictEqual(a && [a.index, [...a], a.indices], b && [b.index, [...b], b.indices]);
          assert.strictEqual(re.lastIndex, plain.lastIndex, `${source} at ${at}`);
        }
      }
    }
  });
});
