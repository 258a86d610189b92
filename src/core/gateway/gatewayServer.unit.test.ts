import * as assert from 'node:assert/strict';
import { FakeOpenAi } from '../../../test/support/fakeOpenAi';
import { ALNUM, randomToken } from '../detect/random';
import { silentLogger } from '../log';
import { createEgress } from '../net/proxyFetch';
import { httpsOnlyPolicy } from '../openai/endpointPolicy';
import { Pipeline } from '../pipeline/pipeline';
import type { RequestRecord } from '../pipeline/record';
import { newGatewayToken } from './access';
import type { RunningGateway } from './gatewayServer';
import { startGateway } from './gatewayServer';

describe('gateway request checks (in process)', () => {
  let fake: FakeOpenAi;
  let gateway: RunningGateway;
  const token = newGatewayToken();
  const records: RequestRecord[] = [];

  beforeEach(async () => {
    fake = await new FakeOpenAi().start();
    records.length = 0;
    gateway = await startGateway({
      token,
      upstream: {
        kind: 'compatible',
        baseUrl: fake.url,
        apiKey: `sk-test-${randomToken(ALNUM, 40)}`,
        policy: httpsOnlyPolicy,
        request: createEgress().request,
      },
      pipeline: new Pipeline({}, { onRecord: (r) => void records.push(r) }),
      recordBlocked: (r) => Promise.resolve(void records.push(r)),
      logger: silentLogger,
      maxBodyBytes: 4096,
    });
  });
  afterEach(async () => {
    await gateway.close();
    await fake.stop();
  });

  const post = async (path: string, body: string): Promise<{ status: number; code: unknown }> => {
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const json = (await response.json()) as { error?: { code?: unknown } };
    return { status: response.status, code: json.error?.code };
  };

  it('refuses an oversized body, bad JSON, a body off the schema and an unknown path; nothing is forwarded', async () => {
    const chat = (messages: unknown): string => JSON.stringify({ model: 'gpt-4o-mini', messages });
    const cases: Array<[string, string, number, string]> = [
      ['/chat/completions', chat([{ role: 'user', content: 'x'.repeat(5000) }]), 413, 'body_too_large'],
      ['/chat/completions', '{"model":', 400, 'invalid_json'],
      ['/chat/completions', '[1, 2]', 400, 'invalid_json'],
      ['/chat/completions', JSON.stringify({ model: 'gpt-4o-mini' }), 400, 'invalid_request'],
      ['/chat/completions', chat([{ role: 'root', content: 'hi' }]), 400, 'invalid_request'],
      ['/chat/completions', chat([{ role: 'user', content: 42 }]), 400, 'invalid_request'],
      ['/embeddings', JSON.stringify({ model: 'e', input: [[1, 2, 3]] }), 400, 'invalid_request'],
      ['/files', '{}', 404, 'unknown_url'],
    ];
    for (const [path, body, status, code] of cases) {
      assert.deepEqual(await post(path, body), { status, code }, `${path} ${body.slice(0, 40)}`);
    }
    assert.equal(fake.requests.length, 0);
    assert.equal(records.length, 0);
  });

  it('forwards a well-formed request and records it', async () => {
    const reply = await post(
      '/chat/completions',
      JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    );
    assert.equal(reply.status, 200);
    assert.equal(fake.requests.length, 1);
    assert.equal(records[0]?.outcome, 'ok');
  });
});
