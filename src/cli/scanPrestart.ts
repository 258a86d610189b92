import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { SCAN_WORKER_LIMITS } from './scanJit';

/**
 * `secure-gpt scan` starts its worker threads from the dispatcher, before the scan command's own bundle
 * is loaded: a worker takes ~70 ms of CPU to start (Node's start of the thread ~47 ms, then the engine's
 * bundle from the code cache and its tables), and started there it boots on another core while the main
 * thread loads the command and walks the tree, instead of after the walk has found its first files. On 2
 * cores the two threads then share the scan about evenly.
 *
 * The dispatcher and the scan command are separate bundles, so the workers are handed over on a global.
 * A worker nobody takes (a usage error, `--jobs 1` after all) is unreferenced: it does not hold the
 * process open. The dispatcher imports this module for every command, so worker_threads (~3 ms to load) is
 * imported only when workers are started.
 */

const HANDOFF = Symbol.for('secure-gpt.scan.prestartedWorkers');

interface Prestarted {
  readonly workers: Worker[];
  readonly exited: Set<Worker>;
}

/** Options of `scan` that take a value: their value is no path (see scan.ts). */
const VALUE_OPTIONS = new Set([
  '-f',
  '--format',
  '--exclude',
  '--max-file-size',
  '--allowlist',
  '-j',
  '--jobs',
]);

/**
 * How many workers to start before `scan args` has parsed them: `--jobs` (or the idle cores) minus one,
 * and none for `--staged`, help, a `--jobs` that is no count, or roots that are all files (a pre-commit
 * hook's few files never pay a worker back). A guess only: the pool uses at most `--jobs - 1` of them and
 * ends the rest, and which thread scans a file never changes the report.
 */
export function prestartCount(
  args: readonly string[],
  idle: number,
  isDirectory: (path: string) => boolean,
): number {
  let jobs = String(idle);
  const roots: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--staged' || arg === '-h' || arg === '--help' || arg === '--') {
      return 0;
    }
    const inline = /^(?:--jobs=|-j)(.+)$/.exec(arg);
    if (inline) {
      jobs = inline[1]!;
    } else if (VALUE_OPTIONS.has(arg)) {
      if (arg === '-j' || arg === '--jobs') {
        jobs = args[i + 1] ?? '';
      }
      i++;
    } else if (!arg.startsWith('-')) {
      roots.push(arg);
    }
  }
  if (!/^\d+$/.test(jobs) || Number(jobs) < 2) {
    return 0;
  }
  return (roots.length === 0 ? ['.'] : roots).some(isDirectory) ? Number(jobs) - 1 : 0;
}

/** Starts the workers `prestartCount` asks for, from the worker bundle at `workerFile`; returns them. */
export function prestartScanWorkers(args: readonly string[], workerFile: string): readonly Worker[] {
  const count = prestartCount(args, idleCores(), isDirectory);
  if (count === 0) {
    return [];
  }
  // A plain require: esbuild leaves an `import()` of a built-in as is, and that would start Node's ESM loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  const prestarted: Prestarted = { workers: [], exited: new Set() };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(workerFile, { resourceLimits: SCAN_WORKER_LIMITS });
    worker.unref();
    // A worker that fails to start is not used; the pool starts its own or the main thread scans.
    worker.on('error', () => prestarted.exited.add(worker));
    worker.on('exit', () => prestarted.exited.add(worker));
    prestarted.workers.push(worker);
  }
  (globalThis as Record<symbol, unknown>)[HANDOFF] = prestarted;
  return prestarted.workers;
}

/** The prestarted workers still alive, handed over once. */
export function takePrestartedWorkers(): Worker[] {
  const global = globalThis as Record<symbol, Prestarted | undefined>;
  const prestarted = global[HANDOFF];
  global[HANDOFF] = undefined;
  return prestarted ? prestarted.workers.filter((w) => !prestarted.exited.has(w)) : [];
}

/**
 * The default thread count: the idle cores (the cores minus the one-minute load average) less one, at least
 * one. Each thread's engine warms up in V8's background compiler, which needs a core of its own for about a
 * third of the scan: on one thread it runs on the core the scan leaves idle, on two threads of a 2-core
 * machine it competes with both. Measured on 2 idle cores (a 56 MB tree): 960 ms of CPU on one thread, 1,190 ms
 * on two, so two threads were at best 1.2x faster there, and slower on a 3.4 MB or 20 MB tree. A worker on a
 * core that is already busy only takes turns with the main thread. A tree that proves large may still grow
 * onto the idle core that leaves (`threadPlan`).
 */
export function idleCores(): number {
  return defaultJobs(availableParallelism(), loadavg()[0] ?? 0);
}

/** `idleCores` for a given core count and load average. */
export function defaultJobs(cores: number, load: number): number {
  return Math.max(1, idleCoreCount(cores, load) - 1);
}

/** The cores minus the one-minute load average, rounded up, at least one. */
function idleCoreCount(cores: number, load: number): number {
  return Math.max(1, Math.min(cores, Math.ceil(cores - load)));
}

/** How many threads `scan` starts on, and how many it may grow to once the tree proves large. */
export interface ThreadPlan {
  readonly jobs: number;
  readonly growTo: number;
}

/**
 * `--jobs N` is N threads from the start. Without it, `scan` starts on `defaultJobs`; where that is one
 * thread and a second core is idle (an idle 2-core machine), it moves to both once the tree proves large
 * (scanPool.ts, `growLate`): on a 1,000 MB tree two threads scan ~1.6x as fast as one, where the fixed
 * cost of a worker (its start and its own JIT warm-up, ~170 ms of CPU) is small against the scan.
 */
export function threadPlan(explicitJobs: number | undefined, cores: number, load: number): ThreadPlan {
  if (explicitJobs !== undefined) {
    return { jobs: explicitJobs, growTo: explicitJobs };
  }
  const jobs = defaultJobs(cores, load);
  return { jobs, growTo: jobs === 1 ? idleCoreCount(cores, load) : jobs };
}

/** `threadPlan` on this machine now. */
export function scanThreadPlan(explicitJobs: number | undefined): ThreadPlan {
  return threadPlan(explicitJobs, availableParallelism(), loadavg()[0] ?? 0);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
