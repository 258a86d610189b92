import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { APIError, AuthenticationError, OpenAI, RateLimitError } from 'openai';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { nodeBundleOptions } from '../support/nodeBundle';
import { freshToken, makeTree } from './cliSupport';
import type { ProxyProcess } from './proxySupport';
import { rawRequest, ScriptedUpstream, startProxy, toolCallEvents } from './proxySupport';

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

  before(async () => {
    mkdirSync(join(repo, 'out/cliBundle'), { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', cliPath));
  });

  beforeEach(async () => {
    fake = await new FakeOpenAi().start();
    key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    dotenvValue = `pw-${randomToken(ALNUM, 20)}`;
    dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.env': `DB_PASSWORD=${dotenvValue}\n` });
    // A private HOME: no profiles file, no keychain, only this key.
    env = {
      OPENAI_API_KEY: key,
      HOME: dir,
      XDG_CONFIG_HOME: dir,
      XDG_STATE_HOME: dir,
      SECURE_GPT_KEYCHAIN_TIMEOUT_MS: '2000',
    };
    proxy = await startProxy(cliPath, ['--port', '0', '--base-url', fake.url], env, dir);
  });
  afterEach(async () => {
    await proxy.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (apiKey = proxy.token): OpenAI => new OpenAI({ baseURL: proxy.url, apiKey, maxRetries: 0 });
  const sentUpstream = (): string =>
    fake.requests.map((r) => `${JSON.stringify(r.headers)}${r.rawBody}`).join('\n');

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
    const upstream = sentUpstream();
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

  it('restores a placeholder inside streamed and whole tool-call arguments, JSON-escaped', async () => {
    const scripted = await new ScriptedUpstream().start();
    const local = await startProxy(cliPath, ['--base-url', scripted.url], env, dir);
    try {
      const github = freshToken();
      const sdk = new OpenAI({ baseURL: local.url, apiKey: local.token, maxRetries: 0 });
      const tools = [
        {
          type: 'function' as const,
          function: {
            name: 'write_config',
            parameters: { type: 'object', properties: { token: { type: 'string' } } },
          },
        },
      ];
      const messages = [{ role: 'user' as const, content: `store ${github} in the config` }];
      scripted.reply = { events: toolCallEvents(['{"tok', 'en": "‹secret:gith', 'ub-pat#1›"}']) };
      const stream = await sdk.chat.completions.create({
        model: 'gpt-4o-mini',
        stream: true,
        tools,
        messages,
      });
      let args = '';
      for await (const chunk of stream) {
        args += chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? '';
      }
      assert.deepEqual(JSON.parse(args), { token: github });

      scripted.reply = {
        json: {
          id: 'chatcmpl-tool',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              finish_reason: 'tool_calls',
              message: {
                role: 'assistant',
                content: null,
                tool_calls: [
                  {
                    id: 'call_1',
                    type: 'function',
                    function: { name: 'write_config', arguments: '{"token":"‹secret:github-pat#1›"}' },
                  },
                ],
              },
            },
          ],
        },
      };
      const whole = await sdk.chat.completions.create({ model: 'gpt-4o-mini', tools, messages });
      const call = whole.choices[0]!.message.tool_calls![0]!;
      assert.deepEqual(JSON.parse(call.type === 'function' ? call.function.arguments : '{}'), {
        token: github,
      });
      assert.ok(scripted.bodies.every((b) => !b.includes(github)));
      assert.ok(scripted.bodies.every((b) => b.includes('‹secret:github-pat#1›')));
    } finally {
      await local.stop();
      await scripted.stop();
    }
  });

  it('serves the Responses API, streamed and not, with the values restored and previous_response_id followed', async () => {
    const [github, later] = [freshToken(), freshToken()];
    fake.enqueue({ kind: 'ok', text: 'Keep ‹secret:github-pat#1› safe.' });
    const whole = await client().responses.create({ model: 'gpt-4o-mini', input: `Is ${github} safe?` });
    assert.equal(whole.output_text, `Keep ${github} safe.`);

    fake.enqueue({
      kind: 'ok',
      chunks: ['Both ', '‹secret:gith', 'ub-pat#2› and ‹secret:', 'github-pat#1›.'],
    });
    const stream = await client().responses.create({
      model: 'gpt-4o-mini',
      input: `and ${later}?`,
      previous_response_id: whole.id,
      stream: true,
    });
    let deltas = '';
    let done = '';
    let completed = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') {
        deltas += event.delta;
      } else if (event.type === 'response.output_text.done') {
        done = event.text;
      } else if (event.type === 'response.completed') {
        completed = JSON.stringify(event.response.output);
      }
    }
    assert.equal(deltas, `Both ${later} and ${github}.`);
    assert.equal(done, deltas);
    assert.ok(
      completed.includes(later) && !completed.includes('‹secret:'),
      'the final response is restored too',
    );
    const sent = fake.requestsTo('/responses').map((r) => r.rawBody);
    assert.match(sent[1]!, /and ‹secret:github-pat#2›\?/, "the second turn kept the first turn's numbering");
    assert.ok(sent.every((b) => !b.includes(github) && !b.includes(later)));
  });

  it('lists models and embeds through the gateway, redacting embedding inputs', async () => {
    const models = await client().models.list();
    assert.deepEqual(
      models.data.map((m) => m.id),
      ['gpt-4o-mini', 'gpt-4o'],
    );
    const github = freshToken();
    // The fake does not embed: a 404 in the OpenAI shape still shows what left.
    await assert.rejects(
      client().embeddings.create({ model: 'text-embedding-3-small', input: [`x ${github}`] }),
      APIError,
    );
    const sent = fake.requestsTo('/embeddings')[0]!.rawBody;
    assert.ok(!sent.includes(github) && sent.includes('‹secret:github-pat#1›'));
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
