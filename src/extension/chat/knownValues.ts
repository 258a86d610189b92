import * as vscode from 'vscode';
import type { KnownValue } from '../../core/pipeline/knownValues';
import { envKnownValues } from '../../core/pipeline/knownValues';

/** Values of the workspace's `.env` files, for the known-value guard. Bounded: 50 files, 1 MB each. */
export async function workspaceEnvValues(): Promise<KnownValue[]> {
  const files = await vscode.workspace.findFiles('**/.env*', '**/node_modules/**', 50);
  const values: KnownValue[] = [];
  for (const uri of files) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > 1024 * 1024) {
        continue;
      }
      values.push(...envKnownValues(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    } catch {
      // unreadable: nothing to guard from it
    }
  }
  return values;
}
