import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { MessagePort, Worker } from 'node:worker_threads';
import { SCAN_WORKER_LIMITS } from './scanJit';
import type { ResultsMessage, StartMessage } from './scanShared';
import { CLAIMED, PUBLISHED, SHARED_COUNTERS, TOTAL } from './scanShared';
import type { FileResult, PoolItem } from './scanWork';
import { scanItem } from './scanWork';

/**
 * Milliseconds on a monotonic clock: `process.hrtime`, not the `performance` global, whose first read loads
 * perf_hooks and its ten modules (~2 ms of a small scan's start-up).
 */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * `secure-gpt scan --jobs N`: reads and scans files on N threads, the main thread one of them, and hands
 * each result back in the walk's order, so the report is the same, line for line, as a one-thread scan.
 *
 * Every thread takes its next file itself from a counter shared by all (scanShared.ts), one file at a
 * time: no thread waits for another to hand it work, and they all run out of work within a file of each
 * other. The main thread walks first (the workers take files as the walk posts them), then scans too.
 *
 * A worker costs ~70 ms of CPU before its first file (Node's own start of a worker thread ~47 ms, the
 * engine's bundle from the code cache and its tables ~22 ms), then a warm-up of its own: its isolate runs
 * the engine in V8's slower tiers at first and compiles the hot functions again on V8's helper threads (on
 * a 56 MB tree, --jobs 2 used ~260 ms more CPU than --jobs 1 in all). A pre-commit hook's few files would
 * never pay that back. For a directory the dispatcher starts them before this command has loaded
 * (scanPrestart.ts); otherwise workers start once the walk has found `START_FILES` files, or once the main
 * thread has scanned for `WARM_UP_MS` with work left (a few large files).
 */

const START_FILES = 64;
const WARM_UP_MS = 40;
/**
 * With `growLate`, how long the main thread scans alone before it may start workers: ~50 MB of ordinary
 * code, warm-up included. Only a tree with at least as much left as that pays back a worker's ~170 ms.
 */
const GROW_LATE_MS = 250;
/** The walk posts its files to the workers in runs of this many. */
const PUBLISH_EVERY = 16;
/** The main thread looks at the workers' results between its own files at most this often. */
const YIELD_MS = 10;
/**
 * Once no file is left to take, how long the main thread waits for a worker's result before it scans that
 * file itself: long enough for a warm worker to finish an ordinary file, far shorter than a cold one takes.
 */
const TAKE_BACK_MS = 20;

/**
 * The worker's entry, beside this one in dist/cli/ (or the compiled module beside this one): it loads the
 * worker's own bundle through the code cache (see scanWorkerBoot.ts).
 */
export const SCAN_WORKER_FILE = join(__dirname, 'scanWorkerBoot.js');

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
  /** Overrides `WARM_UP_MS` (`GROW_LATE_MS` with `growLate`; tests). */
  readonly warmUpMs?: number;
  /**
   * One thread unless the tree proves large: no worker starts as the walk finds files, only once the main
   * thread has scanned for `GROW_LATE_MS` with at least as many files left as it has taken (`growsNow`).
   * For the default thread count where a second core is idle (scanPrestart.ts, `threadPlan`).
   */
  readonly growLate?: boolean;
  /**
   * False leaves every file to the workers, once there are any (tests: a warm main thread would otherwise
   * take them all before a worker has loaded).
   */
  readonly scanOnMain?: boolean;
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

interface PoolWorker {
  readonly worker: Worker;
  readonly items: MessagePort;
  /** Replied `done`, or died: it will take no more items. */
  finished: boolean;
}

/**
 * A pool over up to `jobs` threads; `onResult` is called once per item, in order, on the main thread.
 * Once no file is left to take, the main thread scans those the workers have not sent back, so every item
 * gets a result even if a worker dies, and no thread waits on a worker's cold start.
 */
export function createScanPool(
  options: PoolOptions,
  onResult: (index: number, result: FileResult) => void,
): ScanPool {
  const startFiles = options.growLate ? Number.POSITIVE_INFINITY : (options.startFiles ?? START_FILES);
  const warmUpMs = options.warmUpMs ?? (options.growLate ? GROW_LATE_MS : WARM_UP_MS);
  const counters = new Int32Array(new SharedArrayBuffer(SHARED_COUNTERS * 4));
  Atomics.store(counters, TOTAL, -1);
  const items: PoolItem[] = [];
  const results: (FileResult | undefined)[] = [];
  const stats = { workers: 0, byWorkers: 0 };
  let emitted = 0;
  // Resolves the main thread's wait for the workers' last results.
  let wake: (() => void) | undefined;
  /** False when the item already has its result: the main thread may have scanned a worker's file too. */
  const store = (index: number, result: FileResult): boolean => {
    if (index < emitted || results[index] !== undefined) {
      return false;
    }
    results[index] = result;
    for (let r = results[emitted]; r !== undefined; r = results[emitted]) {
      results[emitted] = undefined; // Reported: let it go.
      onResult(emitted, r);
      emitted++;
    }
    return true;
  };

  const workers: PoolWorker[] = [];
  /** The item has no result yet and a worker that may still send it one. */
  const waiting = (index: number): boolean =>
    index >= emitted && results[index] === undefined && workers.some((w) => !w.finished);
  let spawned = options.jobs <= 1;
  let published = 0;
  const publish = (): void => {
    if (published === items.length) {
      return;
    }
    const run = items.slice(published);
    workers.forEach((w) => w.items.postMessage(run));
    published = items.length;
    // After the post: a worker that sees the count finds the items on its port.
    Atomics.store(counters, PUBLISHED, published);
    Atomics.notify(counters, PUBLISHED);
  };
  const spawn = (count: number, ready: readonly Worker[] = []): void => {
    spawned = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MessageChannel } = require('node:worker_threads') as typeof WorkerThreads;
    for (let i = 0; i < count; i++) {
      const channel = new MessageChannel();
      // A worker started now is given everything posted so far.
      if (published > 0) {
        channel.port1.postMessage(items.slice(0, published));
      }
      const entry: PoolWorker = { worker: ready[i] ?? newWorker(), items: channel.port1, finished: false };
      const start: StartMessage = {
        shared: counters.buffer,
        items: channel.port2,
        maxFileSize: options.maxFileSize,
      };
      // A prestarted worker was unreferenced so that an early exit (a usage error) need not wait for it;
      // from here the main thread awaits its replies.
      entry.worker.ref();
      entry.worker.postMessage(start, [channel.port2]);
      entry.worker.on('message', (message: ResultsMessage) => {
        message.indexes.forEach((index, k) => {
          stats.byWorkers += store(index, message.results[k]!) ? 1 : 0;
        });
        entry.finished ||= message.done;
        wake?.();
      });
      const lose = (): void => {
        entry.finished = true;
        wake?.();
      };
      entry.worker.on('error', lose);
      entry.worker.on('exit', lose);
      workers.push(entry);
    }
    stats.workers = workers.length;
  };
  const prestarted = options.prestarted ?? [];
  const adopted = Math.min(prestarted.length, Math.max(0, options.jobs - 1));
  prestarted.slice(adopted).forEach((worker) => void worker.terminate());
  if (adopted > 0) {
    spawn(adopted, prestarted);
  }

  return {
    add(item) {
      items.push(item);
      if (!spawned && items.length >= startFiles) {
        spawn(options.jobs - 1);
      }
      if (workers.length > 0 && items.length - published >= PUBLISH_EVERY) {
        publish();
      }
    },
    async finish() {
      publish();
      Atomics.store(counters, TOTAL, items.length);
      Atomics.notify(counters, PUBLISHED);
      const started = nowMs();
      let yielded = started;
      const claim = (): number =>
        workers.length > 0 && options.scanOnMain === false ? items.length : Atomics.add(counters, CLAIMED, 1);
      try {
        for (let index = claim(); index < items.length;) {
          store(index, scanItem(items[index]!, options.maxFileSize));
          const now = nowMs();
          const claimed = Atomics.load(counters, CLAIMED);
          const left = items.length - claimed;
          if (!spawned && growsNow(now - started, warmUpMs, claimed, left, options.growLate === true)) {
            // No more threads than files left for them.
            spawn(Math.min(options.jobs - 1, left - 1));
          }
          if (workers.length > 0 && now - yielded > YIELD_MS) {
            await new Promise<void>((resume) => setImmediate(resume)); // Let the workers' results in.
            yielded = nowMs();
          }
          index = claim();
        }
        if (options.scanOnMain === false) {
          while (emitted < items.length && workers.some((w) => !w.finished)) {
            await new Promise<void>((resume) => (wake = resume));
          }
        }
        // The rest is with the workers. The main thread waits a little for each file they have not sent back,
        // then scans it itself: a file taken by a worker still warming up (its first files cost 10-30 times
        // a warm thread's), or by one that died. The first result to come in is kept; both are the same.
        for (let index = emitted; index < items.length; index++) {
          const until = nowMs() + TAKE_BACK_MS;
          for (let now = nowMs(); waiting(index) && now < until; now = nowMs()) {
            await new Promise<void>((resume) => {
              const timer = setTimeout(resume, until - now);
              wake = () => {
                clearTimeout(timer);
                resume();
              };
            });
          }
          if (index >= emitted && results[index] === undefined) {
            store(index, scanItem(items[index]!, options.maxFileSize));
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
 * Whether the main thread, scanning alone for `elapsedMs`, starts the workers now: after `warmUpMs`, with
 * more than one file left (a worker takes a file the main thread would not get to), and with `growLate`
 * only if at least as many files are left as have been taken.
 */
export function growsNow(
  elapsedMs: number,
  warmUpMs: number,
  claimed: number,
  left: number,
  growLate: boolean,
): boolean {
  return elapsedMs > warmUpMs && left > 1 && (!growLate || left >= claimed);
}

/**
 * A worker thread from the worker bundle. worker_threads (~3 ms to load) is required here, on first use,
 * since most pools (a pre-commit hook's few files) never start one; an `import()` would not do, as esbuild
 * leaves one of a built-in as is, and that starts Node's ESM loader.
 */
function newWorker(): Worker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof WorkerThreads;
  return new WorkerThread(SCAN_WORKER_FILE, { resourceLimits: SCAN_WORKER_LIMITS });
}
