import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { registerChat } from './chat/registerChat';
import { registerGateway } from './gateway/registerGateway';
import { ChatViewProvider } from './chat/chatView';
import { Log } from './log';
import { registerKeys } from './keys/registerKeys';
import { registerLanguageClient } from './languageClient';
import { registerScanWorkspace } from './scanWorkspace';
import { LocalData } from './records/localData';
import { registerSecurity } from './security/registerSecurity';
import { registerStatusBar } from './statusBar';
import { publishTestHooks, testHooksToken } from './testHooks';
import { registerWalkthrough } from './walkthrough';

// Each feature registers itself from its own module with one line below: `registerX(context, log)`.
// `activate` returns nothing: its return value is `exports`, which any installed extension can read, and nothing
// here is safe for another extension to hold (keys, conversations, history, audit, the UI). Integration tests get
// their hooks through `publishTestHooks`, which a production host never opens.
export function activate(context: vscode.ExtensionContext): void {
  const began = performance.now();
  const log = new Log();
  context.subscriptions.push(log);
  try {
    const chat = new ChatViewProvider(context.extensionUri, log);
    context.subscriptions.push(
      chat,
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewType, chat, {
        webviewOptions: { retainContextWhenHidden: true },
      }),
      vscode.commands.registerCommand('secureGpt.showLog', () => log.show()),
    );
    const keys = registerKeys(context, log);
    const testHost = testHooksToken(context) !== undefined;
    const languageClient = registerLanguageClient(context, log, { testHooks: testHost });
    registerScanWorkspace(context, log, languageClient);
    const findingsStatusBar = registerStatusBar(context, log);
    const data = new LocalData(context, log);
    registerSecurity(context, keys.access, keys.ui, data, log);
    const session = registerChat(context, chat, keys.access, data, log);
    registerWalkthrough(context);
    const gateway = registerGateway(context, keys.access, log);
    const returned = performance.now();
    log.info(`Secure GPT activated in ${(returned - began).toFixed(1)} ms (VS Code ${vscode.version}).`);
    languageClient.ready.then(
      () =>
        log.info(
          `Language server ready ${(performance.now() - began).toFixed(0)} ms after activation began.`,
        ),
      () => undefined, // Already shown and logged.
    );
    publishTestHooks(context, {
      chat,
      keys,
      languageClient,
      findingsStatusBar,
      session,
      data,
      gateway,
      activation: { began, returned },
    });
  } catch (error) {
    // Show, then rethrow so VS Code marks the activation failed.
    log.showError('failed to start', error);
    throw error;
  }
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
