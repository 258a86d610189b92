import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../../core/disposable';
import { AuditLog } from '../../core/audit/auditLog';
import type { AuditEntry, AuditRecord } from '../../core/audit/auditRecord';
import { defaultPrices } from '../../core/limits/prices';
import type { ModelPrice } from '../../core/limits/prices';
import { UsageStore } from '../../core/limits/usage';
import { ChatHistory } from '../chat/history';
import type { Log } from '../log';

/**
 * Everything the extension keeps on disk besides the key: the audit log and usage figures (global
 * storage), and the chat history of this workspace (workspace storage). Retention and purge go through here.
 */
export class LocalData extends Disposable {
  readonly audit: AuditLog;
  readonly usage: UsageStore;
  /** Directory of this workspace's chat history, or undefined with no folder open. */
  readonly historyDir: string | undefined;
  /** This workspace's chat turns, in memory and on disk: the chat adds to it, retention and purge prune it. */
  readonly history: ChatHistory;
  private readonly state: { readonly global: vscode.Memento; readonly workspace: vscode.Memento };
  private readonly purgeListeners = new Set<() => Promise<void> | void>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after a record or usage is added, or data is purged. */
  readonly onDidChange = this.changed.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: Log,
    prices: () => Readonly<Record<string, ModelPrice>> = () => defaultPrices,
  ) {
    super();
    this.state = { global: context.globalState, workspace: context.workspaceState };
    const global = context.globalStorageUri.fsPath;
    this.audit = new AuditLog(path.join(global, 'audit'));
    this.usage = new UsageStore(path.join(global, 'usage'), prices);
    this.historyDir = context.storageUri ? path.join(context.storageUri.fsPath, 'history') : undefined;
    this.history = new ChatHistory(this.historyDir, Date.now, { readNow: true });
  }

  /** Appends an audit record and mirrors a one-line summary to the log at info level. */
  async record(entry: AuditEntry): Promise<AuditRecord> {
    const record = await this.audit.append(entry);
    this.log.info(`audit #${record.seq}: ${summarize(record)}`);
    this.changed.fire();
    return record;
  }

  /** Mirrors a record another writer appended (the chat pipeline's) to the log, like `record` does. */
  appended(entry: AuditEntry): void {
    this.log.info(`audit: ${summarize(entry)}`);
    this.changed.fire();
  }

  /**
   * What the extension keeps in VS Code's state stores, as JSON. In a web host those live in the browser, not
   * in a file, so leak checks read them here.
   */
  stateSnapshot(): string {
    const dump = (memento: vscode.Memento): Record<string, unknown> =>
      Object.fromEntries(memento.keys().map((key) => [key, memento.get(key)]));
    return JSON.stringify({ global: dump(this.state.global), workspace: dump(this.state.workspace) });
  }

  /**
   * Registers what else must forget the data when the user purges it: the chat keeps its turns and
   * conversation in memory and would write them back with the next request.
   */
  onWillPurge(listener: () => Promise<void> | void): vscode.Disposable {
    this.purgeListeners.add(listener);
    return new vscode.Disposable(() => this.purgeListeners.delete(listener));
  }

  /** Runs the purge listeners; the purge command awaits it before it deletes the files. */
  async willPurge(): Promise<void> {
    for (const listener of [...this.purgeListeners]) {
      await listener();
    }
  }

  notifyChanged(): void {
    this.changed.fire();
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
