import * as assert from 'node:assert/strict';
import { assertLinear } from '../support/cpuTime';

// Both searches run in native code, so their cost does not hang on what the JIT made of a loop.

/** A search through `n` characters, 400 times. */
function linearWork(n: number): void {
  const text = 'a'.repeat(n);
  let misses = 0;
  for (let k = 0; k < 400; k++) {
    misses += text.indexOf('b') === -1 ? 1 : 0;
  }
  assert.equal(misses, 400);
}

/** A search from each of `n` positions to the end: n²/2 characters, as a backtracking pattern reads. */
function quadraticWork(n: number): void {
  const text = 'a'.repeat(n);
  let misses = 0;
  for (let i = 0; i < n; i++) {
    misses += text.indexOf('b', i) === -1 ? 1 : 0;
  }
  assert.equal(misses, n);
}

describe('assertLinear (the linear-time checks of the scanner tests)', () => {
  it('passes linear work', () => {
    assertLinear(linearWork, 100_000);
  });

  it('fails quadratic work', () => {
    // Large enough that the quadratic run's cost dwarfs CPU time the process's other threads add meanwhile
    // (process.cpuUsage counts them all, V8's GC threads among them): at 40k units the check once let the
    // quadratic work pass on a fresh CI clone, the small run reading well above its usual 4-5 ms.
    assert.throws(() => assertLinear(quadraticWork, 80_000, 5), /not linear/);
  });
});
