import * as vscode from 'vscode';
import { findKeyInFiles, findKeyInGitHistory } from '../../core/incident/findKey';
import type { FileHit, HistoryHit } from '../../core/incident/findKey';
import type { Profile } from '../../core/keys/profiles';
import type { KeyAccess } from '../keys/keyAccess';
import type { KeyUi } from '../keys/keyUi';
import type { Log } from '../log';
import type { LocalData } from '../records/localData';

/** Where the owner of each kind of profile revokes a key. */
export function keyManagementUrl(profile: Profile): string | undefined {
  switch (profile.kind) {
    case 'openai':
      return 'https://platform.openai.com/api-keys';
    case 'azure':
      return 'https://portal.azure.com/#browse/Microsoft.CognitiveServices%2Faccounts';
    default:
      return undefined;
  }
}

/** What the incident response found and did; holds no part of the key. */
export interface LeakReport {
  readonly profile: string;
  readonly removedFrom: readonly string[];
  readonly files: readonly (FileHit & { folder: string })[];
  readonly history: readonly (HistoryHit & { folder: string })[];
  readonly historyTruncated: boolean;
  readonly opened: string | undefined;
}

/**
 * "I think my key leaked": removes the key from every store, searches the workspace and its git history
 * for it (in-process), lists where it was found, opens the provider's key page, and writes an audit record.
 * It takes no options: removing the keys is confirmed through `ui` every time, whoever runs the command.
 */
export async function respondToLeak(
  keys: KeyAccess,
  ui: KeyUi,
  data: LocalData,
  log: Log,
): Promise<LeakReport | undefined> {
  const profile = keys.activeProfile();
  const found = await keys.vault().read(profile);
  if (!found) {
    void vscode.window.showInformationMessage(`No key is stored for profile '${profile.name}'.`);
    return undefined;
  }
  const confirmed =
    (await ui.warn(
      `Respond to a leaked key for profile '${profile.name}': remove it from this machine, search the workspace and its git history for it, and open the provider's page to revoke it?`,
      { modal: true },
      'Remove and Search',
    )) === 'Remove and Search';
  if (!confirmed) {
    return undefined;
  }
  let key: string | undefined = found.key;
  const removedFrom = found.source === 'env' ? [] : await keys.vault().remove(profile);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Searching for the leaked key',
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort(new Error('Search cancelled.')));
      try {
        const files: (FileHit & { folder: string })[] = [];
        const history: (HistoryHit & { folder: string })[] = [];
        let truncated = false;
        for (const folder of folders.filter((f) => f.uri.scheme === 'file')) {
          progress.report({ message: `${folder.name}: files` });
          for (const hit of findKeyInFiles(folder.uri.fsPath, key ?? '', { signal: controller.signal })) {
            files.push({ ...hit, folder: folder.name });
          }
          progress.report({ message: `${folder.name}: git history` });
          const result = await findKeyInGitHistory(folder.uri.fsPath, key ?? '', {
            signal: controller.signal,
            onProgress: (n) => progress.report({ message: `${folder.name}: ${n} commits read` }),
          });
          truncated ||= result.truncated;
          history.push(...result.hits.map((h) => ({ ...h, folder: folder.name })));
        }
        return { files, history, truncated };
      } finally {
        cancelled.dispose();
      }
    },
  );
  key = undefined;
  const url = keyManagementUrl(profile);
  const opened = url && (await ui.openExternal(url)) ? url : undefined;
  const detail =
    `removed from ${removedFrom.join(', ') || 'nowhere (it came from the environment: unset it there)'}; ` +
    `found in ${report.files.length} file line(s) and ${report.history.length} commit change(s)` +
    (report.truncated ? ' (history search bounded)' : '');
  await data.record({
    time: new Date().toISOString(),
    kind: 'key-leak-response',
    profile: profile.name,
    outcome: 'done',
    detail,
  });
  for (const hit of report.files) {
    log.warn(`Leaked key found: ${hit.folder}/${hit.file}:${hit.line}`);
  }
  for (const hit of report.history) {
    log.warn(`Leaked key in git history: ${hit.folder} commit ${hit.commit} ${hit.file} (${hit.change})`);
  }
  void vscode.window
    .showWarningMessage(
      `Key for '${profile.name}' ${detail}. ${url ? 'Revoke it on the provider page and create a new one.' : 'Revoke it where it was issued.'}`,
      'Show Log',
    )
    .then((choice) => (choice ? log.show() : undefined));
  return {
    profile: profile.name,
    removedFrom,
    files: report.files,
    history: report.history,
    historyTruncated: report.truncated,
    opened,
  };
}
