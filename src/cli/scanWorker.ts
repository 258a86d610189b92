import type { MessagePort } from 'node:worker_threads';
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { flushCodeCaches } from './codeCache';
import type { ItemsMessage, ResultsMessage, StartMessage } from './scanShared';
import { CLAIMED, PUBLISHED, TOTAL } from './scanShared';
import type { FileResult, PoolItem } from './scanWork';
import { scanItem } from './scanWork';

// The scan pool's worker thread (see scanPool.ts): a bundle of its own, dist/cli/scanWorker.js, holding the
// engine and the file reader only, so that a worker parses less than the whole scan command, and so that
// the dispatcher can start one before the scan command has even loaded (see scanPrestart.ts).

/** Results go back in runs of this many: each post costs the main thread a turn of its event loop. */
const RESULTS_PER_POST = 8;
/** A wait for the walk's next items wakes this often to look again (a missed notify costs no more). */
const WAIT_MS = 20;

parentPort?.once('message', (start: StartMessage) => work(start));

/**
 * Takes item after item (each index once, shared with the other threads) until none is left. Runs without
 * returning to the event loop: the items arrive on their own port, read synchronously.
 */
function work({ shared, items: port, maxFileSize }: StartMessage): void {
  const counters = new Int32Array(shared);
  const items: PoolItem[] = [];
  let indexes: number[] = [];
  let results: FileResult[] = [];
  const post = (done: boolean): void => {
    parentPort?.postMessage({ indexes, results, done } satisfies ResultsMessage);
    indexes = [];
    results = [];
  };
  for (;;) {
    const index = Atomics.add(counters, CLAIMED, 1);
    while (index >= items.length && !pull(port, items)) {
      const total = Atomics.load(counters, TOTAL);
      if (total >= 0 && index >= total) {
        flushCodeCaches(); // Tiny trees never see `draining` below.
        post(true);
        return;
      }
      // Not posted yet: the walk has not reached it.
      const published = Atomics.load(counters, PUBLISHED);
      if (published <= index) {
        Atomics.wait(counters, PUBLISHED, published, WAIT_MS);
      }
    }
    // Once every file is taken, results go back at once: the main thread is waiting for them.
    const draining = drained(counters);
    if (draining) {
      // The last files: the main thread may end this thread once they are in, so a cache this thread
      // missed (see scanWorkerBoot.ts) is written now, holding what the scan compiled. Only the first run
      // pays it; later calls find nothing to write.
      flushCodeCaches();
    }
    if (draining && results.length > 0) {
      post(false);
    }
    indexes.push(index);
    results.push(scanItem(items[index]!, maxFileSize));
    if (draining || results.length >= RESULTS_PER_POST) {
      post(false);
    }
  }
}

/** Every item has been taken: the walk has ended and the claims have passed its total. */
function drained(counters: Int32Array): boolean {
  const total = Atomics.load(counters, TOTAL);
  return total >= 0 && Atomics.load(counters, CLAIMED) >= total;
}

/** Appends the items posted so far; false if none had come. */
function pull(port: MessagePort, items: PoolItem[]): boolean {
  let any = false;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    for (const item of m.message as ItemsMessage) {
      items.push(item);
    }
    any = true;
  }
  return any;
}
