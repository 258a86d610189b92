import { performance } from 'node:perf_hooks';
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
import { Disposable, toDisposable } from '../core/disposable';
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
 * It owns what is tied to this client's lifetime (the rust-analyzer split), so disposing it releases exactly
 * what it set up and stops the server.
 */
export class SecureGptLanguageClient extends Disposable {
  /** Resolves once the server has answered `initialize`; rejects if it could not start. */
  readonly ready: Promise<void>;
  /** `performance.now()` when `start` ran and when the server answered: the activation figures. */
  startedAt: number | undefined;
  readyAt: number | undefined;
  private startServer: (() => void) | undefined;
  private started: LanguageClient | undefined;

  constructor(context: vscode.ExtensionContext, log: Log, options: { testHooks?: boolean } = {}) {
    super();
    // Registered first, so released last: the settings listener goes before the server stops.
    this.register(
      toDisposable(() => {
        // Never started: nothing to stop, and it must not start now.
        this.startServer = undefined;
        // `stop` waits for the server's shutdown reply (with languageclient's own timeout).
        void this.started?.stop().catch(() => undefined);
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIGURATION_SECTION}.detection`) && this.started?.isRunning()) {
          void this.started.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [CONFIGURATION_SECTION]: readDetectionSettings() },
          });
        }
      }),
    );
    this.ready = new Promise<void>((resolve) => {
      this.startServer = () => {
        this.startedAt = performance.now();
        // Built here, not in the constructor: languageclient's constructor sets up every feature it has
        // (tens of milliseconds), which `activate` need not wait for.
        this.started = createClient(context, log, options);
        resolve(
          this.started.start().then(
            () => void (this.readyAt = performance.now()),
            (error: unknown) => {
              log.showError('inline secret warnings are off (the language server did not start)', error);
              throw error;
            },
          ),
        );
      };
    });
  }

  /** The client, once `start` has run (await `ready` first). */
  get client(): LanguageClient {
    if (!this.started) {
      throw new Error('the language client has not started yet: await `ready` first');
    }
    return this.started;
  }

  /** Starts the server process; once only. */
  start(): void {
    const start = this.startServer;
    this.startServer = undefined;
    start?.();
  }
}

function createClient(
  context: vscode.ExtensionContext,
  log: Log,
  options: { testHooks?: boolean },
): LanguageClient {
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
  return new LanguageClient('secureGpt', 'Secure GPT', serverOptions, clientOptions);
}

/**
 * The language client for the extension's lifetime; the caller owns it. Its server starts after `activate`
 * returns (with the features bundle): building the client, forking the server and its handshake need not hold up activation: the editor waits on activation
 * (other extensions' activation events queue behind it) but not on the first diagnostics.
 */
export function registerLanguageClient(
  context: vscode.ExtensionContext,
  log: Log,
  options: { testHooks?: boolean } = {},
): SecureGptLanguageClient {
  const client = new SecureGptLanguageClient(context, log, options);
  setImmediate(() => client.start());
  // Activation must not fail because the server did; the error is already shown and logged.
  client.ready.catch(() => undefined);
  return client;
}
