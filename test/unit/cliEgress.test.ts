import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { TestProxy } from '../support/connectProxy';
import { startConnectProxy, startDroppingProxy } from '../support/connectProxy';
import { FAKE_ANSWER, FakeOpenAi } from '../support/fakeOpenAi';
import { nodeBundleOptions } from '../support/nodeBundle';
import { makeTree } from './cliSupport';

// The egress rule as users meet it: the bundled CLI in its own process, with proxy variables set.
const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/egressBundle/cli.js');
/** Only so a regression cannot hang the suite: the rule's bound is on attempts, asserted below. */
const HARNESS_LIMIT_MS = 60_000;

interface Exited {
  readonly code: number | null;
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Exited> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const guard = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, HARNESS_LIMIT_MS);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(guard);
      done({ code, killed, stdout, stderr });
    });
  });
}

describe('secure-gpt ask and proxies, as a process (out/egressBundle/cli.js)', function () {
  this.timeout(HARNESS_LIMIT_MS + 10_000);
  let dir: string;
  let key: string;
  let proxy: TestProxy | undefined;
  const server = new FakeOpenAi();

  before(async () => {
    mkdirSync(join(repo, 'out/egressBundle'), { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', cliPath));
  });
  beforeEach(async () => {
    server.reset();
    await server.start();
    dir = makeTree({});
    key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A private HOME and config: no profiles file, no keychain, only this key and these proxy variables. */
  const envWith = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: dir,
    XDG_CONFIG_HOME: dir,
    XDG_STATE_HOME: dir,
    OPENAI_API_KEY: key,
    ...extra,
  });

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`with HTTPS_PROXY and HTTP_PROXY set, a plain-http ${host} endpoint gets the request and the proxy sees nothing`, async () => {
      const recording = await startConnectProxy();
      proxy = recording;
      const baseUrl = server.url.replace('127.0.0.1', host);
      const env = envWith({
        HTTPS_PROXY: recording.url,
        HTTP_PROXY: recording.url,
        ALL_PROXY: recording.url,
      });
      const run = await runCli(['ask', '--base-url', baseUrl, 'hello'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, `${FAKE_ANSWER}\n`);
      assert.deepEqual(recording.targets, [], 'no CONNECT reached the proxy');
      assert.deepEqual(recording.plain, [], 'no plain request reached the proxy');
      const requests = server.requestsTo('/chat/completions');
      assert.equal(requests.length, 1);
      assert.equal(
        requests[0]?.headers.authorization,
        `Bearer ${key}`,
        'the loopback server got the request',
      );
    });
  }

  it('against a proxy that drops every CONNECT: a handful of attempts, then an error naming the proxy', async () => {
    const dropping = await startDroppingProxy();
    proxy = dropping;
    const password = `pw-${randomToken(ALNUM, 12)}`;
    const proxyUrl = dropping.url.replace('//', `//someone:${password}@`);
    const run = await runCli(
      ['ask', '--base-url', 'https://api.openai.com/v1', 'hello'],
      envWith({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl }),
    );
    assert.equal(run.killed, false, 'the process ended by itself');
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    // The SDK's maxRetries (2) is the only retry loop: three CONNECTs, where undici's ProxyAgent made thousands.
    assert.deepEqual(dropping.targets, ['api.openai.com:443', 'api.openai.com:443', 'api.openai.com:443']);
    const { host } = new URL(dropping.url);
    assert.match(
      run.stderr,
      new RegExp(`proxy ${host.replace(/\./g, '\\.')} closed the connection without answering CONNECT`),
    );
    assert.match(run.stderr, /Gave up after 3 attempts/);
    for (const hidden of [password, key]) {
      assert.ok(!run.stderr.includes(hidden), 'a credential reached the error');
    }
  });

  it('refuses a plain-http remote endpoint even when NO_PROXY covers it', async () => {
    const recording = await startConnectProxy();
    proxy = recording;
    const run = await runCli(
      ['ask', '--base-url', 'http://api.example.com/v1', 'hello'],
      envWith({ HTTP_PROXY: recording.url, HTTPS_PROXY: recording.url, NO_PROXY: '*' }),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /must use HTTPS/);
    assert.deepEqual([recording.targets, recording.plain], [[], []]);
  });
});
