import * as assert from 'node:assert/strict';
import { MIN_PROPAGATED_LENGTH, standingPlaces, standsAt, standsIn } from './standing';

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
});
