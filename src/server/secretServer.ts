import type {
  ClientCapabilities,
  Connection,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ResourceOperationKind,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { Logger } from '../core/log';
import { ALLOWLIST_FILE } from '../core/detect/allowlist';
import { CONFIGURATION_SECTION, TestLogRequest } from '../protocol/lsp';
import { codeActionsFor } from './codeActions';
import { defaultDebounce, DiagnosticsPublisher } from './diagnostics';
import type { OpenDocument } from './documents';
import { DocumentStore } from './documents';
import { isRecord, parseDetectionSettings } from './settings';
import type { EditCapabilities } from './workspaceEdit';
import { uriToPath, WorkspaceState } from './workspace';
import { registerWorkspaceScan } from './workspaceScan';

/** Logs through the client's console (`window/logMessage`): the extension shows it in its LogOutputChannel. */
function connectionLogger(connection: Connection): Logger {
  return {
    trace: (m) => connection.console.debug(m),
    debug: (m) => connection.console.debug(m),
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
}

/** Wires document sync, diagnostics, quick fixes and the workspace scan onto `connection`, and starts listening. */
export function startServer(connection: Connection): void {
  const log = connectionLogger(connection);
  const documents: DocumentStore = new DocumentStore((uri) => state.scannerFor(uri));
  const state = new WorkspaceState((path) => documents.byPath(path)?.document.getText(), log);
  const publisher = new DiagnosticsPublisher(connection, state, documents);
  let editCapabilities: EditCapabilities = { documentChanges: false, createFile: false };
  let watchFilesDynamically = false;
  let foldersChange = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    const init: unknown = params.initializationOptions;
    if (isRecord(init)) {
      state.setSettings(parseDetectionSettings(init['settings']));
      const debounceMs = init['debounceMs'];
      if (typeof debounceMs === 'number' && debounceMs >= 0) {
        publisher.timing = { debounceMs, maxWaitMs: Math.max(debounceMs, defaultDebounce.maxWaitMs) };
      }
      if (init['testHooks'] === true) {
        connection.onRequest(
          TestLogRequest.method,
          ({ line }: TestLogRequest.Params): TestLogRequest.Result => {
            log.info(line);
            process.stderr.write(`${line}\n`);
            return null;
          },
        );
      }
    }
    state.setFolders(folders);
    editCapabilities = editCapabilitiesOf(params.capabilities);
    watchFilesDynamically =
      params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    log.info(`Secure GPT language server: ${folders.length} workspace folder(s).`);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'secure-gpt' },
    };
  });

  connection.onInitialized(() => {
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => uriToPath(f.uri)));
        const kept = state.folders.filter((f) => !gone.has(f));
        const more = added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
        state.setFolders([...kept, ...more]);
        publisher.republishAll();
      });
    }
    if (watchFilesDynamically) {
      // Disk changes to these files (a save, a `git checkout`) change what is reported.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.gitignore' }, { globPattern: `**/${ALLOWLIST_FILE}` }],
      });
    }
  });

  connection.onDidChangeConfiguration(({ settings }: { settings: unknown }) => {
    if (isRecord(settings) && CONFIGURATION_SECTION in settings) {
      state.setSettings(parseDetectionSettings(settings[CONFIGURATION_SECTION]));
      publisher.republishAll();
    }
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const kinds = changes
      .map((c) => uriToPath(c.uri))
      .map((p) => (p === undefined ? undefined : state.kindOf(p)));
    reloadState(kinds);
  });

  /** An allowlist or ignore file changed (on disk or in an editor): re-read it and re-publish everything. */
  const reloadState = (kinds: readonly ('allowlist' | 'gitignore' | undefined)[]): boolean => {
    if (kinds.includes('allowlist')) {
      state.reloadAllowlists();
    }
    if (kinds.includes('gitignore')) {
      state.paths.invalidateGitignore();
    }
    const changed = kinds.some((k) => k !== undefined);
    if (changed) {
      publisher.republishAll();
    }
    return changed;
  };
  const special = (entry: OpenDocument | string): boolean => {
    const path = uriToPath(typeof entry === 'string' ? entry : entry.document.uri);
    return reloadState([path === undefined ? undefined : state.kindOf(path)]);
  };

  documents.listen(connection, {
    opened: (entry) => {
      if (!special(entry)) {
        publisher.publishOpen(entry);
      }
    },
    changed: (entry, inserted) => {
      if (!special(entry)) {
        publisher.schedule(entry, inserted);
      }
    },
    saved: (entry) => {
      // A save re-scans the whole text: a cheap safety net under the incremental re-scans.
      entry.findings.invalidateAll();
      publisher.publishOpen(entry);
    },
    closed: (uri) => {
      publisher.closed(uri);
      special(uri); // An allowlist closed without saving falls back to the disk copy.
    },
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const entry = documents.get(textDocument.uri);
    if (!entry) {
      return [];
    }
    const path = uriToPath(textDocument.uri);
    return codeActionsFor(
      {
        document: entry.document,
        path,
        folder: state.folderFor(textDocument.uri),
        relPath: path === undefined ? undefined : state.paths.relativePath(path),
        readText: (p) => state.readText(p),
        isGitIgnored: (p) => state.paths.skipReason(p) === 'git-ignored',
        capabilities: editCapabilities,
      },
      context.diagnostics,
    );
  });

  registerWorkspaceScan(connection, state, documents, publisher);
  connection.listen();
}

function editCapabilitiesOf(capabilities: ClientCapabilities): EditCapabilities {
  const edit = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: edit?.documentChanges === true,
    createFile: edit?.resourceOperations?.includes(ResourceOperationKind.Create) === true,
  };
}
