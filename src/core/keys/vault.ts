import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { Keychain } from './keychain';
import { KeychainUnavailableError } from './keychain';
import { maskKey } from './keyFormat';
import type { ProfileRef } from './profiles';
import { envVarFor, keyRequirement } from './profiles';

/** Where a key was found. */
export type KeySource = 'keychain' | 'secret-storage' | 'env';

/** Where a key can be written; the environment is read-only. */
export type KeyStore = 'keychain' | 'secret-storage';

/** The part of VS Code's SecretStorage the vault uses, behind an interface so core stays editor-free. */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  store(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** A key and where it came from. Hold it only for the request that needs it. */
export interface FoundKey {
  readonly key: string;
  readonly source: KeySource;
}

/** What status output shows: never the key, only its mask. */
export interface KeyStatus {
  readonly profile: ProfileRef;
  readonly source: KeySource | undefined;
  readonly masked: string | undefined;
  /** Undefined when the keychain answered; otherwise why it could not be used. */
  readonly keychainProblem: KeychainUnavailableError | undefined;
  /** Set when the environment holds a key for this kind that was not read because a setting forbids it. */
  readonly envIgnored: string | undefined;
}

/** Sources the vault reads and writes. */
export interface KeyVaultOptions {
  readonly keychain: Keychain;
  /** VS Code's SecretStorage in the extension; absent in the CLI. */
  readonly secretStore?: SecretStore | undefined;
  /** The environment to read keys from, or undefined when reading it is not allowed. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The environment that was NOT allowed, only to tell the user a key there is being ignored. */
  readonly ignoredEnv?: Readonly<Record<string, string | undefined>> | undefined;
  readonly log?: Logger;
  /** Called after a key is stored or removed (status displays refresh; the key is not passed). */
  readonly onChange?: () => void;
}

/** The SecretStorage entry name for a profile's key. */
export function secretStoreName(profile: ProfileRef): string {
  return `secure-gpt:${profile.name}`;
}

/**
 * Reads, writes and removes profile keys across the OS keychain, VS Code's SecretStorage and the
 * environment. Reading looks in that order. A key is returned to the caller and never kept here.
 */
export class KeyVault {
  private readonly log: Logger;

  constructor(private readonly options: KeyVaultOptions) {
    this.log = options.log ?? silentLogger;
  }

  /**
   * The key for `profile`, or undefined when no source has one. Throws `KeychainUnavailableError` only
   * when the keychain is unreachable AND no other source has a key, so the caller can say why.
   */
  async read(profile: ProfileRef): Promise<FoundKey | undefined> {
    if (keyRequirement(profile) === 'none') {
      return undefined;
    }
    let problem: KeychainUnavailableError | undefined;
    try {
      const key = await this.options.keychain.get(profile.name);
      if (key !== undefined && key.length > 0) {
        return { key, source: 'keychain' };
      }
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
      problem = error;
      this.log.warn(`Keychain unavailable while reading profile '${profile.name}': ${error.message}`);
    }
    const stored = await this.options.secretStore?.get(secretStoreName(profile));
    if (stored !== undefined && stored.length > 0) {
      return { key: stored, source: 'secret-storage' };
    }
    const envKey = this.envKey(profile, this.options.env);
    if (envKey !== undefined) {
      return { key: envKey, source: 'env' };
    }
    if (problem) {
      throw problem;
    }
    return undefined;
  }

  /** The key one writable store holds for `profile` (no fallback to other sources). */
  async readFrom(profile: ProfileRef, store: KeyStore): Promise<string | undefined> {
    const value =
      store === 'keychain'
        ? await this.options.keychain.get(profile.name)
        : await this.requireSecretStore().get(secretStoreName(profile));
    return value !== undefined && value.length > 0 ? value : undefined;
  }

  /** Stores `key` for `profile` in `store`. */
  async store(profile: ProfileRef, key: string, store: KeyStore): Promise<void> {
    if (store === 'keychain') {
      await this.options.keychain.set(profile.name, key);
    } else {
      const secretStore = this.requireSecretStore();
      await secretStore.store(secretStoreName(profile), key);
    }
    this.log.info(`Stored the key ${maskKey(key)} for profile '${profile.name}' in ${storeLabel(store)}.`);
    this.options.onChange?.();
  }

  /**
   * Copies the key `from` keeps in a writable store (keychain or SecretStorage) to `to` in `store`, so a
   * new profile can share a key without anyone typing or seeing it. A key that only the environment holds
   * is not copied: writing it down would outlive the variable. Returns the mask, or undefined when there
   * was nothing to copy.
   */
  async copy(from: ProfileRef, to: ProfileRef, store: KeyStore): Promise<string | undefined> {
    const found = await this.read(from);
    if (!found || found.source === 'env' || keyRequirement(to) === 'none') {
      return undefined;
    }
    await this.store(to, found.key, store);
    this.log.info(`Profile '${to.name}' now shares the key of profile '${from.name}'.`);
    return maskKey(found.key);
  }

  /**
   * Removes the profile's key from every writable store that has one and returns where it was. Throws
   * `KeychainUnavailableError` when the keychain is unreachable and SecretStorage held nothing either.
   */
  async remove(profile: ProfileRef): Promise<KeyStore[]> {
    const removed: KeyStore[] = [];
    let problem: KeychainUnavailableError | undefined;
    try {
      if (await this.options.keychain.delete(profile.name)) {
        removed.push('keychain');
      }
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
      problem = error;
    }
    const secretStore = this.options.secretStore;
    if (secretStore && (await secretStore.get(secretStoreName(profile))) !== undefined) {
      await secretStore.delete(secretStoreName(profile));
      removed.push('secret-storage');
    }
    if (problem && removed.length === 0) {
      throw problem;
    }
    this.log.info(
      `Removed the key of profile '${profile.name}' from ${removed.map(storeLabel).join(' and ') || 'nowhere (none stored)'}.`,
    );
    this.options.onChange?.();
    return removed;
  }

  /** Where the profile's key would come from, masked. */
  async status(profile: ProfileRef): Promise<KeyStatus> {
    let found: FoundKey | undefined;
    let keychainProblem: KeychainUnavailableError | undefined;
    try {
      found = await this.read(profile);
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
      keychainProblem = error;
    }
    if (found && found.source !== 'keychain' && !keychainProblem) {
      // read() swallowed a keychain failure because another source answered; report it anyway.
      keychainProblem = await this.options.keychain.probe();
    }
    const ignored = found ? undefined : this.envKey(profile, this.options.ignoredEnv);
    return {
      profile,
      source: found?.source,
      masked: found ? maskKey(found.key) : undefined,
      keychainProblem,
      envIgnored: ignored === undefined ? undefined : envVarFor(profile.kind),
    };
  }

  private envKey(
    profile: ProfileRef,
    env: Readonly<Record<string, string | undefined>> | undefined,
  ): string | undefined {
    const variable = envVarFor(profile.kind);
    const value = variable === undefined ? undefined : env?.[variable]?.trim();
    return value !== undefined && value.length > 0 ? value : undefined;
  }

  private requireSecretStore(): SecretStore {
    if (!this.options.secretStore) {
      throw new Error('SecretStorage is not available here.');
    }
    return this.options.secretStore;
  }
}

/** Human name of a source, for messages. */
export function storeLabel(source: KeySource): string {
  switch (source) {
    case 'keychain':
      return 'the OS keychain';
    case 'secret-storage':
      return 'VS Code SecretStorage';
    case 'env':
      return 'the environment';
  }
}

/** What to do with a new key, given whether the keychain works and what the user said about the fallback. */
export type StoreChoice =
  | { readonly kind: 'store'; readonly store: KeyStore }
  | { readonly kind: 'ask'; readonly problem: KeychainUnavailableError }
  | { readonly kind: 'refuse'; readonly problem: KeychainUnavailableError };

/**
 * Picks where a new key goes. The keychain when it answers. Otherwise SecretStorage, but only with the
 * user's consent (asked for when not yet given), and never plaintext: without SecretStorage (the CLI)
 * the answer is a refusal the caller explains.
 */
export function chooseStore(
  keychainProblem: KeychainUnavailableError | undefined,
  fallback: { readonly available: boolean; readonly consented: boolean },
): StoreChoice {
  if (!keychainProblem) {
    return { kind: 'store', store: 'keychain' };
  }
  if (!fallback.available) {
    return { kind: 'refuse', problem: keychainProblem };
  }
  return fallback.consented
    ? { kind: 'store', store: 'secret-storage' }
    : { kind: 'ask', problem: keychainProblem };
}
