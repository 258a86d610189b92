import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { createFetch } from '../../src/core/net/proxyFetch';
import { EndpointRefusedError, isLoopback } from '../../src/core/openai/endpointPolicy';
import { createOpenAiProvider } from '../../src/core/openai/openaiProvider';
import { retryAfter } from '../../src/core/openai/retryAfter';
import type { CompletionRequest, WaitNotice } from '../../src/core/openai/provider';
import { Conversation } from '../../src/core/pipeline/conversation';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import { FAKE_ANSWER, FakeOpenAi } from '../support/fakeOpenAi';
import { fakeResolver } from '../support/fakeResolver';

/** A key of OpenAI's project shape, generated per run. */
const newKey = (): string => ['sk', 'proj', randomToken(ALNUM, 48)].join('-');

function request(stream = true, extra: Partial<CompletionRequest> = {}): CompletionRequest {
  const params = stream
    ? {
        model: 'gpt-test',
        messages: [{ role: 'user' as const, content: 'hi' }],
        stream: true as const,
        stream_options: { include_usage: true },
      }
    : { model: 'gpt-test', messages: [{ role: 'user' as const, content: 'hi' }] };
  return { params, serialized: JSON.stringify(params), ...extra };
}

describe('OpenAI transport against the loopback server', () => {
  let server: FakeOpenAi;
  let key: string;

  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    key = newKey();
  });
  afterEach(() => server.stop());

  const provider = (maxRetries = 0) =>
    createOpenAiProvider({ kind: 'compatible', apiKey: key, baseUrl: server.url }, { maxRetries });

  it('streams the answer with usage, sending the key only in the Authorization header', async () => {
    const deltas: string[] = [];
    const result = await provider().complete(request(true, { onDelta: (d) => deltas.push(d) }));
    assert.equal(result.text, FAKE_ANSWER);
    assert.equal(deltas.join(''), FAKE_ANSWER);
    assert.ok(deltas.length > 1, 'streamed in pieces');
    assert.equal(result.finishReason, 'stop');
    assert.ok((result.usage?.total ?? 0) > 0);
    const [req] = server.requests;
    assert.equal(req?.headers.authorization, `Bearer ${key}`);
    assert.ok(!req?.rawBody.includes(key));
  });

  it('answers without streaming too', async () => {
    const result = await provider().complete(request(false));
    assert.deepEqual([result.text, result.failure], [FAKE_ANSWER, undefined]);
    assert.equal(
      server.requests[0]?.rawBody,
      request(false).serialized,
      'the body is sent exactly as serialized',
    );
  });

  it('sends exactly the bytes the pipeline hashed', async () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const records: string[] = [];
    const pipeline = new Pipeline({}, { onRecord: (r) => void records.push(r.payloadSha256 ?? '') });
    const result = await pipeline.run(
      new Conversation(),
      { prompt: `fix ${token}`, model: 'gpt-test' },
      provider(),
    );
    assert.equal(result.outcome, 'ok');
    const raw = server.requests[0]!.rawBody;
    assert.ok(!raw.includes(token));
    assert.equal(createHash('sha256').update(raw).digest('hex'), records[0]);
  });

  it('401 echoing the key: a short message that holds no part of the key', async () => {
    for (const echoKey of ['full', 'masked'] as const) {
      server.enqueue({ kind: 'unauthorized', echoKey });
      const result = await provider().complete(request());
      assert.equal(result.failure?.kind, 'auth');
      const message = result.failure?.message ?? '';
      assert.match(message, /rejected the API key \(401\)/);
      assert.ok(!message.includes(key.slice(-4)) && !message.includes(key.slice(0, 12)), message);
    }
  });

  it('429 with Retry-After: the SDK waits as told, the caller hears about it, then the answer arrives', async () => {
    server.enqueue({ kind: 'rateLimited', retryAfter: '0.05' });
    const waits: WaitNotice[] = [];
    const result = await provider(2).complete(request(true, { onWait: (w) => waits.push(w) }));
    assert.equal(result.text, FAKE_ANSWER);
    assert.deepEqual(waits, [{ seconds: 0.05, status: 429, attempt: 1 }]);
    assert.equal(server.requests.length, 2);
  });

  it('429 with retries exhausted, and 500: clear failures', async () => {
    server.enqueue({ kind: 'rateLimited', retryAfter: '0' }, { times: 2 });
    const limited = await provider(1).complete(request());
    assert.equal(limited.failure?.kind, 'rate-limit');
    assert.match(limited.failure?.message ?? '', /rate limiting this key \(429\)/);
    server.enqueue({ kind: 'serverError' });
    const failed = await provider().complete(request());
    assert.deepEqual([failed.failure?.kind, failed.failure?.status], ['server', 500]);
    assert.match(failed.failure?.message ?? '', /failed \(500\)/);
  });

  it('a Retry-After longer than the cap fails at once, saying how long, instead of sleeping', async () => {
    server.enqueue({ kind: 'rateLimited', retryAfter: '3600' });
    const waits: WaitNotice[] = [];
    const result = await provider(2).complete(request(true, { onWait: (w) => waits.push(w) }));
    assert.equal(result.failure?.kind, 'rate-limit');
    assert.match(result.failure?.message ?? '', /It asks to wait 3600 s\. Try again later\./);
    assert.deepEqual([waits.length, server.requests.length], [0, 1]);
  });

  it('a stream cut mid-way keeps the partial answer and says so', async () => {
    server.enqueue({ kind: 'cut', afterChunks: 3 });
    const result = await provider().complete(request());
    assert.equal(result.text, 'Hello from ');
    assert.equal(result.failure?.kind, 'cut');
    assert.match(result.failure?.message ?? '', /closed in the middle of the answer.*11 characters/);
  });

  it('malformed SSE stops the answer with a clear failure', async () => {
    server.enqueue({ kind: 'malformed' });
    const result = await provider().complete(request());
    assert.equal(result.failure?.kind, 'malformed');
  });

  it('an abort stops the stream and keeps what arrived', async () => {
    server.enqueue({ kind: 'ok', text: 'one two three four', chunkDelayMs: 5_000 });
    const controller = new AbortController();
    const result = await provider().complete(
      request(true, { signal: controller.signal, onDelta: () => controller.abort() }),
    );
    assert.equal(result.text, 'one ');
    assert.equal(result.failure?.kind, 'cancelled');
  });

  it('a server that does not answer in time, or a closed port: short failures naming the host', async () => {
    server.enqueue({ kind: 'ok', delayMs: 2_000 });
    const slow = createOpenAiProvider(
      { kind: 'compatible', apiKey: key, baseUrl: server.url },
      { maxRetries: 0, timeoutMs: 100 },
    );
    const late = await slow.complete(request());
    assert.equal(late.failure?.kind, 'timeout');
    assert.match(late.failure?.message ?? '', /127\.0\.0\.1:\d+ did not answer in time/);
    const url = server.url;
    await server.stop();
    const closed = createOpenAiProvider({ kind: 'compatible', apiKey: key, baseUrl: url }, { maxRetries: 0 });
    const refused = await closed.complete(request());
    assert.equal(refused.failure?.kind, 'network');
    assert.match(refused.failure?.message ?? '', /Could not reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('a slow first byte is waited for', async () => {
    server.enqueue({ kind: 'ok', delayMs: 100 });
    assert.equal((await provider().complete(request())).text, FAKE_ANSWER);
  });

  it('talks to Azure through AzureOpenAI: deployment path, api-version, api-key header', async () => {
    const azure = createOpenAiProvider(
      { kind: 'azure', apiKey: key, endpoint: server.origin, apiVersion: '2024-10-21', deployment: 'dep1' },
      { maxRetries: 0 },
    );
    const result = await azure.complete(request());
    assert.equal(result.text, FAKE_ANSWER);
    const [req] = server.requests;
    assert.equal(req?.path, '/openai/deployments/dep1/chat/completions');
    assert.equal(req?.query.get('api-version'), '2024-10-21');
    assert.equal(req?.headers['api-key'], key);
  });

  it('refuses a plain-http remote endpoint before connecting, naming HTTPS', () => {
    let fetched = 0;
    const counting = (() => {
      fetched += 1;
      return Promise.reject(new Error('must not be called'));
    }) as typeof fetch;
    assert.throws(
      () =>
        createOpenAiProvider(
          { kind: 'compatible', apiKey: key, baseUrl: 'http://api.example.com/v1' },
          { fetch: counting },
        ),
      (e: unknown) =>
        e instanceof EndpointRefusedError && /must use HTTPS/.test(e.message) && !e.message.includes(key),
    );
    assert.equal(fetched, 0);
  });

  it('a *.localhost endpoint that resolves to a public address: refused on connect, naming the address', async () => {
    const resolver = fakeResolver(['93.184.216.34']);
    const baseUrl = server.url.replace('127.0.0.1', 'model.localhost');
    const refused = createOpenAiProvider(
      { kind: 'compatible', apiKey: key, baseUrl },
      { maxRetries: 1, fetch: createFetch({ lookup: resolver }) },
    );
    const result = await refused.complete(request(false));
    assert.equal(result.failure?.kind, 'network');
    assert.match(
      result.failure?.message ?? '',
      /^Could not reach model\.localhost:\d+: Refusing to connect to model\.localhost: it resolved to 93\.184\.216\.34, which is not a loopback address\..*Gave up after 2 attempts\.$/,
    );
    assert.ok(!(result.failure?.message ?? '').includes(key));
    assert.equal(resolver.calls.length, 2, 'checked on each attempt');
    assert.equal(server.requests.length, 0);
  });

  it('knows loopback hosts and reads Retry-After forms', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'x.localhost', '[::1]', '::ffff:127.0.0.1']) {
      assert.ok(isLoopback(h), h);
    }
    for (const h of ['10.0.0.1', 'example.com', 'localhost.example.com', '0.0.0.0']) {
      assert.ok(!isLoopback(h), h);
    }
    assert.equal(retryAfter(new Headers({ 'retry-after': '2' })), 2);
    assert.equal(retryAfter(new Headers({ 'retry-after-ms': '1500' })), 1.5);
    assert.equal(retryAfter(new Headers()), undefined);
  });
});
