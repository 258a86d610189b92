import * as assert from 'assert';
import * as vscode from 'vscode';
import { KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import { freshOpenAiKey } from '../support/fakeKeys';
import { readItemFromAnotherProcess, requireSecretService } from '../support/keyringTools';
import { ScriptedUi } from '../support/scriptedUi';
import type { TestHooks } from '../../src/extension/testHooks';
import { diagnosticsOf, readyApi, ruleIdOf } from './vscodeTestKit';

// The OpenAI quick fix hands over to the key vault: the key goes to the OS keychain, the file keeps a reference.
describe('Quick fix: store a pasted OpenAI key in the keychain (real VS Code, real keychain)', () => {
  let secureGpt: TestHooks;

  before(async () => {
    await requireSecretService();
    secureGpt = await readyApi();
    secureGpt.keys.setUi(new ScriptedUi());
  });

  after(async () => {
    secureGpt.keys.setUi(undefined);
    await secureGpt.keys.access.vault().remove({ name: 'openai', kind: 'openai' });
  });

  it('stores the key for the openai profile and replaces it with os.environ["OPENAI_API_KEY"]', async () => {
    const key = freshOpenAiKey();
    // Python rather than TypeScript: the first TypeScript document of a session starts the TS server, and
    // VS Code cancels code-action requests made while it attaches.
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: `import os\nclient = OpenAI(api_key="${key}")\n`,
    });
    await vscode.window.showTextDocument(document);
    const uri = document.uri;
    const [diagnostic] = await diagnosticsOf(uri, (d) =>
      d.some((x) => String(ruleIdOf(x)).startsWith('openai-')),
    );
    assert.ok(diagnostic);
    assert.ok(!diagnostic.message.includes(key));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const store = actions.find((a) => a.title.startsWith('Store the key in the keychain'));
    assert.ok(store?.command, `no keychain fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!JSON.stringify(store.command.arguments).includes(key), 'the server never sends the key');

    const cleared = diagnosticsOf(uri, (d) => d.length === 0);
    const args: unknown[] = store.command.arguments ?? [];
    const result = await vscode.commands.executeCommand<{ profile: string; store: string; masked: string }>(
      store.command.command,
      ...args,
    );
    assert.equal(result.profile, 'openai');
    assert.equal(result.store, 'keychain');
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, 'openai'), key);
    assert.ok(!document.getText().includes(key));
    assert.match(document.getText(), /api_key=os\.environ\["OPENAI_API_KEY"\]/);
    await cleared;
  });
});
