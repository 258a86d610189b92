import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** What `read` found: the parsed value and when the file was last written (epoch ms). */
export interface ReadJson {
  readonly value: unknown;
  readonly written: number;
}

/**
 * One JSON file only its owner may read (0600 in a 0700 folder), written whole through a temporary
 * file so a crash leaves the old copy or the new one, never half of each. Writes run one after
 * another, and `remove` waits for them, so a purge cannot be undone by a late save. Without a path
 * (no storage for this window) every call does nothing.
 */
export class PrivateJsonFile {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly file: string | undefined) {}

  /** The parsed content, or undefined when there is no file or it is not JSON. */
  async read(): Promise<ReadJson | undefined> {
    if (!this.file) {
      return undefined;
    }
    try {
      const text = await fs.readFile(this.file, 'utf8');
      const written = (await fs.stat(this.file)).mtimeMs;
      return { value: JSON.parse(text) as unknown, written };
    } catch {
      return undefined;
    }
  }

  /**
   * `read`, synchronously: for a small file wanted at once, whose asynchronous read would wait its turn in a
   * busy process (the thread pool, an event loop held by a large `require`).
   */
  readSync(): ReadJson | undefined {
    if (!this.file) {
      return undefined;
    }
    try {
      const text = readFileSync(this.file, 'utf8');
      const written = statSync(this.file).mtimeMs;
      return { value: JSON.parse(text) as unknown, written };
    } catch {
      return undefined;
    }
  }

  /** Queues a write of `make()`, called when the write's turn comes, so it sees the latest state. */
  write(make: () => unknown): Promise<void> {
    const file = this.file;
    const next = this.writes.then(async () => {
      if (!file) {
        return;
      }
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(make()), { mode: 0o600 });
      await fs.rename(tmp, file);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Deletes the file once every queued write has run. */
  async remove(): Promise<void> {
    await this.writes;
    if (this.file) {
      await fs.rm(this.file, { force: true });
    }
  }
}
