import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scan } from '../core/detect/scanner';
import type { Finding } from '../core/detect/finding';
import { DIAGNOSTIC_SOURCE } from '../protocol/lsp';

/** Wires document sync and diagnostics onto `connection` and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'secure-gpt' },
  }));

  const publish = (document: TextDocument): void => {
    const diagnostics = scan(document.getText()).map(toDiagnostic);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidSave((e) => publish(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  documents.listen(connection);
  connection.listen();
}

function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: {
      start: { line: finding.startPos.line, character: finding.startPos.column },
      end: { line: finding.endPos.line, character: finding.endPos.column },
    },
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}
