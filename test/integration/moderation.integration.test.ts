import * as assert from 'assert';
import * as vscode from 'vscode';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { Profile } from '../../src/core/keys/profiles';
import type { TestHooks } from '../../src/extension/testHooks';
import type { ChatTurn, HostToWebview } from '../../src/protocol/webview';
import type { TestProxy } from '../support/connectProxy';
import { startConnectProxy } from '../support/connectProxy';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { freshOpenAiKey } from '../support/fakeKeys';
import type { TestCert } from '../support/testCert';
import { makeTestCert } from '../support/testCert';
import { api, configurationChanged } from './vscodeTestKit';

// The built-in `openai` profile itself, with its moderation endpoint: VS Code's http.proxy tunnels
// api.openai.com:443 to the loopback server, which serves a throwaway certificate made for that name. The editor
// takes no extra CA (SECURE_GPT_CA_FILE is the CLI's), so the test turns off http.proxyStrictSSL, as a user behind
// an intercepting proxy does.
describe('Output moderation hides a flagged answer in the chat (real VS Code, OpenAI profile)', () => {
  let secureGpt: TestHooks;
  let cert: TestCert;
  let server: FakeOpenAi;
  let proxy: TestProxy;
  let openai: Profile | undefined;
  const saved = new Map<string, unknown>();
  /** Every message the host posts to the chat webview while a test runs. */
  let posted: HostToWebview[] = [];
  let restorePost: (() => void) | undefined;

  async function setGlobal(section: string, name: string, value: unknown): Promise<void> {
    const config = vscode.workspace.getConfiguration(section);
    const current = config.inspect(name)?.globalValue;
    if (!saved.has(`${section}.${name}`)) {
      saved.set(`${section}.${name}`, current);
    }
    if (JSON.stringify(current) === JSON.stringify(value)) {
      return; // no change, so no change event to wait for
    }
    const changed = configurationChanged(`${section}.${name}`);
    await config.update(name, value, vscode.ConfigurationTarget.Global);
    await changed;
  }

  before(async () => {
    secureGpt = await api();
    cert = makeTestCert(['api.openai.com']);
    server = await new FakeOpenAi().start({ tls: { cert: cert.cert, key: cert.key } });
    proxy = await startConnectProxy({ 'api.openai.com:443': new URL(server.origin).host });
    await setGlobal('http', 'proxy', proxy.url);
    await setGlobal('http', 'proxyStrictSSL', false);
    await setGlobal('secureGpt', 'profiles', undefined);
    await setGlobal('secureGpt', 'profile', 'openai');
    await setGlobal('secureGpt', 'moderation', 'input+output');
    const profile = secureGpt.keys.access.activeProfile();
    assert.strictEqual(profile.kind, 'openai');
    openai = profile;
    await secureGpt.keys.access.vault().store(profile, freshOpenAiKey(), 'secret-storage');
    // The chat view open and ready, so what the host posts really reaches the webview.
    const ready = secureGpt.chat.isReady
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const subscription = secureGpt.chat.onDidBecomeReady(() => {
            subscription.dispose();
            resolve();
          });
        });
    await vscode.commands.executeCommand('secureGpt.openChat');
    await ready;
    const chat = secureGpt.chat;
    const original = chat.post.bind(chat);
    chat.post = (message: HostToWebview) => {
      posted.push(message);
      original(message);
    };
    restorePost = () => (chat.post = original);
  });

  after(async () => {
    restorePost?.();
    if (openai) {
      await secureGpt.keys.access.vault().remove(openai);
    }
    for (const [key, value] of saved) {
      const dot = key.indexOf('.');
      await vscode.workspace
        .getConfiguration(key.slice(0, dot))
        .update(key.slice(dot + 1), value, vscode.ConfigurationTarget.Global);
    }
    await proxy.close();
    await server.stop();
    cert.dispose();
  });

  beforeEach(() => {
    posted = [];
    server.reset();
  });

  /** The turn messages the webview got for the last question, and the text of every delta. */
  function shown(): { turns: ChatTurn[]; deltas: string } {
    const turns = posted.flatMap((m) => (m.type === 'turn' ? [m.turn] : []));
    const id = turns[turns.length - 1]?.id;
    assert.ok(id, 'the webview was sent no turn at all');
    return {
      turns: turns.filter((t) => t.id === id),
      deltas: posted.map((m) => (m.type === 'delta' && m.id === id ? m.text : '')).join(''),
    };
  }

  it('a flagged answer reaches the chat only behind its warning, and stays hidden in the saved history', async () => {
    const answer = `The deployment answer is ${randomToken(ALNUM, 16)}.`;
    server.enqueue({ kind: 'ok', text: answer }, { path: '/chat/completions' });
    // The first check is the question (clean), the second the answer (flagged).
    server.enqueue({ kind: 'ok' }, { path: '/moderations' });
    server.enqueue({ kind: 'ok', flagged: true }, { path: '/moderations' });

    const result = await secureGpt.session.ask({ prompt: 'How do I roll out the release?' });
    assert.equal(result?.outcome, 'ok', result?.message);
    // VS Code's own traffic (its experiment service) takes http.proxy too: only the OpenAI target is ours.
    assert.ok(proxy.targets.includes('api.openai.com:443'), 'it went to the OpenAI endpoint');
    assert.equal(server.requestsTo('/chat/completions').length, 1);
    const checks = server.requestsTo('/moderations');
    assert.equal(checks.length, 2, 'the question and the answer were both checked');
    assert.ok(checks[1]!.rawBody.includes(answer), 'the second check is of the answer');

    const { turns, deltas } = shown();
    assert.ok(!deltas.includes(answer.slice(0, 12)), 'the answer streamed into the chat before its check');
    const last = turns[turns.length - 1]!;
    assert.equal(last.outcome, 'done');
    assert.equal(last.answer, answer);
    assert.deepEqual(last.flagged, ['harassment'], 'the chat is told to hide the answer behind a warning');
    for (const turn of turns) {
      assert.ok(turn.answer === '' || turn.flagged, 'a turn carried the answer without its warning');
    }
    // A re-created view (reload, reopening the panel) renders the saved turn: hidden there too.
    const init = secureGpt.session.initialState();
    assert.equal(init.type, 'init');
    const saved = init.type === 'init' ? init.turns.find((t) => t.id === last.id) : undefined;
    assert.deepEqual(saved?.flagged, ['harassment'], 'the saved turn lost its warning');
  });

  it('an answer the check passes is shown as it is, with no warning', async () => {
    const answer = `Roll it out region by region, ${randomToken(ALNUM, 8)} first.`;
    server.enqueue({ kind: 'ok', text: answer }, { path: '/chat/completions' });
    const result = await secureGpt.session.ask({ prompt: 'And after that?' });
    assert.equal(result?.outcome, 'ok', result?.message);
    assert.equal(server.requestsTo('/moderations').length, 2);
    const { turns } = shown();
    const last = turns[turns.length - 1]!;
    assert.equal(last.answer, answer);
    assert.equal(last.flagged, undefined);
  });
});
