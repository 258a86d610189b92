import type { KeychainUnavailableError } from '../../core/keys/keychain';
import { keychainRemedy } from '../../core/keys/keychain';
import { checkKeyFormat, maskKey, normalizeKeyInput } from '../../core/keys/keyFormat';
import type { Profile } from '../../core/keys/profiles';
import { describeProfile, envVarFor, keyRequirement } from '../../core/keys/profiles';
import type { KeyTestResult } from '../../core/keys/testKey';
import type { KeyStore } from '../../core/keys/vault';
import { chooseStore, storeLabel } from '../../core/keys/vault';
import type { HostInfo, KeyAccess } from './keyAccess';
import type { KeyUi } from './keyUi';

// The flows behind the key commands, free of `vscode` at runtime so unit tests drive them with a scripted UI.

/** Button that accepts SecretStorage while the keychain is unavailable. */
export const USE_SECRET_STORAGE = 'Use VS Code SecretStorage';
/** Button that shows how to get the keychain working. */
export const HOW_TO_FIX = 'How to fix the keychain';
/** Button offered after a key is saved. */
export const TEST_KEY = 'Test Key';

/** Where VS Code's SecretStorage keeps a secret on this host, and how safe that is, in plain words. */
export function secretStorageDescription(host: HostInfo): string {
  if (host.web) {
    return (
      'In this browser-based VS Code, SecretStorage is kept by the workbench in this browser: encrypted in ' +
      "the site's local storage with a key the server provides (code-server). Anyone who can use this browser " +
      'profile and reach this server can read it, and a server that provides no key keeps it only until the ' +
      'page reloads. Safer than a settings file; less safe than an OS keychain.'
    );
  }
  const where = host.remoteName ? ` (on your local machine, not on the ${host.remoteName} remote)` : '';
  return (
    `SecretStorage keeps the key in VS Code's own state database${where}, encrypted with Electron safeStorage. ` +
    'On macOS and Windows that encryption is backed by the Keychain / DPAPI. On Linux it needs a Secret Service ' +
    'or KWallet; without one VS Code falls back to a weak built-in password, so any program running as you ' +
    'could read it. Safer than a settings file; less safe than an OS keychain.'
  );
}

/** What to do about an unavailable keychain, including the environment-variable route. */
export function extensionRemedy(problem: KeychainUnavailableError, host: HostInfo): string {
  return keychainRemedy(
    problem.problem,
    host.platform,
    'Or set OPENAI_API_KEY (AZURE_OPENAI_API_KEY for Azure) in the environment VS Code starts from and enable ' +
      'the secureGpt.allowEnvironmentKey setting.',
  );
}

/**
 * Where a new key goes: the keychain when it answers; otherwise, after saying so plainly, SecretStorage
 * if the user agrees (once; the answer is remembered). Undefined when there is nowhere to put it.
 */
export async function chooseKeyStore(access: KeyAccess, ui: KeyUi): Promise<KeyStore | undefined> {
  const problem = await access.keychain.probe();
  const choice = chooseStore(problem, { available: true, consented: access.secretStorageConsented() });
  if (choice.kind === 'store') {
    if (choice.store === 'secret-storage') {
      access.log.warn(
        `OS keychain unavailable (${problem?.message ?? ''}); using VS Code SecretStorage as agreed.`,
      );
    }
    return choice.store;
  }
  const answer = await ui.warn(
    `The OS keychain is not available: ${choice.problem.message}`,
    {
      modal: true,
      detail: `${secretStorageDescription(access.host)}\n\nThe key is never written to settings or to any plain file.`,
    },
    USE_SECRET_STORAGE,
    HOW_TO_FIX,
  );
  if (answer === USE_SECRET_STORAGE) {
    await access.setSecretStorageConsent(true);
    return 'secret-storage';
  }
  if (answer === HOW_TO_FIX) {
    const remedy = extensionRemedy(choice.problem, access.host);
    access.log.info(`How to make the OS keychain available:\n${remedy}`);
    void ui.info(remedy.replace(/\n/g, ' '));
  }
  return undefined;
}

/** Picks the profile a key command works on: the given one, the active one, or (when that needs no key) a choice. */
export async function pickKeyProfile(
  access: KeyAccess,
  ui: KeyUi,
  name: string | undefined,
  title: string,
): Promise<Profile | undefined> {
  if (name !== undefined) {
    const profile = access.profile(name);
    if (!profile) {
      void ui.error(`There is no profile named '${name}'.`);
    }
    return profile;
  }
  const active = access.activeProfile();
  if (keyRequirement(active) !== 'none') {
    return active;
  }
  const candidates = access.profiles().profiles.filter((p) => keyRequirement(p) !== 'none');
  const picked = await ui.pick(
    candidates.map((p) => ({ label: p.name, description: describeProfile(p), profile: p })),
    { title, placeHolder: `The active profile '${active.name}' needs no key: choose a profile` },
  );
  return picked?.profile;
}

