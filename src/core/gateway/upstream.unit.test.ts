import * as assert from 'node:assert/strict';
import { httpsOnlyPolicy } from '../openai/endpointPolicy';
import type { UpstreamTarget } from './upstream';
import { upstreamUrl } from './upstream';

describe('upstreamUrl', () => {
  const base = {
    kind: 'openai',
    apiKey: '',
    policy: httpsOnlyPolicy,
    request: () => Promise.reject(new Error('not called')),
  } as const;
  const openai: UpstreamTarget = { ...base, baseUrl: 'https://api.openai.com/v1/' };
  const azure: UpstreamTarget = {
    ...base,
    kind: 'azure',
    baseUrl: 'https://res.openai.azure.com/',
    azure: { deployment: 'chat-dep', apiVersion: '2024-10-21' },
  };

  it('appends the path to an OpenAI or compatible base URL', () => {
    assert.equal(
      upstreamUrl(openai, '/chat/completions', 'gpt-4o'),
      'https://api.openai.com/v1/chat/completions',
    );
  });

  it("sends Azure chat to the profile's deployment, embeddings to the one named, the rest under /openai", () => {
    const q = '?api-version=2024-10-21';
    assert.equal(
      upstreamUrl(azure, '/chat/completions', 'gpt-4o'),
      `https://res.openai.azure.com/openai/deployments/chat-dep/chat/completions${q}`,
    );
    assert.equal(
      upstreamUrl(azure, '/embeddings', 'embed-3.small'),
      `https://res.openai.azure.com/openai/deployments/embed-3.small/embeddings${q}`,
    );
    assert.equal(upstreamUrl(azure, '/models'), `https://res.openai.azure.com/openai/models${q}`);
    assert.equal(upstreamUrl(azure, '/responses', 'x'), `https://res.openai.azure.com/openai/responses${q}`);
  });

  it('never follows a deployment name that is a dot segment or holds a slash', () => {
    for (const model of ['..', '%2e%2e', '../../other', 'a/b', '.hidden', '']) {
      const url = upstreamUrl(azure, '/embeddings', model);
      assert.equal(new URL(url).pathname, '/openai/deployments/chat-dep/embeddings', model);
    }
  });
});
