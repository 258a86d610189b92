import * as path from 'node:path';
import type { ReadJson } from '../../core/fs/privateJsonFile';
import { PrivateJsonFile } from '../../core/fs/privateJsonFile';
import type { ChatTurn } from '../../protocol/webview';

/** At most this many turns are kept; older ones drop off. */
export const MAX_TURNS = 200;

/** A turn and when it was asked (epoch ms): retention ages each turn by this, not the file. */
interface Entry {
  turn: ChatTurn;
  readonly at: number;
}

interface StoredTurn extends ChatTurn {
  readonly at?: unknown;
}

/**
 * The chat history of one workspace: the turns in memory and their copy on disk in the workspace storage. It
 * holds only what the webview shows: redacted questions and answers with placeholders, never a restored value.
 * Memory and disk are one store, so retention and purge cannot leave turns behind in one of them.
 *
 * No vscode import: it is unit-tested in plain Node.
 */
export class ChatHistory {
  private readonly file: PrivateJsonFile;
  private entries: Entry[] = [];
  /**
   * The next id's number, saved beside the turns. Ids never repeat: the cap drops old turns, so counting the
   * turns would hand out an id still in use and `replace` would overwrite that turn.
   */
  private counter = 1;
  private readonly loaded: Promise<void>;

  /**
   * `readNow` reads the file before the constructor returns: the extension's entry does, so that a restored
   * chat view has its turns at once however busy the extension host is (the file is small: MAX_TURNS turns).
   */
  constructor(
    dir: string | undefined,
    private readonly now: () => number = Date.now,
    { readNow = false }: { readonly readNow?: boolean } = {},
  ) {
    this.file = new PrivateJsonFile(dir ? path.join(dir, 'chat.json') : undefined);
    if (readNow) {
      this.apply(this.file.readSync());
      this.loaded = Promise.resolve();
    } else {
      this.loaded = this.file.read().then((found) => this.apply(found));
    }
  }

  /** Resolves once the saved turns are in memory. */
  ready(): Promise<void> {
    return this.loaded;
  }

  get turns(): readonly ChatTurn[] {
    return this.entries.map((e) => e.turn);
  }

  /** An id no turn of this history has had. */
  newId(): string {
    return `t${this.counter++}`;
  }

  /** Appends a turn stamped with the current time; past the cap the oldest go, never the one just added. */
  add(turn: ChatTurn): void {
    this.entries.push({ turn, at: this.now() });
    if (this.entries.length > MAX_TURNS) {
      this.entries.splice(0, this.entries.length - MAX_TURNS);
    }
  }

  /** Replaces the turn with the same id, keeping its time; false when there is none (dropped or cleared). */
  replace(turn: ChatTurn): boolean {
    const entry = this.entries.find((e) => e.turn.id === turn.id);
    if (entry) {
      entry.turn = turn;
    }
    return entry !== undefined;
  }

  /** Writes the finished turns; a turn still streaming is written when it ends. */
  save(): Promise<void> {
    return this.file.write(() => ({
      version: 2,
      nextId: this.counter,
      turns: this.entries.filter((e) => e.turn.outcome !== 'streaming').map((e) => ({ ...e.turn, at: e.at })),
    }));
  }

  /**
   * Drops the turns asked before `cutoff`, from memory and from disk; resolves to how many went. A session that
   * stays open past the cutoff would otherwise write them back with its next answer.
   */
  async expire(cutoff: Date): Promise<number> {
    await this.loaded;
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.at >= cutoff.getTime());
    const removed = before - this.entries.length;
    if (removed > 0) {
      await this.save();
    }
    return removed;
  }

  /** Forgets every turn, in memory and on disk. Ids still do not repeat, for views that saw the old ones. */
  async clear(): Promise<void> {
    this.entries = [];
    await this.file.remove();
  }

  private apply(found: ReadJson | undefined): void {
    if (found === undefined || typeof found.value !== 'object' || found.value === null) {
      return;
    }
    const { written } = found;
    const data = found.value as { turns?: unknown; nextId?: unknown };
    const stored = Array.isArray(data.turns) ? (data.turns as StoredTurn[]) : [];
    // A version 1 file has no times: its turns count as written when the file was, as retention used to age them.
    const loaded = stored.map(({ at, ...turn }) => ({
      turn,
      at: typeof at === 'number' && Number.isFinite(at) ? at : written,
    }));
    // Turns added while the file was read (there should be none: callers await `ready`) stay after it.
    this.entries = [...loaded, ...this.entries].slice(-MAX_TURNS);
    // Past every id on disk too, so a version 1 file (no counter) cannot lead to a repeat either.
    const highest = Math.max(0, ...stored.map((t) => Number(/^t(\d+)$/.exec(String(t.id))?.[1] ?? 0)));
    const saved = typeof data.nextId === 'number' && Number.isSafeInteger(data.nextId) ? data.nextId : 1;
    this.counter = Math.max(this.counter, saved, highest + 1);
  }
}
