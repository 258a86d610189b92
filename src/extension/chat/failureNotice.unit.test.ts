import * as assert from 'node:assert/strict';
import type { FailureUi } from './failureNotice';
import { failureActions, SET_API_KEY, SHOW_LOG, showFailure } from './failureNotice';

function scripted(button: string | undefined) {
  const shown: Array<{ message: string; actions: string[] }> = [];
  const commands: unknown[][] = [];
  let logs = 0;
  const ui: FailureUi = {
    error: (message, ...actions) => {
      shown.push({ message, actions });
      return Promise.resolve(actions.includes(button ?? '') ? button : undefined);
    },
    executeCommand: (command, ...args) => {
      commands.push([command, ...args]);
      return Promise.resolve(undefined);
    },
    showLog: () => void (logs += 1),
  };
  return { ui, shown, commands, logs: () => logs };
}

describe('failure notices offer the next step', () => {
  it('a rejected key (401) offers Set API Key, which runs secureGpt.setApiKey for the rejected profile', async () => {
    const s = scripted(SET_API_KEY);
    const message = 'api.openai.com rejected the API key (401): Incorrect API key provided.';
    assert.equal(await showFailure(s.ui, message, 'auth', 'work'), SET_API_KEY);
    assert.deepEqual(s.shown, [{ message: `Secure GPT: ${message}`, actions: [SET_API_KEY, SHOW_LOG] }]);
    assert.deepEqual(s.commands, [['secureGpt.setApiKey', 'work']]);
    assert.equal(s.logs(), 0);
  });

  it('other failures offer only Show Log, and dismissing runs nothing', async () => {
    for (const kind of ['rate-limit', 'server', 'cut', undefined] as const) {
      assert.deepEqual(failureActions(kind), [SHOW_LOG]);
    }
    const shown = scripted(SHOW_LOG);
    await showFailure(shown.ui, 'rate limited', 'rate-limit', 'openai');
    assert.equal(shown.logs(), 1);
    assert.deepEqual(shown.commands, []);
    const dismissed = scripted(undefined);
    assert.equal(await showFailure(dismissed.ui, 'rejected', 'auth', 'openai'), undefined);
    assert.deepEqual(dismissed.commands, []);
    assert.equal(dismissed.logs(), 0);
  });
});
