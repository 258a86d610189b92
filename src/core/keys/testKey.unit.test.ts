import * as assert from 'node:assert/strict';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { FakeOpenAi } from '../../../test/support/fakeOpenAi';
import { endpointFor } from '../openai/openaiClient';
import { testKey } from './testKey';

describe('testing a key with one models call', () => {
  const server = new FakeOpenAi();
  before(async () => {
    await server.start();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(() => server.reset());

  it('makes exactly one GET /models with the key as bearer, and reports the count', async () => {
    const key = freshOpenAiKey();
    const result = await testKey({ name: 'local', kind: 'compatible', baseUrl: server.url }, key);
    assert.deepEqual(result, { ok: true, models: 2, endpoint: new URL(server.url).host });
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.path, '/v1/models');
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`);
  });

  it('reports a 401 without the key, even when the server echoes it', async () => {
    const key = freshOpenAiKey();
    server.enqueue({ kind: 'unauthorized', echoKey: 'full' });
    const result = await testKey({ name: 'local', kind: 'compatible', baseUrl: server.url }, key);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /401/);
    assert.ok(!JSON.stringify(result).includes(key));
    assert.equal(server.requests.length, 1, 'no retries');
  });

  it('refuses a plain-http remote endpoint before connecting', async () => {
    const result = await testKey(
      { name: 'r', kind: 'compatible', baseUrl: 'http://example.com/v1' },
      freshOpenAiKey(),
    );
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /HTTPS/);
  });

  it('maps every profile kind to its endpoint; dry-run has none', () => {
    assert.equal(endpointFor({ name: 'd', kind: 'dry-run' }, undefined), undefined);
    assert.deepEqual(endpointFor({ name: 'o', kind: 'openai' }, 'k'), {
      kind: 'openai',
      apiKey: 'k',
      baseUrl: 'https://api.openai.com/v1',
    });
    const azure = endpointFor(
      {
        name: 'a',
        kind: 'azure',
        endpoint: 'https://x.openai.azure.com',
        deployment: 'd',
        apiVersion: '2024-10-21',
      },
      'k',
    );
    assert.equal(azure?.kind, 'azure');
  });
});
