import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APIError, AuthenticationError, OpenAI, RateLimitError } from 'openai';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { FakeOpenAi } from '../support/fakeOpenAi';
import { freshToken } from './cliSupport';
import type { GatewayCase } from './gatewayCase';
import { bundleCli, gatewayClient, sentUpstream, startGatewayCase, stopGatewayCase } from './gatewayCase';
import type { ProxyProcess } from './proxySupport';
import { rawRequest, startProxy } from './proxySupport';

const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/cliBundle/proxyCli.js');

describe('secure-gpt proxy (the local gateway, as a process, with the openai SDK as its client)', function () {
  // Each test starts a Node process; on a loaded machine that is slow, and timing never fails a test.
  this.timeout(60_000);
  let fake: FakeOpenAi;
  let proxy: ProxyProcess;
  let key: string;
  let dotenvValue: string;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let current: GatewayCase;

  before(() => bundleCli(cliPath));
  beforeEach(async () => {
    current = await startGatewayCase(cliPath);
    ({ fake, proxy, key, dotenvValue, dir, env } = current);
  });
  afterEach(() => stopGatewayCase(current));

  const client = (apiKey = proxy.token): OpenAI => gatewayClient(proxy, apiKey);

  it('prints one JSON line with a loopback URL and a token, and logs on stderr', async () => {
    assert.match(proxy.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.ok(proxy.token.length >= 32);
    const stderr = await proxy.stderrMatching(/forwarding http:\/\/127\.0\.0\.1:\d+\/v1 to 127\.0\.0\.1:\d+/);
    assert.ok(!stderr.includes(proxy.token) && !stderr.includes(key));
  });

  it('keeps the token of --token-file across restarts, in a file only its owner reads', async () => {
    const file = join(dir, 'gateway', 'token');
    const first = await startProxy(cliPath, ['--base-url', fake.url, '--token-file', file], env, dir);
    await first.stop();
    const second = await startProxy(cliPath, ['--base-url', fake.url, '--token-file', file], env, dir);
    await second.stop();
    assert.equal(second.token, first.token);
    assert.notEqual(first.token, proxy.token);
    assert.equal(readFileSync(file, 'utf8').trim(), first.token);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('refuses no token, a wrong token, a foreign Host and an Origin; nothing reaches the upstream', async () => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    const chat = `${proxy.url}/chat/completions`;
    const host = `127.0.0.1:${proxy.port}`;
    const json = { 'content-type': 'application/json' };
    const bearer = `Bearer ${proxy.token}`;
    const cases = [
      { name: 'no token', headers: { ...json, host }, status: 401 },
      { name: 'a key as token', headers: { ...json, host, authorization: `Bearer ${key}` }, status: 401 },
      {
        name: 'foreign Host',
        headers: { ...json, host: `evil.example:${proxy.port}`, authorization: bearer },
        status: 403,
      },
      {
        name: 'Origin',
        headers: { ...json, host, authorization: bearer, origin: 'https://evil.example' },
        status: 403,
      },
    ];
    for (const c of cases) {
      const reply = await rawRequest(chat, c.headers, body);
      assert.equal(reply.status, c.status, c.name);
      const error = (JSON.parse(reply.body) as { error: { message: string; code: string } }).error;
      assert.equal(typeof error.message, 'string', c.name);
      assert.ok(!reply.body.includes(proxy.token) && !reply.body.includes(key), c.name);
    }
    await assert.rejects(
      client(`sgpt-gw-${randomToken(ALNUM, 43)}`).chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      }),
      (e: unknown) => e instanceof AuthenticationError && e.status === 401,
    );
    assert.equal((await rawRequest(`${proxy.url}/models`, { host })).status, 401);
    assert.equal(fake.requests.length, 0);
  });

  it('sends placeholders up, with the upstream key only, and gives the client its values back', async () => {
    const github = freshToken();
    fake.enqueue({
      kind: 'ok',
      text: (r) => `Echo: ${/Use (.*?) and (.*?) in/.exec(r.rawBody)?.slice(1).join(' + ')}`,
    });
    const answer = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: `Use ${github} and ${dotenvValue} in the config; my gateway token is ${proxy.token}.`,
        },
      ],
    });
    const upstream = sentUpstream(fake);
    for (const secret of [github, dotenvValue, proxy.token]) {
      assert.ok(!upstream.includes(secret), 'a secret or the client token reached the upstream');
    }
    assert.equal(fake.requests[0]!.headers.authorization, `Bearer ${key}`);
    assert.match(fake.requests[0]!.rawBody, /Use ‹secret:github-pat#1› and ‹secret:env-value#1› in/);
    assert.equal(answer.choices[0]!.message.content, `Echo: ${github} + ${dotenvValue}`);
  });

  it('keeps the numbering of a conversation whose history is resent', async () => {
    const [first, second] = [freshToken(), freshToken()];
    const history = [{ role: 'user' as const, content: `token ${first}` }];
    const reply = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: history });
    await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        ...history,
        { role: 'assistant', content: reply.choices[0]!.message.content ?? '' },
        { role: 'user', content: `and ${second}, is ${first} still good?` },
      ],
    });
    const last = fake.requests[1]!.rawBody;
    assert.match(last, /and ‹secret:github-pat#2›, is ‹secret:github-pat#1› still good\?/);
    assert.ok(!last.includes(first) && !last.includes(second));
  });

  it('streams the answer with a placeholder split across chunks restored, and the echoed key masked', async () => {
    const github = freshToken();
    fake.enqueue({ kind: 'ok', chunks: ['Set ', '‹secret:git', 'hub-pat#1', '› as ', 'the token.'] });
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: `Where does ${github} go?` }],
    });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    assert.equal(text, `Set ${github} as the token.`);

    fake.enqueue({
      kind: 'ok',
      text: `Your key is ${key} and it is low on quota.`,
      echoKey: { pieceLength: 5 },
    });
    const echoed = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'quota?' }],
    });
    let leaked = '';
    for await (const chunk of echoed) {
      leaked += chunk.choices[0]?.delta?.content ?? '';
    }
    assert.ok(!leaked.includes(key.slice(10, 18)), 'the upstream key reached the client');
    assert.match(leaked, /‹redacted:api-key›/);
  });

  it('passes 401 (key echoed), 429 and a cut stream on in the OpenAI error shape, scrubbed', async () => {
    fake.enqueue({ kind: 'unauthorized', echoKey: 'full' });
    const ask = (stream: boolean) =>
      client().chat.completions.create({
        model: 'gpt-4o-mini',
        stream,
        messages: [{ role: 'user', content: 'hi' }],
      } as never);
    await assert.rejects(ask(false), (e: unknown) => {
      assert.ok(e instanceof AuthenticationError && e.status === 401);
      assert.match(e.message, /Incorrect API key provided/);
      assert.ok(
        !JSON.stringify(e.error).includes(key.slice(10, 18)) && !e.message.includes(key.slice(10, 18)),
      );
      return true;
    });
    fake.enqueue({ kind: 'rateLimited', retryAfter: '3' });
    await assert.rejects(
      ask(false),
      (e: unknown) => e instanceof RateLimitError && e.headers.get('retry-after') === '3',
    );
    fake.enqueue({ kind: 'cut', afterChunks: 3 });
    const stream = (await ask(true)) as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>;
    let received = '';
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) {
          received += chunk.choices[0]?.delta?.content ?? '';
        }
      })(),
      (e: unknown) => e instanceof APIError && /closed in the middle of the answer/.test(e.message),
    );
    assert.ok(received.length > 0, 'the chunks before the cut arrived');
  });

  it('stops the upstream stream when the client goes away, and records the request as cancelled', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    fake.enqueue({ kind: 'ok', text: words, chunkDelayMs: 20 });
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'count' }] },
      { signal: controller.signal },
    );
    let pieces = 0;
    try {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta?.content && ++pieces === 3) {
          controller.abort();
        }
      }
    } catch {
      // The SDK may end the loop quietly or with an abort error; either way the client is gone.
    }
    assert.ok(pieces >= 3 && pieces < 200, 'the answer stopped early');
    const records = await auditRecords(1);
    assert.equal(records[0]!.outcome, 'cancelled: cancelled');
  });

  it('writes an audit record per request, blocked ones included, holding no value', async () => {
    const github = freshToken();
    await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `a ${github}` }],
    });
    // The record is sealed just after the answer is written: wait for it, never for a fixed time.
    const first = await auditRecords(1);
    assert.equal(first[0]!.outcome, 'ok');
    assert.deepEqual(first[0]!.redactions, { 'github-pat': 1 });

    const config = join(dir, 'block.json');
    writeFileSync(config, JSON.stringify({ 'redaction.policy': 'block' }));
    const blocking = await startProxy(
      cliPath,
      ['--base-url', fake.url],
      { ...env, SECURE_GPT_CONFIG: config },
      dir,
    );
    try {
      const sdk = new OpenAI({ baseURL: blocking.url, apiKey: blocking.token, maxRetries: 0 });
      await assert.rejects(
        sdk.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: `b ${github}` }],
        }),
        (e: unknown) => e instanceof APIError && e.status === 400 && e.code === 'secret_blocked',
      );
    } finally {
      await blocking.stop();
    }
    const both = await auditRecords(2);
    assert.equal(both[1]!.outcome, 'blocked: policy');
    assert.equal(fake.requests.length, 1, 'the blocked request did not leave');
    const log = readFileSync(auditFile(), 'utf8');
    assert.ok(!log.includes(github) && !log.includes(key) && !log.includes(proxy.token));
  });

  const auditFile = (): string => join(dir, 'secure-gpt', 'audit.jsonl');
  async function auditRecords(
    count: number,
  ): Promise<Array<{ outcome: string; redactions: Record<string, number> }>> {
    for (;;) {
      const lines = existsSync(auditFile()) ? readFileSync(auditFile(), 'utf8').trim().split('\n') : [];
      if (lines.length >= count && lines[0] !== '') {
        return lines.map((l) => JSON.parse(l) as { outcome: string; redactions: Record<string, number> });
      }
      await new Promise((done) => setTimeout(done, 20));
    }
  }
});
