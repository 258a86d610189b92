import * as path from 'node:path';
import * as vscode from 'vscode';
import { AuditLog } from '../../core/audit/auditLog';
import type { AuditEntry, AuditRecord } from '../../core/audit/auditRecord';
import { defaultPrices } from '../../core/limits/prices';
import type { ModelPrice } from '../../core/limits/prices';
import { UsageStore } from '../../core/limits/usage';
import type { Log } from '../log';

/**
 * Everything the extension keeps on disk besides the key: the audit log and usage figures (global
 * storage), and the chat history of this workspace (workspace storage). Retention and purge go through here.
 */
export class LocalData {
  readonly audit: AuditLog;
  readonly usage: UsageStore;
  /** Directory of this workspace's chat history, or undefined with no folder open. */
  readonly historyDir: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a record or usage is added, or data is purged. */
  readonly onDidChange = this.changed.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: Log,
    prices: () => Readonly<Record<string, ModelPrice>> = () => defaultPrices,
  ) {
    const global = context.globalStorageUri.fsPath;
    this.audit = new AuditLog(path.join(global, 'audit'));
    this.usage = new UsageStore(path.join(global, 'usage'), prices);
    this.historyDir = context.storageUri ? path.join(context.storageUri.fsPath, 'history') : undefined;
  }

  /** Appends an audit record and mirrors a one-line summary to the log at info level. */
  async record(entry: AuditEntry): Promise<AuditRecord> {
    const record = await this.audit.append(entry);
    this.log.info(`audit #${record.seq}: ${summarize(record)}`);
    this.changed.fire();
    return record;
  }

  /** Adds usage after a request. */
  async addUsage(profile: string, model: string, prompt: number, completion: number): Promise<void> {
    await this.usage.record(profile, model, prompt, completion);
    this.changed.fire();
  }

  notifyChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** One line per record for the log: what, where, how much; never values. */
export function summarize(r: AuditEntry): string {
  const redacted = Object.entries(r.redactions ?? {})
    .map(([rule, n]) => `${rule}×${n}`)
    .join(', ');
  return [
    r.kind,
    r.outcome,
    r.profile,
    r.endpointHost,
    r.model,
    r.usage ? `${r.usage.total} tokens` : undefined,
    redacted ? `redacted ${redacted}` : undefined,
    r.excluded?.length ? `excluded ${r.excluded.length} file(s)` : undefined,
  ]
    .filter((x) => x !== undefined && x !== '')
    .join(' · ');
}
