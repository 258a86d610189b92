import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readEntry } from '../core/fs/walk';
import type { FileResult } from './scanWork';
import { scanEntry } from './scanWork';

/**
 * `secure-gpt scan --jobs N`: reads and scans files on N threads, the main thread one of them, and hands
 * each result back in the walk's order, so the report is the same, line for line, as a one-thread scan.
 *
 * Workers start only once the main thread has scanned for `WARM_UP_MS` and work is left: a worker costs a
 * thread start plus its own parse of this bundle and compile of the rules, which a pre-commit hook's few
 * files would never pay back. Work goes out in small batches, two in flight per worker, so a thread that
 * draws a large file does not hold up the rest.
 */

const WARM_UP_MS = 40;
const BATCH = 8;
const IN_FLIGHT = 2;

/** Marks a worker as ours: this module is the worker's entry too (the CLI is one bundle per command). */
const ROLE = 'secure-gpt-scan-worker';

/** How the work was shared: the workers started and the items they scanned (the main thread did the rest). */
export interface PoolStats {
  readonly workers: number;
  readonly byWorkers: number;
}

/** A path to read and scan, or a result already known (an error the walk met), kept in its place. */
export type PoolItem = string | FileResult;

interface Batch {
  readonly first: number;
  readonly items: readonly PoolItem[];
}

interface ToWorker {
  readonly batch: Batch;
}

interface FromWorker {
  readonly first: number;
  readonly results: readonly FileResult[];
}

/**
 * Scans `items` on up to `jobs` threads; `onResult` is called once per item, in order, on the main thread.
 * A worker that dies has its batches taken back, so every item gets a result.
 */
export async function scanInParallel(
  items: readonly PoolItem[],
  options: { readonly jobs: number; readonly maxFileSize: number; readonly warmUpMs?: number },
  onResult: (index: number, result: FileResult) => void,
): Promise<PoolStats> {
  const stats = { workers: 0, byWorkers: 0 };
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(items.length);
  let emitted = 0;
  // Resolves the main thread's wait for a worker's reply (or for a dead worker's batches to come back).
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const flush = (): void => {
    for (let r = results[emitted]; r !== undefined; r = results[emitted]) {
      results[emitted] = undefined; // Reported: let it go.
      onResult(emitted, r);
      emitted++;
    }
  };
  const store = (first: number, batch: readonly FileResult[]): void => {
    batch.forEach((r, i) => (results[first + i] = r));
    flush();
    notify();
  };

  let next = 0;
  const retry: Batch[] = [];
  const take = (): Batch | undefined => {
    const again = retry.shift();
    if (again) {
      return again;
    }
    if (next >= items.length) {
      return undefined;
    }
    const batch = { first: next, items: items.slice(next, next + BATCH) };
    next += batch.items.length;
    return batch;
  };

  const workers: Worker[] = [];
  const startWorkers = (): void => {
    // No more threads than batches left for them.
    const count = Math.min(options.jobs - 1, Math.ceil((items.length - next) / BATCH));
    for (let i = 0; i < count; i++) {
      workers.push(
        startWorker(
          options.maxFileSize,
          take,
          (first, results) => {
            stats.byWorkers += results.length;
            store(first, results);
          },
          (lost) => {
            retry.push(...lost);
            notify();
          },
        ),
      );
    }
  };

  const started = performance.now();
  let spawned = options.jobs <= 1;
  try {
    while (emitted < items.length) {
      if (
        !spawned &&
        performance.now() - started > (options.warmUpMs ?? WARM_UP_MS) &&
        items.length - next > BATCH * options.jobs
      ) {
        spawned = true;
        startWorkers();
        stats.workers = workers.length;
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
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return stats;
}

/** Starts one worker and keeps it fed from `take` until the work runs out. */
function startWorker(
  maxFileSize: number,
  take: () => Batch | undefined,
  store: (first: number, results: readonly FileResult[]) => void,
  giveBack: (lost: Batch[]) => void,
): Worker {
  const worker = new Worker(__filename, { workerData: { role: ROLE, maxFileSize } });
  const inFlight = new Map<number, Batch>();
  const send = (): void => {
    while (inFlight.size < IN_FLIGHT) {
      const batch = take();
      if (!batch) {
        return;
      }
      inFlight.set(batch.first, batch);
      worker.postMessage({ batch } satisfies ToWorker);
    }
  };
  worker.on('message', (message: FromWorker) => {
    inFlight.delete(message.first);
    store(message.first, message.results);
    send();
  });
  const lose = (): void => {
    giveBack([...inFlight.values()]);
    inFlight.clear();
  };
  worker.on('error', lose);
  worker.on('exit', lose);
  send();
  return worker;
}

function scanItem(item: PoolItem, maxFileSize: number): FileResult {
  return typeof item === 'string' ? scanEntry(readEntry(item, maxFileSize)) : item;
}

/** The worker's side: scan each batch it is sent and post the results back. */
function serveBatches(maxFileSize: number): void {
  parentPort?.on('message', ({ batch }: ToWorker) => {
    const results = batch.items.map((item) => scanItem(item, maxFileSize));
    parentPort?.postMessage({ first: batch.first, results } satisfies FromWorker);
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  serveBatches((workerData as { maxFileSize: number }).maxFileSize);
}
