import * as vscode from 'vscode';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';

/**
 * A made-up GitHub token, shaped and checksummed like a real one so the detector flags it, generated now:
 * the extension ships no key-shaped text, and this one grants nothing anywhere.
 */
export function sampleWithFakeToken(): string {
  return [
    '# Secure GPT walkthrough: the token below was made up just now and grants nothing.',
    '# It is flagged like a pasted key would be: hover it to see where to revoke, Ctrl+. / Cmd+. for the fixes.',
    `GITHUB_TOKEN=${githubToken('ghp', randomToken(ALNUM, 30))}`,
    '',
  ].join('\n');
}

/** Registers the walkthrough's own command: an untitled document holding a fake token to see flagged. */
export function registerWalkthrough(): vscode.Disposable {
  return vscode.commands.registerCommand('secureGpt.tryPastedKey', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'properties',
      content: sampleWithFakeToken(),
    });
    await vscode.window.showTextDocument(document);
  });
}
