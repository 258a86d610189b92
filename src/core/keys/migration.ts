import { maskKey, normalizeKeyInput } from './keyFormat';
import type { ProfileRef } from './profiles';
import { PROFILE_NAME_PATTERN } from './profiles';
import type { KeyStore, KeyVault } from './vault';
import { storeLabel } from './vault';

/** Where a setting is defined: user settings, the workspace, or one folder of a multi-root workspace. */
export type SettingScope = 'user' | 'workspace' | 'workspaceFolder';

/** One scope's value of a setting. */
export interface ScopedValue {
  readonly scope: SettingScope;
  readonly value: unknown;
  /** The folder, for `workspaceFolder` values. */
  readonly folder?: string;
}

/** Settings access for the migration, behind an interface so it can run against a fake in unit tests. */
export interface SettingsAccess {
  /** The values `key` has in each scope that defines it. */
  inspect(key: string): Promise<ScopedValue[]>;
  /** Writes `value` to `key` in one scope; `undefined` removes the setting. */
  update(key: string, value: unknown, scope: SettingScope, folder?: string): Promise<void>;
}

/** A setting some GPT extension reads an API key from. */
export interface KnownKeySetting {
  readonly key: string;
  readonly kind: 'openai' | 'azure';
  /** Who uses it, for the message shown to the user. */
  readonly usedBy: string;
}

/** This extension's own profiles setting: an `apiKey` field typed into a profile entry is also plaintext. */
export const PROFILES_SETTING = 'secureGpt.profiles';

/**
 * Settings where GPT extensions have kept OpenAI keys in plaintext. Settings keys are case-sensitive,
 * and Code GPT has used both spellings over its history.
 */
export const KNOWN_KEY_SETTINGS: readonly KnownKeySetting[] = [
  { key: 'secureGpt.apiKey', kind: 'openai', usedBy: 'Secure GPT (hand-written)' },
  { key: 'openai.apiKey', kind: 'openai', usedBy: 'several OpenAI extensions' },
  { key: 'chatgpt.apiKey', kind: 'openai', usedBy: 'several ChatGPT extensions' },
  { key: 'chatgpt.gpt3.apiKey', kind: 'openai', usedBy: 'ChatGPT (gencay.vscode-chatgpt), ChatGPT Copilot' },
  { key: 'genieai.openai.apiKey', kind: 'openai', usedBy: 'ChatGPT - Genie AI' },
  { key: 'codegpt.apiKey', kind: 'openai', usedBy: 'Code GPT' },
  { key: 'CodeGPT.apiKey', kind: 'openai', usedBy: 'Code GPT' },
  { key: 'codeAssistantAi.openaiApiKey', kind: 'openai', usedBy: 'AI Code Assistant' },
];

/** A plaintext key found in settings. Holds only the mask: the value is re-read when it is moved. */
export interface PlaintextKey {
  readonly setting: string;
  readonly scope: SettingScope;
  readonly folder?: string;
  readonly usedBy: string;
  readonly kind: 'openai' | 'azure';
  readonly masked: string;
  /** For an `apiKey` inside a `secureGpt.profiles` entry: that entry's profile name. */
  readonly profileName?: string;
}

/** What a migration did, setting by setting. */
export interface MigrationReport {
  readonly moved: ReadonlyArray<{
    readonly item: PlaintextKey;
    readonly profile: string;
    readonly store: KeyStore;
  }>;
  readonly skipped: ReadonlyArray<{ readonly item: PlaintextKey; readonly reason: string }>;
}

/** A value that is really a key, not a `${env:…}` reference or a dummy word some extensions require. */
function plausibleKey(value: unknown): string | undefined {
  if (typeof value !== 'string' || /^\$\{.*\}$/.test(value.trim())) {
    return undefined;
  }
  const input = normalizeKeyInput(value);
  return input.ok && input.key.length >= 16 ? input.key : undefined;
}

