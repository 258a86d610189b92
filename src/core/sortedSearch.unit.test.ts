import * as assert from 'node:assert/strict';
import { lastAtOrBefore } from './sortedSearch';

describe('lastAtOrBefore', () => {
  it('finds the last element at or before a value, 0 before the first, the last past the end', () => {
    const starts = [0, 4, 9, 9, 20];
    assert.equal(lastAtOrBefore(starts, 0), 0);
    assert.equal(lastAtOrBefore(starts, 3), 0);
    assert.equal(lastAtOrBefore(starts, 4), 1);
    assert.equal(lastAtOrBefore(starts, 9), 3);
    assert.equal(lastAtOrBefore(starts, 19), 3);
    assert.equal(lastAtOrBefore(starts, 500), 4);
    assert.equal(lastAtOrBefore([7], 1), 0);
    assert.equal(lastAtOrBefore(Int32Array.from([2, 5]), 5), 1);
  });

  it('agrees with a linear search on random sorted arrays', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const xs = Array.from({ length: 1 + next(30) }, () => next(100)).sort((a, b) => a - b);
      const v = next(110);
      let expected = 0;
      xs.forEach((x, i) => (expected = x <= v ? i : expected));
      assert.equal(lastAtOrBefore(xs, v), expected, `${JSON.stringify(xs)} at ${v}`);
    }
  });
});
