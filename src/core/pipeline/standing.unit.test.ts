import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import {
  anyStandsIn,
  MIN_PROPAGATED_LENGTH,
  placesOfEach,
  standingPlaces,
  standsAt,
  standsIn,
} from './standing';

describe('where a hidden value stands', () => {
  it('counts a value of eight or more characters wherever it occurs', () => {
    const value = 'x'.repeat(MIN_PROPAGATED_LENGTH);
    assert.deepEqual(standingPlaces(`a${value}b ${value}`, value), [1, 3 + MIN_PROPAGATED_LENGTH]);
  });

  it('counts a shorter value only as a whole word or after a glued one-letter option', () => {
    const text = 'pw1 = pw1x; xpw1 _pw1 "pw1" -ppw1 --Ppw1 a-ppw1 -pw1';
    assert.deepEqual(
      standingPlaces(text, 'pw1').map((at) => text.slice(Math.max(0, at - 2), at + 4)),
      ['pw1 ', ' "pw1"', '-ppw1 ', '-Ppw1 ', ' -pw1'],
    );
    assert.equal(standsAt('pw1', 'pw1', 0), true);
    assert.equal(standsIn('my pw12', 'pw1'), false);
    assert.equal(standsIn('a-pw1', 'pw1'), true, 'a dash before is a word edge');
  });

  it('finds nothing for an empty value and steps past overlapping non-standing places', () => {
    assert.deepEqual(standingPlaces('abc', ''), []);
    assert.equal(standsIn('abc', ''), false);
    assert.deepEqual(standingPlaces('aaaa aa', 'aa'), [5]);
  });

  it('finds the places of many values in one pass a length, as each value searched alone would', () => {
    for (const seed of [1, 2, 3]) {
      const next = seededInts(seed);
      const letters = 'ab1_-';
      const draw = (n: number): string =>
        Array.from({ length: n }, () => letters[next(letters.length)]).join('');
      // Short alphabets, so that values overlap, repeat, stand inside words and share prefixes and suffixes.
      const text = Array.from({ length: 400 }, () => draw(1 + next(9))).join(next(2) ? ' ' : '');
      // Enough values a length that they share the passes (the few-values path is `standingPlaces` itself).
      const values = [...new Set(Array.from({ length: 600 }, () => draw(1 + next(10))))];
      values.push('', text, `${text}x`);
      const work = { chars: 0 };
      assert.deepEqual(
        placesOfEach(text, values, work),
        values.map((v) => standingPlaces(text, v)),
        `seed ${seed}`,
      );
      assert.ok(work.chars <= 11 * text.length, `seed ${seed}: ${work.chars} read, not one pass a length`);
    }
  });

  it('reads the text once per distinct length, not once per value', () => {
    const tokens = Array.from(
      { length: 4_000 },
      (_, i) => `MTAwMDAw.${String(i).padStart(6, '0')}.${i % 2 ? 'ab' : 'abc'}`,
    );
    const text = tokens.join(' ');
    const work = { chars: 0 };
    const places = placesOfEach(text, tokens, work);
    assert.deepEqual(
      places.map((p) => p.length),
      tokens.map(() => 1),
    );
    assert.ok(work.chars <= 2 * text.length, `${work.chars} characters read for ${text.length}`);
  });

  it('says whether any of many values stands, as asking each value alone would', () => {
    const values = Array.from({ length: 200 }, (_, i) => `pw${i}`);
    // `pw7` inside a longer word does not stand; alone, after a glued option or at the end, it does.
    for (const [text, want] of [
      ['let pw7x = 1; mypw7 = 2;', false],
      ['connect -ppw7 now', true],
      ['the value is pw199', true],
      ['nothing here', false],
    ] as const) {
      assert.equal(anyStandsIn(text, values), want, text);
      assert.equal(
        anyStandsIn(text, values),
        values.some((v) => standsIn(text, v)),
        text,
      );
    }
  });
});
