import * as assert from 'node:assert/strict';
import { randomToken, randomIndex } from '../random';
import { alnumTable, charTable, longRuns, packRuns, textOffsetOf } from './charRuns';

/** A text drawn from `alphabet` (a repeated character is drawn more often), so that runs of every length occur. */
const draw = (alphabet: string, length: number): string => randomToken(alphabet, length);

/** The runs read one character at a time: what `longRuns` must return. */
function runsByLoop(text: string, table: Uint8Array, min: number): number[] {
  const out: number[] = [];
  const inTable = (i: number): boolean => text.charCodeAt(i) < 128 && table[text.charCodeAt(i)] === 1;
  for (let i = 0; i < text.length;) {
    const start = i;
    while (i < text.length && inTable(i)) {
      i++;
    }
    if (i - start >= min) {
      out.push(start, i);
    }
    i = Math.max(i, start + 1);
  }
  return out;
}

describe('long runs of token characters', () => {
  it('finds the same maximal runs as a loop over every character', () => {
    const table = charTable('ab_');
    for (let round = 0; round < 400; round++) {
      // Mostly table characters, so that long runs, short ones and runs at both ends all occur.
      const text = draw(round % 2 ? 'aab_b. é' : 'aabb_ab-', randomIndex(120));
      for (const min of [1, 2, 3, 5, 8, 13, 24]) {
        assert.deepEqual(longRuns(text, table, min), runsByLoop(text, table, min), JSON.stringify(text));
      }
    }
  });

  it('answers every table the same from the runs shared across calls, text after text', () => {
    // The detectors' own tables and lengths (within the shared union), one outside it, and a short `min`.
    const asked: [Uint8Array, number][] = [
      [alnumTable('+/_-'), 12],
      [alnumTable('+/_-'), 16],
      [alnumTable('+/_-'), 24],
      [alnumTable('_-'), 21],
      [charTable('0123456789abcdefABCDEF-'), 36],
      [alnumTable('_.+/=-'), 18],
      [alnumTable('_.=:|/$\\-'), 20],
      [charTable('ab('), 13],
      [alnumTable(''), 5],
    ];
    for (let round = 0; round < 300; round++) {
      // Few characters outside the union, so that runs of every table reach every length asked.
      const alphabet =
        round % 3 === 2 ? 'abcdef0123456789ABCDEF--.( ' : 'aaaaZZ0099ffFF__--++//==..::||$$\\( é';
      const text = draw(alphabet, 40 + randomIndex(400));
      // Asked in turn, and asked again after another text: the kept runs must follow the text.
      for (const [table, min] of [...asked, ...asked]) {
        assert.deepEqual(longRuns(text, table, min), runsByLoop(text, table, min), JSON.stringify(text));
      }
      assert.deepEqual(longRuns(`${text}x`, asked[0]![0], 12), runsByLoop(`${text}x`, asked[0]![0], 12));
    }
  });

  it('packs the runs so that a pattern over them finds what it finds in the text', () => {
    const table = alnumTable('_');
    // Its characters and look-arounds stay in the table: the condition `packRuns` states.
    const pattern = /(?<![A-Za-z0-9])[a-c]{2}_[A-Za-z0-9]{3,8}(?![A-Za-z0-9_])/g;
    for (let round = 0; round < 400; round++) {
      const text = draw('abc_1Z -.\n"', randomIndex(200));
      const runs = packRuns(text, table, 6);
      const packed = [...runs.packed.matchAll(pattern)].map((m) => [textOffsetOf(runs, m.index), m[0]]);
      const whole = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
      assert.deepEqual(packed, whole, JSON.stringify(text));
    }
  });

  it('keeps a text that is one run as it is', () => {
    const text = 'abc_def_ghi';
    const runs = packRuns(text, alnumTable('_'), 4);
    assert.equal(runs.packed, text);
    assert.equal(textOffsetOf(runs, 5), 5);
    assert.equal(packRuns('a b', alnumTable(''), 4).packed, '');
  });
});
