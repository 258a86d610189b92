import * as assert from 'node:assert/strict';
import { AuthenticationError, InternalServerError, OpenAI, RateLimitError } from 'openai';
import { FAKE_ANSWER, FakeOpenAi } from '../support/fakeOpenAi';

/** Obviously fake key, built at runtime so no key-shaped literal sits in the repo. */
const fakeKey = ['sk', 'test', 'fake', 'key', '0123456789abcdef'].join('-');

async function readSse(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.length > 0)
    .map((block) => block.trim());
}

function post(
  server: FakeOpenAi,
  path: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fakeKey}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('FakeOpenAi (loopback test server)', () => {
  let server: FakeOpenAi;
  let client: OpenAI;

  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    client = new OpenAI({ apiKey: fakeKey, baseURL: server.url, maxRetries: 0, logLevel: 'off' });
  });
  afterEach(() => server.stop());

  describe('with plain fetch', () => {
    it('listens on 127.0.0.1 and records method, path, headers and parsed body', async () => {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await post(server, '/chat/completions', {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
      });
      assert.equal(res.status, 200);
      const json = (await res.json()) as { choices: { message: { content: string } }[] };
      assert.equal(json.choices[0]?.message.content, FAKE_ANSWER);
      const [req] = server.requests;
      assert.equal(req?.method, 'POST');
      assert.equal(req?.path, '/v1/chat/completions');
      assert.equal(req?.headers.authorization, `Bearer ${fakeKey}`);
      assert.deepEqual(req?.body, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    });

    it('streams chat chunks as SSE data lines, with usage when asked, ending in [DONE]', async () => {
      server.enqueue({ kind: 'ok', chunks: ['a', 'b', 'c'] });
      const res = await post(server, '/chat/completions', {
        model: 'm',
        stream: true,
        stream_options: { include_usage: true },
        messages: [],
      });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const events = await readSse(res);
      assert.ok(events.every((e) => e.startsWith('data: ')));
      assert.equal(events.at(-1), 'data: [DONE]');
      const parsed = events.slice(0, -1).map(
        (e) =>
          JSON.parse(e.slice(6)) as {
            choices: { delta: { content?: string } }[];
            usage?: { total_tokens: number };
          },
      );
      assert.equal(parsed.map((p) => p.choices[0]?.delta.content ?? '').join(''), 'abc');
      assert.ok((parsed.at(-1)?.usage?.total_tokens ?? 0) > 0);
    });

    it('streams typed Responses events', async () => {
      server.enqueue({ kind: 'ok', text: 'one two' });
      const events = await readSse(
        await post(server, '/responses', { model: 'm', input: 'x', stream: true }),
      );
      const types = events.map((e) => /^event: (\S+)/.exec(e)?.[1]);
      assert.deepEqual(types, [
        'response.created',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.completed',
      ]);
    });

    it('serves models and moderations', async () => {
      const models = (await (await fetch(`${server.url}/models`)).json()) as { data: { id: string }[] };
      assert.ok(models.data.length > 0);
      server.enqueue({ kind: 'ok', flagged: true }, { path: '/moderations' });
      const mod = (await (await post(server, '/moderations', { input: 'x' })).json()) as {
        results: { flagged: boolean }[];
      };
      assert.equal(mod.results[0]?.flagged, true);
    });

    it('answers 429 with Retry-After, then the next reply', async () => {
      server.enqueue({ kind: 'rateLimited', retryAfter: '3' });
      const first = await post(server, '/chat/completions', { model: 'm', messages: [] });
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '3');
      const second = await post(server, '/chat/completions', { model: 'm', messages: [] });
      assert.equal(second.status, 200);
    });

    it('applies a reply `times` times and only to its path', async () => {
      server.enqueue({ kind: 'serverError', status: 503 }, { path: '/chat/completions', times: 2 });
      assert.equal((await fetch(`${server.url}/models`)).status, 200);
      assert.equal((await post(server, '/chat/completions', { messages: [] })).status, 503);
      assert.equal((await post(server, '/chat/completions', { messages: [] })).status, 503);
      assert.equal((await post(server, '/chat/completions', { messages: [] })).status, 200);
    });

    it('delays the first byte', async () => {
      server.enqueue({ kind: 'ok', delayMs: 50 });
      const started = Date.now();
      await post(server, '/chat/completions', { messages: [] });
      // A lower bound only: the reply cannot arrive before the scripted delay.
      assert.ok(Date.now() - started >= 45);
    });
  });

  describe('through the openai SDK v6', () => {
    it('returns a chat completion with usage', async () => {
      const result = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      });
      assert.equal(result.choices[0]?.message.content, FAKE_ANSWER);
      assert.ok((result.usage?.total_tokens ?? 0) > 0);
    });

    it('streams a chat completion and its usage', async () => {
      server.enqueue({ kind: 'ok', text: 'streamed answer here' });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let total = 0;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        total = chunk.usage?.total_tokens ?? total;
      }
      assert.equal(text, 'streamed answer here');
      assert.ok(total > 0);
    });

    it('streams Responses events and collects the final text', async () => {
      server.enqueue({ kind: 'ok', text: 'from responses' });
      const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'hi' });
      let deltas = '';
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') {
          deltas += event.delta;
        }
      }
      const final = await stream.finalResponse();
      assert.equal(deltas, 'from responses');
      assert.equal(final.output_text, 'from responses');
    });

    it('lists models and moderates', async () => {
      const models = await client.models.list();
      assert.ok(models.data.some((m) => m.id === 'gpt-4o-mini'));
      const mod = await client.moderations.create({ input: 'fine' });
      assert.equal(mod.results[0]?.flagged, false);
    });

    it('raises AuthenticationError on 401, echoing the key when scripted', async () => {
      server.enqueue({ kind: 'unauthorized', echoKey: 'full' });
      const error = await client.models.list().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof AuthenticationError);
      // The echo is the point of this fault: issue 6 proves the client scrubs it.
      assert.ok(error.message.includes(fakeKey));
      server.enqueue({ kind: 'unauthorized', echoKey: 'masked' });
      const masked = await client.models.list().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(masked instanceof AuthenticationError);
      assert.ok(!masked.message.includes(fakeKey) && masked.message.includes(fakeKey.slice(-4)));
    });

    it('is retried by the SDK after 429 Retry-After, honoring the wait', async () => {
      const retrying = new OpenAI({ apiKey: fakeKey, baseURL: server.url, maxRetries: 1, logLevel: 'off' });
      server.enqueue({ kind: 'rateLimited', retryAfter: '0.05' });
      const result = await retrying.chat.completions.create({ model: 'm', messages: [] });
      assert.equal(result.choices[0]?.message.content, FAKE_ANSWER);
      assert.equal(server.requests.length, 2);
      server.enqueue({ kind: 'rateLimited' });
      await assert.rejects(client.chat.completions.create({ model: 'm', messages: [] }), RateLimitError);
    });

    it('raises InternalServerError on 500', async () => {
      server.enqueue({ kind: 'serverError' });
      await assert.rejects(client.chat.completions.create({ model: 'm', messages: [] }), InternalServerError);
    });

    it('cuts a stream mid-way after the partial answer', async () => {
      server.enqueue({ kind: 'cut', afterChunks: 3 }); // role chunk + two words
      const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
      let text = '';
      const error = await (async () => {
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? '';
        }
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof Error, 'the cut surfaces as an error');
      assert.equal(text, FAKE_ANSWER.split(' ').slice(0, 2).join(' ') + ' ');
    });

    it('cuts a JSON body mid-way', async () => {
      server.enqueue({ kind: 'cut' });
      await assert.rejects(
        client.chat.completions.create({ model: 'm', messages: [] }),
        (e: unknown) => e instanceof Error,
      );
    });

    it('sends malformed SSE that the SDK cannot parse', async () => {
      server.enqueue({ kind: 'malformed' });
      const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
      await assert.rejects(async () => {
        for await (const chunk of stream) {
          void chunk;
        }
      }, SyntaxError);
    });

    it('closes open streams on stop', async () => {
      server.enqueue({ kind: 'ok', chunkDelayMs: 10_000 });
      const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      await server.stop();
      await assert.rejects(async () => {
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
          void r;
        }
      }, Error);
    });
  });
});
