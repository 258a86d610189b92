import * as vscode from 'vscode';
import type { Settings, SettingProblem } from '../../core/config/settings';
import { readSettings } from '../../core/config/settings';

/** The validated `secureGpt.*` settings, read now. Bad values come back as defaults plus problems. */
export function currentSettings(): { settings: Settings; problems: SettingProblem[] } {
  const config = vscode.workspace.getConfiguration('secureGpt');
  return readSettings((key) => {
    // Application-scoped settings: only the user's own value counts, never a workspace's.
    const inspected = config.inspect(key);
    return inspected?.globalValue;
  });
}

/** Whether the user set `secureGpt.model` themselves: its default names an OpenAI model, wrong for a local server. */
export function modelConfigured(): boolean {
  return vscode.workspace.getConfiguration('secureGpt').inspect('model')?.globalValue !== undefined;
}
