import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { TestHooks } from '../../src/extension/testHooks';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { api, resetProfiles, useLoopbackProfile } from './vscodeTestKit';

/** Resolves true when something accepts a connection on 127.0.0.1:`port`, false when it is refused. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every file under `dir`, read as text. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      // A file renamed into place between the listing and the read is read on the next look.
      .map((e) => fs.readFile(path.join(e.parentPath, e.name), 'utf8').catch(() => '')),
  );
}

// The editor's gateway is `secure-gpt proxy` (dist/cli.js) run by the extension as its child: Start, one request
// through it as another tool would send it, Stop.
describe('Local gateway from the editor (real VS Code)', function () {
  this.timeout(120_000);
  const server = new FakeOpenAi();
  let secureGpt: TestHooks;
  let stateHome: string;
  const savedStateHome = process.env['XDG_STATE_HOME'];

  before(async () => {
    await server.start();
    secureGpt = await api();
    await useLoopbackProfile(server.url);
    // The child inherits the extension host's environment: its usage figures go here, not to the real home.
    stateHome = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-gateway-state-'));
    process.env['XDG_STATE_HOME'] = stateHome;
  });

  after(async () => {
    await vscode.commands.executeCommand('secureGpt.stopGateway');
    if (savedStateHome === undefined) {
      delete process.env['XDG_STATE_HOME'];
    } else {
      process.env['XDG_STATE_HOME'] = savedStateHome;
    }
    await resetProfiles();
    await server.stop();
    await fs.rm(stateHome, { recursive: true, force: true });
  });

  it('Start runs the gateway; a request through it sends the placeholder up and gets the secret back; Stop closes it', async () => {
    assert.equal(secureGpt.gateway.address, undefined, 'no gateway before Start');
    await vscode.commands.executeCommand('secureGpt.startGateway');
    const address = secureGpt.gateway.address;
    assert.ok(address, 'Start left a running gateway');
    assert.match(address.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const port = Number(new URL(address.url).port);
    // What "Copy config" puts on the clipboard for scripts: this gateway and its token.
    await secureGpt.gateway.copyConfig('env');
    assert.equal(
      await vscode.env.clipboard.readText(),
      `export OPENAI_BASE_URL=${address.url}\nexport OPENAI_API_KEY=${address.token}\n`,
    );
    assert.notEqual(String(port), new URL(server.url).port, 'the gateway is not the upstream');

    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    // The fake upstream repeats what it was sent between the markers, placeholder and all.
    server.enqueue({ kind: 'ok', text: (r) => `You sent: ${/\[\[(.*?)\]\]/.exec(r.rawBody)?.[1] ?? '?'}` });
    const reply = await fetch(`${address.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${address.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Why is [[${secret}]] refused?` }],
      }),
    });
    assert.equal(reply.status, 200);
    const answer = (await reply.json()) as { choices: { message: { content: string } }[] };

    const [upstream] = server.requestsTo('/chat/completions');
    assert.ok(upstream, 'the request reached the upstream through the gateway');
    assert.ok(!upstream.rawBody.includes(secret), 'the secret left the machine');
    assert.match(upstream.rawBody, /\[\[‹secret:github-pat#1›\]\]/);
    assert.ok(!JSON.stringify(upstream.headers).includes(address.token), 'the client token went upstream');
    assert.equal(answer.choices[0]?.message.content, `You sent: ${secret}`, 'the client got its secret back');

    // The record goes to the editor's own audit log, which Verify and Purge read, appended beside the answer
    // rather than before it: wait for it (the test's timeout bounds this).
    const audit = secureGpt.data.audit;
    while (!(await audit.read()).some((r) => r.redactions?.['github-pat'] === 1)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual((await audit.verify()).ok, true, 'the editor log still verifies with the gateway in it');
    assert.ok(!(await fs.readFile(audit.file, 'utf8')).includes(secret), 'the secret is in the audit log');
    assert.ok(
      (await filesUnder(stateHome)).every((text) => !text.includes(secret)),
      'the secret is in the gateway state',
    );

    await vscode.commands.executeCommand('secureGpt.stopGateway');
    assert.equal(secureGpt.gateway.address, undefined, 'Stop cleared the gateway');
    assert.equal(await listening(port), false, 'the gateway port is closed after Stop');
  });
});
