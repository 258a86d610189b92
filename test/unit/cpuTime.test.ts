import * as assert from 'node:assert/strict';
import { assertLinear } from '../support/cpuTime';

describe('assertLinear (the linear-time checks of the scanner tests)', () => {
  /** Work of `n` units, each `perUnit(n)` steps: linear for a constant, quadratic for `n` itself. */
  const work = (n: number, perUnit: (n: number) => number): void => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      for (let j = perUnit(n); j > 0; j--) {
        sum = (sum + i * j) | 0;
      }
    }
    assert.notEqual(sum, 0.5); // keeps the loop from being optimised away
  };

  it('passes linear work', () => {
    assertLinear((n) => work(n, () => 200), 100_000);
  });

  it('fails quadratic work', () => {
    assert.throws(() => assertLinear((n) => work(n, (m) => m), 2_000), /not linear/);
  });
});
