import { setFlagsFromString } from 'node:v8';

/**
 * V8's tiering and heap heuristics for `secure-gpt scan`, a process of well under a second. V8's flags are
 * the process's: set before any worker starts, and before the scan's bundle loads, so that its code cache is
 * made and read under the same ones (V8 checks a hash of its flags; Node 20's, taken at start, did not change
 * and took the cache either way: test/unit/cliBundles.test.ts checks that it is taken). Each is one V8 reads
 * as it decides, never one that changes how the heap or a thread is set up (those cannot change once the
 * isolate runs).
 *
 * - `--interrupt-budget`: TurboFan compiles a function once it has run enough bytecode, and at V8's default it
 *   compiled ~85 functions of the engine, walk and reader, ~230 ms of CPU on a background thread per isolate
 *   (a 56 MB tree), half of it for functions that then ran a few milliseconds. On one core that compile time
 *   is the scan's; with `--jobs 2` each worker pays it again. A budget ~9x the default lets only the functions
 *   that stay hot get compiled (~20, ~65 ms).
 * - `--max-inlined-bytecode-size-cumulative`: half V8's inlining budget. The engine's two largest compiles
 *   (scanGrams and matchAtKeywords, 30-60 ms each) shrink, and the code they make scans no slower: pinned to
 *   one core, 30 interleaved runs on the bench tree, the background threads' CPU fell 18 ms (median of the
 *   paired differences) and the scanning thread's did not move (+3 ms, within noise). Set for `--jobs 2` first,
 *   where the compiles of two isolates take turns with two scanning threads.
 * - `--incremental-marking-*-trigger`: V8 starts marking the old generation for a full collection once the
 *   room left under its limit is less than the young generation's capacity. For a scan that was at ~12 of
 *   19 MB, reached in the last files of the bench tree only because the young generation had grown to 8 MB:
 *   concurrent marking (~8 ms on the background threads) and a mark-compact (1-4 ms) that freed nothing the
 *   process needed before it exits. Marking now starts at 90% of the limit (95%: at once), so a scan whose old
 *   generation barely grows after start-up (~20 KB per scavenge) is not collected for nothing; one that does
 *   grow is still collected before the limit.
 * - `--no-parallel-scavenge`: a young-generation collection (~22 per bench-tree scan) is the scanning
 *   thread's alone, not handed in part to V8's helper threads. Pinned to one core those helpers could only
 *   take turns with the thread they helped, each collection a round of thread switches: 30 interleaved runs,
 *   the background threads' CPU fell another 9 ms and the scanning thread's 10 ms (medians of the paired
 *   differences). Unpinned the scanning thread's CPU did not grow (-6 ms, within noise); the collections are
 *   short (0.3-1 ms), so the pauses the helpers could shorten are a few milliseconds in all.
 * - `--no-turbo-loop-peeling`: TurboFan no longer copies the first iteration of each loop out of it, a pass
 *   that grows the graph every later phase works through. Pinned, 24 interleaved runs: the background
 *   threads' CPU -7.6 ms, the scanning thread's -2.7 (total -10.9, q1 -14.1, q3 -5.7); unpinned the scanning
 *   thread +3.5 ms (16 runs, within noise), and the warm engine in process the same (204-212 against
 *   208-212 ms, three runs each).
 *
 * The flags are the same on every machine and for every `--jobs`: V8 hashes its flags into a code cache and
 * rejects one made under others, so flags that varied (the inlining budget was once set for `--jobs 2` only)
 * had each kind of run throw away and rewrite the other's cache, 20-30 ms of compiling each time.
 */
const SCAN_V8_FLAGS: readonly string[] = [
  '--interrupt-budget=600000',
  '--max-inlined-bytecode-size-cumulative=460',
  '--incremental-marking-soft-trigger=90',
  '--incremental-marking-hard-trigger=95',
  '--no-parallel-scavenge',
  '--no-turbo-loop-peeling',
];

/** The flags `tuneScanJit` sets: the same on every machine and for every `--jobs` (see above). */
export function scanV8Flags(): readonly string[] {
  return SCAN_V8_FLAGS;
}

export function tuneScanJit(): void {
  for (const flag of SCAN_V8_FLAGS) {
    setFlagsFromString(flag);
  }
}

/**
 * Keeps the young generation at the size V8 starts it with (1 MB a semi-space) while one thread scans, rather
 * than letting it double up to 16 MB as the scan's short-lived strings pass through. V8 reads
 * `--semi-space-growth-factor` at each growth, so it takes effect though the isolate runs; but it is no flag
 * of `SCAN_V8_FLAGS`: V8 hashes its flags into a code cache, and a new isolate (a worker) sets a factor below 2
 * back to 2, so a scan with threads would write its caches under other flags than it read them. Set only for
 * a scan that starts no thread, once its bundle is loaded, and put back (`restoreYoungGenerationGrowth`)
 * before its cache is written. On a machine where the first touch of a fresh page costs 10-16 µs (the CI
 * type), a grown young generation's pages were ~3,800 of a bench-tree scan's ~12,600 minor faults and ~17 MB
 * of its RSS.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** V8's own growth factor again (its default, so the flags' hash is what it was at start). */
export function restoreYoungGenerationGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}

/**
 * A scan worker's heap: its young generation held at 3 MB (a semi-space of 1 MB, V8's first size), as
 * `keepYoungGenerationSmall` holds the main thread's, for the same reason. Set as the isolate is made, not
 * through V8's flags, so no code cache's hash changes.
 */
export const SCAN_WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 } as const;
