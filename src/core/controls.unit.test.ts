import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AuditLog } from './audit/auditLog';
import { controlHooks } from './controls';
import { githubToken } from './detect/checksum';
import { ALNUM, randomToken } from './detect/random';
import type { Clock } from './limits/clock';
import { defaultPrices } from './limits/prices';
import { RateLimiter } from './limits/rateLimiter';
import { UsageStore } from './limits/usage';
import type { CompletionRequest, CompletionResult, Provider } from './openai/provider';
import { holdSecrets } from './openai/provider';
import { Conversation } from './pipeline/conversation';
import { Pipeline } from './pipeline/pipeline';
import { freshTempDir } from '../../test/support/tempDir';

/** Answers "ok" with fixed usage, recording what it was sent. */
class CountingProvider implements Provider {
  readonly kind = 'openai' as const;
  readonly endpoint = 'api.example.test';
  readonly bodies: string[] = [];
  constructor(key: string) {
    holdSecrets(this, [key]);
  }
  complete(request: CompletionRequest): Promise<CompletionResult> {
    this.bodies.push(request.serialized);
    return Promise.resolve({
      text: 'ok',
      usage: { prompt: 40, completion: 10, total: 50 },
      requestId: 'req_abc',
    });
  }
}

describe('security controls on the pipeline', () => {
  const dir = freshTempDir('controls');

  it('audits each request without values, adds usage, and refuses at the budget cap', async () => {
    const key = `sk-proj-${randomToken(ALNUM, 48)}`;
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const audit = new AuditLog(path.join(dir(), 'audit'));
    const usage = new UsageStore(path.join(dir(), 'usage'), () => defaultPrices);
    const provider = new CountingProvider(key);
    const pipeline = new Pipeline(
      {},
      controlHooks({ profile: 'work', usage, audit, budget: { dailyTokens: 120 } }),
    );
    const conversation = new Conversation();

    const first = await pipeline.run(
      conversation,
      { prompt: `why does ${secret} fail?`, model: 'gpt-4o-mini' },
      provider,
    );
    assert.equal(first.outcome, 'ok');
    assert.equal(await usage.tokensToday('work'), 50);
    const second = await pipeline.run(conversation, { prompt: 'and now?', model: 'gpt-4o-mini' }, provider);
    assert.equal(second.outcome, 'ok');
    const third = await pipeline.run(conversation, { prompt: 'once more', model: 'gpt-4o-mini' }, provider);
    assert.equal(third.outcome, 'blocked');
    assert.match(third.message ?? '', /Daily budget for profile 'work' reached \(100 of 120 tokens\)/);
    assert.equal(provider.bodies.length, 2, 'the refused request never left');

    const records = await audit.read();
    assert.deepEqual(
      records.map((r) => r.outcome),
      ['ok', 'ok', 'blocked: refused'],
    );
    assert.deepEqual(records[0]!.redactions, { 'github-pat': 1 });
    assert.equal(records[0]!.endpointHost, 'api.example.test');
    assert.equal(records[0]!.requestId, 'req_abc');
    assert.match(records[0]!.payloadSha256 ?? '', /^[0-9a-f]{64}$/);
    const onDisk = await fs.readFile(audit.file, 'utf8');
    assert.ok(!onDisk.includes(secret) && !onDisk.includes(key), 'no secret or key in the audit log');
    assert.ok(!onDisk.includes('why does'), 'no prompt text unless asked for');
    assert.deepEqual(await audit.verify(), { ok: true, records: 3 });
  });

  it('queues a request over the rate limit and shows the wait', async () => {
    let t = 0;
    const clock: Clock = {
      now: () => t,
      sleep: (ms) => {
        t += ms;
        return Promise.resolve();
      },
    };
    const limiter = new RateLimiter({ requestsPerMinute: 1 }, clock);
    const provider = new CountingProvider(`sk-proj-${randomToken(ALNUM, 48)}`);
    const pipeline = new Pipeline({}, controlHooks({ profile: 'openai', limiter }));
    const statuses: string[] = [];
    const conversation = new Conversation();
    await pipeline.run(conversation, { prompt: 'one', model: 'gpt-4o-mini' }, provider);
    const second = await pipeline.run(conversation, { prompt: 'two', model: 'gpt-4o-mini' }, provider, {
      onStatus: (s) => statuses.push(s),
    });
    assert.equal(second.outcome, 'ok');
    assert.equal(provider.bodies.length, 2, 'nothing dropped');
    assert.ok(statuses.includes('queued by the client rate limit: waiting 60 s'), statuses.join(' | '));
  });
});
