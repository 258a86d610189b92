import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ChatTurn, PastChat } from '../../protocol/webview';

/** At most this many earlier conversations are kept per workspace; older ones drop off. */
const MAX_CHATS = 30;

interface Stored extends PastChat {
  readonly turnList: readonly ChatTurn[];
}

/** The title of a conversation in the list: its first question, on one line and short. */
export function chatTitle(turns: readonly ChatTurn[]): string {
  const first = turns[0]?.question.replace(/\s+/g, ' ').trim() ?? '';
  if (first.length === 0) {
    return 'Untitled chat';
  }
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/**
 * Earlier conversations of one workspace, kept beside the current one in workspace storage. Like the
 * history, they hold only what the webview showed (redacted); their placeholder values were in memory
 * only and are gone, which is why they open read-only.
 */
export class PastChats {
  private readonly file: string | undefined;
  private chats: Stored[] = [];
  private readonly loaded: Promise<void>;
  private writes: Promise<void> = Promise.resolve();

  constructor(dir: string | undefined, now: () => Date = () => new Date()) {
    this.file = dir ? path.join(dir, 'past-chats.json') : undefined;
    this.now = now;
    this.loaded = this.read();
  }

  private readonly now: () => Date;

  /** The list, newest first, without the turns. */
  async list(): Promise<PastChat[]> {
    await this.loaded;
    return this.chats.map(({ id, title, turns, ended }) => ({ id, title, turns, ended }));
  }

  /** The turns of one earlier conversation, or undefined when there is none with `id`. */
  async get(id: string): Promise<{ chat: PastChat; turns: readonly ChatTurn[] } | undefined> {
    await this.loaded;
    const found = this.chats.find((c) => c.id === id);
    return found
      ? {
          chat: { id: found.id, title: found.title, turns: found.turns, ended: found.ended },
          turns: found.turnList,
        }
      : undefined;
  }

  /** Puts a finished conversation away; an empty one is not kept. */
  async add(turns: readonly ChatTurn[]): Promise<void> {
    await this.loaded;
    const kept = turns.filter((t) => t.outcome !== 'streaming');
    if (kept.length === 0) {
      return;
    }
    const ended = this.now();
    const id = `c${ended.getTime().toString(36)}${this.chats.length.toString(36)}`;
    this.chats = [
      { id, title: chatTitle(kept), turns: kept.length, ended: ended.toISOString(), turnList: kept },
      ...this.chats,
    ].slice(0, MAX_CHATS);
    await this.save();
  }

  /** Forgets every earlier conversation (Clear History, Purge). */
  async clear(): Promise<void> {
    await this.loaded;
    this.chats = [];
    await this.writes;
    if (this.file) {
      await fs.rm(this.file, { force: true });
    }
  }

  private async read(): Promise<void> {
    if (!this.file) {
      return;
    }
    try {
      const data = JSON.parse(await fs.readFile(this.file, 'utf8')) as { chats?: unknown };
      this.chats = Array.isArray(data.chats) ? (data.chats as Stored[]) : [];
    } catch {
      this.chats = [];
    }
  }

  private save(): Promise<void> {
    const file = this.file;
    const snapshot = this.chats;
    const next = this.writes.then(async () => {
      if (!file) {
        return;
      }
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.tmp`;
      await fs.writeFile(tmp, JSON.stringify({ version: 1, chats: snapshot }), { mode: 0o600 });
      await fs.rename(tmp, file);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }
}
