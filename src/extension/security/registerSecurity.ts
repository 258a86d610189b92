import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import type { KeyAccess } from '../keys/keyAccess';
import type { KeyUi } from '../keys/keyUi';
import type { Log } from '../log';
import type { LocalData } from '../records/localData';
import { registerRecords } from '../records/recordsCommands';
import { registerUsageStatus } from '../records/usageStatus';
import { respondToLeak } from './keyLeaked';
import { warnAboutWorkspaceOverrides } from './workspaceScope';

/**
 * Audit, usage, retention, purge, the leaked-key response, and the workspace-scope warning. `ui` asks the
 * confirmations (the editor's dialogs; a scripted UI under the test-only hooks). The caller owns what it returns.
 */
export function registerSecurity(
  context: vscode.ExtensionContext,
  keys: KeyAccess,
  ui: () => KeyUi,
  data: LocalData,
  log: Log,
): DisposableLike {
  const deleteAllKeys = async (): Promise<number> => {
    let removed = 0;
    for (const profile of keys.profiles().profiles) {
      try {
        removed += (await keys.vault().remove(profile)).length > 0 ? 1 : 0;
      } catch (error) {
        log.warn(`Could not remove the key of profile '${profile.name}'`, error);
      }
    }
    return removed;
  };
  const owner = DisposableStore.of(
    registerRecords({ data, log, extensionUri: context.extensionUri, context, deleteAllKeys, ui }),
    registerUsageStatus(data),
    // Arguments are ignored: a command's caller may be any extension, and none may skip the confirmation.
    vscode.commands.registerCommand('secureGpt.keyLeaked', () => respondToLeak(keys, ui(), data, log)),
    // The activation-time check, on demand (after editing a workspace's settings); returns the keys it found.
    vscode.commands.registerCommand('secureGpt.checkWorkspaceSettings', async () => {
      const found = await warnAboutWorkspaceOverrides(log);
      if (found.length === 0) {
        void vscode.window.showInformationMessage(
          "This workspace's settings do not try to set where requests or keys go.",
        );
      }
      return found;
    }),
  );
  void warnAboutWorkspaceOverrides(log);
  return owner;
}
