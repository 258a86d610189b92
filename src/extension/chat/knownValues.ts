import * as vscode from 'vscode';
import { loadKnownValues } from '../../core/known/knownValueSource';
import type { KnownValue } from '../../core/pipeline/knownValues';

/** Where the adapter says what it could not read: paths and error codes only. */
interface NoteSink {
  warn(message: string): void;
}

/**
 * The workspace's known values for the guard, from the one core source (`loadKnownValues`): the `.env`
 * files from each folder's git root down. The search is asynchronous and bounded, so the editor stays
 * responsive. Folders not on the local file system (virtual workspaces) have no `.env` files to read.
 */
export async function workspaceEnvValues(log?: NoteSink): Promise<KnownValue[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const starts = folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (starts.length === 0) {
    return [];
  }
  const { values, notes } = await loadKnownValues({ starts });
  for (const note of notes) {
    log?.warn(`Known values: ${note}`);
  }
  return [...values];
}
