import type { Logger } from '../../core/log';
import { Keychain, KeychainUnavailableError } from '../../core/keys/keychain';
import type { Profile, ProfileSet } from '../../core/keys/profiles';
import {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_NAME,
  findProfile,
  keyRequirement,
  parseProfiles,
} from '../../core/keys/profiles';
import type { KeySource, SecretStore } from '../../core/keys/vault';
import { KeyVault } from '../../core/keys/vault';

// This module imports no `vscode` at runtime: the editor reaches it through the small interfaces below, so
// the key logic runs under plain-Node unit tests as well as in the extension host.

/** The settings the key module reads. Only user (application-scope) values: a workspace cannot choose. */
export interface KeySettings {
  /** `secureGpt.profiles` as the user wrote it (validated here). */
  profiles(): unknown;
  /** `secureGpt.profile`: the active profile's name. */
  activeProfile(): string | undefined;
  /** `secureGpt.allowEnvironmentKey`. */
  allowEnvironmentKey(): boolean;
  /** Sets `secureGpt.profile` in user settings. */
  setActiveProfile(name: string): Promise<void>;
  /** Replaces `secureGpt.profiles` in user settings. */
  setProfiles(profiles: readonly unknown[]): Promise<void>;
}

/** Where the "SecretStorage is fine by me" answer is remembered (a boolean, never a secret). */
export interface ConsentStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The host, to say where SecretStorage lives. */
export interface HostInfo {
  readonly web: boolean;
  readonly remoteName: string | undefined;
  readonly platform: NodeJS.Platform;
}

/** Everything `KeyAccess` needs from the editor. */
export interface KeyAccessDeps {
  readonly settings: KeySettings;
  readonly secrets: SecretStore;
  readonly consent: ConsentStore;
  readonly host: HostInfo;
  readonly log: Logger;
  readonly keychain?: Keychain;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Thrown by `withApiKey` when the profile needs a key and none is available; the message says what to do. */
export class NoApiKeyError extends Error {
  constructor(
    readonly profile: string,
    message: string,
    readonly keychainProblem?: KeychainUnavailableError,
  ) {
    super(message);
    this.name = 'NoApiKeyError';
  }
}

const CONSENT_KEY = 'secureGpt.secretStorageConsent';

/**
 * The one owner of the API key in the extension. The key is read from the vault only inside
 * `withApiKey`, at the moment a request is made, and handed to the callback; nothing here keeps it,
 * serializes it, or passes it anywhere else (not to the webview, not to the language server).
 */
export class KeyAccess {
  readonly keychain: Keychain;
  private readonly changeListeners = new Set<() => void>();

  constructor(private readonly deps: KeyAccessDeps) {
    this.keychain = deps.keychain ?? new Keychain();
  }

  get host(): HostInfo {
    return this.deps.host;
  }

  get log(): Logger {
    return this.deps.log;
  }

  /** The environment the extension host runs in (read only when the setting allows it). */
  get env(): Readonly<Record<string, string | undefined>> {
    return this.deps.env ?? process.env;
  }

  /** The configured profiles plus the built-ins; invalid entries are dropped and reported in `problems`. */
  profiles(): ProfileSet {
    return parseProfiles(this.deps.settings.profiles());
  }

  /** The active profile; an unknown name falls back to the default profile, with a warning in the log. */
  activeProfile(): Profile {
    const set = this.profiles();
    const name = this.deps.settings.activeProfile() || DEFAULT_PROFILE_NAME;
    const found = findProfile(set, name);
    if (found) {
      return found;
    }
    this.deps.log.warn(
      `secureGpt.profile names '${name}', which is not defined; using '${DEFAULT_PROFILE_NAME}'.`,
    );
    return findProfile(set, DEFAULT_PROFILE_NAME) ?? BUILTIN_PROFILES[0]!;
  }

  /** A profile by name, or the active one when `name` is undefined. */
  profile(name: string | undefined): Profile | undefined {
    return name === undefined ? this.activeProfile() : findProfile(this.profiles(), name);
  }

  /** A vault over the keychain, SecretStorage and (only when the setting allows) the environment. */
  vault(): KeyVault {
    const env = this.env;
    const allowEnv = this.deps.settings.allowEnvironmentKey();
    return new KeyVault({
      keychain: this.keychain,
      secretStore: this.deps.secrets,
      env: allowEnv ? env : undefined,
      ignoredEnv: allowEnv ? undefined : env,
      log: this.deps.log,
      onChange: () => this.keysChanged(),
    });
  }

  /** Calls `listener` after any key is stored or removed through this access; returns the unsubscribe. */
  onDidChangeKeys(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Tells the listeners that keys changed (also for changes seen from outside, e.g. SecretStorage events). */
  keysChanged(): void {
    for (const listener of this.changeListeners) {
      listener();
    }
  }

  /**
   * Where the key of `profileName` (the active profile when undefined) would come from, for status
   * displays: the source only, never the key. `none` when it needs no key; undefined when none is found;
   * `unavailable` when the keychain cannot be read and no other source has one.
   */
  async keySource(profileName?: string): Promise<KeySource | 'none' | 'unavailable' | undefined> {
    const profile = this.profile(profileName);
    if (!profile || keyRequirement(profile) === 'none') {
      return profile ? 'none' : undefined;
    }
    try {
      return (await this.vault().read(profile))?.source;
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        return 'unavailable';
      }
      throw error;
    }
  }

  /** Whether the user agreed to keep keys in SecretStorage while the keychain is unavailable. */
  secretStorageConsented(): boolean {
    return this.deps.consent.get<boolean>(CONSENT_KEY) === true;
  }

  /** Records (or withdraws) that agreement. */
  async setSecretStorageConsent(consented: boolean): Promise<void> {
    await this.deps.consent.update(CONSENT_KEY, consented ? true : undefined);
  }

  /** Updates settings through the editor (used by the profile commands). */
  get settings(): KeySettings {
    return this.deps.settings;
  }

  /**
   * Runs `fn` with the key of `profileName` (the active profile when undefined), read now from the
   * vault. `key` is undefined for profiles that need none (dry-run, a keyless compatible server).
   * Throws `NoApiKeyError` when a key is required and none is found.
   */
  async withApiKey<T>(
    profileName: string | undefined,
    fn: (key: string | undefined, profile: Profile) => Promise<T>,
  ): Promise<T> {
    const profile = this.profile(profileName);
    if (!profile) {
      throw new NoApiKeyError(profileName ?? '?', `There is no profile named '${profileName ?? ''}'.`);
    }
    const requirement = keyRequirement(profile);
    if (requirement === 'none') {
      return fn(undefined, profile);
    }
    let key: string | undefined;
    try {
      key = (await this.vault().read(profile))?.key;
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
      if (requirement === 'required') {
        throw new NoApiKeyError(
          profile.name,
          `No API key for profile '${profile.name}': the OS keychain is unavailable (${error.message}). ` +
            'Run "Secure GPT: Set API Key" to use VS Code SecretStorage instead, or see "Show Key Status".',
          error,
        );
      }
    }
    if (key !== undefined) {
      // Whatever its shape, the key in use is masked in every later log line and notification.
      this.deps.log.mask?.(key, 'api-key');
    }
    if (key === undefined && requirement === 'required') {
      throw new NoApiKeyError(
        profile.name,
        `No API key for profile '${profile.name}'. Run "Secure GPT: Set API Key".`,
      );
    }
    return fn(key, profile);
  }
}
