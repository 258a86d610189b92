import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { walk } from '../core/fs/walk';
import { ScanProgressNotification, ScanWorkspaceRequest } from '../protocol/lsp';
import type { DiagnosticsPublisher } from './diagnostics';
import type { DocumentStore } from './documents';
import type { WorkspaceState } from './workspace';

/** Files above this size are skipped: minified bundles and data dumps, not hand-written config. */
export const MAX_FILE_SIZE = 4 * 1024 * 1024;

/** How long the scan may hold the event loop before it lets cancellations and edits through. */
const SLICE_MS = 20;
const PROGRESS_MS = 100;

/**
 * Handles `secureGpt/scanWorkspace`. The server scans rather than the extension host: the scan runs off
 * the editor's extension thread, uses the same walk (gitignore, binary and size rules) as
 * `secure-gpt scan`, and its results share one publisher with the open documents, so a file is never
 * reported twice and the quick fixes apply to both.
 */
export function registerWorkspaceScan(
  connection: Connection,
  state: WorkspaceState,
  documents: DocumentStore,
  publisher: DiagnosticsPublisher,
): void {
  connection.onRequest(
    ScanWorkspaceRequest.method,
    (_params: ScanWorkspaceRequest.Params, token: CancellationToken) =>
      scanWorkspace(connection, state, documents, publisher, token),
  );
}

/** Scans every workspace folder from disk, publishing as it goes; stops at the first file after a cancellation. */
export async function scanWorkspace(
  connection: Pick<Connection, 'sendNotification'>,
  state: WorkspaceState,
  documents: DocumentStore,
  publisher: DiagnosticsPublisher,
  token: CancellationToken,
): Promise<ScanWorkspaceRequest.Result> {
  publisher.clearWorkspaceResults();
  let scanned = 0;
  let skipped = 0;
  let findings = 0;
  let filesWithFindings = 0;
  let sliceStart = Date.now();
  let lastProgress = sliceStart;
  const entries = walk(state.folders, {
    maxFileSize: MAX_FILE_SIZE,
    // Directories are left to the walk's ignore files; `ignorePaths` globs name files (`dist/**`).
    exclude: (path, isDirectory) => !isDirectory && state.paths.skipReason(path) === 'ignore-path',
  });
  for (const entry of entries) {
    if (token.isCancellationRequested) {
      return { scanned, skipped, findings, filesWithFindings, cancelled: true };
    }
    if (entry.kind !== 'file') {
      skipped++;
    } else {
      scanned++;
      const open = documents.byPath(entry.path);
      let count: number;
      if (open) {
        // An open editor's text is newer than the disk's and already has live diagnostics.
        publisher.publishOpen(open);
        count = open.findings.current.length;
      } else {
        const found = state.scan(pathToFileURL(entry.path).href, entry.text);
        publisher.publishScanned(entry.path, found);
        count = found.length;
      }
      findings += count;
      filesWithFindings += count > 0 ? 1 : 0;
    }
    const now = Date.now();
    if (now - sliceStart >= SLICE_MS) {
      if (now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        void connection.sendNotification(ScanProgressNotification.method, { scanned, findings });
      }
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  return { scanned, skipped, findings, filesWithFindings, cancelled: false };
}
