import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore, toDisposable } from '../../core/disposable';
import type { KeyUi } from '../keys/keyUi';
import type { Log } from '../log';
import type { LocalData } from './localData';
import { pruneOlderThan } from './retention';
import { showTable } from './tablePanel';

const DAY_MS = 86_400_000;

/** What the records commands need from elsewhere: the key vault, for "purge keys too". */
export interface RecordsDeps {
  readonly data: LocalData;
  readonly log: Log;
  readonly extensionUri: vscode.Uri;
  /** Deletes every stored key; resolves to how many were removed. */
  readonly deleteAllKeys?: () => Promise<number>;
  /** Other extension state to forget on purge (chat sessions in memory...). */
  readonly onPurge?: () => Promise<void> | void;
  readonly context: vscode.ExtensionContext;
  /** Asks the purge's confirmations: the only way to answer them (the command takes no arguments). */
  readonly ui: () => KeyUi;
}

/** Days to keep local data, 0 meaning forever. */
function retentionDays(): number {
  const days = vscode.workspace.getConfiguration('secureGpt').get<number>('retention.days', 30);
  return Number.isInteger(days) && days >= 0 ? days : 30;
}

/** Drops audit records, usage days and chat history older than the retention setting. */
export async function applyRetention(data: LocalData, log: Log): Promise<void> {
  const days = retentionDays();
  const { auditRecords, chatTurns } = await pruneOlderThan(data, days);
  if (auditRecords > 0 || chatTurns > 0) {
    log.info(
      `Retention: removed ${auditRecords} audit record(s) and ${chatTurns} chat turn(s) older than ${days} day(s).`,
    );
    data.notifyChanged();
  }
}

/** Registers Show/Verify Audit Log, Show Usage, Purge All Local Data, and the daily retention run. */
export function registerRecords(deps: RecordsDeps): DisposableLike {
  const { data, log, extensionUri } = deps;
  const retention = (): void => {
    applyRetention(data, log).catch((e: unknown) => log.error('Retention failed', e));
  };
  retention();
  const timer = setInterval(retention, DAY_MS);

  return DisposableStore.of(
    toDisposable(() => clearInterval(timer)),
    vscode.commands.registerCommand('secureGpt.showAuditLog', async () => {
      const records = await data.audit.read();
      const rows = records
        .slice()
        .reverse()
        .map((r) => [
          r.seq,
          r.time,
          r.kind,
          r.profile,
          r.endpointHost ?? '',
          r.model ?? '',
          r.outcome,
          r.usage?.total ?? '',
          Object.entries(r.redactions ?? {})
            .map(([k, n]) => `${k}×${n}`)
            .join(', '),
          (r.excluded ?? []).join(', '),
          r.payloadSha256?.slice(0, 12) ?? '',
        ]);
      showTable(
        'secureGpt.auditLog',
        'Secure GPT Audit Log',
        `Audit log (${records.length} records, newest first): ${data.audit.file}`,
        [
          '#',
          'Time',
          'Kind',
          'Profile',
          'Host',
          'Model',
          'Outcome',
          'Tokens',
          'Redacted',
          'Excluded',
          'Payload sha256',
        ],
        rows,
        extensionUri,
      );
    }),
    vscode.commands.registerCommand('secureGpt.verifyAuditLog', async () => {
      const result = await data.audit.verify();
      if (result.ok) {
        void vscode.window.showInformationMessage(
          `Audit log verified: ${result.records} record(s), chain intact.`,
        );
      } else {
        const which =
          result.seq !== undefined ? `record ${result.seq} (line ${result.line})` : `line ${result.line}`;
        log.warn(`Audit log verification failed at ${which}: ${result.reason}`);
        void vscode.window.showErrorMessage(`Audit log verification failed at ${which}: ${result.reason}.`);
      }
      return result;
    }),
    vscode.commands.registerCommand('secureGpt.showUsage', async () => {
      const rows = (await data.usage.perDay()).map((r) => [
        r.day,
        r.model,
        r.totals.requests,
        r.totals.prompt,
        r.totals.completion,
        r.totals.prompt + r.totals.completion,
        `$${r.totals.costUsd.toFixed(4)}`,
      ]);
      showTable(
        'secureGpt.usage',
        'Secure GPT Usage',
        'Usage per day and model (all profiles)',
        ['Day', 'Model', 'Requests', 'Prompt tokens', 'Completion tokens', 'Total', 'Cost (price table)'],
        rows,
        extensionUri,
      );
    }),
    // Arguments are ignored: any extension can run a command, and none may answer its confirmations.
    vscode.commands.registerCommand('secureGpt.purgeLocalData', async () => {
      const ui = deps.ui();
      const confirmed =
        (await ui.warn(
          'Purge all Secure GPT data on this machine: chat history, audit log, usage figures and cached state?',
          { modal: true },
          'Purge',
        )) === 'Purge';
      if (!confirmed) {
        return false;
      }
      const deleteKeys =
        deps.deleteAllKeys !== undefined &&
        (await ui.warn(
          'Delete the stored API keys as well?',
          { modal: true },
          'Delete Keys',
          'Keep Keys',
        )) === 'Delete Keys';
      await deps.onPurge?.();
      await data.willPurge();
      await data.audit.purge();
      await data.usage.purge();
      if (data.historyDir) {
        await fs.rm(data.historyDir, { recursive: true, force: true });
      }
      for (const key of deps.context.globalState.keys()) {
        await deps.context.globalState.update(key, undefined);
      }
      for (const key of deps.context.workspaceState.keys()) {
        await deps.context.workspaceState.update(key, undefined);
      }
      const keys = deleteKeys && deps.deleteAllKeys ? await deps.deleteAllKeys() : 0;
      data.notifyChanged();
      log.info(`Purged local data${keys ? ` and ${keys} key(s)` : ''}.`);
      void vscode.window.showInformationMessage(
        `Secure GPT local data purged${keys ? `, and ${keys} key(s) deleted` : ''}.`,
      );
      return true;
    }),
  );
}
