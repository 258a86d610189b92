import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLog } from '../../src/core/audit/auditLog';
import type { AuditEntry } from '../../src/core/audit/auditRecord';
import { controlHooks } from '../../src/core/controls';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { UsageStore } from '../../src/core/limits/usage';
import { createOpenAiProvider } from '../../src/core/openai/openaiProvider';
import { Conversation } from '../../src/core/pipeline/conversation';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import type { RequestRecord } from '../../src/core/pipeline/record';
import { FakeOpenAi } from '../support/fakeOpenAi';

// Issue 11: usage and the log said "gpt-4o-mini" for a request that went elsewhere. A record must carry the
// model actually used: the one the endpoint reports, else the one the request named.
describe('records carry the model actually used', () => {
  let server: FakeOpenAi;
  let dir: string;
  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-models-'));
  });
  afterEach(async () => {
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function ask(model: string, stream: boolean) {
    const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    const provider = createOpenAiProvider({ kind: 'compatible', apiKey: key, baseUrl: server.url });
    const usage = new UsageStore(dir, () => ({}));
    const audit = new AuditLog(dir);
    const entries: AuditEntry[] = [];
    const records: RequestRecord[] = [];
    const pipeline = new Pipeline(
      {},
      controlHooks(
        { profile: 'local', usage, audit, onAudit: (e) => void entries.push(e) },
        { onRecord: (r) => void records.push(r) },
      ),
    );
    const result = await pipeline.run(
      new Conversation(),
      { prompt: 'hi', attachments: [], model, stream },
      provider,
    );
    const days = Object.values(JSON.parse(await fs.readFile(path.join(dir, 'usage.json'), 'utf8')) as object);
    return {
      result,
      records,
      entries,
      usageModels: Object.keys((days[0] as Record<string, object>)['local']!),
    };
  }

  it('takes the model the endpoint reports, in the record, the audit entry and usage', async () => {
    for (const stream of [true, false]) {
      server.enqueue({ kind: 'ok', model: 'llama3.2:3b-instruct-q4' }, { path: '/chat/completions' });
      const { records, entries, usageModels } = await ask('llama3.2', stream);
      assert.equal(
        (server.requestsTo('/chat/completions').at(-1)?.body as { model: string }).model,
        'llama3.2',
      );
      assert.equal(records[0]?.model, 'llama3.2:3b-instruct-q4', `stream: ${stream}`);
      assert.equal(entries[0]?.model, 'llama3.2:3b-instruct-q4');
      assert.deepEqual(usageModels, ['llama3.2:3b-instruct-q4']);
      await fs.rm(path.join(dir, 'usage.json'), { force: true });
    }
  });

  it('keeps the model the request named when the answer names none (or the request failed)', async () => {
    server.enqueue({ kind: 'ok', model: '' }, { path: '/chat/completions' });
    const named = await ask('qwen2.5-coder', true);
    assert.equal(named.records[0]?.model, 'qwen2.5-coder');
    assert.equal(named.entries[0]?.model, 'qwen2.5-coder');
    server.enqueue({ kind: 'serverError', status: 400 }, { path: '/chat/completions' });
    const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    const records: RequestRecord[] = [];
    const pipeline = new Pipeline({}, { onRecord: (r) => void records.push(r) });
    const provider = createOpenAiProvider({ kind: 'compatible', apiKey: key, baseUrl: server.url });
    await pipeline.run(new Conversation(), { prompt: 'hi', attachments: [], model: 'phi4' }, provider);
    assert.equal(records[0]?.outcome, 'failed');
    assert.equal(records[0]?.model, 'phi4');
  });
});
