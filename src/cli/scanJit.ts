import { setFlagsFromString } from 'node:v8';

/**
 * V8's tiering for `secure-gpt scan`, a process of well under a second: TurboFan compiles a function once it
 * has run enough bytecode (the interrupt budget), and at V8's default it compiled ~85 functions of the engine,
 * walk and reader, ~230 ms of CPU on a background thread per isolate (a 56 MB tree), half of it for functions
 * that then ran a few milliseconds. On one core that compile time is the scan's; with `--jobs 2` each worker
 * pays it again. A budget ~9x the default lets only the functions that stay hot get compiled (~20, ~65 ms).
 * V8's flags are the process's: set before any worker starts, and before the scan's bundle loads, so that its
 * code cache is made and read under the same ones (V8 checks a hash of its flags; Node 20's, taken at start,
 * did not change and took the cache either way: test/unit/cliBundles.test.ts checks that it is taken).
 */
const SCAN_V8_FLAGS = ['--interrupt-budget=600000'];

export function tuneScanJit(): void {
  for (const flag of SCAN_V8_FLAGS) {
    setFlagsFromString(flag);
  }
}
