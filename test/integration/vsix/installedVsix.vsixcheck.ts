// Run only by test/support/checkVsix.js: the extension comes from the packaged .vsix installed into a throwaway
// extensions dir, not from the source tree, so this proves the package itself activates and carries keytar.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { TEST_HOOKS_ENV, testHooksSlot } from '../../../src/extension/testHooks';
import { extensionId } from '../vscodeTestKit';

interface Keytar {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

describe('The packaged .vsix', () => {
  it('is installed from the extensions dir, not the source tree', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    const extensionsDir = process.env['SECURE_GPT_EXTENSIONS_DIR'];
    assert.ok(extensionsDir, 'the runner names its extensions dir');
    assert.ok(
      extension.extensionPath.startsWith(path.resolve(extensionsDir) + path.sep),
      `${extension.extensionPath} lies outside ${extensionsDir}`,
    );
  });

  it('activates, exports nothing, and publishes no test hooks even under the test runner', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const exports: unknown = await extension.activate();
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual(exports, undefined, 'activate() returns nothing another extension could hold');
    await vscode.commands.executeCommand('secureGpt.showLog');
    // A command of the lazily loaded bundle (dist/ext/features.js): it answers only if the package carries it.
    const found = await vscode.commands.executeCommand<unknown>('secureGpt.checkWorkspaceSettings');
    assert.ok(Array.isArray(found), 'the features bundle loaded from the package');
    // The runner sets the token here too; an installed extension runs in Production mode, so it is not used.
    const token = process.env[TEST_HOOKS_ENV];
    assert.ok(token, `the runner sets ${TEST_HOOKS_ENV}`);
    assert.strictEqual((globalThis as Record<symbol, unknown>)[testHooksSlot(token)], undefined);
  });

  it("carries keytar's native binary, which reaches the OS keychain", async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const keytarPath = path.join(extension.extensionPath, 'node_modules', 'keytar');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- load the packaged copy, not the repo's.
    const keytar = require(keytarPath) as Keytar;
    const service = `secure-gpt-vsix-check-${process.pid}`;
    await keytar.setPassword(service, 'probe', 'stored-value');
    assert.strictEqual(await keytar.getPassword(service, 'probe'), 'stored-value');
    assert.strictEqual(await keytar.deletePassword(service, 'probe'), true);
  });
});
