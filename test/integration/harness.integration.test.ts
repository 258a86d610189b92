// Checks of the harness itself (test/support/runVsCode.js), so later suites can rely on it.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceFolder } from './vscodeTestKit';

describe('Integration harness', () => {
  it('runs in the VS Code the extension targets', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  it("passes the runner's environment through to the extension host", () => {
    // The runner sets this next to the caller's own variables, which take the same path.
    assert.ok(process.env['SECURE_GPT_TEST_WORKSPACE'], 'SECURE_GPT_TEST_WORKSPACE reached the host');
  });

  it('opens a writable copy of the fixture workspace', async () => {
    const folder = workspaceFolder();
    assert.strictEqual(folder.fsPath, process.env['SECURE_GPT_TEST_WORKSPACE']);
    assert.ok(!folder.fsPath.includes(path.join('test', 'fixtures')), 'the fixture itself stays untouched');

    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'README.md'));
    assert.match(readme.getText(), /Sample workspace/);

    const scratch = vscode.Uri.joinPath(folder, 'scratch.txt');
    await vscode.workspace.fs.writeFile(scratch, Buffer.from('written by a test'));
    const written = await vscode.workspace.openTextDocument(scratch);
    assert.strictEqual(written.getText(), 'written by a test');
  });
});
