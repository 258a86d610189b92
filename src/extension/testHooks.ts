import * as vscode from 'vscode';
import type { ChatSession } from './chat/chatSession';
import type { ChatViewProvider } from './chat/chatView';
import type { LocalGateway } from './gateway/registerGateway';
import type { KeysApi } from './keys/registerKeys';
import type { SecureGptLanguageClient } from './languageClient';
import type { LocalData } from './records/localData';
import type { FindingsStatusBar } from './statusBar';

/**
 * What the integration tests reach inside the running extension: the key, the conversation, history, audit and
 * a UI they can script. None of it is on `activate()`'s return value, which every installed extension can read
 * (`getExtension(id).exports`); it is published only in a test host, see `publishTestHooks`.
 */
export interface TestHooks {
  readonly chat: ChatViewProvider;
  /** Key custody (`keys.access`, `keys.readKey`) and `keys.setUi`, the scripted UI every confirmation asks. */
  readonly keys: KeysApi;
  /** The language client; `languageClient.ready` resolves once the server answered `initialize`. */
  readonly languageClient: SecureGptLanguageClient;
  readonly findingsStatusBar: FindingsStatusBar;
  /** The chat session every request from the editor goes through. */
  readonly session: ChatSession;
  /** Audit log, usage and history on disk. */
  readonly data: LocalData;
  /** The local gateway the Start/Stop commands drive; `gateway.address` holds its URL and token while it runs. */
  readonly gateway: LocalGateway;
  /**
   * `performance.now()` when `activate` began and when it returned, in the extension host; with the language
   * client's `startedAt` and `readyAt`, the activation figures the benchmark prints.
   */
  readonly activation: {
    readonly began: number;
    readonly returned: number;
    /** When the entry bundle began and ended its top-level run (VS Code read and compiled it before). */
    readonly module?: { readonly began: number; readonly ended: number };
    /** When the lazily loaded features (features.ts) had started. */
    readonly featuresStartedAt: number;
  };
}

/** Set by the integration runner (`test/support/runVsCode.js`) to a fresh random token per run. */
export const TEST_HOOKS_ENV = 'SECURE_GPT_TEST_HOOKS';

/** The `globalThis` slot the hooks of a run with `token` live in. */
export function testHooksSlot(token: string): symbol {
  return Symbol.for(`secure-gpt.testHooks.${token}`);
}

/**
 * The token of this run when the hooks may be published, else undefined. Both conditions are needed, and a
 * production host meets neither: VS Code sets `ExtensionMode.Test` only for an extension loaded from
 * `extensionDevelopmentPath` while an `extensionTestsPath` runs (never for an installed extension, so the
 * packaged .vsix is Production even under the test runner), and only the runner sets the variable. Inside a test
 * host every extension shares `globalThis` and `process.env`, so this is a gate on the kind of host, not a secret
 * between extensions: a test host is ours, with no key but generated ones.
 */
export function testHooksToken(context: vscode.ExtensionContext): string | undefined {
  const token = process.env[TEST_HOOKS_ENV];
  return context.extensionMode === vscode.ExtensionMode.Test && token ? token : undefined;
}

/**
 * Puts `hooks` where the test kit looks for them, when `testHooksToken` allows; disposing removes them. They are
 * a promise: most of the extension starts after `activate` returns (lazyFeatures.ts).
 */
export function publishTestHooks(
  context: vscode.ExtensionContext,
  hooks: Promise<TestHooks>,
): vscode.Disposable {
  const token = testHooksToken(context);
  if (token === undefined) {
    return new vscode.Disposable(() => undefined);
  }
  const slot = testHooksSlot(token);
  const global = globalThis as Record<symbol, unknown>;
  global[slot] = hooks;
  return new vscode.Disposable(() => delete global[slot]);
}
