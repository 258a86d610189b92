import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startConnectProxy as startProxy } from '../../../test/support/connectProxy';
import { bypassesProxy, createFetch, networkFromEnv } from './proxyFetch';

describe('proxy-aware fetch', () => {
  it('reads HTTPS_PROXY and NO_PROXY from a CLI environment', () => {
    assert.deepEqual(networkFromEnv({ https_proxy: 'http://p:3128', NO_PROXY: 'localhost,.corp' }), {
      proxyUrl: 'http://p:3128',
      noProxy: 'localhost,.corp',
      caFiles: [],
    });
  });

  it('matches NO_PROXY entries as hosts and domain suffixes', () => {
    assert.ok(bypassesProxy('api.corp.example', '.corp.example'));
    assert.ok(bypassesProxy('corp.example', '.corp.example'));
    assert.ok(bypassesProxy('api.corp.example', 'corp.example'));
    assert.ok(bypassesProxy('anything', '*'));
    assert.ok(bypassesProxy('localhost', 'localhost:8080'));
    assert.ok(!bypassesProxy('api.openai.com', 'localhost,.corp.example'));
    assert.ok(!bypassesProxy('notcorp.example', 'corp.example'));
  });

  it('sends through the proxy, and around it for NO_PROXY hosts', async () => {
    const target = http.createServer((req, res) => res.end(`hello ${req.url ?? ''}`));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const { port } = target.address() as AddressInfo;
    const proxy = await startProxy();
    try {
      const viaProxy = createFetch({ proxyUrl: proxy.url });
      assert.equal(await (await viaProxy(`http://127.0.0.1:${port}/v1/models`)).text(), 'hello /v1/models');
      assert.deepEqual(proxy.targets, [`127.0.0.1:${port}`]);

      const bypass = createFetch({ proxyUrl: proxy.url, noProxy: '127.0.0.1' });
      assert.equal(await (await bypass(`http://127.0.0.1:${port}/x`)).text(), 'hello /x');
      assert.equal(proxy.targets.length, 1, 'the NO_PROXY host went direct');
    } finally {
      await proxy.close();
      target.closeAllConnections();
      await new Promise((r) => target.close(r));
    }
  });
});
