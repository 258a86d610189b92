import type { ChildProcess } from 'node:child_process';
import { fork, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { nodeBundleOptions } from '../support/nodeBundle';

/**
 * Bundles src/server/server.ts the way esbuild.js does, into a temporary directory: the test runs the real
 * bundle (what ships, and what `secure-gpt lsp --stdio` starts) without depending on a stale dist/ or
 * writing into it while others build.
 */
export async function buildServerBundle(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'secure-gpt-lsp-')), 'server.js');
  await build(nodeBundleOptions('src/server/server.ts', outfile));
  return outfile;
}

interface Waiter {
  readonly uri: string;
  readonly accept: (diagnostics: readonly Diagnostic[]) => boolean;
  readonly resolve: (diagnostics: Diagnostic[]) => void;
}

/** A plain-Node LSP client over the server's stdio, recording everything the server sends. */
export class LspTestClient {
  /** Every notification and request the server sent, as JSON text: tests search it for leaked secrets. */
  readonly transcript: string[] = [];
  stderr = '';
  private readonly waiters: Waiter[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    connection.onNotification((method, params) => {
      this.transcript.push(JSON.stringify({ method, params }));
      if (method === 'textDocument/publishDiagnostics') {
        this.onDiagnostics(params as PublishDiagnosticsParams);
      }
    });
    connection.onRequest((method, params) => {
      this.transcript.push(JSON.stringify({ method, params }));
      return null; // client/registerCapability and the like: accepted.
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  /**
   * Spawns `node serverJs --stdio` and runs `initialize`/`initialized`. With `transport: 'ipc'` the server is
   * forked with `--node-ipc`, as VS Code's language client starts it; `execArgv` and `env` go to its Node.
   */
  static async start(
    serverJs: string,
    options: {
      rootPath?: string;
      initializationOptions?: unknown;
      transport?: 'stdio' | 'ipc';
      execArgv?: readonly string[];
      env?: NodeJS.ProcessEnv;
    } = {},
  ): Promise<{ client: LspTestClient; init: InitializeResult }> {
    let child: ChildProcess;
    let connection: MessageConnection;
    const env = options.env ?? process.env;
    if (options.transport === 'ipc') {
      child = fork(serverJs, ['--node-ipc'], {
        execArgv: [...(options.execArgv ?? [])],
        env,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      const stdio = spawn(process.execPath, [...(options.execArgv ?? []), serverJs, '--stdio'], {
        stdio: 'pipe',
        env,
      });
      child = stdio;
      connection = createMessageConnection(
        new StreamMessageReader(stdio.stdout),
        new StreamMessageWriter(stdio.stdin),
      );
    }
    const client = new LspTestClient(child, connection);
    connection.listen();
    const rootUri = options.rootPath === undefined ? null : pathToFileURL(options.rootPath).href;
    const init = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri === null ? null : [{ uri: rootUri, name: 'root' }],
      capabilities: {
        workspace: {
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
      initializationOptions: options.initializationOptions ?? {},
    });
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  /** Resolves with the next published diagnostics of `uri` that `accept` takes; register it before acting. */
  nextDiagnostics(
    uri: string,
    accept: (d: readonly Diagnostic[]) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    return new Promise((resolvePromise) => this.waiters.push({ uri, accept, resolve: resolvePromise }));
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) {
        await new Promise<void>((done) => {
          this.child.once('exit', () => done());
          // The server exits on `exit`; a kill is only the fallback for a server that ignored it.
          setTimeout(() => this.child.kill(), 2000).unref();
        });
      }
    }
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i]!;
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
        this.waiters.splice(i, 1);
        waiter.resolve(params.diagnostics);
        return;
      }
    }
  }
}
