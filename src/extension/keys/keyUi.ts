/** A validation result for the key input box: an error blocks, a warning only informs. */
export type InputCheck = { readonly message: string; readonly severity: 'error' | 'warning' } | undefined;

/** An item of a quick pick. */
export interface PickItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/**
 * The editor UI the key, incident and purge commands use, behind an interface: the extension passes
 * `vscode.window`'s functions, unit tests pass scripted answers, and integration tests theirs through the
 * test-only hooks (`testHooks.ts`). Every confirmation those commands ask goes through here, never through a
 * command argument: another extension can pass arguments, it cannot answer this.
 */
export interface KeyUi {
  /** An input box; `password` hides what is typed. Resolves to undefined when dismissed. */
  input(options: {
    readonly title: string;
    readonly prompt: string;
    readonly password: boolean;
    readonly placeHolder?: string;
    readonly value?: string;
    readonly validate?: (value: string) => InputCheck;
  }): Promise<string | undefined>;
  /** A quick pick of `items`; resolves to the chosen one or undefined. */
  pick<T extends PickItem>(
    items: readonly T[],
    options: { readonly title: string; readonly placeHolder?: string },
  ): Promise<T | undefined>;
  /** An information message with optional buttons; resolves to the button pressed. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A warning, modal or not, with optional detail text and buttons. */
  warn(
    message: string,
    options: { readonly modal: boolean; readonly detail?: string },
    ...actions: string[]
  ): Promise<string | undefined>;
  /** An error message with optional buttons. */
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Opens a web page outside the editor; resolves to whether it was opened. */
  openExternal(url: string): Promise<boolean>;
}
