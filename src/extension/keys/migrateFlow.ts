import type { MigrationReport, PlaintextKey, SettingsAccess } from '../../core/keys/migration';
import { findPlaintextKeys, migratePlaintextKeys } from '../../core/keys/migration';
import type { ProfileRef } from '../../core/keys/profiles';
import { DEFAULT_PROFILE_NAME } from '../../core/keys/profiles';
import { storeLabel } from '../../core/keys/vault';
import type { KeyAccess } from './keyAccess';
import { chooseKeyStore } from './keyFlows';
import type { KeyUi } from './keyUi';

/** The button that moves plaintext keys out of settings. */
export const MOVE_TO_KEYCHAIN = 'Move to keychain';

const SCOPE_LABEL = {
  user: 'User settings',
  workspace: 'Workspace settings',
  workspaceFolder: 'Folder settings',
} as const;

function describe(item: PlaintextKey): string {
  const entry = item.profileName !== undefined ? ` (profile '${item.profileName}')` : '';
  return `${item.setting}${entry} in ${SCOPE_LABEL[item.scope]} (${item.masked}, used by ${item.usedBy})`;
}

/** The profile a migrated key of `kind` belongs to: the active one if it matches, else the first of that kind. */
function profileFor(access: KeyAccess, kind: 'openai' | 'azure'): ProfileRef | undefined {
  const active = access.activeProfile();
  if (active.kind === kind) {
    return active;
  }
  const first = access.profiles().profiles.find((p) => p.kind === kind);
  return first ?? (kind === 'openai' ? { name: DEFAULT_PROFILE_NAME, kind } : undefined);
}

/**
 * Looks for plaintext keys in settings and offers "Move to keychain". On activation (`interactive`
 * false) it says nothing when there are none; from the command it says so. Resolves to the report, or
 * undefined when nothing was moved.
 */
export async function offerMigration(
  access: KeyAccess,
  ui: KeyUi,
  settings: SettingsAccess,
  interactive: boolean,
): Promise<MigrationReport | undefined> {
  const found = await findPlaintextKeys(settings);
  if (found.length === 0) {
    if (interactive) {
      void ui.info('No plaintext API keys found in user or workspace settings.');
    }
    return undefined;
  }
  access.log.warn(`Plaintext API key(s) in settings: ${found.map(describe).join('; ')}`);
  const answer = await ui.warn(
    found.length === 1
      ? `An API key is stored in plaintext in ${describe(found[0]!)}. Move it to the OS keychain and remove the setting?`
      : `${found.length} API keys are stored in plaintext in settings: ${found.map(describe).join('; ')}. Move them to the OS keychain and remove the settings?`,
    { modal: false },
    MOVE_TO_KEYCHAIN,
    'Not now',
  );
  if (answer !== MOVE_TO_KEYCHAIN) {
    return undefined;
  }
  const store = await chooseKeyStore(access, ui);
  if (!store) {
    return undefined;
  }
  const report = await migratePlaintextKeys(found, settings, {
    vault: access.vault(),
    store,
    profileFor: (kind) => profileFor(access, kind),
  });
  const profiles = [...new Set(report.moved.map((m) => `'${m.profile}'`))].join(', ');
  if (report.moved.length > 0) {
    const message = `Moved ${report.moved.length} plaintext key setting${report.moved.length === 1 ? '' : 's'} to ${storeLabel(store)} (profile ${profiles}) and removed ${report.moved.length === 1 ? 'it' : 'them'} from settings.`;
    access.log.info(message);
    void ui.info(message);
  }
  for (const { item, reason } of report.skipped) {
    access.log.warn(`Not moved: ${describe(item)}: ${reason}`);
    void ui.warn(`Not moved: ${describe(item)}: ${reason}`, { modal: false });
  }
  return report;
}
