import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { useLoopsForTests } from './byteLoops';
import { buildKeywordIndex } from './keywordIndex';
import { asciiLower } from './keywordIndex';
import { LowerText } from './lowerText';
import { findKeywordHits } from './prefilter';

const KEYWORDS = ['token', 'sk-', 'key', 'password', 'ab'];
const index = buildKeywordIndex([KEYWORDS]);

/** What `LowerText.indexOf` must answer: a search of the lower-cased string. */
function expected(lower: string, keyword: string, from: number, end: number): number {
  if (end >= lower.length) {
    return lower.indexOf(keyword, Math.max(0, from));
  }
  const start = Math.max(0, from);
  const at = start > end ? -1 : lower.slice(start, end).indexOf(keyword);
  return at === -1 ? -1 : start + at;
}

/** Text of keywords in either case, Latin-1 capitals and, when `wide`, characters past Latin-1. */
function textOf(ints: (n: number) => number, wide: boolean): string {
  const parts = [
    'TOKEN',
    'Token',
    'sk-',
    'SK-',
    'Key',
    'PassWord',
    'ab',
    'AB',
    ' ',
    '=',
    '\u00c0',
    '\u00d7',
    'x',
  ];
  if (wide) {
    parts.push('\u0130', '\u212a', '\u0161', '\u4e2d');
  }
  return Array.from({ length: 1 + ints(200) }, () => parts[ints(parts.length)]).join('');
}

describe('LowerText', () => {
  for (const mode of ['auto', 'js'] as const) {
    it(`answers every search as the lower-cased string does, from the prefilter's copy or not (${mode} loops)`, () => {
      useLoopsForTests(mode);
      try {
        const ints = seededInts(41);
        for (let round = 0; round < 300; round++) {
          const text = textOf(ints, round % 3 === 0);
          const lower = asciiLower(text);
          const fresh = new LowerText(text, 0, text.length);
          // The prefilter writes its copy: one-byte texts are then searched in its bytes.
          findKeywordHits(index, fresh, 0, fresh.length);
          for (let k = 0; k < 20; k++) {
            const keyword = KEYWORDS[ints(KEYWORDS.length)]!;
            const from = ints(text.length + 3) - 1;
            const end = k % 2 === 0 ? text.length : ints(text.length + 5);
            assert.equal(fresh.indexOf(keyword, from, end), expected(lower, keyword, from, end), text);
          }
          assert.equal(fresh.value, lower);
        }
      } finally {
        useLoopsForTests('auto');
      }
    });
  }

  it('makes no lower-cased string for a one-byte text the prefilter copied, and one when the copy is gone', () => {
    const text = 'const TOKEN = "x"; // Token';
    const lower = new LowerText(text, 0, text.length);
    findKeywordHits(index, lower, 0, lower.length);
    assert.equal(lower.indexOf('token', 0), 6);
    assert.equal((lower as unknown as { lowered?: string }).lowered, undefined);
    const other = 'another text';
    findKeywordHits(index, new LowerText(other, 0, other.length), 0, other.length);
    assert.equal(lower.indexOf('token', 7), 22);
    assert.equal((lower as unknown as { lowered?: string }).lowered, asciiLower(text));
  });

  it('keeps offsets where a character lower-cases to two (U+0130) and searches a slice from its start', () => {
    const text = '\u0130 TOKEN';
    assert.equal(new LowerText(text, 0, text.length).indexOf('token', 0), 2);
    const slice = new LowerText('xx Key and KEY', 3, 14);
    assert.equal(slice.length, 11);
    assert.equal(slice.indexOf('key', 1), 8);
    assert.equal(slice.value, 'key and key');
  });
});
