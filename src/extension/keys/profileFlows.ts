import type { Profile, ProfileKind } from '../../core/keys/profiles';
import { withError } from '../../core/log';
import {
  BUILTIN_PROFILES,
  describeProfile,
  keyRequirement,
  PROFILE_NAME_PATTERN,
} from '../../core/keys/profiles';
import type { KeyAccess } from './keyAccess';
import type { InputCheck, KeyUi } from './keyUi';
import { keyForNewProfile, keySentence } from './newProfileKey';

/** Button after "Added profile …" that makes the new profile the active one. */
export const USE_NOW = 'Use it now';

/** "Switch Profile": picks the active profile from every defined one; resolves to its name. */
export async function switchProfileFlow(access: KeyAccess, ui: KeyUi): Promise<string | undefined> {
  const active = access.activeProfile().name;
  const picked = await ui.pick(
    access.profiles().profiles.map((p) => ({
      label: p.name,
      description: `${describeProfile(p)}${p.name === active ? ' (active)' : ''}`,
      profile: p,
    })),
    {
      title: 'Switch Profile',
      placeHolder: 'Where requests go (the key for each profile is kept separately)',
    },
  );
  if (!picked) {
    return undefined;
  }
  await access.settings.setActiveProfile(picked.profile.name);
  void ui.info(`Active profile: '${picked.profile.name}' (${describeProfile(picked.profile)}).`);
  return picked.profile.name;
}

/** What "Manage Profiles" did, for the caller to follow up (open settings.json, set a key). */
export type ManageOutcome =
  | { readonly kind: 'added'; readonly profile: Profile }
  | { readonly kind: 'removed'; readonly name: string }
  | { readonly kind: 'switched'; readonly name: string }
  | { readonly kind: 'edit' }
  | { readonly kind: 'none' };

/** "Manage Profiles": add, remove or switch a profile, or open the setting to edit it by hand. */
export async function manageProfilesFlow(access: KeyAccess, ui: KeyUi): Promise<ManageOutcome> {
  const actions = [
    { label: 'Add Profile…', action: 'add' as const },
    { label: 'Remove Profile…', action: 'remove' as const },
    { label: 'Switch Profile…', action: 'switch' as const },
    { label: 'Edit Profiles in Settings (JSON)', action: 'edit' as const },
  ];
  const choice = await ui.pick(actions, { title: 'Manage Profiles' });
  switch (choice?.action) {
    case 'add': {
      const profile = await addProfile(access, ui);
      return profile ? { kind: 'added', profile } : { kind: 'none' };
    }
    case 'remove': {
      const name = await removeProfile(access, ui);
      return name !== undefined ? { kind: 'removed', name } : { kind: 'none' };
    }
    case 'switch': {
      const name = await switchProfileFlow(access, ui);
      return name !== undefined ? { kind: 'switched', name } : { kind: 'none' };
    }
    case 'edit':
      return { kind: 'edit' };
    case undefined:
      return { kind: 'none' };
  }
}

const KINDS: ReadonlyArray<{ label: string; description: string; kind: ProfileKind }> = [
  { label: 'OpenAI', description: 'api.openai.com', kind: 'openai' },
  { label: 'Azure OpenAI', description: 'your resource endpoint, deployment and API version', kind: 'azure' },
  { label: 'OpenAI-compatible', description: 'a base URL: Ollama, LM Studio, vLLM…', kind: 'compatible' },
  { label: 'Dry-run', description: 'sends nothing; shows the payload that would go out', kind: 'dry-run' },
];

function urlCheck(value: string, httpsOnly: boolean): InputCheck {
  if (!URL.canParse(value.trim())) {
    return { message: 'Enter a full URL, such as https://host/v1', severity: 'error' };
  }
  const protocol = new URL(value.trim()).protocol;
  if (protocol !== 'https:' && (httpsOnly || protocol !== 'http:')) {
    return {
      message: httpsOnly ? 'Azure endpoints use https://' : 'Use http:// or https://',
      severity: 'error',
    };
  }
  return undefined;
}

