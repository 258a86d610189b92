import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import { readSettings } from '../../core/config/settings';
import { KeychainUnavailableError } from '../../core/keys/keychain';
import type { MigrationReport } from '../../core/keys/migration';
import type { Profile, ProfileRef } from '../../core/keys/profiles';
import type { KeyTestResult } from '../../core/keys/testKey';
import { testKey } from '../../core/keys/testKey';
import type { FoundKey, KeyStore } from '../../core/keys/vault';
import { allowlistPolicy } from '../../core/policy/hostAllowlist';
import type { Log } from '../log';
import { KeyAccess } from './keyAccess';
import type { SetKeyResult } from './keyFlows';
import { keyStatusText, removeApiKeyFlow, setApiKeyFlow } from './keyFlows';
import type { KeyUi } from './keyUi';
import { offerMigration } from './migrateFlow';
import { manageProfilesFlow, switchProfileFlow } from './profileFlows';
import { editorFetch } from '../network';
import { storeKeyFromFile } from './storeFromFile';
import { vscodeKeySettings, vscodeSecretStore, vscodeSettingsAccess, vscodeUi } from './vscodeKeys';

/** What the key module gives the rest of the extension (and, in a test host only, the test hooks). */
export interface KeysApi {
  /** The one owner of the key; `withApiKey` reads it at request time only. */
  readonly access: KeyAccess;
  /**
   * Reads a profile's key for one request (the `ReadKey` the chat pipeline takes): undefined when there
   * is none or the keychain is unreachable (logged), so the caller can fall back to a dry run.
   */
  readKey(profile: ProfileRef): Promise<FoundKey | undefined>;
  /** Runs the commands' flows with a scripted UI (tests); `undefined` restores `vscode.window`. */
  setUi(ui: KeyUi | undefined): void;
  /** The UI the commands ask through now: the editor's, or the scripted one a test set. */
  readonly ui: () => KeyUi;
  setApiKey(profile?: string): Promise<SetKeyResult>;
  removeApiKey(profile?: string): Promise<KeyStore[] | undefined>;
  keyStatus(profile?: string): Promise<string>;
  migrateKeys(): Promise<MigrationReport | undefined>;
  /** Settles when the activation-time look for plaintext keys in settings is done. */
  readonly activationMigration: Promise<MigrationReport | undefined>;
  /** The user settings.json the migration edits when VS Code will not (another extension's setting). */
  readonly userSettingsFile: vscode.Uri;
}

/** One `models` call with the key just set, under the endpoint allowlist. */
function testWithSettings(profile: Profile, key: string): Promise<KeyTestResult> {
  const config = vscode.workspace.getConfiguration('secureGpt');
  const { settings } = readSettings((name) => config.inspect(name)?.globalValue);
  return testKey(profile, key, {
    policy: allowlistPolicy(settings['endpoint.allowedHosts']),
    fetch: editorFetch(),
  });
}

/**
 * The key module: the vault behind `KeyAccess`, the flows the commands run and, on activation, a look for
 * plaintext keys in settings with an offer to move them. It registers nothing: see `registerKeyCommands`.
 */
export function createKeys(context: vscode.ExtensionContext, log: Log): KeysApi {
  const access = new KeyAccess({
    settings: vscodeKeySettings(),
    secrets: vscodeSecretStore(context.secrets),
    consent: context.globalState,
    host: {
      web: vscode.env.uiKind === vscode.UIKind.Web,
      remoteName: vscode.env.remoteName,
      platform: process.platform,
    },
    log,
  });
  // globalStorage is <User>/globalStorage/<extension id>; the user's settings.json sits in <User>.
  const userSettingsFile = vscode.Uri.joinPath(context.globalStorageUri, '..', '..', 'settings.json');
  const settingsAccess = vscodeSettingsAccess(userSettingsFile);
  let testUi: KeyUi | undefined;
  const ui = (): KeyUi => testUi ?? vscodeUi();

  const api: KeysApi = {
    access,
    userSettingsFile,
    async readKey(profile) {
      try {
        return await access.vault().read(profile);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) {
          log.warn(`No key for '${profile.name}': ${error.message}`);
          return undefined;
        }
        throw error;
      }
    },
    setUi: (stub) => {
      testUi = stub;
    },
    ui,
    setApiKey: (profile) =>
      setApiKeyFlow(access, ui(), { ...(profile !== undefined ? { profile } : {}), test: testWithSettings }),
    removeApiKey: (profile) => removeApiKeyFlow(access, ui(), profile),
    keyStatus: (profile) => keyStatusText(access, profile),
    migrateKeys: () => offerMigration(access, ui(), settingsAccess, true),
    activationMigration: offerMigration(access, ui(), settingsAccess, false).catch((error: unknown) => {
      log.warn('Looking for plaintext keys in settings failed', error);
      return undefined;
    }),
  };
  return api;
}

/**
 * Registers the key commands (Set/Remove API Key, Show Key Status, Switch/Manage Profiles, Store Key from
 * File, Migrate Keys); the caller owns what it returns.
 */
export function registerKeyCommands(api: KeysApi, log: Log): DisposableLike {
  const { access, ui } = api;
  /** Runs a command body; failures are shown briefly and logged, never with a key (flows hold only masks). */
  const guarded = <T, A extends unknown[] = []>(
    name: string,
    body: (...args: A) => Promise<T>,
  ): ((...args: A) => Promise<T | undefined>) => {
    return async (...args: A) => {
      try {
        return await body(...args);
      } catch (error) {
        // The log scrubs: key errors carry no key today, and must not start to.
        log.showError(`${name} failed`, error);
        return undefined;
      }
    };
  };

  return DisposableStore.of(
    vscode.commands.registerCommand(
      'secureGpt.setApiKey',
      // A string argument names the profile (the 401 notice passes the rejected one); menus pass URIs.
      guarded('Set API Key', (profile?: unknown) =>
        api.setApiKey(typeof profile === 'string' ? profile : undefined),
      ),
    ),
    vscode.commands.registerCommand(
      'secureGpt.removeApiKey',
      guarded('Remove API Key', () => api.removeApiKey()),
    ),
    vscode.commands.registerCommand(
      'secureGpt.showKeyStatus',
      guarded('Show Key Status', async () => {
        const text = await api.keyStatus();
        log.info(text);
        const action = await ui().info(text, 'Set API Key', 'Switch Profile');
        if (action === 'Set API Key') {
          await vscode.commands.executeCommand('secureGpt.setApiKey');
        } else if (action === 'Switch Profile') {
          await vscode.commands.executeCommand('secureGpt.switchProfile');
        }
        return text;
      }),
    ),
    vscode.commands.registerCommand(
      'secureGpt.switchProfile',
      guarded('Switch Profile', () => switchProfileFlow(access, ui())),
    ),
    vscode.commands.registerCommand(
      'secureGpt.manageProfiles',
      guarded('Manage Profiles', async () => {
        const outcome = await manageProfilesFlow(access, ui());
        // Adding a profile asks for (or reuses) its key itself, and offers to make it active.
        if (outcome.kind === 'edit') {
          await vscode.commands.executeCommand('workbench.action.openSettingsJson');
        }
        return outcome;
      }),
    ),
    // The language server's OpenAI quick fix; it passes where the key is, never the key.
    vscode.commands.registerCommand(
      'secureGpt.storeKeyFromFile',
      guarded('Store Key in Keychain', (args: unknown) => storeKeyFromFile(args, access, ui(), log)),
    ),
    vscode.commands.registerCommand(
      'secureGpt.migrateKeys',
      guarded('Migrate Keys', () => api.migrateKeys()),
    ),
  );
}
