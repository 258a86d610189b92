import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import type { FileResult, PoolItem } from './scanWork';
import { scanItem } from './scanWork';

/**
 * `secure-gpt scan --jobs N`: reads and scans files on N threads, the main thread one of them, and hands
 * each result back in the walk's order, so the report is the same, line for line, as a one-thread scan.
 *
 * A worker costs a thread start plus its own parse of the engine's bundle and compile of the rules (~150 ms
 * of CPU), which a pre-commit hook's few files would never pay back. For a directory the dispatcher starts
 * them before this command has loaded (scanPrestart.ts); otherwise workers start once the walk has found
 * `START_FILES` files, or once the main thread has scanned for `WARM_UP_MS` with work left (a few large
 * files); started during the walk, they boot and scan on the other cores while the main thread walks on.
 * Work goes out in small batches, two in flight per worker, so a thread that draws a large file does not
 * hold up the rest.
 */

const START_FILES = 64;
const WARM_UP_MS = 40;
const BATCH = 8;
const IN_FLIGHT = 2;

/** The worker's entry: its own bundle beside this one in dist/cli/ (or the compiled module beside this one). */
export const SCAN_WORKER_FILE = join(__dirname, 'scanWorker.js');

/** How the work was shared: the workers started and the items they scanned (the main thread did the rest). */
export interface PoolStats {
  readonly workers: number;
  readonly byWorkers: number;
}

export interface PoolOptions {
  readonly jobs: number;
  readonly maxFileSize: number;
  /** Overrides `START_FILES` (tests). */
  readonly startFiles?: number;
  /** Overrides `WARM_UP_MS` (tests). */
  readonly warmUpMs?: number;
  /**
   * Workers started before the walk (see scanPrestart.ts), used first: up to `jobs - 1` of them, the rest
   * ended. With any, the pool does not wait for `START_FILES`: their start is already paid.
   */
  readonly prestarted?: readonly Worker[];
}

/** Items go in as the walk finds them; `finish` scans what is left and resolves once every result is out. */
export interface ScanPool {
  add(item: PoolItem): void;
  finish(): Promise<PoolStats>;
}

interface Batch {
  readonly first: number;
  readonly items: readonly PoolItem[];
}

export interface ToWorker {
  readonly batch: Batch;
  readonly maxFileSize: number;
}

export interface FromWorker {
  readonly first: number;
  readonly results: readonly FileResult[];
}

/**
 * A pool over up to `jobs` threads; `onResult` is called once per item, in order, on the main thread.
 * A worker that dies has its batches taken back, so every item gets a result.
 */
export function createScanPool(
  options: PoolOptions,
  onResult: (index: number, result: FileResult) => void,
): ScanPool {
  const startFiles = options.startFiles ?? START_FILES;
  const items: PoolItem[] = [];
  const results: (FileResult | undefined)[] = [];
  const stats = { workers: 0, byWorkers: 0 };
  let emitted = 0;
  // Resolves the main thread's wait for a worker's reply (or for a dead worker's batches to come back).
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const store = (first: number, batch: readonly FileResult[]): void => {
    batch.forEach((r, i) => (results[first + i] = r));
    for (let r = results[emitted]; r !== undefined; r = results[emitted]) {
      results[emitted] = undefined; // Reported: let it go.
      onResult(emitted, r);
      emitted++;
    }
    notify();
  };

  let next = 0;
  let walking = true;
  const retry: Batch[] = [];
  const take = (): Batch | undefined => {
    const again = retry.shift();
    if (again) {
      return again;
    }
    // While the walk goes on, only whole batches: the tail waits for `finish`.
    if (items.length - next < (walking ? BATCH : 1)) {
      return undefined;
    }
    const batch = { first: next, items: items.slice(next, next + BATCH) };
    next += batch.items.length;
    return batch;
  };

  const workers: { worker: Worker; feed: () => void }[] = [];
  let spawned = options.jobs <= 1;
  const spawn = (count: number, ready: readonly Worker[] = []): void => {
    spawned = true;
    for (let i = 0; i < count; i++) {
      const fromWorker = (first: number, batch: readonly FileResult[]): void => {
        stats.byWorkers += batch.length;
        store(first, batch);
      };
      const worker = ready[i] ?? newWorker();
      workers.push(
        feedWorker(worker, options.maxFileSize, take, fromWorker, (lost) => {
          retry.push(...lost);
          notify();
        }),
      );
    }
    stats.workers = workers.length;
  };
  const prestarted = options.prestarted ?? [];
  const adopted = Math.min(prestarted.length, Math.max(0, options.jobs - 1));
  prestarted.slice(adopted).forEach((worker) => void worker.terminate());
  if (adopted > 0) {
    spawn(adopted, prestarted);
  }
  const feed = (): void => workers.forEach((w) => w.feed());

  return {
    add(item) {
      items.push(item);
      if (!spawned && items.length >= startFiles) {
        spawn(options.jobs - 1);
      }
      if (workers.length > 0 && (items.length - next) % BATCH === 0) {
        feed();
      }
    },
    async finish() {
      walking = false;
      feed();
      const started = performance.now();
      try {
        while (emitted < items.length) {
          const left = items.length - next;
          if (!spawned && performance.now() - started > (options.warmUpMs ?? WARM_UP_MS) && left > BATCH) {
            // No more threads than batches left for them.
            spawn(Math.min(options.jobs - 1, Math.ceil(left / BATCH)));
          }
          const batch = take();
          if (batch) {
            store(
              batch.first,
              batch.items.map((item) => scanItem(item, options.maxFileSize)),
            );
          }
          if (batch && workers.length > 0) {
            await new Promise<void>((resume) => setImmediate(resume)); // Let the workers' replies in.
          } else if (!batch && emitted < items.length) {
            // Nothing left to take: the rest is with the workers.
            await new Promise<void>((resume) => (wake = resume));
          }
        }
      } finally {
        await Promise.all(workers.map((w) => w.worker.terminate()));
      }
      return stats;
    },
  };
}

/**
 * A worker thread from the worker bundle. worker_threads (~3 ms to load) is required here, on first use,
 * since most pools (a pre-commit hook's few files) never start one; an `import()` would not do, as esbuild
 * leaves one of a built-in as is, and that starts Node's ESM loader.
 */
function newWorker(): Worker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof WorkerThreads;
  return new WorkerThread(SCAN_WORKER_FILE);
}

/** Keeps one worker fed from `take` whenever it has room. */
function feedWorker(
  worker: Worker,
  maxFileSize: number,
  take: () => Batch | undefined,
  store: (first: number, results: readonly FileResult[]) => void,
  giveBack: (lost: Batch[]) => void,
): { worker: Worker; feed: () => void } {
  // A prestarted worker was unreferenced so that an early exit (a usage error) need not wait for it; from
  // here the main thread awaits its replies.
  worker.ref();
  const inFlight = new Map<number, Batch>();
  let dead = false;
  const feed = (): void => {
    while (!dead && inFlight.size < IN_FLIGHT) {
      const batch = take();
      if (!batch) {
        return;
      }
      inFlight.set(batch.first, batch);
      worker.postMessage({ batch, maxFileSize } satisfies ToWorker);
    }
  };
  worker.on('message', (message: FromWorker) => {
    inFlight.delete(message.first);
    store(message.first, message.results);
    feed();
  });
  const lose = (): void => {
    dead = true;
    giveBack([...inFlight.values()]);
    inFlight.clear();
  };
  worker.on('error', lose);
  worker.on('exit', lose);
  feed();
  return { worker, feed };
}
