import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { startConnectProxy, startDroppingProxy } from '../../../test/support/connectProxy';
import { fakeResolver } from '../../../test/support/fakeResolver';
import type { TestCert } from '../../../test/support/testCert';
import { makeTestCert } from '../../../test/support/testCert';
import { ALNUM, randomToken } from '../detect/random';
import { EndpointRefusedError } from '../openai/endpointPolicy';
import { EgressError } from './egress';
import { bypassesProxy, createFetch, networkFromEditor, networkFromEnv, routeFor } from './proxyFetch';
import { parseProxy, ProxyError, tunnelConnector } from './proxyTunnel';

/** The first error of `kind` in a cause chain (undici wraps connect errors in `TypeError: fetch failed`). */
function causeOf<T extends Error>(error: unknown, kind: new (...args: never[]) => T): T | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof kind) {
      return e;
    }
  }
  return undefined;
}

async function listening(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function closing(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

describe('proxy-aware fetch under the egress rule', () => {
  it('reads HTTPS_PROXY and NO_PROXY from a CLI environment, and never HTTP_PROXY', () => {
    assert.deepEqual(networkFromEnv({ https_proxy: 'http://p:3128', NO_PROXY: 'localhost,.corp' }), {
      proxyUrl: 'http://p:3128',
      noProxy: 'localhost,.corp',
      caFiles: [],
    });
    assert.equal(networkFromEnv({ HTTP_PROXY: 'http://p:3128' }).proxyUrl, undefined);
  });

  it("reads the editor's http.proxy before the environment, and still sends loopback around it", () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128', NO_PROXY: '.env.example' };
    const editor = networkFromEditor(
      { proxy: 'http://editor-proxy:8080', noProxy: ['a.corp', '.b.corp'] },
      env,
    );
    assert.deepEqual(editor, {
      proxyUrl: 'http://editor-proxy:8080',
      noProxy: 'a.corp,.b.corp',
      strictSSL: true,
    });
    assert.deepEqual(networkFromEditor({ proxy: '', noProxy: [], proxyStrictSSL: false }, env), {
      proxyUrl: 'http://env-proxy:3128',
      noProxy: '.env.example',
      strictSSL: false,
    });
    assert.equal(routeFor(new URL('http://127.0.0.1:9/v1'), editor), 'loopback');
    assert.equal(routeFor(new URL('http://localhost:9/v1'), editor), 'loopback');
    assert.equal(routeFor(new URL('https://x.b.corp/v1'), editor), 'direct');
    assert.equal(routeFor(new URL('https://api.openai.com/v1'), editor), 'proxy');
    assert.throws(() => routeFor(new URL('http://a.corp/v1'), editor), EndpointRefusedError);
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

  it('routes loopback direct whatever the proxy settings, remote https by NO_PROXY, and refuses remote http', () => {
    const proxyUrl = 'http://proxy.corp:3128';
    const route = (u: string, noProxy?: string) => routeFor(new URL(u), { proxyUrl, noProxy });
    for (const u of [
      'http://127.0.0.1:1/v1',
      'http://[::1]:1/v1',
      'http://localhost:1/',
      'http://a.localhost/',
      'https://localhost/',
    ]) {
      assert.equal(route(u), 'loopback', u);
      assert.equal(route(u, ''), 'loopback', u);
    }
    assert.equal(route('https://api.openai.com/v1'), 'proxy');
    assert.equal(route('https://api.openai.com/v1', 'api.openai.com'), 'direct');
    assert.equal(route('https://api.openai.com/v1', '*'), 'direct');
    assert.equal(routeFor(new URL('https://api.openai.com/v1'), {}), 'direct');
    for (const noProxy of [undefined, '*', 'api.example.com']) {
      assert.throws(() => route('http://api.example.com/v1', noProxy), EndpointRefusedError);
    }
  });

  it('never tunnels plain http, even when asked directly', async () => {
    const connect = tunnelConnector(parseProxy('http://127.0.0.1:9'), {});
    const error = await new Promise<Error | null>((done) =>
      connect({ hostname: '127.0.0.1', host: '127.0.0.1', protocol: 'http:', port: '80' }, (...result) =>
        done(result[0]),
      ),
    );
    assert.ok(error instanceof EgressError);
    assert.match(error.message, /never sent through a proxy/);
  });

  it('parses proxy URLs and shows them as host:port without credentials', () => {
    // Credentials are put in at run time, so this file holds no password-in-URL for a scanner to find.
    const password = `pw-${randomToken(ALNUM, 12)}`;
    const withAuth = (raw: string): string => {
      const url = new URL(raw);
      [url.username, url.password] = ['someone', password];
      return url.href;
    };
    const p = parseProxy(withAuth('http://proxy.corp:3128'));
    assert.equal(p.label, 'proxy.corp:3128');
    assert.equal(p.authorization, `Basic ${Buffer.from(`someone:${password}`).toString('base64')}`);
    assert.equal(parseProxy('proxy.corp:8080').label, 'proxy.corp:8080');
    assert.equal(parseProxy('https://[::1]').label, '[::1]:443');
    assert.throws(
      () => parseProxy(withAuth('socks5://proxy:1080')),
      (e: unknown) => {
        assert.ok(e instanceof ProxyError && !e.message.includes(password));
        return true;
      },
    );
  });

  describe('against local servers', () => {
    let cert: TestCert;
    before(() => (cert = makeTestCert(['api.example.test'])));
    after(() => cert.dispose());

    it('sends plain http to loopback directly: a proxy in HTTPS_PROXY or http.proxy sees nothing', async () => {
      const target = http.createServer((req, res) => res.end(`hello ${req.url ?? ''}`));
      const port = await listening(target);
      const proxy = await startConnectProxy();
      try {
        const viaProxy = createFetch({ proxyUrl: proxy.url });
        assert.equal(await (await viaProxy(`http://127.0.0.1:${port}/v1/models`)).text(), 'hello /v1/models');
        const editor = createFetch(networkFromEditor({ proxy: proxy.url }, { HTTP_PROXY: proxy.url }));
        assert.equal(await (await editor(`http://127.0.0.1:${port}/e`)).text(), 'hello /e');
        const local = createFetch({ proxyUrl: proxy.url, lookup: fakeResolver(['127.0.0.1']) });
        assert.equal(await (await local(`http://localhost:${port}/x`)).text(), 'hello /x');
        assert.deepEqual([proxy.targets, proxy.plain], [[], []], 'the proxy saw nothing');
      } finally {
        await proxy.close();
        await closing(target);
      }
    });

    it('refuses localhost and x.localhost when they resolve to a public address, at connect time', async () => {
      const target = http.createServer((_req, res) => res.end('should not be reached'));
      const port = await listening(target);
      let served = 0;
      target.on('request', () => (served += 1));
      try {
        for (const host of ['localhost', 'model.localhost']) {
          const resolver = fakeResolver(['93.184.216.34']);
          const refusing = createFetch({ lookup: resolver });
          const error = await refusing(`http://${host}:${port}/v1/models`).then(
            () => undefined,
            (e: unknown) => e,
          );
          const egress = causeOf(error, EgressError);
          assert.ok(egress, String(error));
          assert.match(egress.message, /resolved to 93\.184\.216\.34, which is not a loopback address/);
          assert.deepEqual(resolver.calls, [host], 'the check ran on the connection, through its lookup');
        }
        assert.equal(served, 0);
      } finally {
        await closing(target);
      }
    });

    it('tunnels https to a remote host through CONNECT, then TLS end to end', async () => {
      const origin = https.createServer({ cert: cert.cert, key: cert.key }, (req, res) =>
        res.end(`tls ${req.url ?? ''}`),
      );
      const port = await listening(origin);
      const proxy = await startConnectProxy({ 'api.example.test': '127.0.0.1' });
      try {
        const viaProxy = createFetch({ proxyUrl: proxy.url, caFiles: [cert.caFile] });
        assert.equal(await (await viaProxy(`https://api.example.test:${port}/v1`)).text(), 'tls /v1');
        assert.deepEqual(proxy.targets, [`api.example.test:${port}`]);
        assert.deepEqual(proxy.plain, []);
      } finally {
        await proxy.close();
        await closing(origin);
      }
    });

    it('gives up at once on a proxy that drops every CONNECT, naming it without its credentials', async () => {
      const proxy = await startDroppingProxy();
      const { port } = new URL(proxy.url);
      try {
        const password = `pw-${randomToken(ALNUM, 12)}`;
        const withCredentials = proxy.url.replace('//', `//someone:${password}@`);
        const dropped = createFetch({ proxyUrl: withCredentials });
        const error = await dropped('https://api.example.test/v1/models').then(
          () => undefined,
          (e: unknown) => e,
        );
        const failure = causeOf(error, ProxyError);
        assert.ok(failure, String(error));
        assert.equal(
          failure.message,
          `The proxy 127.0.0.1:${port} closed the connection without answering CONNECT.`,
        );
        assert.ok(!String(error).includes(password));
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(proxy.targets.length, 1, 'one CONNECT per request: the transport itself never retries');
      } finally {
        await proxy.close();
      }
    });

    it('refuses a request that needs an unusable proxy, saying so', async () => {
      const socks = createFetch({ proxyUrl: 'socks5://proxy.corp:1080' });
      await assert.rejects(socks('https://api.example.test/v1'), /only http:\/\/ and https:\/\/ proxies/);
    });
  });
});
