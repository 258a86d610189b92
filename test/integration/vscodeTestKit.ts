// Helpers shared by the integration suites: the extension's test hooks, and waits on VS Code events (never sleeps).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension/testHooks';
import { TEST_HOOKS_ENV, testHooksSlot } from '../../src/extension/testHooks';
import type { ChatTurn } from '../../src/protocol/webview';
import { FakeOpenAi } from '../support/fakeOpenAi';

export const extensionId = 'secure-gpt-dev.secure-gpt';

/**
 * The running extension's test hooks, once it has activated. They are not its exports (`activate()` returns
 * nothing): the extension publishes them in a `globalThis` slot keyed by the token the runner put in
 * SECURE_GPT_TEST_HOOKS, and only when VS Code runs it in test mode (src/extension/testHooks.ts).
 */
export async function api(): Promise<TestHooks> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this VS Code`);
  await extension.activate();
  const token = process.env[TEST_HOOKS_ENV];
  assert.ok(token, `the runner sets ${TEST_HOOKS_ENV} (test/support/runVsCode.js)`);
  const hooks = (globalThis as Record<symbol, unknown>)[testHooksSlot(token)];
  assert.ok(hooks, 'the extension published its test hooks: is it running from extensionDevelopmentPath?');
  // A promise: most of the extension starts just after `activate` returns (src/extension/lazyFeatures.ts).
  return await (hooks as Promise<TestHooks>);
}

/** The test hooks once the language client has started, for tests that talk to the language server. */
export async function readyApi(): Promise<TestHooks> {
  const exports = await api();
  await exports.languageClient.ready;
  return exports;
}

/** Resolves once VS Code's configuration reflects a change to `key` (after a file edit or an update). */
export function configurationChanged(key: string): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(key)) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

/** Resolves with the first turn update that satisfies `test`. */
export function turnWhere(
  session: TestHooks['session'],
  test: (turn: ChatTurn) => boolean,
): Promise<ChatTurn> {
  return new Promise((resolve) => {
    const subscription = session.onDidUpdate((turn) => {
      if (test(turn)) {
        subscription.dispose();
        resolve(turn);
      }
    });
  });
}

/** The Secure GPT diagnostics of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'secure-gpt');
}

/** The rule id: a plain `code`, or `code.value` when the diagnostic links to the provider's revoke page. */
export function ruleIdOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves once the Secure GPT diagnostics of `uri` satisfy `accept`, checked on each `onDidChangeDiagnostics`. */
export function diagnosticsOf(
  uri: vscode.Uri,
  accept: (d: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!accept(current)) {
        return false;
      }
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    check();
  });
}

/** The first folder of the (per-run copy of the) fixture workspace. */
export function workspaceFolder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the tests run with the fixture workspace open');
  return first.uri;
}

/**
 * Makes a keyless OpenAI-compatible profile on `baseUrl` (a loopback test server: http is allowed only
 * there) the user's active profile, and resolves once VS Code reflects it.
 */
export async function useLoopbackProfile(baseUrl: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('secureGpt');
  const changed = configurationChanged('secureGpt.profile');
  await config.update(
    'profiles',
    [{ name: 'loopback', kind: 'compatible', baseUrl }],
    vscode.ConfigurationTarget.Global,
  );
  await config.update('profile', 'loopback', vscode.ConfigurationTarget.Global);
  await changed;
}

/** Puts the user's profile settings back to none. */
export async function resetProfiles(): Promise<void> {
  const config = vscode.workspace.getConfiguration('secureGpt');
  await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
  await config.update('profiles', undefined, vscode.ConfigurationTarget.Global);
}

/**
 * A fake OpenAI server for the enclosing suite, with the active profile pointing at it from `before`; `after`
 * resets the profiles, runs `cleanup` (settings the suite changed) and stops the server.
 */
export function loopbackServerForSuite(cleanup?: () => Promise<void>): FakeOpenAi {
  const server = new FakeOpenAi();
  before(async () => {
    await server.start();
    await useLoopbackProfile(server.url);
  });
  after(async () => {
    await resetProfiles();
    await cleanup?.();
    await server.stop();
  });
  return server;
}
