import * as assert from 'assert';
import * as vscode from 'vscode';
import { startConnectProxy } from '../support/connectProxy';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { api, configurationChanged, resetProfiles, useLoopbackProfile } from './vscodeTestKit';

// VS Code's own proxy settings carry the extension's requests: `http.proxy` tunnels them, `http.noProxy` exempts hosts.
describe('Requests honour VS Code http.proxy and http.noProxy (real VS Code)', () => {
  const server = new FakeOpenAi();

  before(async () => {
    await server.start();
    await useLoopbackProfile(server.url);
  });

  after(async () => {
    await resetProfiles();
    const http = vscode.workspace.getConfiguration('http');
    await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http.update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  });

  it('tunnels the chat request through http.proxy, and goes direct for an http.noProxy host', async () => {
    const secureGpt = await api();
    const proxy = await startConnectProxy();
    try {
      const http = vscode.workspace.getConfiguration('http');
      const set = configurationChanged('http.proxy');
      await http.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      await set;
      const viaProxy = await secureGpt.session.ask({ prompt: 'through the proxy, please' });
      assert.equal(viaProxy?.outcome, 'ok');
      const endpoint = new URL(server.url);
      assert.deepEqual(proxy.targets, [`${endpoint.hostname}:${endpoint.port}`]);

      const exempt = configurationChanged('http.noProxy');
      await http.update('noProxy', [endpoint.hostname], vscode.ConfigurationTarget.Global);
      await exempt;
      const direct = await secureGpt.session.ask({ prompt: 'and now directly' });
      assert.equal(direct?.outcome, 'ok');
      assert.equal(proxy.targets.length, 1, 'the noProxy host did not go through the proxy');
      assert.equal(server.requestsTo('/chat/completions').length, 2);
    } finally {
      await proxy.close();
    }
  });
});
