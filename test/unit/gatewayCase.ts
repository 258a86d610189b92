// One gateway test case: a fake upstream, a private HOME with a `.env` value, and `secure-gpt proxy`
// started on it. Shared by the gateway's process suites so that each sets up and tears down the same way.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { OpenAI } from 'openai';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { nodeBundleOptions } from '../support/nodeBundle';
import { makeTree } from './cliSupport';
import type { ProxyProcess } from './proxySupport';
import { startProxy } from './proxySupport';

export interface GatewayCase {
  readonly fake: FakeOpenAi;
  readonly proxy: ProxyProcess;
  /** The upstream key (from `OPENAI_API_KEY`): the client must never see it. */
  readonly key: string;
  /** A value of the case's `.env`: a known value the upstream must never see. */
  readonly dotenvValue: string;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Bundles the CLI to `cliPath` (each suite its own file, so suites never race on one bundle). */
export async function bundleCli(cliPath: string): Promise<void> {
  mkdirSync(join(cliPath, '..'), { recursive: true });
  await build(nodeBundleOptions('src/cli/cli.ts', cliPath));
}

export async function startGatewayCase(cliPath: string): Promise<GatewayCase> {
  const fake = await new FakeOpenAi().start();
  const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
  const dotenvValue = `pw-${randomToken(ALNUM, 20)}`;
  const dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.env': `DB_PASSWORD=${dotenvValue}\n` });
  // A private HOME: no profiles file, no keychain, only this key.
  const env: NodeJS.ProcessEnv = {
    OPENAI_API_KEY: key,
    HOME: dir,
    XDG_CONFIG_HOME: dir,
    XDG_STATE_HOME: dir,
    SECURE_GPT_KEYCHAIN_TIMEOUT_MS: '2000',
  };
  const proxy = await startProxy(cliPath, ['--port', '0', '--base-url', fake.url], env, dir);
  return { fake, proxy, key, dotenvValue, dir, env };
}

export async function stopGatewayCase(c: GatewayCase): Promise<void> {
  await c.proxy.stop();
  await c.fake.stop();
  rmSync(c.dir, { recursive: true, force: true });
}

/** The openai SDK pointed at the gateway, with the gateway's token (or `apiKey`) as its key. */
export function gatewayClient(proxy: ProxyProcess, apiKey = proxy.token): OpenAI {
  return new OpenAI({ baseURL: proxy.url, apiKey, maxRetries: 0 });
}

/** Everything the upstream received, headers and bodies. */
export function sentUpstream(fake: FakeOpenAi): string {
  return fake.requests.map((r) => `${JSON.stringify(r.headers)}${r.rawBody}`).join('\n');
}
