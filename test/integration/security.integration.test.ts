import * as assert from 'assert';
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import * as vscode from 'vscode';
import { LOWER_ALNUM, randomToken } from '../../src/core/detect/random';
import { KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import type { TestHooks } from '../../src/extension/testHooks';
import type { LeakReport } from '../../src/extension/security/keyLeaked';
import type { ChatTurn } from '../../src/protocol/webview';
import { findFiles, holdsPartOf, waitForFileText } from '../support/extensionFiles';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { freshOpenAiKey } from '../support/fakeKeys';
import { readItemFromAnotherProcess, requireSecretService, uniqueProfile } from '../support/keyringTools';
import { ScriptedUi } from '../support/scriptedUi';
import { api, configurationChanged, turnWhere, workspaceFolder } from './vscodeTestKit';

const run = promisify(execFile);
/** Every generated key starts with this public prefix; "part of the key" means the random rest. */
const PUBLIC_PREFIX = 'sk-proj-'.length;
/** User settings these tests change; `after` puts each back as it was. */
const CHANGED_SETTINGS = [
  'profile',
  'profiles',
  'limits.requestsPerMinute',
  'budget.dailyTokens',
  'redaction.policy',
];

/** Sets a `secureGpt.*` user setting and waits until the extension host sees it. */
async function setUserSetting(name: string, value: unknown): Promise<void> {
  const changed = configurationChanged(`secureGpt.${name}`);
  await vscode.workspace.getConfiguration('secureGpt').update(name, value, vscode.ConfigurationTarget.Global);
  await changed;
}

describe('Security controls in the real VS Code: scope, validation, budget, incident response, purge', () => {
  const server = new FakeOpenAi();
  const userProfile = uniqueProfile('user');
  let secureGpt: TestHooks;
  let folder: vscode.Uri;
  let logFile: string;
  const saved = new Map<string, unknown>();
  let savedWorkspaceSettings: Uint8Array | undefined;
  let workspaceSettings: vscode.Uri;
  let savedGitEnabled: unknown;

  before(async () => {
    await requireSecretService();
    await server.start();
    secureGpt = await api();
    folder = workspaceFolder();
    workspaceSettings = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
    savedWorkspaceSettings = await Promise.resolve(vscode.workspace.fs.readFile(workspaceSettings)).catch(
      () => undefined,
    );
    const config = vscode.workspace.getConfiguration('secureGpt');
    for (const name of CHANGED_SETTINGS) {
      saved.set(name, config.inspect(name)?.globalValue);
    }
    await setUserSetting('profiles', [{ name: userProfile, kind: 'compatible', baseUrl: server.url }]);
    await setUserSetting('profile', userProfile);
    const userData = path.resolve(secureGpt.keys.userSettingsFile.fsPath, '..', '..');
    const [log] = await findFiles(path.join(userData, 'logs'), (name) => name === 'Secure GPT.log');
    assert.ok(log, 'the extension writes its log to a file');
    logFile = log;
  });

  after(async () => {
    secureGpt.keys.setUi(undefined);
    const config = vscode.workspace.getConfiguration('secureGpt');
    for (const [name, value] of saved) {
      await config.update(name, value, vscode.ConfigurationTarget.Global);
    }
    if (savedWorkspaceSettings) {
      await vscode.workspace.fs.writeFile(workspaceSettings, savedWorkspaceSettings);
    } else {
      await fs.rm(workspaceSettings.fsPath, { force: true });
    }
    await fs.rm(path.join(folder.fsPath, '.git'), { recursive: true, force: true });
    await vscode.workspace
      .getConfiguration('git')
      .update('enabled', savedGitEnabled, vscode.ConfigurationTarget.Global);
    await fs.rm(path.join(folder.fsPath, 'notes'), { recursive: true, force: true });
    for (const account of [userProfile, 'openai']) {
      await secureGpt.keys.access.keychain.delete(account).catch(() => false);
    }
    await server.stop();
  });

  it("ignores a workspace's .vscode/settings.json that redirects the endpoint, and names what it tried", async () => {
    // A repository that wants the user's key and code: its own endpoint, made the active profile. The marker
    // setting is one VS Code does not drop from a workspace file, so its change event says the file was read.
    const seen = configurationChanged('secureGptTest.marker');
    const attack = {
      'secureGpt.profiles': [
        { name: 'attacker', kind: 'compatible', baseUrl: 'https://attacker.invalid/v1' },
      ],
      'secureGpt.profile': 'attacker',
      'secureGptTest.marker': 1,
    };
    await vscode.workspace.fs.writeFile(
      workspaceSettings,
      new TextEncoder().encode(JSON.stringify(attack, undefined, 2)),
    );
    await seen;

    const active = secureGpt.keys.access.activeProfile();
    assert.strictEqual(active.name, userProfile);
    assert.strictEqual(active.kind === 'compatible' ? active.baseUrl : undefined, server.url);
    const before = server.requestsTo('/chat/completions').length;
    const result = await secureGpt.session.ask({ prompt: 'Where does this request go?' });
    assert.strictEqual(result?.outcome, 'ok', result?.message);
    assert.strictEqual(
      server.requestsTo('/chat/completions').length,
      before + 1,
      'the user endpoint answered',
    );

    const found = await vscode.commands.executeCommand<string[]>('secureGpt.checkWorkspaceSettings');
    assert.deepStrictEqual(found, ['secureGpt.profile', 'secureGpt.profiles']);
    await waitForFileText(logFile, (text) =>
      text.includes("This workspace's settings try to set secureGpt.profile, secureGpt.profiles."),
    );
  });

  it('a bad setting value falls back to its default, the request still goes, and the log names the setting', async () => {
    await setUserSetting('limits.requestsPerMinute', -1);
    const before = server.requestsTo('/chat/completions').length;
    const result = await secureGpt.session.ask({ prompt: 'Is the limit still sane?' });
    assert.strictEqual(result?.outcome, 'ok', result?.message);
    assert.strictEqual(server.requestsTo('/chat/completions').length, before + 1);
    await waitForFileText(logFile, (text) =>
      text.includes(
        'secureGpt.limits.requestsPerMinute: expected a whole number from 0 (no limit) to 10000; using the default (20).',
      ),
    );
    await setUserSetting('limits.requestsPerMinute', saved.get('limits.requestsPerMinute'));
  });

  it('at the daily token budget the next request is refused, naming the setting, and nothing is sent', async () => {
    const budgetProfile = uniqueProfile('budget');
    await setUserSetting('profiles', [
      { name: userProfile, kind: 'compatible', baseUrl: server.url },
      { name: budgetProfile, kind: 'compatible', baseUrl: server.url },
    ]);
    await setUserSetting('profile', budgetProfile);
    await setUserSetting('budget.dailyTokens', 5000);
    server.enqueue(
      { kind: 'ok', usage: { prompt_tokens: 4000, completion_tokens: 1500, total_tokens: 5500 } },
      { path: '/chat/completions' },
    );
    const first = await secureGpt.session.ask({ prompt: 'Spend the budget.' });
    assert.strictEqual(first?.outcome, 'ok', first?.message);
    assert.strictEqual(await secureGpt.data.usage.tokensToday(budgetProfile), 5500);

    const sent = server.requestsTo('/chat/completions').length;
    const refusedTurn = turnWhere(secureGpt.session, (t) => t.outcome === 'blocked' && t.error !== undefined);
    const second = await secureGpt.session.ask({ prompt: 'One more, please.' });
    assert.strictEqual(second?.outcome, 'blocked');
    assert.match(
      second.message ?? '',
      /Daily budget for profile '.*' reached .*secureGpt\.budget\.dailyTokens/,
    );
    assert.match((await refusedTurn).error ?? '', /secureGpt\.budget\.dailyTokens/);
    assert.strictEqual(
      server.requestsTo('/chat/completions').length,
      sent,
      'the refused request was not sent',
    );

    await setUserSetting('budget.dailyTokens', saved.get('budget.dailyTokens'));
    await setUserSetting('profile', userProfile);
  });

  it('"I think my key leaked" removes the key, lists the file line and commit holding it, and audits without it', async () => {
    await setUserSetting('profile', 'openai');
    const openai = secureGpt.keys.access.activeProfile();
    assert.strictEqual(openai.kind, 'openai');
    const key = freshOpenAiKey();
    await secureGpt.keys.access.vault().store(openai, key, 'keychain');
    assert.ok((await readItemFromAnotherProcess(KEYCHAIN_SERVICE, 'openai')) === key, 'the key is stored');
    // The key pasted into a file of the workspace, and committed to its git history.
    const notes = path.join(folder.fsPath, 'notes');
    await fs.mkdir(notes, { recursive: true });
    await fs.writeFile(path.join(notes, 'deploy.env'), `# staging\nREGION=eu\nOPENAI_API_KEY=${key}\n`);
    // VS Code's git extension would open the repository and then complain when `after` deletes it.
    savedGitEnabled = vscode.workspace.getConfiguration('git').inspect('enabled')?.globalValue;
    const gitOff = configurationChanged('git.enabled');
    await vscode.workspace
      .getConfiguration('git')
      .update('enabled', false, vscode.ConfigurationTarget.Global);
    await gitOff;
    const git = (...args: string[]): Promise<unknown> =>
      run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
        cwd: folder.fsPath,
      });
    await git('init', '--quiet');
    await git('add', 'notes/deploy.env');
    await git('commit', '--quiet', '-m', 'Add deploy settings');

    // The confirmation is answered through the test-only UI hook; a command argument cannot answer it.
    const ui = new ScriptedUi({ buttons: ['Remove and Search'] });
    secureGpt.keys.setUi(ui);
    const report = await vscode.commands.executeCommand<LeakReport | undefined>('secureGpt.keyLeaked');
    assert.ok(report, 'the response ran');
    assert.deepStrictEqual(
      ui.calls.filter((c) => c.kind === 'warn').map((c) => c.actions),
      [['Remove and Search']],
      'it asked first',
    );
    assert.strictEqual(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, 'openai'), null);
    assert.deepStrictEqual(report.removedFrom, ['keychain']);
    const folderName = vscode.workspace.workspaceFolders?.[0]?.name ?? '';
    assert.deepStrictEqual(report.files, [{ file: 'notes/deploy.env', line: 3, folder: folderName }]);
    assert.deepStrictEqual(
      report.history.map((h) => [h.file, h.change]),
      [['notes/deploy.env', 'added']],
    );
    assert.strictEqual(report.opened, 'https://platform.openai.com/api-keys');
    assert.ok(
      ui.calls.some((c) => c.kind === 'open' && c.text === report.opened),
      'the page opens through the UI',
    );
    assert.ok(
      !holdsPartOf(JSON.stringify(report), key, 8, PUBLIC_PREFIX),
      'the report holds part of the key',
    );

    const records = await secureGpt.data.audit.read();
    const record = records[records.length - 1];
    assert.strictEqual(record?.kind, 'key-leak-response');
    assert.match(
      record.detail ?? '',
      /removed from keychain; found in 1 file line\(s\) and 1 commit change\(s\)/,
    );
    const auditText = await fs.readFile(secureGpt.data.audit.file, 'utf8');
    assert.ok(!holdsPartOf(auditText, key, 8, PUBLIC_PREFIX), 'the audit log holds part of the key');
    const logText = await waitForFileText(logFile, (text) =>
      text.includes(`Leaked key found: ${folderName}/notes/deploy.env:3`),
    );
    assert.ok(!holdsPartOf(logText, key, 8, PUBLIC_PREFIX), 'the log holds part of the key');
    await setUserSetting('profile', userProfile);
  });

  it('a request the block policy stops shows and saves its question with the key redacted, not as typed', async () => {
    const { data, session, keys } = secureGpt;
    const profile = keys.access.activeProfile();
    assert.strictEqual(profile.name, userProfile);
    // A key of no provider's shape: only the known-value match finds it, detection does not.
    const key = `local${randomToken(LOWER_ALNUM, 24)}`;
    await keys.access.vault().store(profile, key, 'keychain');
    await setUserSetting('redaction.policy', 'block');
    const sent = server.requestsTo('/chat/completions').length;
    const shown = turnWhere(session, (t) => t.outcome === 'blocked' && t.question.includes('refused today'));
    const result = await session.ask({ prompt: `Why is ${key} refused today?` });
    assert.strictEqual(result?.outcome, 'blocked', result?.message);
    assert.strictEqual(server.requestsTo('/chat/completions').length, sent, 'nothing was sent');
    const turn = await shown;
    assert.ok(!turn.question.includes(key), 'the chat shows the key');
    assert.match(turn.question, /‹secret:api-key#1›/);
    assert.ok(data.historyDir, 'the test workspace has a workspace storage');
    const history = await waitForFileText(path.join(data.historyDir, 'chat.json'), (text) =>
      text.includes('refused today'),
    );
    assert.ok(!history.includes(key), 'the chat history on disk holds the key');
    await setUserSetting('redaction.policy', saved.get('redaction.policy'));
    await keys.access.vault().remove(profile);
  });

  it('Purge All Local Data empties audit, usage and history, keeps keys unless asked, and the chat starts afresh', async () => {
    const { data, session, keys } = secureGpt;
    const profile = keys.access.activeProfile();
    assert.strictEqual(profile.name, userProfile);
    const key = freshOpenAiKey();
    await keys.access.vault().store(profile, key, 'keychain');
    const answered = await session.ask({ prompt: 'Something to purge.' });
    assert.strictEqual(answered?.outcome, 'ok', answered?.message);
    assert.ok(data.historyDir, 'the test workspace has a workspace storage');
    const history = path.join(data.historyDir, 'chat.json');
    await waitForFileText(history, (text) => text.includes('Something to purge.'));
    const usageFile = path.join(path.dirname(path.dirname(data.audit.file)), 'usage', 'usage.json');
    assert.ok(existsSync(data.audit.file) && existsSync(usageFile), 'audit and usage are on disk');

    secureGpt.keys.setUi(new ScriptedUi({ buttons: ['Purge', 'Keep Keys'] }));
    const kept = await vscode.commands.executeCommand<boolean>('secureGpt.purgeLocalData');
    assert.strictEqual(kept, true);
    assert.deepStrictEqual(await data.audit.read(), []);
    for (const file of [data.audit.file, usageFile, data.historyDir]) {
      assert.ok(!existsSync(file), `${path.basename(file)} is gone`);
    }
    assert.strictEqual(await data.usage.tokensToday(), 0);
    assert.ok((await readItemFromAnotherProcess(KEYCHAIN_SERVICE, userProfile)) === key, 'the key was kept');

    // The next request starts a new conversation, history and audit chain: nothing purged comes back.
    const after = await session.ask({ prompt: 'A fresh start.' });
    assert.strictEqual(after?.outcome, 'ok', after?.message);
    const sent = server.requestsTo('/chat/completions').at(-1)?.rawBody ?? '';
    assert.ok(
      sent.includes('A fresh start.') && !sent.includes('Something to purge.'),
      'the purged turns were sent',
    );
    const text = await waitForFileText(history, (t) => t.includes('A fresh start.'));
    const turns = (JSON.parse(text) as { turns: ChatTurn[] }).turns;
    assert.deepStrictEqual(
      turns.map((t) => t.question),
      ['A fresh start.'],
    );
    assert.strictEqual((await data.audit.read()).length, 1);
    const verified = await vscode.commands.executeCommand<{ ok: boolean }>('secureGpt.verifyAuditLog');
    assert.strictEqual(verified.ok, true);

    secureGpt.keys.setUi(new ScriptedUi({ buttons: ['Purge', 'Delete Keys'] }));
    const purged = await vscode.commands.executeCommand<boolean>('secureGpt.purgeLocalData');
    assert.strictEqual(purged, true);
    assert.strictEqual(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, userProfile), null);
  });
});
