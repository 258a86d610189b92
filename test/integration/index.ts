// The `extensionTestsPath` entry: VS Code loads this module inside its extension host and awaits `run()`.
// A rejected promise makes the host report exit code 1 to the runner (test/support/runVsCode.js).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import * as vscode from 'vscode';
import Mocha from 'mocha';

/** Repository root: this file runs from out/test/integration/. */
const root = path.resolve(__dirname, '..', '..', '..');
const suffix = '.integration.test.js';

/** Prints one line of the test report: the runner shows lines with this tag and hides the workbench's chatter. */
function report(line: string): void {
  console.log(`[tests] ${line}`);
}

// The extension host forwards console output to the workbench without applying printf-style arguments, so
// mocha's `%d passing` would arrive unformatted: format each line here.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => report(util.format(...args));

/** Every compiled `*.integration.test.js` below this folder, so new test files need no registration. */
function discover(): string[] {
  const entries = fs.readdirSync(__dirname, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => entry.endsWith(suffix))
    .map((entry) => path.join(__dirname, entry))
    .sort();
}

/** The files named in SECURE_GPT_TEST_FILES (comma-separated, relative to the repo root), or all of them. */
function selectFiles(): string[] {
  const named = (process.env['SECURE_GPT_TEST_FILES'] ?? '')
    .split(',')
    .map((file) => file.trim())
    .filter((file) => file !== '');
  if (named.length === 0) {
    return discover();
  }
  const files = named.map((file) => path.resolve(root, file));
  const missing = files.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Test file(s) not found: ${missing.join(', ')}`);
  }
  return files;
}

/** Runs the selected integration tests with mocha; rejects on any failure, or when nothing ran. */
export async function run(): Promise<void> {
  report(`VS Code ${vscode.version} (${vscode.env.appHost}, uiKind ${vscode.UIKind[vscode.env.uiKind]})`);
  const files = selectFiles();
  if (files.length === 0) {
    throw new Error(`No *${suffix} files under ${__dirname}: did the tests compile?`);
  }
  const grep = process.env['SECURE_GPT_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, ...(grep ? { grep } : {}) });
  for (const file of files) {
    mocha.addFile(file);
  }
  const { failures, tests } = await new Promise<{ failures: number; tests: number }>((resolve) => {
    const runner = mocha.run((count) => resolve({ failures: count, tests: runner.stats?.tests ?? 0 }));
  });
  report(`${tests} ran, ${failures} failed`);
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed.`);
  }
  if (tests === 0) {
    throw new Error('No integration test ran: an empty run is not a green run.');
  }
}
