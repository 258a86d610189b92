import * as assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OpenAI } from 'openai';
import { AuditLog } from '../../src/core/audit/auditLog';
import { HEX, randomToken } from '../../src/core/detect/random';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { freshToken, makeTree } from './cliSupport';
import { bundleCli } from './gatewayCase';
import type { ProxyProcess } from './proxySupport';
import { startProxy } from './proxySupport';

const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/cliBundle/proxyAzureCli.js');

/** Polls until `read` gives something, for a record appended just after the answer. */
async function eventually<T>(read: () => Promise<T[]>, deadlineMs = 20_000): Promise<T[]> {
  const until = Date.now() + deadlineMs;
  let got = await read();
  while (got.length === 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  return got;
}

// `secure-gpt proxy --profile` on an Azure OpenAI profile, the loopback fake server acting as the resource;
// and the audit log moved where `SECURE_GPT_AUDIT_DIR` says (how the editor's gateway writes to its log).
describe('secure-gpt proxy on an Azure OpenAI profile, and its audit directory', function () {
  this.timeout(60_000);
  let fake: FakeOpenAi;
  let proxy: ProxyProcess;
  let key: string;
  let dir: string;

  before(() => bundleCli(cliPath));
  beforeEach(async () => {
    fake = await new FakeOpenAi().start();
    key = randomToken(HEX, 32);
    dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const profile = {
      name: 'azure-dev',
      kind: 'azure',
      endpoint: `${fake.url.replace(/\/v1$/, '')}/`,
      deployment: 'chat-deploy',
      apiVersion: '2024-10-21',
    };
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ profiles: [profile] }));
    const env = {
      AZURE_OPENAI_API_KEY: key,
      HOME: dir,
      XDG_CONFIG_HOME: dir,
      XDG_STATE_HOME: dir,
      SECURE_GPT_PROFILES: join(dir, 'profiles.json'),
      SECURE_GPT_AUDIT_DIR: join(dir, 'editor', 'audit'),
      SECURE_GPT_KEYCHAIN_TIMEOUT_MS: '2000',
    };
    proxy = await startProxy(cliPath, ['--profile', 'azure-dev'], env, dir);
  });
  afterEach(async () => {
    await proxy.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (): OpenAI => new OpenAI({ baseURL: proxy.url, apiKey: proxy.token, maxRetries: 0 });

  it('forwards to the deployment with api-version and the api-key header, redacted both ways', async () => {
    const secret = freshToken();
    fake.enqueue({ kind: 'ok', text: (r) => `Seen: ${/look at (\S+)/.exec(r.rawBody)?.[1] ?? ''}` });
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      messages: [{ role: 'user', content: `look at ${secret} please` }],
    });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    assert.equal(text, `Seen: ${secret}`);
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/openai/deployments/chat-deploy/chat/completions');
    assert.equal(sent.query.get('api-version'), '2024-10-21');
    assert.equal(sent.headers['api-key'], key);
    assert.equal(sent.headers.authorization, undefined, 'no bearer: Azure takes api-key');
    const upstream = `${JSON.stringify(sent.headers)}${sent.rawBody}`;
    assert.ok(!upstream.includes(secret) && !upstream.includes(proxy.token));
    assert.match(sent.rawBody, /look at ‹secret:github-pat#1›/);

    // The fake does not embed: its 404 still shows where the request went and what it carried.
    await assert.rejects(client().embeddings.create({ model: 'embed-deploy', input: `index ${secret}` }));
    const embed = fake.requestsTo('/embeddings')[0]!;
    assert.equal(embed.path, '/openai/deployments/embed-deploy/embeddings');
    assert.ok(!embed.rawBody.includes(secret));
    const models = await client().models.list();
    assert.ok(models.data.length > 0);
    assert.equal(fake.requestsTo('/models')[0]!.path, '/openai/models');
  });

  it('writes its audit records to SECURE_GPT_AUDIT_DIR, one verified chain, none in the state directory', async () => {
    await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
    });
    const log = new AuditLog(join(dir, 'editor', 'audit'));
    const records = await eventually(() => log.read());
    assert.deepEqual(
      records.map((r) => [r.profile, r.endpointHost, r.outcome]),
      [['azure-dev', new URL(fake.url).host, 'ok']],
    );
    assert.deepEqual(await log.verify(), { ok: true, records: 1 });
    assert.equal(existsSync(join(dir, 'secure-gpt', 'audit.jsonl')), false);
  });
});
