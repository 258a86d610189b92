import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, extensionId } from './vscodeTestKit';

describe('Extension activation', () => {
  it('activates in the real VS Code and publishes its test hooks (test host only)', async () => {
    const exports = await api();
    assert.ok(exports.chat, 'the API exposes the chat view');
    assert.strictEqual(vscode.extensions.getExtension(extensionId)?.isActive, true);
  });

  it('contributes its commands', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('secureGpt.showLog'), 'secureGpt.showLog is registered');
    // Every contributed command has a handler: its own, or a stand-in until the rest of the extension loads
    // (src/extension/lazyFeatures.ts). Either way none is missing at any moment after activation.
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { commands: Array<{ command: string }> };
    };
    const missing = manifest.contributes.commands
      .map((c) => c.command)
      .filter((id) => !commands.includes(id));
    assert.deepEqual(missing, []);
  });

  it('runs secureGpt.showLog', async () => {
    await api();
    // Resolves only if the command exists and its handler did not throw.
    await vscode.commands.executeCommand('secureGpt.showLog');
  });

  it('opens the chat view, whose webview reports ready', async () => {
    const { chat } = await api();
    // Subscribe before opening, so a fast webview cannot report ready before we listen.
    const ready = new Promise<void>((resolve) => {
      const subscription = chat.onDidBecomeReady(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.view.extension.secureGpt');
    await vscode.commands.executeCommand('secureGpt.chat.focus');
    await ready;
  });
});
