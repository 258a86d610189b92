// What another installed extension can reach, and what reaches the log: a second extension (the probe fixture,
// test/fixtures/probeExtension, loaded next to ours by runIntegration.js) reads our exports and runs our
// sensitive commands with the arguments that once answered their confirmations; a server log line holding a
// generated key goes through the log's scrubber.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import type { TestHooks } from '../../src/extension/testHooks';
import { TestLogRequest } from '../../src/protocol/lsp';
import { findFiles, waitForFileText } from '../support/extensionFiles';
import { freshOpenAiKey } from '../support/fakeKeys';
import { readItemFromAnotherProcess, requireSecretService, uniqueProfile } from '../support/keyringTools';
import { ScriptedUi } from '../support/scriptedUi';
import { api, configurationChanged, extensionId, readyApi } from './vscodeTestKit';

const PROBE_ID = 'secure-gpt-test.secure-gpt-probe';

/** The extension's log file, where the output channel's lines land. */
async function logFileOf(hooks: TestHooks): Promise<string> {
  const userData = path.resolve(hooks.keys.userSettingsFile.fsPath, '..', '..');
  const [log] = await findFiles(path.join(userData, 'logs'), (name) => name === 'Secure GPT.log');
  assert.ok(log, 'the extension writes its log to a file');
  return log;
}

async function setProfiles(value: unknown, active: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('secureGpt');
  const changed = configurationChanged('secureGpt.profile');
  await config.update('profiles', value, vscode.ConfigurationTarget.Global);
  await config.update('profile', active, vscode.ConfigurationTarget.Global);
  await changed;
}

describe('Another extension in the same host', () => {
  const profileName = uniqueProfile('bypass');
  let hooks: TestHooks;

  before(async () => {
    hooks = await api();
    assert.ok(
      vscode.extensions.getExtension(PROBE_ID),
      'the probe extension is loaded next to ours (runIntegration.js passes it as a second extensionDevelopmentPath)',
    );
  });

  after(async () => {
    hooks.keys.setUi(undefined);
    await hooks.keys.access.keychain.delete(profileName).catch(() => false);
    await setProfiles(undefined, undefined);
  });

  it("gets nothing from Secure GPT's exports: no key, conversation, history, audit or UI hook", async () => {
    assert.strictEqual(vscode.extensions.getExtension(extensionId)?.exports, undefined);
    const seen = await vscode.commands.executeCommand<{
      installed: boolean;
      active?: boolean;
      shape?: unknown;
    }>('secureGptProbe.readExports');
    assert.deepStrictEqual(seen, { installed: true, active: true, shape: 'undefined' });
  });

  it('cannot skip the confirmations of "I Think My Key Leaked" or "Purge All Local Data" with arguments', async () => {
    await requireSecretService();
    await setProfiles(
      [{ name: profileName, kind: 'compatible', baseUrl: 'http://127.0.0.1:9/v1' }],
      profileName,
    );
    const profile = hooks.keys.access.activeProfile();
    assert.strictEqual(profile.name, profileName);
    const key = freshOpenAiKey();
    await hooks.keys.access.vault().store(profile, key, 'keychain');
    await hooks.data.record({
      time: new Date().toISOString(),
      kind: 'key-leak-response',
      profile: profileName,
      outcome: 'done',
      detail: 'a record the purge would delete',
    });
    const records = (await hooks.data.audit.read()).length;

    // A scripted UI that dismisses every prompt, as a user who sees an unexpected dialog would.
    const ui = new ScriptedUi();
    hooks.keys.setUi(ui);
    const leaked = await vscode.commands.executeCommand(
      'secureGptProbe.runWithBypass',
      'secureGpt.keyLeaked',
    );
    const purged = await vscode.commands.executeCommand(
      'secureGptProbe.runWithBypass',
      'secureGpt.purgeLocalData',
    );
    // And straight from here, with every argument the commands once took.
    const direct = await vscode.commands.executeCommand('secureGpt.purgeLocalData', {
      confirm: true,
      keys: true,
    });

    assert.strictEqual(leaked, undefined, 'the leak response stopped at its dismissed confirmation');
    assert.strictEqual(purged, false, 'the purge stopped at its dismissed confirmation');
    assert.strictEqual(direct, false);
    assert.deepStrictEqual(
      ui.calls.map((c) => [c.kind, c.actions]),
      [
        ['warn', ['Remove and Search']],
        ['warn', ['Purge']],
        ['warn', ['Purge']],
      ],
      'each run asked, modally, before doing anything',
    );
    assert.strictEqual(
      await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profileName),
      key,
      'the key is kept',
    );
    assert.strictEqual((await hooks.data.audit.read()).length, records, 'the audit log is kept');
  });
});

describe('The output channel', () => {
  it("scrubs a secret in the language server's log lines, by its console and by its stderr", async () => {
    const hooks = await readyApi();
    const logFile = await logFileOf(hooks);
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const marker = `server-line-${randomToken(ALNUM, 12)}`;
    // Test-only request: the server writes the line to connection.console and to process.stderr.
    await hooks.languageClient.client.sendRequest(TestLogRequest.method, {
      line: `${marker} token=${token}`,
    } satisfies TestLogRequest.Params);
    const text = await waitForFileText(logFile, (t) => t.split(marker).length - 1 >= 2);
    const lines = text.split('\n').filter((line) => line.includes(marker));
    assert.strictEqual(lines.length, 2, lines.join('\n'));
    for (const line of lines) {
      assert.ok(!line.includes(token.slice(4, 20)) && !line.includes(token.slice(-16)), line);
      assert.match(line, /token=‹redacted:github-pat›/);
    }
  });
});
