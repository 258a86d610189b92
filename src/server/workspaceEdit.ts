import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CreateFile, TextDocumentEdit } from 'vscode-languageserver';

/** What the client said it can apply (`workspace.workspaceEdit` capabilities). */
export interface EditCapabilities {
  readonly documentChanges: boolean;
  /** Resource operations include `create`. */
  readonly createFile: boolean;
}

/**
 * Builds one `WorkspaceEdit` across files, in `documentChanges` form when the client supports it (needed
 * to create `.env` or the allowlist file), else in plain `changes` form, where creating a file is refused.
 */
export class EditBuilder {
  private readonly documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  private readonly changes: Record<string, TextEdit[]> = {};

  constructor(private readonly capabilities: EditCapabilities) {}

  /** Edits a file; `version` pins an open document so a stale fix is rejected instead of misapplied. */
  edit(uri: string, version: number | null, edits: TextEdit[]): this {
    if (this.capabilities.documentChanges) {
      this.documentChanges.push(TextDocumentEdit.create({ uri, version }, edits));
    } else {
      (this.changes[uri] ??= []).push(...edits);
    }
    return this;
  }

  /** Creates a file if missing; false when the client cannot, and the caller should not offer the fix. */
  create(uri: string): boolean {
    if (!this.capabilities.documentChanges || !this.capabilities.createFile) {
      return false;
    }
    this.documentChanges.push(CreateFile.create(uri, { ignoreIfExists: true }));
    return true;
  }

  build(): WorkspaceEdit {
    return this.capabilities.documentChanges
      ? { documentChanges: this.documentChanges }
      : { changes: this.changes };
  }
}

/** The position just past the end of `text`. */
export function endOf(text: string): Position {
  const lastBreak = text.lastIndexOf('\n');
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return { line, character: text.length - lastBreak - 1 };
}

/** An edit that appends `lines` to a file whose text is `text`, starting a new line if the file does not end with one. */
export function appendLines(text: string, lines: string): TextEdit {
  const end = endOf(text);
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return { range: { start: end, end }, newText: sep + lines };
}
