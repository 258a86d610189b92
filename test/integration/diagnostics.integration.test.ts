import * as assert from 'assert';
import * as vscode from 'vscode';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { ScanWorkspaceRequest } from '../../src/protocol/lsp';
import { diagnosticsOf, readyApi, ruleIdOf, workspaceFolder } from './vscodeTestKit';

const hasKey = (d: vscode.Diagnostic[]): boolean => d.some((x) => ruleIdOf(x) === 'github-pat');
const none = (d: vscode.Diagnostic[]): boolean => d.length === 0;

/** Writes `text` to a new file in the (per-run copy of the) fixture workspace and opens it in an editor. */
async function openNew(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'lsp', name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

function assertNoSecret(diagnostics: vscode.Diagnostic[], secret: string): void {
  for (const d of diagnostics) {
    assert.strictEqual(d.source, 'secure-gpt');
    assert.ok(!d.message.includes(secret), 'the message does not hold the secret');
    assert.ok(!JSON.stringify(d).includes(secret), 'no field of the diagnostic holds the secret');
  }
}

async function quickFix(
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
  title: RegExp,
): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `a quick fix matching ${title} (got: ${actions.map((a) => a.title).join('; ')})`);
  return action;
}

describe('Inline secret diagnostics in the real VS Code', () => {
  it('typing a generated key gives a diagnostic with the rule id, source secure-gpt and no secret', async () => {
    const { findingsStatusBar } = await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const editor = await openNew('typed.js', 'const token = "";\n');
    const uri = editor.document.uri;
    editor.selection = new vscode.Selection(0, 15, 0, 15);
    const shown = diagnosticsOf(uri, hasKey);
    for (const chunk of secret.match(/.{1,4}/g) ?? []) {
      await vscode.commands.executeCommand('type', { text: chunk });
    }
    const diagnostics = await shown;
    assert.strictEqual(editor.document.lineAt(0).text, `const token = "${secret}";`, 'the key was typed');
    const [d] = diagnostics;
    assert.strictEqual(ruleIdOf(d!), 'github-pat');
    assert.strictEqual(
      typeof d!.code === 'object' && d!.code.target.authority,
      'github.com',
      'links to revoke it',
    );
    assert.match(d!.message, /GitHub personal access token/);
    assert.ok(d!.range.isEqual(new vscode.Range(0, 15, 0, 15 + secret.length)));
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Error);
    assertNoSecret(diagnostics, secret);
    assert.ok(findingsStatusBar.count >= 1, 'the status bar counts it');
  });

  it('pasting a key shows a diagnostic; the env-var quick fix removes the key and the diagnostic', async () => {
    await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const editor = await openNew('pasted.py', 'import requests\n\n');
    const uri = editor.document.uri;
    const shown = diagnosticsOf(uri, hasKey);
    let changedAt = 0;
    const changed = vscode.workspace.onDidChangeTextDocument((e) => {
      changedAt ||= e.document.uri.toString() === uri.toString() ? Date.now() : 0;
    });
    const started = Date.now();
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), `api_token = "${secret}"\n`));
    const diagnostics = await shown;
    const now = Date.now();
    changed.dispose();
    // Reported, not asserted: timing never fails a test (the bench measures the server's time).
    console.log(
      `[tests]     paste -> diagnostic: ${now - changedAt} ms after the change event, ${now - started} ms after the edit call`,
    );
    assertNoSecret(diagnostics, secret);

    const fix = await quickFix(uri, diagnostics[0]!, /^Replace with environment variable/);
    assert.strictEqual(fix.title, 'Replace with environment variable GITHUB_TOKEN');
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const cleared = diagnosticsOf(uri, none);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    await cleared;
    const text = editor.document.getText();
    assert.ok(!text.includes(secret), 'the key is gone from the file');
    assert.ok(text.includes('api_token = os.environ["GITHUB_TOKEN"]'), 'the literal became an env-var read');
    assert.ok(text.startsWith('import os\n'), 'and os is imported');
  });

  it('moves a key into a git-ignored .env', async () => {
    await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const editor = await openNew('client.ts', `export const client = connect({ auth: "${secret}" });\n`);
    const uri = editor.document.uri;
    const [d] = await diagnosticsOf(uri, hasKey);
    const fix = await quickFix(uri, d!, /^Move the value into \.env/);
    const cleared = diagnosticsOf(uri, none);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await cleared;
    assert.strictEqual(
      editor.document.lineAt(0).text,
      'export const client = connect({ auth: process.env.GITHUB_TOKEN });',
    );
    const env = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), '.env'));
    assert.ok(env.getText().includes(`GITHUB_TOKEN=${secret}\n`), '.env holds the value');
    const gitignore = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(workspaceFolder(), '.gitignore'),
    );
    assert.match(gitignore.getText(), /^\.env$/m, '.env is git-ignored');
  });

  it('the ignore-on-this-line fix adds a secure-gpt-ignore comment that silences the finding', async () => {
    await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const editor = await openNew('Fixture.java', `class Fixture {\n    String sample = "${secret}";\n}\n`);
    const uri = editor.document.uri;
    const [d] = await diagnosticsOf(uri, hasKey);
    const fix = await quickFix(uri, d!, /^Ignore this secret on this line/);
    const cleared = diagnosticsOf(uri, none);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await cleared;
    assert.strictEqual(editor.document.lineAt(1).text, '    // secure-gpt-ignore');
  });

  it('allowlisting a finding in the workspace silences it, through the allowlist file', async () => {
    await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const editor = await openNew('known.rb', `FIXTURE = "${secret}"\n`);
    const uri = editor.document.uri;
    const [d] = await diagnosticsOf(uri, hasKey);
    const fix = await quickFix(uri, d!, /^Allowlist this finding/);
    const cleared = diagnosticsOf(uri, none);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await cleared;
    const file = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(workspaceFolder(), '.secure-gpt', 'allowlist.json'),
    );
    assert.ok(!file.getText().includes(secret), 'the allowlist holds a fingerprint, not the key');
    assert.match(file.getText(), /"rule": "github-pat"/);
  });

  it('Scan Workspace for Secrets reports files that are not open in the Problems panel', async () => {
    await readyApi();
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'lsp', 'deploy.sh');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`#!/bin/sh\nexport GH_PAT=${secret}\n`, 'utf8'));
    const reported = diagnosticsOf(uri, hasKey);
    const result =
      await vscode.commands.executeCommand<ScanWorkspaceRequest.Result>('secureGpt.scanWorkspace');
    const diagnostics = await reported;
    assertNoSecret(diagnostics, secret);
    assert.strictEqual(result.cancelled, false);
    assert.ok(result.scanned >= 4, `the fixture files were scanned (${result.scanned})`);
    assert.ok(result.findings >= 1 && result.filesWithFindings >= 1);
  });
});
