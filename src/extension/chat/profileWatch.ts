import * as vscode from 'vscode';
import { keyRequirement } from '../../core/keys/profiles';
import type { ProfileState } from '../../protocol/webview';
import { Disposable, toDisposable } from '../../core/disposable';
import type { KeyAccess } from '../keys/keyAccess';
import type { Log } from '../log';
import { deriveKeyState } from './profileState';

/**
 * Keeps the active profile and its key state for the chat header, and says when either changes: a key
 * stored or removed through the key module, a SecretStorage change from another window, the profile
 * settings, and the window regaining focus (the CLI may have changed the keychain meanwhile). Only the
 * key's source is looked at; the key is dropped as soon as the vault has returned it.
 */
export class ProfileWatch extends Disposable {
  private current: ProfileState;
  private readonly changed = this.register(new vscode.EventEmitter<ProfileState>());
  private generation = 0;
  /** Fires with the new state when the profile or its key state differs from before. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly keys: KeyAccess,
    secrets: vscode.SecretStorage,
    private readonly log: Log,
  ) {
    super();
    const profile = keys.activeProfile();
    // Until the vault has answered: the badge says "checking key" rather than guess.
    this.current = { profile: profile.name, key: 'unknown', dryRunProfile: profile.kind === 'dry-run' };
    this.register(toDisposable(keys.onDidChangeKeys(() => void this.refresh())));
    this.register(secrets.onDidChange(() => void this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          ['secureGpt.profile', 'secureGpt.profiles', 'secureGpt.allowEnvironmentKey'].some((s) =>
            e.affectsConfiguration(s),
          )
        ) {
          void this.refresh();
        }
      }),
    );
    this.register(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) {
          void this.refresh();
        }
      }),
    );
    void this.refresh();
  }

  get state(): ProfileState {
    return this.current;
  }

  /** Re-reads the state; a later refresh wins over an earlier one that answers late. */
  async refresh(): Promise<ProfileState> {
    const generation = ++this.generation;
    const profile = this.keys.activeProfile();
    let source: Awaited<ReturnType<KeyAccess['keySource']>>;
    try {
      source = await this.keys.keySource(profile.name);
    } catch (error) {
      this.log.warn(`Could not read the key state: ${error instanceof Error ? error.name : 'error'}`);
      source = 'unavailable';
    }
    const next: ProfileState = {
      profile: profile.name,
      key: deriveKeyState(source, keyRequirement(profile)),
      dryRunProfile: profile.kind === 'dry-run',
    };
    if (generation === this.generation && !sameState(next, this.current)) {
      this.current = next;
      this.changed.fire(next);
    }
    return this.current;
  }
}

function sameState(a: ProfileState, b: ProfileState): boolean {
  return a.profile === b.profile && a.key === b.key && a.dryRunProfile === b.dryRunProfile;
}
