import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { builtinRules } from './catalog';
import { buildKeywordIndex } from './keywordIndex';
import { keywordWords, narrowText, wordsAt } from './keywordWords';
import { findKeywordHits } from './prefilter';

describe('keyword words', () => {
  const keywords = ['password=', 'client_secret', 'abcd', 'abcde', 'begin rsa private key'];
  const index = buildKeywordIndex([keywords]);

  it('agree with startsWith at every offset of a narrow text, up to its end', () => {
    const ints = seededInts(3);
    const parts: string[] = [];
    for (let n = 0; n < 3000; n++) {
      parts.push(ints(3) === 0 ? keywords[ints(keywords.length)]! : 'abcdeprs_=\u00e9 '[ints(12)]!);
    }
    const text = parts.join('') + 'password';
    const view = new DataView(Buffer.from(text, 'latin1').buffer);
    const words = keywordWords(index);
    let found = 0;
    index.keywords.forEach((kw, id) => {
      for (let at = 0; at < text.length; at++) {
        const want = text.startsWith(kw, at);
        found += want ? 1 : 0;
        assert.equal(wordsAt(view, at, words[id]!, kw.length, text.length), want, `${kw} at ${at}`);
      }
    });
    assert.ok(found > 500);
  });

  it("hold each catalogue keyword's words at 0, 4, … and one ending at its end, low bytes only", () => {
    const catalogue = buildKeywordIndex(builtinRules.map((r) => r.keywords));
    const words = keywordWords(catalogue);
    const low = (kw: string, at: number): number =>
      kw
        .slice(at, at + 4)
        .split('')
        .reduce((word, ch) => ((word << 8) | (ch.charCodeAt(0) & 0xff)) >>> 0, 0) | 0;
    catalogue.keywords.forEach((kw, id) => {
      const want: number[] = [];
      if (kw.length >= 4) {
        for (let at = 0; at + 4 < kw.length; at += 4) {
          want.push(at, low(kw, at));
        }
        want.push(kw.length - 4, low(kw, kw.length - 4));
      }
      assert.deepEqual([...words[id]!], want, kw);
    });
    assert.ok(catalogue.keywords.some((kw) => kw.length > 8 && kw.length % 4 !== 0));
  });

  it('tell narrow text from text with a character past U+00FF', () => {
    assert.equal(narrowText('abc \u00e9\u00ff'), true);
    assert.equal(narrowText(''), true);
    assert.equal(narrowText('abc\u0161'), false);
    assert.equal(narrowText('\ud83d\ude00'), false);
  });

  it('leave no hit where only the low bytes of wide characters spell a long keyword', () => {
    // U+0170 and U+0161 have the low bytes of `p` and `a`: the copy reads `password=` where the text does not.
    const lookAlike = '\u0170\u0161ssword=x ';
    const lower = `${lookAlike}password=y ${lookAlike}`;
    const hits = findKeywordHits(index, lower, 0, lower.length);
    assert.deepEqual(hits[index.keywords.indexOf('password=')], [lookAlike.length, lookAlike.length]);
    const narrow = 'password=y '.repeat(3);
    assert.deepEqual(
      findKeywordHits(index, narrow, 0, narrow.length)[index.keywords.indexOf('password=')],
      [0, 22],
    );
  });
});
