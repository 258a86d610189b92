import type { Profile } from '../../core/keys/profiles';
import { keyRequirement } from '../../core/keys/profiles';
import type { KeySource } from '../../core/keys/vault';

// No `vscode` import: what may start is decided here, in plain Node, and unit-tested.

/**
 * Why the gateway cannot start for `profile` whose key comes from `source` (`KeyAccess.keySource`), or undefined
 * when it can. The gateway is `secure-gpt proxy`, a process of its own: it reads the key from the OS keychain
 * (or, when the user allows it, the environment), never from VS Code's SecretStorage, which only the editor
 * can open; and the key is not handed to it by the extension.
 */
export function gatewayRefusal(
  profile: Profile,
  source: KeySource | 'none' | 'unavailable' | undefined,
): string | undefined {
  switch (profile.kind) {
    case 'dry-run':
      return `Profile '${profile.name}' sends nothing, so the gateway would have nowhere to forward to. Choose a profile with an endpoint ("Secure GPT: Switch Profile").`;
    case 'azure':
    case 'openai':
    case 'compatible':
      break;
  }
  switch (source) {
    case 'secret-storage':
      return `The key of profile '${profile.name}' is in VS Code's SecretStorage, which only the editor can read; the gateway runs as its own process and reads the OS keychain. Store the key in the keychain ("Secure GPT: Set API Key"), or run \`secure-gpt proxy\` in a terminal.`;
    case 'unavailable':
      return `The OS keychain cannot be read, and the gateway takes the key of profile '${profile.name}' from there. See "Secure GPT: Show Key Status".`;
    case undefined:
      return keyRequirement(profile) === 'required'
        ? `No API key for profile '${profile.name}'. Run "Secure GPT: Set API Key".`
        : undefined;
    case 'keychain':
    case 'env':
    case 'none':
      return undefined;
  }
}
