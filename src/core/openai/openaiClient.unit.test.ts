import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { createDryRunProvider } from './dryRunProvider';
import type { EndpointPolicy } from './endpointPolicy';
import { EndpointRefusedError, httpsOnlyPolicy } from './endpointPolicy';
import { createOpenAIClient } from './openaiClient';
import { createOpenAiProvider } from './openaiProvider';
import { secretsOf } from './provider';

/** A fetch that records each URL and answers an empty model list. */
function recordingFetch(): { fetch: typeof fetch; urls: string[]; headers: Headers[] } {
  const urls: string[] = [];
  const headers: Headers[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input));
    headers.push(new Headers(init?.headers));
    return Promise.resolve(
      new Response(JSON.stringify({ object: 'list', data: [] }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { fetch, urls, headers };
}

describe('createOpenAIClient: the one SDK client', () => {
  it('refuses an endpoint the policy refuses, before anything connects', () => {
    const { fetch, urls } = recordingFetch();
    assert.throws(
      () =>
        createOpenAIClient(
          { kind: 'compatible', baseUrl: 'http://example.com/v1' },
          freshOpenAiKey(),
          httpsOnlyPolicy,
          fetch,
        ),
      EndpointRefusedError,
    );
    assert.equal(urls.length, 0);
  });

  it('checks every URL the SDK builds, not only the base URL', async () => {
    const { fetch, urls } = recordingFetch();
    const noModels: EndpointPolicy = {
      check: (url) => (url.pathname.endsWith('/models') ? 'not this path' : undefined),
    };
    const client = createOpenAIClient(
      { kind: 'compatible', baseUrl: 'https://llm.example.test/v1' },
      freshOpenAiKey(),
      noModels,
      fetch,
    );
    // The SDK wraps what its fetch throws as a connection error; the refusal is its cause.
    await assert.rejects(client.models.list(), (error: Error) => error.cause instanceof EndpointRefusedError);
    assert.equal(urls.length, 0, 'the refused URL was never fetched');
  });

  it('sends the key as bearer to the explicit base URL, and no admin key from the environment', async () => {
    const key = freshOpenAiKey();
    const { fetch, urls, headers } = recordingFetch();
    const saved = process.env['OPENAI_ADMIN_KEY'];
    process.env['OPENAI_ADMIN_KEY'] = freshOpenAiKey();
    try {
      const client = createOpenAIClient({ kind: 'openai' }, key, httpsOnlyPolicy, fetch);
      await client.models.list();
    } finally {
      if (saved === undefined) {
        delete process.env['OPENAI_ADMIN_KEY'];
      } else {
        process.env['OPENAI_ADMIN_KEY'] = saved;
      }
    }
    assert.deepEqual(urls, ['https://api.openai.com/v1/models']);
    assert.equal(headers[0]?.get('authorization'), `Bearer ${key}`);
    assert.equal(headers.filter((h) => h.get('authorization') !== `Bearer ${key}`).length, 0);
  });
});

describe('providers hold their key off the object', () => {
  it('no field, JSON or inspection of a provider shows the key; only secretsOf does', () => {
    const key = freshOpenAiKey();
    const providers = [
      createOpenAiProvider({ kind: 'openai', apiKey: key }),
      createDryRunProvider('the endpoint', [key]),
    ];
    for (const provider of providers) {
      assert.ok(!JSON.stringify(provider).includes(key));
      assert.ok(!inspect(provider, { showHidden: true, depth: Infinity }).includes(key));
      assert.ok(!Object.keys(provider).includes('secrets'));
      assert.deepEqual(secretsOf(provider), [key]);
    }
  });
});
