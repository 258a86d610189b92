import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AuditEntry, AuditRecord } from './auditRecord';
import { GENESIS_HASH, recordHash, sealRecord } from './auditRecord';
import { withFileLock } from './fileLock';

/** The outcome of `verify`: ok, or the first record (1-based line) that breaks the chain and why. */
export type VerifyResult =
  | { readonly ok: true; readonly records: number }
  | { readonly ok: false; readonly line: number; readonly seq?: number; readonly reason: string };

/**
 * A tamper-evident JSONL audit log. Each record holds the hash of the previous one; a head file keeps the
 * last seq and hash so that a removed tail is caught too. Appends are serialised within the process, and
 * across processes by a lock file beside the log (the editor and the gateway it starts share one log).
 */
export class AuditLog {
  readonly file: string;
  private readonly headFile: string;
  private readonly lockFile: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'audit.jsonl');
    this.headFile = path.join(dir, 'audit.head.json');
    this.lockFile = path.join(dir, 'audit.lock');
  }

  /** Appends `entry` and resolves to the sealed record. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    const next = this.queue.then(() =>
      this.locked(async () => {
        const head = (await this.readHead()) ?? (await this.tailOfLog());
        const record = sealRecord(entry, head.seq + 1, head.hash);
        await fs.appendFile(this.file, JSON.stringify(record) + '\n', { mode: 0o600 });
        await this.writeHead(record.seq, record.hash);
        return record;
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every record, oldest first; an absent log is empty. Malformed lines are skipped (verify reports them). */
  async read(): Promise<AuditRecord[]> {
    const lines = await this.lines();
    const out: AuditRecord[] = [];
    for (const line of lines) {
      try {
        out.push(JSON.parse(line) as AuditRecord);
      } catch {
        // verify() names the line
      }
    }
    return out;
  }

  /** Checks every hash, every link and the head: finds an edited, removed or reordered record. */
  async verify(): Promise<VerifyResult> {
    // An append (this process's or the gateway's) writes its line, then the head: read between the two, a
    // sound log would end one record past its head. A log that exists is read under the writers' lock.
    const snapshot = async (): Promise<{
      lines: string[];
      head: { seq: number; hash: string } | undefined;
    }> => ({
      lines: await this.lines(),
      head: await this.readHead(),
    });
    let { lines, head } = await snapshot();
    if (lines.length > 0 || head) {
      ({ lines, head } = await this.locked(snapshot));
    }
    if (!head && lines.length > 0) {
      return {
        ok: false,
        line: lines.length,
        reason: 'the head file is missing (the log cannot be checked for a removed tail)',
      };
    }
    let prevHash: string | undefined;
    let prevSeq: number | undefined;
    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      let record: AuditRecord;
      try {
        record = JSON.parse(lines[i]!) as AuditRecord;
      } catch {
        return { ok: false, line: lineNo, reason: 'not valid JSON' };
      }
      const { hash, ...unsealed } = record;
      if (recordHash(unsealed) !== hash) {
        return {
          ok: false,
          line: lineNo,
          seq: record.seq,
          reason: 'its content does not match its hash (edited)',
        };
      }
      if (prevHash === undefined) {
        // The first kept record: the chain starts at genesis, or at a retention checkpoint.
        if (record.prevHash !== GENESIS_HASH && record.kind !== 'retention') {
          return {
            ok: false,
            line: lineNo,
            seq: record.seq,
            reason: 'the first record does not start the chain (records removed before it)',
          };
        }
      } else if (record.prevHash !== prevHash || record.seq !== (prevSeq ?? 0) + 1) {
        return {
          ok: false,
          line: lineNo,
          seq: record.seq,
          reason: 'it does not follow the record before it (removed or reordered)',
        };
      }
      prevHash = hash;
      prevSeq = record.seq;
    }
    if (head && ((prevSeq ?? 0) !== head.seq || (prevHash ?? GENESIS_HASH) !== head.hash)) {
      return {
        ok: false,
        line: lines.length + 1,
        reason: `the log ends at record ${prevSeq ?? 0} but its head says ${head.seq} (records removed at the end)`,
      };
    }
    return { ok: true, records: lines.length };
  }

  /**
   * Drops records older than `cutoff` and starts the file with a retention checkpoint that carries the
   * chain on, so the log still verifies. Resolves to how many records were removed.
   */
  prune(cutoff: Date, profile = 'local'): Promise<number> {
    const next = this.queue.then(() => this.locked(() => this.pruneNow(cutoff, profile)));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async pruneNow(cutoff: Date, profile: string): Promise<number> {
    const records = await this.read();
    const keepFrom = records.findIndex((r) => new Date(r.time) >= cutoff);
    const removed = keepFrom === -1 ? records.length : keepFrom;
    if (removed === 0) {
      return 0;
    }
    const kept = records.slice(removed);
    const last = records[removed - 1]!;
    const checkpoint = sealRecord(
      {
        time: new Date().toISOString(),
        kind: 'retention',
        profile,
        outcome: 'pruned',
        detail: `${removed} record(s) older than ${cutoff.toISOString()} removed`,
      },
      last.seq + 1,
      last.hash,
    );
    let prev = checkpoint;
    const rechained: AuditRecord[] = [checkpoint];
    for (const r of kept) {
      const { hash: _h, seq: _s, prevHash: _p, ...entry } = r;
      prev = sealRecord(entry, prev.seq + 1, prev.hash);
      rechained.push(prev);
    }
    const tmp = `${this.file}.tmp`;
    await fs.writeFile(tmp, rechained.map((r) => JSON.stringify(r)).join('\n') + '\n', { mode: 0o600 });
    await fs.rename(tmp, this.file);
    await this.writeHead(prev.seq, prev.hash);
    return removed;
  }

  /** Deletes the log and its head. */
  async purge(): Promise<void> {
    await this.queue;
    if (!(await fs.stat(this.dir).catch(() => undefined))) {
      return;
    }
    await this.locked(async () => {
      await fs.rm(this.file, { force: true });
      await fs.rm(this.headFile, { force: true });
    });
  }

  /** `run` under the cross-process lock (which makes the directory when it is missing). */
  private locked<T>(run: () => Promise<T>): Promise<T> {
    return withFileLock(this.lockFile, run);
  }

  private async lines(): Promise<string[]> {
    try {
      return (await fs.readFile(this.file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return [];
      }
      throw error;
    }
  }

  /** Where an append continues when the head file is gone: after the last readable record. */
  private async tailOfLog(): Promise<{ seq: number; hash: string }> {
    const records = await this.read();
    const last = records[records.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  private async readHead(): Promise<{ seq: number; hash: string } | undefined> {
    try {
      const head = JSON.parse(await fs.readFile(this.headFile, 'utf8')) as { seq?: unknown; hash?: unknown };
      if (typeof head.seq === 'number' && typeof head.hash === 'string') {
        return { seq: head.seq, hash: head.hash };
      }
    } catch {
      // no head yet
    }
    return undefined;
  }

  private async writeHead(seq: number, hash: string): Promise<void> {
    await fs.writeFile(this.headFile, JSON.stringify({ seq, hash }) + '\n', { mode: 0o600 });
  }
}
