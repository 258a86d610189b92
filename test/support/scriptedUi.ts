import type { InputCheck, KeyUi, PickItem } from '../../src/extension/keys/keyUi';

/** One call the flows made to the UI, as recorded by `ScriptedUi`. */
export interface UiCall {
  readonly kind: 'input' | 'pick' | 'info' | 'warn' | 'error' | 'open';
  readonly text: string;
  readonly detail?: string;
  readonly actions?: readonly string[];
  /** For inputs: what the validator said about the scripted answer. */
  readonly check?: InputCheck;
  readonly password?: boolean;
}

/**
 * A `KeyUi` that answers from a script and records every call: inputs take the next queued text, picks
 * the first item whose label matches, messages the queued button (or dismiss). Used by unit tests and by
 * the integration tests through the extension's test-only `keys.setUi` hook (see `testHooks.ts`).
 */
export class ScriptedUi implements KeyUi {
  readonly calls: UiCall[] = [];
  constructor(
    private readonly script: {
      inputs?: string[];
      picks?: string[];
      buttons?: Array<string | undefined>;
    } = {},
  ) {}

  input(options: Parameters<KeyUi['input']>[0]): Promise<string | undefined> {
    const answer = this.script.inputs?.shift();
    const check = answer !== undefined ? options.validate?.(answer) : undefined;
    this.calls.push({
      kind: 'input',
      text: options.title,
      password: options.password,
      ...(check ? { check } : {}),
    });
    // Like the real input box: an error keeps the box open, which here means "dismissed".
    return Promise.resolve(check?.severity === 'error' ? undefined : answer);
  }

  pick<T extends PickItem>(items: readonly T[], options: { title: string }): Promise<T | undefined> {
    const wanted = this.script.picks?.shift();
    this.calls.push({ kind: 'pick', text: options.title, actions: items.map((i) => i.label) });
    return Promise.resolve(items.find((i) => i.label === wanted));
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.message('info', message, undefined, actions);
  }

  warn(
    message: string,
    options: { modal: boolean; detail?: string },
    ...actions: string[]
  ): Promise<string | undefined> {
    return this.message('warn', message, options.detail, actions);
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.message('error', message, undefined, actions);
  }

  /** Records the page instead of opening a browser, and reports it opened. */
  openExternal(url: string): Promise<boolean> {
    this.calls.push({ kind: 'open', text: url });
    return Promise.resolve(true);
  }

  /** Everything the UI showed, for leak assertions. */
  get transcript(): string {
    return JSON.stringify(this.calls);
  }

  private message(
    kind: UiCall['kind'],
    text: string,
    detail: string | undefined,
    actions: string[],
  ): Promise<string | undefined> {
    this.calls.push({ kind, text, actions, ...(detail !== undefined ? { detail } : {}) });
    // Buttons are consumed only by messages that offer some; plain notices need no scripted answer.
    const button = actions.length > 0 ? this.script.buttons?.shift() : undefined;
    return Promise.resolve(button !== undefined && actions.includes(button) ? button : undefined);
  }
}
