import * as vscode from 'vscode';
import type { Decision, DecisionRequest } from '../../core/pipeline/prepare';

/** The `ask` policy in the editor: show what was found (kinds and masked previews), let the user choose. */
export async function decideInModal(request: DecisionRequest): Promise<Decision> {
  const lines = request.redactions.map((r) => `${r.ruleId} ${r.preview} (${r.source})`);
  const choice = await vscode.window.showWarningMessage(
    `This request holds ${request.redactions.length} secret(s): ${lines.slice(0, 5).join('; ')}${lines.length > 5 ? '…' : ''}`,
    { modal: true },
    'Send with Placeholders',
    'Send Selected Unredacted…',
  );
  if (choice === 'Send with Placeholders') {
    return { action: 'redact' };
  }
  if (choice === 'Send Selected Unredacted…') {
    const picks = await vscode.window.showQuickPick(
      request.redactions
        .filter((r) => !['api-key', 'env-value', 'listed-value'].includes(r.ruleId))
        .map((r) => ({
          label: r.ruleId,
          description: r.preview,
          detail: r.source,
          fingerprint: r.fingerprint,
        })),
      {
        canPickMany: true,
        title: 'Values to send as they are (false positives). Known values are never sent.',
      },
    );
    return picks && picks.length > 0
      ? { action: 'allow', fingerprints: picks.map((p) => p.fingerprint) }
      : { action: 'cancel' };
  }
  return { action: 'cancel' };
}
