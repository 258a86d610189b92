import * as vscode from 'vscode';
import type { RedactionMap } from '../../core/pipeline/redactionMap';
import type { RestoreAction, RestoreTarget, RestoreUi } from '../../core/restore/restorePolicy';
import { restoreForAction } from '../../core/restore/restorePolicy';
import type { WebviewToHost } from '../../protocol/webview';

type CodeMessage = Extract<WebviewToHost, { type: 'copyCode' | 'insertCode' | 'applyCode' }>;

const PROPOSED_SCHEME = 'secure-gpt-proposed';
const proposals = new Map<string, string>();
let proposalCount = 0;

/** Serves the right side of the Apply diff from memory: restored values never touch the disk. */
export const proposedContentProvider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => proposals.get(uri.toString()) ?? '',
};

export function registerProposedContent(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, proposedContentProvider);
}

/** What Copy, Insert and Apply need to follow the restore policy. */
export interface RestoreContext {
  /** The conversation's placeholders and values (in memory only). */
  readonly map: RedactionMap;
  /** `secureGpt.redaction.restoreOnInsert`: off, placeholders are written as they are. */
  readonly enabled: boolean;
  readonly ui: RestoreUi;
}

/**
 * Copy, Insert at cursor, or Apply (as a diff the user accepts) a code block from an answer, through the
 * restore policy: environment references by default, real values only on an explicit choice, never the
 * key. Values are restored here, locally; they never go back to the model.
 */
export async function handleCodeAction(message: CodeMessage, context: RestoreContext): Promise<void> {
  const restore = (action: RestoreAction, target: RestoreTarget | undefined): Promise<string | undefined> =>
    restoreForAction(message.code, action, { ...context, target });
  if (message.type === 'copyCode') {
    // No document to go into: the code block's fence says the language, else the active editor's.
    const active = vscode.window.activeTextEditor?.document;
    const target =
      message.language !== ''
        ? { languageId: message.language.toLowerCase() }
        : active && { languageId: active.languageId, fileName: active.fileName };
    const code = await restore('copy', target);
    if (code !== undefined) {
      await vscode.env.clipboard.writeText(code);
    }
    return;
  }
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  if (!editor) {
    void vscode.window.showInformationMessage('Open an editor to insert or apply the code into.');
    return;
  }
  const target = { languageId: editor.document.languageId, fileName: editor.document.fileName };
  const code = await restore(message.type === 'insertCode' ? 'insert' : 'apply', target);
  if (code === undefined) {
    return;
  }
  if (message.type === 'insertCode') {
    await editor.edit((edit) => edit.replace(editor.selection, code));
    return;
  }
  const document = editor.document;
  const range = editor.selection.isEmpty ? fullRange(document) : editor.selection;
  const proposed =
    document.getText().slice(0, document.offsetAt(range.start)) +
    code +
    document.getText().slice(document.offsetAt(range.end));
  const uri = vscode.Uri.from({
    scheme: PROPOSED_SCHEME,
    path: `/${++proposalCount}/${document.fileName.split(/[\\/]/).pop() ?? 'proposed'}`,
  });
  proposals.set(uri.toString(), proposed);
  try {
    await vscode.commands.executeCommand(
      'vscode.diff',
      document.uri,
      uri,
      `${vscode.workspace.asRelativePath(document.uri)} ↔ proposed change`,
    );
    const choice = await vscode.window.showInformationMessage(
      `Apply the proposed change to ${vscode.workspace.asRelativePath(document.uri)}?`,
      'Apply',
      'Discard',
    );
    if (choice === 'Apply') {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, range, code);
      await vscode.workspace.applyEdit(edit);
    }
  } finally {
    proposals.delete(uri.toString());
  }
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
}

/** Opens a link from an answer only after a confirmation that shows the whole URL; only web and mail links. */
export async function openLinkAfterConfirm(raw: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(raw, true);
  } catch {
    void vscode.window.showWarningMessage('That link is not a valid URL and was not opened.');
    return false;
  }
  if (!['http', 'https', 'mailto'].includes(uri.scheme)) {
    void vscode.window.showWarningMessage(`Links of the '${uri.scheme}' kind are not opened from answers.`);
    return false;
  }
  const choice = await vscode.window.showWarningMessage(
    `Open this link from a model answer?\n\n${uri.toString(true)}`,
    { modal: true },
    'Open Link',
  );
  if (choice !== 'Open Link') {
    return false;
  }
  return vscode.env.openExternal(uri);
}
