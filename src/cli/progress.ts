import { formatBytes } from './args';

/** A one-line progress display on stderr, redrawn in place. */
export interface Progress {
  /** Reports the running totals; redraws at most every `intervalMs`. */
  update(files: number, bytes: number): void;
  /** Erases the line so the report that follows starts clean. */
  done(): void;
}

/** The progress line shown only when stderr is a terminal: in a log or a pipe it would be noise. */
export function createProgress(
  stderr: NodeJS.WritableStream,
  isTty: boolean,
  intervalMs = 100,
  now: () => number = Date.now,
): Progress {
  if (!isTty) {
    return { update: () => undefined, done: () => undefined };
  }
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(files, bytes) {
      const t = now();
      if (t - last < intervalMs) {
        return;
      }
      last = t;
      drawn = true;
      // \r returns to the line start and ESC[K clears what a longer previous line left behind.
      stderr.write(`\rscanning: ${files} files, ${formatBytes(bytes)}\x1b[K`);
    },
    done() {
      if (drawn) {
        stderr.write('\r\x1b[K');
        drawn = false;
      }
    },
  };
}
