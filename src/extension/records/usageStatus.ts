import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import type { LocalData } from './localData';

/** Status-bar figure of today's token usage; click for the usage view. */
export function registerUsageStatus(data: LocalData): DisposableLike {
  const item = vscode.window.createStatusBarItem('secureGpt.usage', vscode.StatusBarAlignment.Right, 90);
  item.name = 'Secure GPT Usage';
  item.command = 'secureGpt.showUsage';
  const refresh = async (): Promise<void> => {
    const tokens = await data.usage.tokensToday();
    item.text = `$(pulse) Tokens today: ${tokens.toLocaleString('en-US')}`;
    item.tooltip = `Secure GPT: ${tokens.toLocaleString('en-US')} tokens today. Click for usage per day and model.`;
    item.show();
  };
  void refresh();
  return DisposableStore.of(
    item,
    data.onDidChange(() => void refresh()),
  );
}
