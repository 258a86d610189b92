import * as vscode from 'vscode';
import type { Attachment } from '../../core/pipeline/exclude';
import type { AttachmentChip } from '../../protocol/webview';
import { selectionAttachment } from './actions';

/** Files larger than this are not attached: a request that size would be refused or cost a fortune. */
const MAX_FILE_BYTES = 512 * 1024;
/** At most this many attachments wait for one message. */
const MAX_PENDING = 8;

/** The chip label of an attachment: its path, and the lines when it is a selection. */
export function chipLabel(attachment: Attachment): string {
  if (attachment.startLine === undefined) {
    return attachment.path;
  }
  const last = attachment.startLine + attachment.text.split('\n').length - 1;
  return `${attachment.path}:${attachment.startLine}-${last}`;
}

/**
 * Attachments picked from the chat panel, waiting for the next message. Their text stays here in the
 * host: the webview sees only a label, and the text goes out only through the pipeline with the message
 * (exclusion globs, then redaction), exactly like a palette action's selection.
 */
export class PendingAttachments {
  private items: { id: string; attachment: Attachment }[] = [];
  private next = 1;

  get chips(): AttachmentChip[] {
    return this.items.map(({ id, attachment }) => ({ id, label: chipLabel(attachment) }));
  }

  /** The active editor's selection (the whole file when nothing is selected). */
  attachSelection(): boolean {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a file and select some code to attach.');
      return false;
    }
    return this.add(selectionAttachment(editor));
  }

  /** A file the user picks. */
  async attachFile(): Promise<boolean> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFiles: true,
      canSelectFolders: false,
      openLabel: 'Attach',
      title: 'Attach a file to the next message (secrets in it are replaced by placeholders)',
      ...(vscode.workspace.workspaceFolders?.[0]
        ? { defaultUri: vscode.workspace.workspaceFolders[0].uri }
        : {}),
    });
    const uri = picked?.[0];
    if (!uri) {
      return false;
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) {
      void vscode.window.showWarningMessage(
        `Secure GPT: ${vscode.workspace.asRelativePath(uri, false)} is larger than ${MAX_FILE_BYTES / 1024} KB; attach a selection of it instead.`,
      );
      return false;
    }
    // Through a text document, so the encoding is decoded as the editor would and the language is known.
    const document = await vscode.workspace.openTextDocument(uri);
    return this.add({
      path: vscode.workspace.asRelativePath(uri, false),
      text: document.getText(),
      language: document.languageId,
    });
  }

  remove(id: string): void {
    this.items = this.items.filter((item) => item.id !== id);
  }

  /** Hands the attachments to the message being sent and forgets them. */
  take(): Attachment[] {
    const taken = this.items.map((item) => item.attachment);
    this.items = [];
    return taken;
  }

  clear(): void {
    this.items = [];
  }

  private add(attachment: Attachment): boolean {
    if (this.items.length >= MAX_PENDING) {
      void vscode.window.showInformationMessage(
        `Secure GPT: at most ${MAX_PENDING} attachments per message.`,
      );
      return false;
    }
    this.items.push({ id: `a${this.next++}`, attachment });
    return true;
  }
}
