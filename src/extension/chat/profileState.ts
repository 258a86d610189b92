import type { KeyState } from '../../protocol/webview';

/** Where the key module found a key: a source, `none` (the profile needs none), `unavailable`, or undefined. */
export type FoundSource = 'keychain' | 'secret-storage' | 'env' | 'none' | 'unavailable' | undefined;

/**
 * The key state the header badge shows, from where a key was found and whether the profile requires one.
 * Only the source is an input: the key itself never reaches this function.
 */
export function deriveKeyState(source: FoundSource, requirement: 'required' | 'optional' | 'none'): KeyState {
  if (requirement === 'none' || source === 'none') {
    return 'not-needed';
  }
  switch (source) {
    case 'keychain':
    case 'secret-storage':
      return 'set';
    case 'env':
      return 'env';
    default:
      // A keyless compatible server is asked without a key; a required key that is missing means dry runs.
      return requirement === 'optional' ? 'not-needed' : 'missing';
  }
}
