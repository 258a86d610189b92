import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DisposableLike } from '../core/disposable';
import { DisposableStore } from '../core/disposable';
import { registerChat } from './chat/registerChat';
import { registerGateway } from './gateway/registerGateway';
import { ChatViewProvider } from './chat/chatView';
import { Log } from './log';
import { createKeys, registerKeyCommands } from './keys/registerKeys';
import { registerLanguageClient } from './languageClient';
import { registerScanWorkspace } from './scanWorkspace';
import { LocalData } from './records/localData';
import { registerSecurity } from './security/registerSecurity';
import { FindingsStatusBar } from './statusBar';
import { publishTestHooks, testHooksToken } from './testHooks';
import { registerWalkthrough } from './walkthrough';

// Each feature registers itself from its own module with one line below, and hands back the one owner of what it
// set up (a `Disposable` from core/disposable.ts): this is the only place that touches `context.subscriptions`.
// `activate` returns nothing: its return value is `exports`, which any installed extension can read, and nothing
// here is safe for another extension to hold (keys, conversations, history, audit, the UI). Integration tests get
// their hooks through `publishTestHooks`, which a production host never opens.
export function activate(context: vscode.ExtensionContext): void {
  const began = performance.now();
  const log = new Log();
  // One store in `context.subscriptions` holds every top-level owner, so that deactivation releases them last
  // first (VS Code disposes its list in order): the log goes last, after everything that may write to it.
  const owners = new DisposableStore();
  context.subscriptions.push(owners);
  const own = <T extends DisposableLike>(owner: T): T => owners.add(owner);
  own(log);
  try {
    const chat = own(new ChatViewProvider(context.extensionUri, log));
    own(
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewType, chat, {
        webviewOptions: { retainContextWhenHidden: true },
      }),
    );
    own(vscode.commands.registerCommand('secureGpt.showLog', () => log.show()));
    // Starts reading the chat history now, so that it is in memory when the restored view asks for its page.
    const data = own(new LocalData(context, log));
    const keys = createKeys(context, log);
    own(registerKeyCommands(keys, log));
    const testHost = testHooksToken(context) !== undefined;
    const languageClient = own(registerLanguageClient(context, log, { testHooks: testHost }));
    own(registerScanWorkspace(log, languageClient));
    const findingsStatusBar = own(new FindingsStatusBar());
    own(registerSecurity(context, keys.access, keys.ui, data, log));
    const { session } = own(registerChat(context.secrets, chat, keys.access, data, log));
    own(registerWalkthrough());
    const { gateway } = own(registerGateway(context, keys.access, log));
    const returned = performance.now();
    log.info(`Secure GPT activated in ${(returned - began).toFixed(1)} ms (VS Code ${vscode.version}).`);
    languageClient.ready.then(
      () =>
        log.info(
          `Language server ready ${(performance.now() - began).toFixed(0)} ms after activation began.`,
        ),
      () => undefined, // Already shown and logged.
    );
    own(
      publishTestHooks(context, {
        chat,
        keys,
        languageClient,
        findingsStatusBar,
        session,
        data,
        gateway,
        activation: { began, returned },
      }),
    );
  } catch (error) {
    // Show, then rethrow so VS Code marks the activation failed.
    log.showError('failed to start', error);
    throw error;
  }
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
