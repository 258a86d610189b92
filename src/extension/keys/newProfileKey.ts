import { KeychainUnavailableError } from '../../core/keys/keychain';
import type { Profile } from '../../core/keys/profiles';
import { describeProfile, keyRequirement } from '../../core/keys/profiles';
import { storeLabel } from '../../core/keys/vault';
import type { KeyAccess } from './keyAccess';
import { chooseKeyStore, setApiKeyFlow } from './keyFlows';
import type { KeyUi } from './keyUi';

// The key step of "Add Profile": a new key, the key another profile already keeps, or none. Reusing a key
// copies one keychain item to another inside the vault, so nobody types, sees or logs it.

/** Label prefix of the pick items that reuse another profile's key. */
export const REUSE_PREFIX = 'Reuse the key of profile ';
/** Pick item that asks for a new key. */
export const NEW_KEY = 'Enter a new key…';
/** Pick item for a server that takes no key. */
export const NO_KEY = 'No key';
/** Pick item that leaves the key for later. */
export const LATER = 'Set the key later';

/** How the new profile got its key, in words for the closing message (a mask at most). */
export type KeyOutcome =
  | { readonly kind: 'new'; readonly masked: string; readonly where: string }
  | { readonly kind: 'reused'; readonly from: string; readonly masked: string; readonly where: string }
  | { readonly kind: 'none' };

/** Profiles other than `except` whose key sits in the keychain or SecretStorage (not the environment). */
async function profilesWithStoredKey(access: KeyAccess, except: string): Promise<Profile[]> {
  const vault = access.vault();
  const found: Profile[] = [];
  for (const p of access.profiles().profiles) {
    if (p.name === except || keyRequirement(p) === 'none') {
      continue;
    }
    try {
      const status = await vault.status(p);
      if (status.source === 'keychain' || status.source === 'secret-storage') {
        found.push(p);
      }
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
    }
  }
  return found;
}

/** Where requests of `profile` go, so reusing a key says which host will receive it. */
function destination(profile: Profile): string {
  switch (profile.kind) {
    case 'openai':
      return 'api.openai.com';
    case 'azure':
      return URL.canParse(profile.endpoint) ? new URL(profile.endpoint).host : profile.endpoint;
    case 'compatible':
      return URL.canParse(profile.baseUrl) ? new URL(profile.baseUrl).host : profile.baseUrl;
    case 'dry-run':
      return 'nowhere';
  }
}

/**
 * Asks how the just-added `profile` gets its key and does it. With no other key stored and a key
 * required, this goes straight to the key input box: no question with a single answer.
 */
export async function keyForNewProfile(access: KeyAccess, ui: KeyUi, profile: Profile): Promise<KeyOutcome> {
  const requirement = keyRequirement(profile);
  if (requirement === 'none') {
    return { kind: 'none' };
  }
  const donors = await profilesWithStoredKey(access, profile.name);
  let choice: { action: 'new' } | { action: 'none' } | { action: 'reuse'; from: Profile } = { action: 'new' };
  if (donors.length > 0 || requirement === 'optional') {
    const items = [
      { label: NEW_KEY, description: 'typed once, kept in the OS keychain', action: 'new' as const },
      ...donors.map((from) => ({
        label: `${REUSE_PREFIX}${from.name}`,
        description: `${describeProfile(from)}; the key will also be sent to ${destination(profile)}`,
        action: 'reuse' as const,
        from,
      })),
      requirement === 'optional'
        ? { label: NO_KEY, description: 'the server accepts requests without one', action: 'none' as const }
        : { label: LATER, description: 'answers are dry runs until a key is set', action: 'none' as const },
    ];
    const picked = await ui.pick(items, {
      title: `Add Profile: the key for '${profile.name}'`,
      placeHolder: 'No key is shown or logged, only its last four characters',
    });
    if (!picked) {
      return { kind: 'none' };
    }
    choice =
      picked.action === 'reuse'
        ? { action: 'reuse', from: picked.from }
        : picked.action === 'new'
          ? { action: 'new' }
          : { action: 'none' };
  }
  if (choice.action === 'none') {
    return { kind: 'none' };
  }
  if (choice.action === 'new') {
    const set = await setApiKeyFlow(access, ui, { profile: profile.name, confirm: false });
    return set.masked !== undefined && set.store !== undefined
      ? { kind: 'new', masked: set.masked, where: storeLabel(set.store) }
      : { kind: 'none' };
  }
  const store = await chooseKeyStore(access, ui);
  if (!store) {
    return { kind: 'none' };
  }
  const masked = await access.vault().copy(choice.from, profile, store);
  return masked === undefined
    ? { kind: 'none' }
    : { kind: 'reused', from: choice.from.name, masked, where: storeLabel(store) };
}

/** The closing sentence about the key, for "Added profile …". */
export function keySentence(outcome: KeyOutcome, profile: Profile): string {
  switch (outcome.kind) {
    case 'new':
      return ` Its key ${outcome.masked} is in ${outcome.where}.`;
    case 'reused':
      return ` It shares the key ${outcome.masked} of '${outcome.from}' (a copy in ${outcome.where}).`;
    case 'none':
      return keyRequirement(profile) === 'required' ? ' It has no key yet: run "Set API Key".' : '';
  }
}
