import * as vscode from 'vscode';

/**
 * Settings that decide where requests and keys go. They are application- or machine-scoped, so VS Code
 * ignores them in a workspace's `.vscode/settings.json`; a repository that sets them is trying to
 * redirect the user's key or code, and the user is told.
 */
export const PROTECTED_SETTINGS: readonly string[] = [
  'secureGpt.profile',
  'secureGpt.profiles',
  'secureGpt.allowEnvironmentKey',
  'secureGpt.endpoint.allowedHosts',
  'secureGpt.redaction.policy',
  'secureGpt.redaction.excludeGlobs',
  'secureGpt.limits.requestsPerMinute',
  'secureGpt.limits.tokensPerMinute',
  'secureGpt.budget.dailyTokens',
  'secureGpt.budget.monthlyTokens',
  'secureGpt.budget.monthlyCostUsd',
  'secureGpt.audit.includePrompts',
  'secureGpt.moderation',
];

/** The protected settings a workspace (or folder) settings file tries to set. */
export async function workspaceOverrides(): Promise<string[]> {
  const found = new Set<string>();
  const config = vscode.workspace.getConfiguration();
  for (const key of PROTECTED_SETTINGS) {
    const inspected = config.inspect(key);
    if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
      found.add(key);
    }
  }
  // VS Code may drop application-scoped keys from a workspace file before `inspect` sees them, so read
  // the files too; the key names are all we look for.
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      for (const key of PROTECTED_SETTINGS) {
        if (text.includes(`"${key}"`)) {
          found.add(key);
        }
      }
    } catch {
      // no settings file
    }
  }
  return [...found].sort();
}

/** Warns once per activation when the workspace tries to set protected settings; they stay ignored. */
export async function warnAboutWorkspaceOverrides(log: { warn(message: string): void }): Promise<string[]> {
  const keys = await workspaceOverrides();
  if (keys.length > 0) {
    const message =
      `This workspace's settings try to set ${keys.join(', ')}. Secure GPT ignores them: where requests and ` +
      'keys go is decided only in your user settings.';
    log.warn(message);
    void vscode.window.showWarningMessage(message);
  }
  return keys;
}