async function addProfile(access: KeyAccess, ui: KeyUi): Promise<Profile | undefined> {
  const kind = (await ui.pick(KINDS, { title: 'Add Profile: kind' }))?.kind;
  if (!kind) {
    return undefined;
  }
  const taken = new Set(access.profiles().profiles.map((p) => p.name));
  const name = await ui.input({
    title: 'Add Profile: name',
    prompt: 'Also the keychain account of its key',
    password: false,
    validate: (v) =>
      !PROFILE_NAME_PATTERN.test(v)
        ? { message: 'Letters, digits, ".", "_" or "-" (at most 64)', severity: 'error' }
        : taken.has(v)
          ? { message: `'${v}' already exists`, severity: 'error' }
          : undefined,
  });
  if (name === undefined) {
    return undefined;
  }
  let profile: Profile;
  if (kind === 'azure') {
    const endpoint = await ui.input({
      title: 'Azure endpoint',
      prompt: 'https://RESOURCE.openai.azure.com',
      password: false,
      validate: (v) => urlCheck(v, true),
    });
    const deployment =
      endpoint &&
      (await ui.input({
        title: 'Azure deployment name',
        prompt: 'The deployment to send to',
        password: false,
        validate: (v) => (v.trim() ? undefined : { message: 'Required', severity: 'error' }),
      }));
    const apiVersion =
      deployment &&
      (await ui.input({
        title: 'Azure API version',
        prompt: 'A date such as 2024-10-21',
        password: false,
        value: '2024-10-21',
        validate: (v) =>
          /^\d{4}-\d{2}-\d{2}(-preview)?$/.test(v)
            ? undefined
            : { message: 'A date such as 2024-10-21', severity: 'error' },
      }));
    if (!endpoint || !deployment || !apiVersion) {
      return undefined;
    }
    profile = { name, kind, endpoint: endpoint.trim(), deployment: deployment.trim(), apiVersion };
  } else if (kind === 'compatible') {
    const baseUrl = await ui.input({
      title: 'Base URL',
      prompt: 'Such as http://127.0.0.1:11434/v1 (Ollama)',
      password: false,
      validate: (v) => urlCheck(v, false),
    });
    if (!baseUrl) {
      return undefined;
    }
    profile = { name, kind, baseUrl: baseUrl.trim() };
  } else {
    profile = { name, kind };
  }
  await access.settings.setProfiles([...configuredEntries(access), profile]);
  const key = await keyForNewProfile(access, ui, profile);
  const answer = await ui.info(
    `Added profile '${name}' (${describeProfile(profile)}).${keySentence(key, profile)}`,
    USE_NOW,
  );
  if (answer === USE_NOW) {
    await access.settings.setActiveProfile(name);
  }
  return profile;
}

async function removeProfile(access: KeyAccess, ui: KeyUi): Promise<string | undefined> {
  const entries = configuredEntries(access);
  const names = entries
    .map((e) => (e as { name?: unknown }).name)
    .filter((n): n is string => typeof n === 'string');
  const builtins = new Set(BUILTIN_PROFILES.map((p) => p.name));
  const picked = await ui.pick(
    names.map((label) => ({ label, description: builtins.has(label) ? 'overrides a built-in profile' : '' })),
    {
      title: 'Remove Profile',
      placeHolder: names.length === 0 ? 'No profiles are configured' : 'Its stored key is removed too',
    },
  );
  if (!picked) {
    return undefined;
  }
  const confirm = await ui.warn(
    `Remove profile '${picked.label}' and its stored API key?`,
    { modal: true },
    'Remove',
  );
  if (confirm !== 'Remove') {
    return undefined;
  }
  const profile = access.profile(picked.label);
  await access.settings.setProfiles(entries.filter((e) => (e as { name?: unknown }).name !== picked.label));
  if (profile && keyRequirement(profile) !== 'none' && !builtins.has(picked.label)) {
    await access
      .vault()
      .remove(profile)
      .catch((error: unknown) =>
        access.log.warn(withError(`Could not remove the key of '${picked.label}'`, error)),
      );
  }
  void ui.info(`Removed profile '${picked.label}'.`);
  return picked.label;
}

/** The raw `secureGpt.profiles` entries, kept as written so editing one does not rewrite the others. */
function configuredEntries(access: KeyAccess): unknown[] {
  const raw = access.settings.profiles();
  return Array.isArray(raw) ? [...(raw as unknown[])] : [];
}
