import * as assert from 'assert';
import * as vscode from 'vscode';
import { startConnectProxy } from '../support/connectProxy';
import { api, configurationChanged, loopbackServerForSuite } from './vscodeTestKit';

// The editor follows the egress rule: a loopback endpoint never goes through `http.proxy`, so a recording
// proxy sees nothing, neither a CONNECT nor a plain request (the key would ride in clear text in one).
describe('Requests to loopback bypass VS Code http.proxy (real VS Code)', () => {
  const server = loopbackServerForSuite(async () => {
    const http = vscode.workspace.getConfiguration('http');
    await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
  });

  it('sends the chat request for a plain-http loopback endpoint directly, with http.proxy set', async () => {
    const secureGpt = await api();
    const proxy = await startConnectProxy();
    try {
      const http = vscode.workspace.getConfiguration('http');
      const set = configurationChanged('http.proxy');
      await http.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      await set;
      const answer = await secureGpt.session.ask({ prompt: 'not through the proxy, please' });
      assert.equal(answer?.outcome, 'ok');
      assert.deepEqual(proxy.targets, [], 'no CONNECT');
      assert.deepEqual(proxy.plain, [], 'no plain request');
      assert.equal(server.requestsTo('/chat/completions').length, 1);
    } finally {
      await proxy.close();
    }
  });
});
