import * as vscode from 'vscode';
import type { ChatSession } from './chat/chatSession';
import { registerChat } from './chat/registerChat';
import { ChatViewProvider } from './chatView';
import { Log } from './log';
import type { KeysApi } from './keys/registerKeys';
import { registerKeys } from './keys/registerKeys';
import type { SecureGptLanguageClient } from './languageClient';
import { registerLanguageClient } from './languageClient';
import { registerScanWorkspace } from './scanWorkspace';
import type { FindingsStatusBar } from './statusBar';
import { LocalData } from './records/localData';
import { registerSecurity } from './security/registerSecurity';
import { registerStatusBar } from './statusBar';
import { registerWalkthrough } from './walkthrough';

/** What `activate` returns: used by integration tests to observe the running extension. */
export interface SecureGptApi {
  readonly chat: ChatViewProvider;
  /** Key custody: the request-time key owner (`keys.access.withApiKey`, `keys.readKey`) and test hooks. */
  readonly keys: KeysApi;
  /** The language client; `languageClient.ready` resolves once the server answered `initialize`. */
  readonly languageClient: SecureGptLanguageClient;
  readonly findingsStatusBar: FindingsStatusBar;
  /** The chat session every request from the editor goes through. */
  readonly session: ChatSession;
  /** Audit log, usage and history on disk. */
  readonly data: LocalData;
}

// Each feature registers itself from its own module with one line below: `registerX(context, log)`.
export function activate(context: vscode.ExtensionContext): SecureGptApi {
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
    const languageClient = registerLanguageClient(context, log);
    registerScanWorkspace(context, log, languageClient);
    const findingsStatusBar = registerStatusBar(context, log);
    const data = new LocalData(context, log);
    registerSecurity(context, keys.access, data, log);
    const session = registerChat(context, chat, keys.access, data, log);
    registerWalkthrough(context);
    log.info(`Secure GPT activated (VS Code ${vscode.version}).`);
    return { chat, keys, languageClient, findingsStatusBar, session, data };
  } catch (error) {
    // Show, then rethrow so VS Code marks the activation failed.
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Secure GPT failed to start: ${message}`);
    throw error;
  }
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
