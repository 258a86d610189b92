import * as assert from 'node:assert/strict';
import { newGatewayToken } from '../../core/gateway/access';
import type { GatewayAddress, SnippetClient } from './gatewaySnippets';
import { gatewaySnippet, SNIPPET_CHOICES } from './gatewaySnippets';

describe('gatewaySnippet (the config the "Copy config" pick puts on the clipboard)', () => {
  const address = (): GatewayAddress => ({
    url: 'http://127.0.0.1:41234/v1',
    token: newGatewayToken(),
    model: 'gpt-4o-mini',
  });

  it('offers Continue, Cline, Aider and script exports, each naming the gateway URL and its token', () => {
    assert.deepEqual(
      SNIPPET_CHOICES.map((c) => c.client),
      ['continue', 'cline', 'aider', 'env'],
    );
    const a = address();
    for (const { client } of SNIPPET_CHOICES) {
      const text = gatewaySnippet(client, a);
      assert.ok(text.includes(a.url), client);
      assert.ok(text.includes(a.token), client);
      assert.ok(text.endsWith('\n'), client);
    }
  });

  it('writes the README shapes: a Continue model entry, the Cline fields, an aider line, two exports', () => {
    const a = address();
    assert.equal(
      gatewaySnippet('continue', a),
      [
        'models:',
        '  - name: gpt-4o-mini via Secure GPT',
        '    provider: openai',
        '    model: gpt-4o-mini',
        `    apiBase: ${a.url}`,
        `    apiKey: ${a.token}`,
        '',
      ].join('\n'),
    );
    assert.equal(
      gatewaySnippet('cline', a),
      `API Provider: OpenAI Compatible\nBase URL: ${a.url}\nAPI Key: ${a.token}\nModel ID: gpt-4o-mini\n`,
    );
    assert.equal(
      gatewaySnippet('aider', a),
      `aider --openai-api-base ${a.url} --openai-api-key ${a.token} --model openai/gpt-4o-mini\n`,
    );
    assert.equal(
      gatewaySnippet('env', a),
      `export OPENAI_BASE_URL=${a.url}\nexport OPENAI_API_KEY=${a.token}\n`,
    );
  });

  it('quotes what YAML or a shell would read differently, so it reads back verbatim', () => {
    const a = { ...address(), model: "it's: 7" };
    assert.match(gatewaySnippet('continue', a), /^ {4}model: "it's: 7"$/m);
    assert.match(gatewaySnippet('aider', a), /--model 'openai\/it'\\''s: 7'\n$/);
    assert.match(gatewaySnippet('continue', { ...a, model: '4' }), /^ {4}model: "4"$/m);
    const odd = { ...a, token: `${a.token}$(id)` };
    assert.match(gatewaySnippet('env', odd), /^export OPENAI_API_KEY='sgpt-gw-[^']+\$\(id\)'$/m);
  });

  it('copies nothing for an address that is not the loopback gateway, or a token that would break a line', () => {
    const a = address();
    const clients: SnippetClient[] = ['continue', 'cline', 'aider', 'env'];
    for (const client of clients) {
      assert.throws(() => gatewaySnippet(client, { ...a, url: 'https://api.openai.com/v1' }), /127\.0\.0\.1/);
      assert.throws(() => gatewaySnippet(client, { ...a, url: 'http://127.0.0.1:80/v1\nrm -rf x' }));
      assert.throws(() => gatewaySnippet(client, { ...a, token: `${a.token}\nexport X=1` }), /control/);
      assert.throws(() => gatewaySnippet(client, { ...a, token: '' }));
    }
  });
});
