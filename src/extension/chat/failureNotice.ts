import type { FailureKind } from '../../core/openai/provider';

// The notice shown when a request fails, with the next step as a button. No `vscode` import: the choice
// of buttons and what each does are unit-tested behind `FailureUi`.

/** Button on a rejected key (401): set a new key for the profile that was rejected. */
export const SET_API_KEY = 'Set API Key';
/** Button on every failure notice. */
export const SHOW_LOG = 'Show Log';

/** The editor calls a failure notice makes. */
export interface FailureUi {
  error(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown>;
  showLog(): void;
}

/** The buttons a failure of `kind` offers, most useful first. */
export function failureActions(kind: FailureKind | undefined): string[] {
  return kind === 'auth' ? [SET_API_KEY, SHOW_LOG] : [SHOW_LOG];
}

/**
 * Shows `message` (already scrubbed) with the buttons for `kind` and runs the one pressed: Set API Key
 * for `profile` (the profile the rejected request used), or the log. Resolves to the button pressed.
 */
export async function showFailure(
  ui: FailureUi,
  message: string,
  kind: FailureKind | undefined,
  profile: string,
): Promise<string | undefined> {
  const choice = await ui.error(`Secure GPT: ${message}`, ...failureActions(kind));
  if (choice === SET_API_KEY) {
    await ui.executeCommand('secureGpt.setApiKey', profile);
  } else if (choice === SHOW_LOG) {
    ui.showLog();
  }
  return choice;
}
