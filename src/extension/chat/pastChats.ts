import * as path from 'node:path';
import { PrivateJsonFile } from '../../core/fs/privateJsonFile';
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
  private readonly file: PrivateJsonFile;
  private chats: Stored[] = [];
  private readonly loaded: Promise<void>;

  constructor(dir: string | undefined, now: () => Date = () => new Date()) {
    this.file = new PrivateJsonFile(dir ? path.join(dir, 'past-chats.json') : undefined);
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
    await this.file.remove();
  }

  private async read(): Promise<void> {
    const data = (await this.file.read())?.value as { chats?: unknown } | null | undefined;
    this.chats = Array.isArray(data?.chats) ? (data.chats as Stored[]) : [];
  }

  private save(): Promise<void> {
    const snapshot = this.chats;
    return this.file.write(() => ({ version: 1, chats: snapshot }));
  }
}