/** Looks through the known settings (and this extension's profiles) in every scope for plaintext keys. */
export async function findPlaintextKeys(settings: SettingsAccess): Promise<PlaintextKey[]> {
  const found: PlaintextKey[] = [];
  for (const known of KNOWN_KEY_SETTINGS) {
    for (const scoped of await settings.inspect(known.key)) {
      const key = plausibleKey(scoped.value);
      if (key !== undefined) {
        found.push({
          setting: known.key,
          ...where(scoped),
          usedBy: known.usedBy,
          kind: known.kind,
          masked: maskKey(key),
        });
      }
    }
  }
  for (const scoped of await settings.inspect(PROFILES_SETTING)) {
    for (const entry of Array.isArray(scoped.value) ? (scoped.value as unknown[]) : []) {
      const fields = asRecord(entry);
      const key = plausibleKey(fields?.['apiKey']);
      const profileName = fields?.['name'];
      if (key !== undefined && typeof profileName === 'string') {
        const kind = fields?.['kind'] === 'azure' ? 'azure' : 'openai';
        found.push({
          setting: PROFILES_SETTING,
          ...where(scoped),
          usedBy: 'Secure GPT profile',
          kind,
          masked: maskKey(key),
          profileName,
        });
      }
    }
  }
  return found;
}

/** How the migration reaches the vault and picks the profile a found key belongs to. */
export interface MigrationTarget {
  readonly vault: KeyVault;
  readonly store: KeyStore;
  /** The profile a key of this kind goes to, when the setting does not name one. */
  profileFor(kind: 'openai' | 'azure'): ProfileRef | undefined;
}

/**
 * Moves each found key into the vault, reads it back, and only then removes the plaintext setting.
 * A key is never overwritten: if the profile already holds a different key, the setting stays and the
 * report says why.
 */
export async function migratePlaintextKeys(
  items: readonly PlaintextKey[],
  settings: SettingsAccess,
  target: MigrationTarget,
): Promise<MigrationReport> {
  const moved: Array<MigrationReport['moved'][number]> = [];
  const skipped: Array<MigrationReport['skipped'][number]> = [];
  for (const item of items) {
    const scoped = (await settings.inspect(item.setting)).find(
      (s) => s.scope === item.scope && s.folder === item.folder,
    );
    const entries =
      item.profileName !== undefined && Array.isArray(scoped?.value)
        ? (scoped.value as unknown[])
        : undefined;
    const entry = entries?.map(asRecord).find((e) => e?.['name'] === item.profileName);
    const key = plausibleKey(entries ? entry?.['apiKey'] : scoped?.value);
    if (key === undefined) {
      skipped.push({ item, reason: 'the setting changed since it was found' });
      continue;
    }
    const profile =
      item.profileName !== undefined
        ? profileFromEntry(item.profileName, item.kind)
        : target.profileFor(item.kind);
    if (!profile) {
      skipped.push({
        item,
        reason: `no ${item.kind} profile to hold the key (the profile name may be invalid)`,
      });
      continue;
    }
    const existing = await target.vault.readFrom(profile, target.store);
    if (existing !== undefined && existing !== key) {
      skipped.push({
        item,
        reason: `profile '${profile.name}' already holds a different key (${maskKey(existing)}); left the setting in place`,
      });
      continue;
    }
    if (existing === undefined) {
      await target.vault.store(profile, key, target.store);
      if ((await target.vault.readFrom(profile, target.store)) !== key) {
        skipped.push({
          item,
          reason: `the key did not read back from ${storeLabel(target.store)}; the setting was kept`,
        });
        continue;
      }
    }
    const rest = entries?.map((e) => (asRecord(e)?.['name'] === item.profileName ? withoutApiKey(e) : e));
    await settings.update(item.setting, rest, item.scope, item.folder);
    moved.push({ item, profile: profile.name, store: target.store });
  }
  return { moved, skipped };
}

function profileFromEntry(name: string, kind: 'openai' | 'azure'): ProfileRef | undefined {
  // Only name and kind matter for the key's account; the entry's other fields stay in settings as they were.
  return PROFILE_NAME_PATTERN.test(name) ? { name, kind } : undefined;
}

function withoutApiKey(entry: unknown): unknown {
  const fields = asRecord(entry);
  if (!fields) {
    return entry;
  }
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'apiKey'));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function where(scoped: ScopedValue): { scope: SettingScope; folder?: string } {
  return scoped.folder === undefined
    ? { scope: scoped.scope }
    : { scope: scoped.scope, folder: scoped.folder };
}
