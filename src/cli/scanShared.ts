import type { FileResult, PoolItem } from './scanWork';
import type { MessagePort } from 'node:worker_threads';

/**
 * The scan pool's shared state (see scanPool.ts): three counters in a SharedArrayBuffer that every thread
 * reads and updates atomically, so that a thread takes its next item itself, the moment it is free,
 * without asking the main thread, which may be busy scanning a file of its own.
 */
export const CLAIMED = 0;
/** How many items the main thread has posted to the workers so far. */
export const PUBLISHED = 1;
/** How many items there are in all, once the walk has ended; -1 until then. */
export const TOTAL = 2;
export const SHARED_COUNTERS = 3;

/** The main thread's first message to a worker. */
export interface StartMessage {
  readonly shared: SharedArrayBuffer;
  /** Where the items come, in the walk's order, each message a run of them. */
  readonly items: MessagePort;
  readonly maxFileSize: number;
}

/** A worker's results, by item index; `done` once it has found no item left to take. */
export interface ResultsMessage {
  readonly indexes: readonly number[];
  readonly results: readonly FileResult[];
  readonly done: boolean;
}

/** A run of items as posted on the `items` port: the next `items.length` of them, in order. */
export type ItemsMessage = readonly PoolItem[];
