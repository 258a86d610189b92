import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ChatTurn } from '../../protocol/webview';

/** At most this many turns are kept; older ones drop off. */
const MAX_TURNS = 200;

/**
 * The chat history of one workspace, on disk in its workspace storage. It holds only what the webview
 * shows: redacted questions and answers with placeholders, never a restored value.
 */
export class ChatHistory {
  private readonly file: string | undefined;
  /** Writes run one after another, and `clear` waits for them, so a purge cannot be undone by a late save. */
  private writes: Promise<void> = Promise.resolve();

  constructor(dir: string | undefined) {
    this.file = dir ? path.join(dir, 'chat.json') : undefined;
  }

  async load(): Promise<ChatTurn[]> {
    if (!this.file) {
      return [];
    }
    try {
      const data = JSON.parse(await fs.readFile(this.file, 'utf8')) as { turns?: unknown };
      return Array.isArray(data.turns) ? (data.turns as ChatTurn[]) : [];
    } catch {
      return [];
    }
  }

  save(turns: readonly ChatTurn[]): Promise<void> {
    const next = this.writes.then(() => this.write(turns));
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async write(turns: readonly ChatTurn[]): Promise<void> {
    if (!this.file) {
      return;
    }
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const kept = turns.filter((t) => t.outcome !== 'streaming').slice(-MAX_TURNS);
    const tmp = `${this.file}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ version: 1, turns: kept }), { mode: 0o600 });
    await fs.rename(tmp, this.file);
  }

  async clear(): Promise<void> {
    await this.writes;
    if (this.file) {
      await fs.rm(this.file, { force: true });
    }
  }
}
