import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentScanner } from './incremental';
import { IncrementalFindings } from './incremental';
import { uriToPath } from './workspace';

/** An open document with the findings that follow its edits. */
export interface OpenDocument {
  document: TextDocument;
  readonly findings: IncrementalFindings;
}

/** What the store reports; each handler runs after the document state is updated. */
export interface DocumentListener {
  opened(entry: OpenDocument): void;
  /** `inserted`: the most text any one change inserted (a paste inserts many characters at once, typing one). */
  changed(entry: OpenDocument, inserted: number): void;
  saved(entry: OpenDocument): void;
  closed(uri: string): void;
}

/**
 * The open documents, synced incrementally. It replaces `TextDocuments` from vscode-languageserver because
 * that one reports only the new text, and the incremental re-scan needs each change's range.
 */
export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();
  /** File system path to URI: clients spell URIs differently (percent-encoding), paths compare reliably. */
  private readonly paths = new Map<string, string>();

  constructor(private readonly scanner: (uri: string) => DocumentScanner) {}

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  /** The open document of a file, if any. */
  byPath(fsPath: string): OpenDocument | undefined {
    const uri = this.paths.get(fsPath);
    return uri === undefined ? undefined : this.open.get(uri);
  }

  all(): IterableIterator<OpenDocument> {
    return this.open.values();
  }

  /** Registers the text document sync handlers on `connection`. */
  listen(connection: Connection, listener: DocumentListener): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const entry: OpenDocument = {
        document: TextDocument.create(t.uri, t.languageId, t.version, t.text),
        findings: new IncrementalFindings(this.scanner(t.uri)),
      };
      this.open.set(t.uri, entry);
      const path = uriToPath(t.uri);
      if (path !== undefined) {
        this.paths.set(path, t.uri);
      }
      listener.opened(entry);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const entry = this.open.get(textDocument.uri);
      if (!entry) {
        return;
      }
      this.apply(entry, contentChanges, textDocument.version);
      listener.changed(entry, Math.max(0, ...contentChanges.map((c) => c.text.length)));
    });
    connection.onDidSaveTextDocument(({ textDocument }) => {
      const entry = this.open.get(textDocument.uri);
      if (entry) {
        listener.saved(entry);
      }
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      if (this.open.delete(textDocument.uri)) {
        const path = uriToPath(textDocument.uri);
        if (path !== undefined && this.paths.get(path) === textDocument.uri) {
          this.paths.delete(path);
        }
        listener.closed(textDocument.uri);
      }
    });
  }

  /** Applies changes one at a time: each change's range is relative to the text after the previous one. */
  private apply(
    entry: OpenDocument,
    changes: readonly TextDocumentContentChangeEvent[],
    version: number,
  ): void {
    for (const change of changes) {
      entry.findings.noteChange(change);
      entry.document = TextDocument.update(entry.document, [change], version);
    }
  }
}
