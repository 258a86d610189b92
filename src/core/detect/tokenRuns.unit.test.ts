import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { tokenRuns } from './tokenRuns';

/** The runs as a plain character-by-character reading defines them. */
function naiveRuns(text: string, from: number, to: number, min: number): number[] {
  const out: number[] = [];
  const token = (i: number): boolean => /[A-Za-z0-9_-]/.test(text[i] ?? '');
  for (let i = from; i < to && i < text.length;) {
    if (!token(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && token(j)) {
      j++;
    }
    if (j - i >= min) {
      out.push(i, j);
    }
    i = j;
  }
  return out;
}

describe('token runs', () => {
  it('are the runs a character-by-character reading finds, for any range and length', () => {
    const next = seededInts(13);
    // Past Latin-1: `ı` (U+0131), `š` (U+0161) and `ĭ` (U+012D) have the low bytes of `1`, `a` and `-`.
    const alphabet = 'aZ9_- .=\n"ıšĭé';
    for (let round = 0; round < 400; round++) {
      let text = '';
      const length = next(300);
      for (let i = 0; i < length; i++) {
        // Mostly token characters, so that long runs are common.
        text += next(4) === 0 ? alphabet[next(alphabet.length)] : alphabet[next(5)];
      }
      const from = next(text.length + 1);
      const to = from + next(text.length - from + 1);
      const min = 1 + next(20);
      assert.deepEqual(
        tokenRuns(text, from, to, min),
        naiveRuns(text, from, to, min),
        JSON.stringify({ text, from, to, min }),
      );
    }
  });

  it('reads a run that began before the range from the range, and one that starts in it to its end', () => {
    const text = `x ${'a1'.repeat(10)} ${'b2'.repeat(10)}`;
    assert.deepEqual(tokenRuns(text, 5, 24, 16), [5, 22, 23, 43]);
    assert.deepEqual(tokenRuns(text, 5, 24, 18), [23, 43]);
    assert.deepEqual(tokenRuns(text, 0, 23, 16), [2, 22]);
  });

  it('keeps a character past Latin-1 between runs even when its low byte is a token character', () => {
    const run = 'a'.repeat(10);
    assert.deepEqual(tokenRuns(`${run}\u0131${run}`, 0, 21, 16), []);
    assert.deepEqual(tokenRuns(`${run}1${run}`, 0, 21, 16), [0, 21]);
  });

  it('gives each text its own list, past the buffer they are gathered in and as it grows', () => {
    const next = seededInts(29);
    const texts = [3000, 10, 700, 5000, 0].map((units) =>
      Array.from({ length: units }, () => 'x'.repeat(16 + next(8)) + ' .='[next(3)]).join(''),
    );
    const lists = texts.map((text) => tokenRuns(text, 0, text.length, 16));
    texts.forEach((text, k) => {
      assert.deepEqual(lists[k], naiveRuns(text, 0, text.length, 16), `text ${k}`);
    });
    assert.equal(lists[3]!.length, 10000);
  });
});
