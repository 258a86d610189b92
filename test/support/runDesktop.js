#!/usr/bin/env node
// `npm run test:desktop`: the same integration suite in desktop VS Code, through @vscode/test-electron, for
// machines that can download VS Code (a developer laptop). Where that download is blocked (CI, these build
// machines) `npm run test:integration` runs the suite in code-server instead.
//
// VSCODE_VERSION picks the VS Code to test (default 1.100.3, the oldest that engines.vscode accepts; `stable`
// for the newest). Arguments are integration test files, as for runIntegration.js.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-desktop-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const files = process.argv
    .slice(2)
    .map((file) => path.relative(root, path.resolve(file)))
    .map((file) =>
      file.startsWith('out' + path.sep) ? file : path.join('out', file.replace(/\.ts$/, '.js')),
    );
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || '1.100.3',
      // The probe extension rides along as a second, unprivileged extension (security.integration.test.ts).
      extensionDevelopmentPath: [root, path.join(root, 'test', 'fixtures', 'probeExtension')],
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: {
        SECURE_GPT_TEST_WORKSPACE: workspace,
        // The token under which the extension, in test mode only, publishes its test hooks (testHooks.ts).
        SECURE_GPT_TEST_HOOKS: crypto.randomBytes(16).toString('hex'),
        ...(files.length > 0 ? { SECURE_GPT_TEST_FILES: files.join(',') } : {}),
      },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[desktop] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
