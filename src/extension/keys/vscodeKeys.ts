import * as vscode from 'vscode';
import { removeTopLevelProperty } from '../../core/keys/jsoncEdit';
import type { ScopedValue, SettingScope, SettingsAccess } from '../../core/keys/migration';
import type { SecretStore } from '../../core/keys/vault';
import type { KeySettings } from './keyAccess';
import type { KeyUi } from './keyUi';

// The thin layer between the key flows and the vscode API: settings, SecretStorage and the UI.

/** The key settings from user settings only: profile settings are application-scoped, so no workspace can set them. */
export function vscodeKeySettings(): KeySettings {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('secureGpt');
  return {
    profiles: () => config().inspect('profiles')?.globalValue,
    activeProfile: () => config().inspect<string>('profile')?.globalValue,
    allowEnvironmentKey: () => config().inspect<boolean>('allowEnvironmentKey')?.globalValue === true,
    setActiveProfile: async (name) => config().update('profile', name, vscode.ConfigurationTarget.Global),
    setProfiles: async (profiles) => config().update('profiles', profiles, vscode.ConfigurationTarget.Global),
  };
}

/** VS Code's SecretStorage as the vault's `SecretStore`. */
export function vscodeSecretStore(secrets: vscode.SecretStorage): SecretStore {
  return {
    get: async (name) => secrets.get(name),
    store: async (name, value) => secrets.store(name, value),
    delete: async (name) => secrets.delete(name),
  };
}

/** `vscode.window` as the key flows' UI. */
export function vscodeUi(): KeyUi {
  return {
    input: async (options) =>
      vscode.window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        password: options.password,
        ignoreFocusOut: true,
        ...(options.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}),
        ...(options.value !== undefined ? { value: options.value } : {}),
        validateInput: (value) => {
          const check = options.validate?.(value);
          if (!check) {
            return undefined;
          }
          const severity =
            check.severity === 'error'
              ? vscode.InputBoxValidationSeverity.Error
              : vscode.InputBoxValidationSeverity.Warning;
          return { message: check.message, severity };
        },
      }),
    pick: async (items, options) =>
      vscode.window.showQuickPick([...items], {
        title: options.title,
        ...(options.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}),
      }),
    info: async (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
    warn: async (message, options, ...actions) =>
      vscode.window.showWarningMessage(
        message,
        { modal: options.modal, ...(options.detail !== undefined ? { detail: options.detail } : {}) },
        ...actions,
      ),
    error: async (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
    openExternal: async (url) => vscode.env.openExternal(vscode.Uri.parse(url, true)),
  };
}

const TARGETS: Readonly<Record<SettingScope, vscode.ConfigurationTarget>> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/**
 * Settings access for the migration. Reading goes through the configuration API, which sees keys no
 * installed extension registers. Removing does too when it can; VS Code refuses to write a setting
 * nobody registers, so for another extension's key the settings.json file is edited instead.
 */
export function vscodeSettingsAccess(userSettingsFile: vscode.Uri): SettingsAccess {
  return {
    inspect: async (key) => {
      const values: ScopedValue[] = [];
      const all = vscode.workspace.getConfiguration().inspect(key);
      if (all?.globalValue !== undefined) {
        values.push({ scope: 'user', value: all.globalValue });
      }
      if (all?.workspaceValue !== undefined) {
        values.push({ scope: 'workspace', value: all.workspaceValue });
      }
      // With one folder open, its settings are the workspace settings; only multi-root folders add more.
      if (vscode.workspace.workspaceFile) {
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          const own = vscode.workspace
            .getConfiguration(undefined, folder.uri)
            .inspect(key)?.workspaceFolderValue;
          if (own !== undefined) {
            values.push({ scope: 'workspaceFolder', value: own, folder: folder.uri.toString() });
          }
        }
      }
      return Promise.resolve(values);
    },
    update: async (key, value, scope, folder) => {
      const resource = folder !== undefined ? vscode.Uri.parse(folder) : undefined;
      try {
        await vscode.workspace.getConfiguration(undefined, resource).update(key, value, TARGETS[scope]);
        return;
      } catch (error) {
        if (value !== undefined) {
          throw error;
        }
      }
      await removeFromFile(settingsFileFor(scope, resource, userSettingsFile), key);
    },
  };
}

function settingsFileFor(
  scope: SettingScope,
  folder: vscode.Uri | undefined,
  userSettingsFile: vscode.Uri,
): vscode.Uri {
  if (scope === 'user') {
    return userSettingsFile;
  }
  if (scope === 'workspace' && vscode.workspace.workspaceFile) {
    throw new Error(
      `The setting is in ${vscode.workspace.workspaceFile.fsPath}, inside its "settings" object: remove it there by hand.`,
    );
  }
  const base = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!base) {
    throw new Error('No workspace folder holds this setting.');
  }
  return vscode.Uri.joinPath(base, '.vscode', 'settings.json');
}

/** Edits `key` out of a settings file and waits until VS Code has reloaded the configuration. */
async function removeFromFile(file: vscode.Uri, key: string): Promise<void> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const edited = removeTopLevelProperty(text, key);
  if (edited === undefined) {
    throw new Error(`${file.fsPath} could not be parsed; remove "${key}" from it by hand.`);
  }
  if (edited === text) {
    throw new Error(`"${key}" is not a top-level entry of ${file.fsPath}; remove it from there by hand.`);
  }
  const reloaded = new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), 5000);
    const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(key)) {
        done();
      }
    });
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(edited));
  await reloaded;
}