/** What "Set API Key" did. Holds only the mask. */
export interface SetKeyResult {
  readonly profile?: string;
  readonly store?: KeyStore;
  readonly masked?: string;
  readonly test?: KeyTestResult;
}

/**
 * "Set API Key": choose where it goes (before anything is typed), a password input box with a format
 * warning, trim, refuse empty, store, then offer one `models` call to test it.
 */
export async function setApiKeyFlow(
  access: KeyAccess,
  ui: KeyUi,
  options: {
    readonly profile?: string;
    readonly test?: (profile: Profile, key: string) => Promise<KeyTestResult>;
    /** False when the caller says "saved" itself (Add Profile folds it into one message). */
    readonly confirm?: boolean;
  },
): Promise<SetKeyResult> {
  const profile = await pickKeyProfile(access, ui, options.profile, 'Set API Key');
  if (!profile) {
    return {};
  }
  const store = await chooseKeyStore(access, ui);
  if (!store) {
    return { profile: profile.name };
  }
  const raw = await ui.input({
    title: `API key for profile '${profile.name}' (${describeProfile(profile)})`,
    prompt: `Stored in ${storeLabel(store)}, never in settings. Whitespace around it is trimmed.`,
    password: true,
    placeHolder: profile.kind === 'azure' ? 'Azure OpenAI key' : 'sk-…',
    validate: (value) => {
      const input = normalizeKeyInput(value);
      if (!input.ok) {
        return { message: input.reason, severity: 'error' };
      }
      const warning = checkKeyFormat(profile.kind, input.key);
      return warning ? { message: `${warning} You can still save it.`, severity: 'warning' } : undefined;
    },
  });
  if (raw === undefined) {
    return { profile: profile.name };
  }
  const input = normalizeKeyInput(raw);
  if (!input.ok) {
    void ui.error(`API key not saved: ${input.reason}`);
    return { profile: profile.name };
  }
  await access.vault().store(profile, input.key, store);
  const masked = maskKey(input.key);
  if (options.confirm === false) {
    return { profile: profile.name, store, masked };
  }
  const answer = await ui.info(
    `Saved ${masked} for profile '${profile.name}' in ${storeLabel(store)}.`,
    ...(options.test ? [TEST_KEY] : []),
  );
  if (answer !== TEST_KEY || !options.test) {
    return { profile: profile.name, store, masked };
  }
  const test = await options.test(profile, input.key);
  if (test.ok) {
    void ui.info(
      `The key works: ${test.endpoint} lists ${test.models} model${test.models === 1 ? '' : 's'} for it.`,
    );
  } else {
    void ui.error(`Key test failed: ${test.message}`);
  }
  return { profile: profile.name, store, masked, test };
}

/** "Remove API Key": confirm, then remove the profile's key from the keychain and SecretStorage. */
export async function removeApiKeyFlow(
  access: KeyAccess,
  ui: KeyUi,
  name: string | undefined,
): Promise<KeyStore[] | undefined> {
  const profile = await pickKeyProfile(access, ui, name, 'Remove API Key');
  if (!profile) {
    return undefined;
  }
  const confirm = await ui.warn(
    `Remove the API key of profile '${profile.name}'?`,
    { modal: true },
    'Remove',
  );
  if (confirm !== 'Remove') {
    return undefined;
  }
  const removed = await access.vault().remove(profile);
  const variable = envVarFor(profile.kind);
  const envNote =
    variable !== undefined && access.settings.allowEnvironmentKey() && access.env[variable]
      ? ` ${variable} is still set and will be used.`
      : '';
  void ui.info(
    removed.length > 0
      ? `Removed the API key of '${profile.name}' from ${removed.map(storeLabel).join(' and ')}.${envNote}`
      : `Profile '${profile.name}' had no stored key.${envNote}`,
  );
  return removed;
}

/** The text of "Show Key Status": profile, kind, source and the masked key; never the key. */
export async function keyStatusText(access: KeyAccess, name: string | undefined): Promise<string> {
  const profile = access.profile(name);
  if (!profile) {
    return `There is no profile named '${name ?? ''}'.`;
  }
  const status = await access.vault().status(profile);
  const parts = [`Profile '${profile.name}': ${describeProfile(profile)}.`];
  if (keyRequirement(profile) === 'none') {
    parts.push('It needs no key.');
  } else if (status.source !== undefined) {
    const source =
      status.source === 'env'
        ? `the environment (${envVarFor(profile.kind) ?? ''}, read-only)`
        : storeLabel(status.source);
    parts.push(`Key ${status.masked ?? ''} from ${source}.`);
  } else {
    parts.push('No key is set.');
  }
  if (status.keychainProblem) {
    parts.push(`The OS keychain is unavailable: ${status.keychainProblem.message}`);
  }
  if (status.envIgnored) {
    parts.push(`${status.envIgnored} is set but ignored (enable secureGpt.allowEnvironmentKey to use it).`);
  }
  return parts.join(' ');
}
