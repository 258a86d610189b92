import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/** How long to wait for another process's lock, and when a lock no process can still hold is stale. */
export interface LockOptions {
  readonly timeoutMs?: number;
  readonly staleMs?: number;
}

/** The lock stayed taken past the wait. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/**
 * Runs `run` while holding `lockFile`, made with O_EXCL so that only one process holds it. The audit log
 * has two writers when the editor starts the gateway (the extension host and the `secure-gpt proxy`
 * child), and two unlocked appends would both take the same head and fork the chain. A lock left by a
 * process that died is taken over once older than `staleMs` (an append holds it for milliseconds).
 */
export async function withFileLock<T>(
  lockFile: string,
  run: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      // Empty: its age is all a waiter needs. Two system calls, on the way of every audit record.
      await (await fs.open(lockFile, 'wx', 0o600)).close();
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // The directory is made here, on first use, rather than checked before every record.
        if (Date.now() > deadline) {
          throw error;
        }
        await fs.mkdir(dirname(lockFile), { recursive: true, mode: 0o700 });
        continue;
      }
      if (code !== 'EEXIST') {
        throw error;
      }
    }
    const age = await fs.stat(lockFile).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0, // just released: try again at once
    );
    if (age > staleMs) {
      await fs.rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`${lockFile} is held by another process`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  try {
    return await run();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
