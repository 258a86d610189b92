import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server/secretServer';
import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';

const HELP = `Usage: secure-gpt lsp --stdio

Runs the Secure GPT language server over stdin/stdout, for editors other than VS Code (Neovim, Helix,
Emacs, Zed...). It publishes a diagnostic for each secret in an open document, with the rule id as the
code and source "secure-gpt". Logs go to stderr; stdout carries only the protocol.
`;

/** `secure-gpt lsp --stdio`: the language server, in this process, for any LSP client. */
export const lspCommand: CliCommand = {
  help: HELP,
  run: runLsp,
};

function runLsp(args: readonly string[], io: CliIo): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--stdio');
  if (!args.includes('--stdio') || unknown.length > 0) {
    // Other transports (--node-ipc, --socket) are for the VS Code client, which starts dist/server.js itself.
    throw new UsageError(
      unknown.length > 0 ? `unknown option '${unknown[0]}' (only --stdio is supported)` : 'pass --stdio',
    );
  }
  // Anything written to stdout that is not a protocol message corrupts the stream: send stray console
  // output to stderr, which editors show in their LSP log.
  const toStderr = (...parts: unknown[]): void => void io.stderr.write(`${format(...parts)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  startServer(createConnection(ProposedFeatures.all, io.stdin, io.stdout));
  // The connection exits the process itself on the `exit` notification or when stdin closes.
  return new Promise<number>(() => undefined);
}
