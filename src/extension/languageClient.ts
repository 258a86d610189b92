import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  TransportKind,
} from 'vscode-languageclient/node';
import type {
  DetectionSettings,
  InitializationOptions,
  SecureGptSettings,
  SeverityOverride,
} from '../protocol/lsp';
import { CONFIGURATION_SECTION } from '../protocol/lsp';
import type { Log } from './log';

/** The settings the server needs, read fresh from the workspace configuration. */
export function readDetectionSettings(): SecureGptSettings {
  const config = vscode.workspace.getConfiguration(`${CONFIGURATION_SECTION}.detection`);
  const detection: DetectionSettings = {
    disabledRules: config.get<string[]>('disabledRules', []),
    severityOverrides: config.get<Record<string, SeverityOverride>>('severityOverrides', {}),
    ignorePaths: config.get<string[]>('ignorePaths', []),
  };
  return { detection };
}

/**
 * The Secure GPT language client: starts dist/server.js over IPC and keeps it told of settings changes.
 * It owns its own list of disposables (the rust-analyzer split): everything tied to this client's
 * lifetime goes there, so stopping the client releases exactly what it set up.
 */
export class SecureGptLanguageClient implements vscode.Disposable {
  readonly client: LanguageClient;
  /** Resolves once the server has answered `initialize`; rejects if it could not start. */
  readonly ready: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, log: Log, options: { testHooks?: boolean } = {}) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const initializationOptions: InitializationOptions = {
      settings: readDetectionSettings(),
      ...(options.testHooks ? { testHooks: true } : {}),
    };
    const clientOptions: LanguageClientOptions = {
      // Secrets get pasted into any kind of file, so every file and untitled document is synced.
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      // The log's channel scrubs every line: the server's console, its stdout/stderr and the protocol trace.
      outputChannel: log.channel,
      traceOutputChannel: log.channel,
      initializationOptions,
    };
    this.client = new LanguageClient('secureGpt', 'Secure GPT', serverOptions, clientOptions);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIGURATION_SECTION}.detection`) && this.client.isRunning()) {
          void this.client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [CONFIGURATION_SECTION]: readDetectionSettings() },
          });
        }
      }),
    );
    this.ready = this.client.start().catch((error: unknown) => {
      log.showError('inline secret warnings are off (the language server did not start)', error);
      throw error;
    });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    // `stop` waits for the server's shutdown reply (with languageclient's own timeout).
    void this.client.stop().catch(() => undefined);
  }
}

/** Starts the language client for the extension's lifetime. */
export function registerLanguageClient(
  context: vscode.ExtensionContext,
  log: Log,
  options: { testHooks?: boolean } = {},
): SecureGptLanguageClient {
  const client = new SecureGptLanguageClient(context, log, options);
  context.subscriptions.push(client);
  // Activation must not fail because the server did; the error is already shown and logged.
  client.ready.catch(() => undefined);
  return client;
}
