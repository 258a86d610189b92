import * as vscode from 'vscode';
import { ScanProgressNotification, ScanWorkspaceRequest } from '../protocol/lsp';
import type { SecureGptLanguageClient } from './languageClient';
import type { Log } from './log';

/** The command id, as contributed in package.json. */
export const SCAN_WORKSPACE_COMMAND = 'secureGpt.scanWorkspace';

/**
 * Runs a workspace scan in the language server, showing a cancellable progress notification; the
 * findings land in the Problems panel as the server publishes them. Undefined when there is nothing to
 * scan or the server is not running.
 *
 * The server scans rather than this extension host: the walk stays off the thread every other
 * extension shares, it uses the same gitignore, binary and size rules as `secure-gpt scan`, and its
 * diagnostics share one publisher (and one set of quick fixes) with the open documents.
 */
export async function scanWorkspace(
  lsp: SecureGptLanguageClient,
  log: Log,
): Promise<ScanWorkspaceRequest.Result | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Secure GPT: open a folder to scan it for secrets.');
    return undefined;
  }
  await lsp.ready;
  const client = lsp.client;
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Secure GPT: scanning for secrets',
      cancellable: true,
    },
    async (progress, token) => {
      const listener = client.onNotification(
        ScanProgressNotification.method,
        (p: ScanProgressNotification.Params) =>
          progress.report({ message: `${p.scanned} files, ${plural(p.findings, 'finding')}` }),
      );
      try {
        return await client.sendRequest<ScanWorkspaceRequest.Result>(ScanWorkspaceRequest.method, {}, token);
      } finally {
        listener.dispose();
      }
    },
  );
  log.info(
    `Workspace scan${result.cancelled ? ' (cancelled)' : ''}: ${result.scanned} files scanned, ${result.skipped} skipped, ` +
      `${result.findings} findings in ${result.filesWithFindings} files.`,
  );
  const summary = result.cancelled ? 'Secure GPT: scan cancelled' : 'Secure GPT: scan done';
  if (result.findings === 0) {
    void vscode.window.showInformationMessage(`${summary}, no secrets in ${plural(result.scanned, 'file')}.`);
  } else {
    void vscode.window
      .showWarningMessage(
        `${summary}: ${plural(result.findings, 'secret')} in ${plural(result.filesWithFindings, 'file')}.`,
        'Show Problems',
      )
      .then((choice) =>
        choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined,
      );
  }
  return result;
}

/** Registers "Secure GPT: Scan Workspace for Secrets". */
export function registerScanWorkspace(log: Log, lsp: SecureGptLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SCAN_WORKSPACE_COMMAND, async () => {
    try {
      return await scanWorkspace(lsp, log);
    } catch (error) {
      // A cancelled request rejects in some client versions; that is the user's choice, not a failure.
      if (error instanceof Error && /cancel/i.test(error.message)) {
        return undefined;
      }
      log.showError('the workspace scan failed', error);
      return undefined;
    }
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
