import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './scanPool';
import { scanItem } from './scanWork';

// The scan pool's worker thread (see scanPool.ts): a bundle of its own, dist/cli/scanWorker.js, holding the
// engine and the file reader only, so that a worker parses less than the whole scan command, and so that
// the dispatcher can start one before the scan command has even loaded (see scanPrestart.ts).
parentPort?.on('message', ({ batch, maxFileSize }: ToWorker) => {
  const results = batch.items.map((item) => scanItem(item, maxFileSize));
  parentPort?.postMessage({ first: batch.first, results } satisfies FromWorker);
});
