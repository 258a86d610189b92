import * as assert from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import type { TestHooks } from '../../src/extension/testHooks';
import { TEST_KEY } from '../../src/extension/keys/keyFlows';
import type { ChatTurn, HostToWebview } from '../../src/protocol/webview';
import { findFiles, holdsPartOf, waitForFileText } from '../support/extensionFiles';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { freshOpenAiKey } from '../support/fakeKeys';
import { readItemFromAnotherProcess, requireSecretService, uniqueProfile } from '../support/keyringTools';
import { countFiles, scanForSecret } from '../support/leakScan';
import { ScriptedUi } from '../support/scriptedUi';
import { api, configurationChanged } from './vscodeTestKit';

/** Every generated key starts with this public prefix; "part of the key" means the random rest. */
const PUBLIC_PREFIX = 'sk-proj-'.length;

/** True when `inner` is `outer` or lies below it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

// Issue 4's leak test: a scripted run sets a key, chats through the loopback server, gets a 401 that echoes the
// key, removes the key; then every file this VS Code instance and the extension wrote is searched for it.
describe('Leak test: a key set, used, echoed by a 401 and removed is written nowhere (real VS Code)', () => {
  const server = new FakeOpenAi();
  const profile = uniqueProfile('leak');
  let secureGpt: TestHooks;

  before(async () => {
    await requireSecretService();
    await server.start();
    secureGpt = await api();
    await secureGpt.keys.activationMigration;
    const config = vscode.workspace.getConfiguration('secureGpt');
    // A compatible profile reads its key from the keychain when one is stored (its key is optional).
    const changed = configurationChanged('secureGpt.profile');
    await config.update(
      'profiles',
      [{ name: profile, kind: 'compatible', baseUrl: server.url }],
      vscode.ConfigurationTarget.Global,
    );
    await config.update('profile', profile, vscode.ConfigurationTarget.Global);
    await changed;
  });

  after(async () => {
    secureGpt?.keys.setUi(undefined);
    await secureGpt?.keys.access.keychain.delete(profile).catch(() => false);
    const config = vscode.workspace.getConfiguration('secureGpt');
    await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config.update('profiles', undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  });

  it('finds the key 0 times in settings, state, logs, audit, globalStorage and workspace storage; only the Authorization header carried it', async () => {
    const { keys, session, data } = secureGpt;
    const key = freshOpenAiKey();

    // 1. Set the key through the Set API Key flow (scripted input box), testing it with one models call.
    const setUi = new ScriptedUi({ inputs: [key], buttons: [TEST_KEY] });
    keys.setUi(setUi);
    const set = await keys.setApiKey(profile);
    assert.strictEqual(set.store, 'keychain');
    assert.ok(
      (await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile)) === key,
      'the keychain holds the key',
    );

    // 2. One chat request that works: the key goes out in the Authorization header, and only there.
    const ok = await session.ask({ prompt: 'Say hello.' });
    assert.strictEqual(ok?.outcome, 'ok');
    const chats = server.requestsTo('/chat/completions');
    const first = chats[chats.length - 1];
    assert.ok(first, 'the loopback server got the chat request');
    assert.ok(
      first.headers.authorization === `Bearer ${key}`,
      'the request carried the key as its bearer token',
    );
    assert.ok(!first.rawBody.includes(key), 'the request body does not hold the key');

    // 2b. Issue 10: a 200 answer that quotes the key, cut across stream pieces. The answer, and every message
    // to the webview (deltas and turns), hold none of it; chat.json is searched below.
    const posted: HostToWebview[] = [];
    const post = secureGpt.chat.post.bind(secureGpt.chat);
    secureGpt.chat.post = (message) => {
      posted.push(message);
      post(message);
    };
    server.enqueue({ kind: 'ok', echoKey: { pieceLength: 4 } }, { path: '/chat/completions' });
    let echoed: Awaited<ReturnType<typeof session.ask>>;
    try {
      echoed = await session.ask({ prompt: 'How much quota is left?' });
    } finally {
      secureGpt.chat.post = post;
    }
    assert.strictEqual(echoed?.outcome, 'ok');
    assert.match(echoed.text, /quota for key ‹redacted:api-key›\. Requests continue/);
    const shown = JSON.stringify(posted);
    assert.ok(
      posted.some((m) => m.type === 'delta'),
      'the answer streamed to the webview',
    );
    assert.match(shown, /‹redacted:api-key›/);
    assert.ok(!holdsPartOf(shown, key, 8, PUBLIC_PREFIX), 'a message to the webview holds part of the key');

    // 3. A 401 whose message echoes the whole key: the turn's error and the log show none of it.
    server.enqueue({ kind: 'unauthorized', echoKey: 'full' }, { path: '/chat/completions' });
    const failedTurn = new Promise<ChatTurn>((resolve) => {
      const subscription = session.onDidUpdate((turn) => {
        if (turn.outcome === 'error') {
          subscription.dispose();
          resolve(turn);
        }
      });
    });
    const failed = await session.ask({ prompt: 'Say hello again.' });
    assert.strictEqual(failed?.outcome, 'failed');
    const turn = await failedTurn;
    const error = turn.error ?? '';
    assert.match(error, /Incorrect API key provided/, 'the 401 message reached the chat');
    assert.ok(!holdsPartOf(error, key, 8, PUBLIC_PREFIX), 'the chat error holds part of the key');
    assert.ok(
      !holdsPartOf(failed.message ?? '', key, 8, PUBLIC_PREFIX),
      'the result message holds part of the key',
    );
    const last = server.requestsTo('/chat/completions').at(-1);
    assert.ok(last?.headers.authorization === `Bearer ${key}`, 'the rejected request also carried the key');

    // 4. Remove the key (scripted confirmation): another process no longer finds it.
    const removeUi = new ScriptedUi({ buttons: ['Remove'] });
    keys.setUi(removeUi);
    assert.deepStrictEqual(await keys.removeApiKey(profile), ['keychain']);
    assert.strictEqual(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), null);
    for (const ui of [setUi, removeUi]) {
      assert.ok(!ui.transcript.includes(key), 'no message of the key flows showed the key');
    }

    // What the run wrote, each awaited on disk before the search so the search is not vacuous.
    const userData = path.resolve(keys.userSettingsFile.fsPath, '..', '..');
    const instance = path.dirname(userData);
    const globalStorage = path.dirname(path.dirname(data.audit.file));
    assert.ok(data.historyDir, 'the test workspace has a workspace storage');
    const history = path.join(data.historyDir, 'chat.json');
    const historyText = await waitForFileText(
      history,
      (text) => text.includes(turn.id) && text.includes('"error"'),
    );
    assert.match(historyText, /quota for key ‹redacted:api-key›/, 'the echoing answer was saved, masked');
    assert.ok(!holdsPartOf(historyText, key, 8, PUBLIC_PREFIX), 'the chat history holds part of the key');
    await waitForFileText(data.audit.file, (text) => text.includes('failed'));
    const [log] = await findFiles(path.join(userData, 'logs'), (name) => name === 'Secure GPT.log');
    assert.ok(log, 'the extension log file exists');
    // The last thing the run logs is the removal: once it is on disk, so is everything before it.
    const logText = await waitForFileText(log, (text) =>
      text.includes(`Removed the key of profile '${profile}'`),
    );
    assert.match(logText, /audit: request · failed/, 'the failed request reached the log as its audit line');
    assert.ok(!holdsPartOf(logText, key, 8, PUBLIC_PREFIX), 'the log holds part of the key');
    const auditText = await waitForFileText(data.audit.file, (text) => text.includes('failed'));
    assert.ok(!holdsPartOf(auditText, key, 8, PUBLIC_PREFIX), 'the audit log holds part of the key');
    // Extension state (globalState, workspaceState) lives in the browser in this web host, and the test browser's
    // context is off the record: it never reaches a file, so it is read through the extension.
    const state = data.stateSnapshot();
    assert.ok(!holdsPartOf(state, key, 8, PUBLIC_PREFIX), 'the extension state holds part of the key');

    const written = [keys.userSettingsFile.fsPath, data.audit.file, history, log, globalStorage];
    for (const file of written) {
      assert.ok(existsSync(file), `${file} exists`);
      assert.ok(isWithin(instance, file), `${file} lies in the searched tree`);
    }
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace && isWithin(instance, workspace), 'the workspace copy lies in the searched tree');

    // 5. The search: every file of this VS Code instance (user data with settings, logs, globalStorage and
    // workspaceStorage; code-server's own data and config; the workspace), as text, UTF-16, hex and base64.
    const files = await countFiles([instance]);
    const hits = await scanForSecret([instance], key);
    console.log(`[tests] leak search: ${files} files under ${instance}`);
    assert.ok(files >= written.length);
    assert.deepStrictEqual(
      hits.map((h) => `${path.relative(instance, h.file)} (${h.encoding} at ${h.offset})`),
      [],
      'the key was written to a file',
    );

    // 6. What left the machine: the key went out in the Authorization header of the key test and of both chat
    // requests, and in no other header, path, query or body.
    for (const request of server.requests) {
      const { authorization: _, ...otherHeaders } = request.headers;
      const elsewhere = [
        JSON.stringify(otherHeaders),
        request.path,
        request.query.toString(),
        request.rawBody,
      ];
      assert.ok(
        !elsewhere.some((text) => text.includes(key)),
        `${request.path} carried the key outside Authorization`,
      );
    }
    assert.deepStrictEqual(
      server.requests.filter((r) => r.headers.authorization === `Bearer ${key}`).map((r) => r.path),
      ['/v1/models', '/v1/chat/completions', '/v1/chat/completions', '/v1/chat/completions'],
    );
  });
});
