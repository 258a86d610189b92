import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { APIError, OpenAI } from 'openai';
import type { FakeOpenAi } from '../support/fakeOpenAi';
import { freshToken } from './cliSupport';
import type { GatewayCase } from './gatewayCase';
import { bundleCli, gatewayClient, startGatewayCase, stopGatewayCase } from './gatewayCase';
import type { ProxyProcess } from './proxySupport';
import { ScriptedUpstream, startProxy, toolCallEvents } from './proxySupport';

const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/cliBundle/proxyApisCli.js');

// The gateway's other APIs as a process: tool calls, the Responses API, models and embeddings.
describe('secure-gpt proxy: tool calls, Responses, models and embeddings (openai SDK as the client)', function () {
  // Each test starts a Node process; on a loaded machine that is slow, and timing never fails a test.
  this.timeout(60_000);
  let fake: FakeOpenAi;
  let proxy: ProxyProcess;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let current: GatewayCase;

  before(() => bundleCli(cliPath));
  beforeEach(async () => {
    current = await startGatewayCase(cliPath);
    ({ fake, proxy, dir, env } = current);
  });
  afterEach(() => stopGatewayCase(current));

  const client = (apiKey = proxy.token): OpenAI => gatewayClient(proxy, apiKey);

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
});
