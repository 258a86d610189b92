/**
 * Linear-time checks measure CPU time, not wall time, and compare a run with one four times larger in the
 * same process: a loaded machine slows both alike, while a quadratic path grows sixteenfold.
 */

/** CPU milliseconds of `f`, the best of three. */
export function cpuMs(f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.cpuUsage();
    f();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1e3);
  }
  return best;
}

/**
 * Asserts that `work(4 * n)` costs at most eight times `work(n)` plus `slackMs` (JIT, GC): linear work
 * costs four times as much, a quadratic path sixteen. Warms `work(n)` up first.
 */
export function assertLinear(work: (n: number) => void, n: number, slackMs = 20): void {
  work(n);
  const small = cpuMs(() => work(n));
  const large = cpuMs(() => work(4 * n));
  if (!(large < small * 8 + slackMs)) {
    throw new Error(`not linear: ${small} ms for ${n} units, ${large} ms for ${4 * n}`);
  }
}
