import * as vscode from 'vscode';
import type { RestoreAction, RestoreChoice, RestorePlan, RestoreUi } from '../../core/restore/restorePolicy';
import { describePlan } from '../../core/restore/restorePolicy';

const VERB: Readonly<Record<RestoreAction, string>> = { copy: 'Copy', insert: 'Insert', apply: 'Apply' };
const REFERENCES = 'Use Environment References';
const VALUES = 'Write Real Values';

/**
 * The restore choice as a modal: it lists each secret by rule and masked preview, what the default
 * writes, and every warning. Closing it writes nothing.
 */
export const modalRestoreUi: RestoreUi = {
  async choose(action: RestoreAction, plan: RestorePlan): Promise<RestoreChoice | undefined> {
    const n = plan.items.length;
    const danger = plan.warnings.length > 0 ? ' Some sit where a real value would leave this machine.' : '';
    const choice = await vscode.window.showWarningMessage(
      `${VERB[action]}: this code names ${n} secret${n === 1 ? '' : 's'} of this conversation.${danger}`,
      { modal: true, detail: describePlan(plan).join('\n') },
      REFERENCES,
      VALUES,
    );
    return choice === REFERENCES ? 'references' : choice === VALUES ? 'values' : undefined;
  },
};
