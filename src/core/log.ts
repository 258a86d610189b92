/** The logger core and server code is handed; they never write to the console themselves. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /**
   * Names a value this log must never print (the API key read for a request), so that even a key of no
   * provider's shape, echoed in an error or a server line, is masked. A logger that prints nothing ignores it.
   */
  mask?(value: string, label: string): void;
}

/** A logger that drops everything, for callers that have nowhere to log. */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * An error as one line for a log: its message's first line, never its stack or `cause` (an SDK error's stack and
 * cause can carry request bodies). Scrubbing is the logger's job, not this function's.
 */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}

/** `message: error` for a log line, or `message` alone when there is no error. */
export function withError(message: string, error?: unknown): string {
  return error === undefined ? message : `${message}: ${describeError(error)}`;
}
