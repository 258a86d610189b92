import * as assert from 'assert';
import * as vscode from 'vscode';
import { githubToken } from '../../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../../src/core/detect/random';
import { api, diagnosticsOf, loopbackServerForSuite, ruleIdOf } from '../vscodeTestKit';

// Run by runIntegration.js in a workbench started with workspace trust on: the fixture folder opens in
// Restricted Mode. Nothing from the workspace may be sent; the secret warnings still run.
describe('Restricted Mode (workspace trust on, folder not trusted)', () => {
  const server = loopbackServerForSuite();

  it('runs untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('sends no workspace content: selection actions do nothing and the server gets no request', async () => {
    const secureGpt = await api();
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'def add(a, b):\n    return a + b\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    for (const command of [
      'secureGpt.explainSelection',
      'secureGpt.reviewSelection',
      'secureGpt.writeTestsForSelection',
    ]) {
      assert.equal(await vscode.commands.executeCommand(command), undefined, command);
    }
    assert.equal(
      await vscode.commands.executeCommand('secureGpt.askAboutSelection', 'What does it do?'),
      undefined,
    );
    // The only request allowed is the model picker's listing of the user's own profile (`GET /models`, no
    // body): nothing of the workspace is in it.
    const sent = server.requests.filter((r) => !(r.method === 'GET' && r.path.endsWith('/models')));
    assert.deepEqual(
      sent.map((r) => `${r.method} ${r.path}`),
      [],
      'no workspace content left the machine',
    );
    assert.ok(server.requests.every((r) => r.rawBody === ''));
    const state = secureGpt.session.initialState();
    assert.ok(
      state.type === 'init' && /Restricted Mode/.test(state.disabledReason ?? ''),
      'the chat explains why it is disabled',
    );
  });

  it('still warns about a pasted key', async () => {
    const secureGpt = await api();
    await secureGpt.languageClient.ready;
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: `TOKEN = "${token}"\n`,
    });
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.some((x) => ruleIdOf(x) === 'github-pat'));
    assert.ok(diagnostics.every((d) => !d.message.includes(token)));
  });
});
