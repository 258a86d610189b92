import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { createDryRunProvider } from '../openai/dryRunProvider';
import type { CompletionRequest, CompletionResult, Provider } from '../openai/provider';
import { holdSecrets } from '../openai/provider';
import { Conversation } from './conversation';
import type { PipelineHooks } from './pipeline';
import { Pipeline, SendRefusedError } from './pipeline';
import type { PipelineSettings } from './prepare';
import type { RequestRecord } from './record';

const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));

/** An in-memory provider: records what it is given and answers from a script. */
class ScriptedProvider implements Provider {
  readonly kind = 'openai' as const;
  readonly endpoint = 'api.example.test';
  readonly requests: CompletionRequest[] = [];
  constructor(
    secrets: readonly string[] = [],
    private readonly answer: (req: CompletionRequest) => CompletionResult = () => ({
      text: 'ok',
      finishReason: 'stop',
    }),
  ) {
    holdSecrets(this, secrets);
  }
  complete(request: CompletionRequest): Promise<CompletionResult> {
    this.requests.push(request);
    const result = this.answer(request);
    request.onDelta?.(result.text);
    return Promise.resolve(result);
  }
}

function setup(
  settings: PipelineSettings = {},
  hooks: PipelineHooks = {},
  provider = new ScriptedProvider(),
) {
  const records: RequestRecord[] = [];
  const pipeline = new Pipeline(settings, {
    ...hooks,
    onRecord: hooks.onRecord ?? ((r) => void records.push(r)),
  });
  return { pipeline, provider, records, conversation: new Conversation() };
}

const lastUserMessage = (req: CompletionRequest | undefined): string => {
  const messages = req?.params.messages ?? [];
  const content = messages[messages.length - 1]?.content;
  return typeof content === 'string' ? content : '';
};

describe('outgoing pipeline', () => {
  it("redacts the attached file's path as well as its text", async () => {
    const token = pat();
    // Under 20 characters, so the redact tier hides it (the report tier reports longer passphrases).
    const passphrase = 'velvet okapi';
    const { pipeline, provider, conversation } = setup();
    const result = await pipeline.run(
      conversation,
      {
        prompt: 'What is this?',
        model: 'gpt-test',
        attachments: [
          { path: `backups/${token}/dump.sql`, text: 'select 1;' },
          { path: `https://files.example.org/cfg.yml?access_token=${randomToken(ALNUM, 12)}`, text: 'a: 1' },
          { path: 'conf/app.env', text: `DB_PASSWORD=${passphrase}\n` },
        ],
      },
      provider,
    );
    assert.equal(result.outcome, 'ok');
    const sent = provider.requests[0]!.serialized;
    assert.ok(!sent.includes(token), 'a token in the path is not sent');
    assert.ok(!sent.includes('Zx9Wq2Lm8Np4'), 'a query credential in the path is not sent');
    assert.ok(!sent.includes(passphrase), 'a credential-named passphrase is not sent');
    const user = lastUserMessage(provider.requests[0]);
    assert.match(user, /backups\/‹secret:github-pat#1›\/dump\.sql:/);
    assert.match(user, /\?access_token=‹secret:[a-z-]+#1›:/);
    assert.match(user, /DB_PASSWORD=‹secret:password#1›/);
    const sources = result.prepared.redactions.map((r) => r.source);
    assert.ok(
      sources.every((s) => !s.includes(token)),
      'no source names the secret',
    );
  });

  it('leaves out excluded files, tells which and why, and sends the rest redacted', async () => {
    const token = pat();
    const { pipeline, provider, conversation } = setup();
    const result = await pipeline.run(
      conversation,
      {
        prompt: 'Why does this fail?',
        model: 'gpt-test',
        attachments: [
          { path: 'src/app.ts', text: `const t = "${token}";`, language: 'typescript' },
          { path: '.env', text: `GITHUB_TOKEN=${token}` },
        ],
      },
      provider,
    );
    assert.equal(result.outcome, 'ok');
    assert.deepEqual(
      result.prepared.excluded.map((e) => [e.path, e.glob]),
      [['.env', '.env*']],
    );
    const sent = provider.requests[0]!.serialized;
    assert.ok(!sent.includes(token));
    assert.ok(!sent.includes('GITHUB_TOKEN'), 'nothing of the excluded file is sent');
    assert.match(
      lastUserMessage(provider.requests[0]),
      /src\/app\.ts:\n```typescript\nconst t = "‹secret:github-pat#1›";/,
    );
  });

  it('keeps placeholders stable across the turns of a conversation, and never sends real values back', async () => {
    const [a, b] = [pat(), pat()];
    const provider = new ScriptedProvider([], (req) => ({
      text: `Rotate ${/‹secret:github-pat#\d›/.exec(lastUserMessage(req))?.[0] ?? '?'}`,
      finishReason: 'stop',
    }));
    const { pipeline, conversation } = setup({}, {}, provider);
    await pipeline.run(conversation, { prompt: `first ${a}`, model: 'm' }, provider);
    await pipeline.run(conversation, { prompt: `then ${b} and ${a}`, model: 'm' }, provider);
    assert.equal(lastUserMessage(provider.requests[0]), 'first ‹secret:github-pat#1›');
    assert.equal(
      lastUserMessage(provider.requests[1]),
      'then ‹secret:github-pat#2› and ‹secret:github-pat#1›',
    );
    const second = provider.requests[1]!;
    assert.deepEqual(
      second.params.messages.map((m) => m.role),
      ['user', 'assistant', 'user'],
    );
    assert.equal(second.params.messages[1]?.content, 'Rotate ‹secret:github-pat#1›');
    assert.ok(!second.serialized.includes(a) && !second.serialized.includes(b));
    assert.equal(conversation.restore('use ‹secret:github-pat#2›'), `use ${b}`);
  });

  it("redacts the provider's own key and .env values by exact match", async () => {
    const key = `k-${randomToken(ALNUM, 32)}`;
    const envValue = `pw-${randomToken(ALNUM, 16)}`;
    const provider = new ScriptedProvider([key]);
    const { pipeline, conversation } = setup(
      { known: [{ kind: 'env-value', value: envValue }] },
      {},
      provider,
    );
    const result = await pipeline.run(
      conversation,
      { prompt: `key ${key} pw ${envValue}`, model: 'm' },
      provider,
    );
    assert.equal(lastUserMessage(provider.requests[0]), 'key ‹secret:api-key#1› pw ‹secret:env-value#1›');
    assert.deepEqual(result.record.redactions, { 'api-key': 1, 'env-value': 1 });
  });

  it('known-value guard: blocks the request when a known value is still in the final payload', async () => {
    const listed = `listed-${randomToken(ALNUM, 16)}`;
    const { pipeline, provider, conversation, records } = setup({
      known: [{ kind: 'listed-value', value: listed }],
    });
    // A history recorded before the value was listed still holds it: redaction of the new turn cannot help.
    conversation.addExchange(`old turn with ${listed}`, 'noted');
    const result = await pipeline.run(conversation, { prompt: 'next question', model: 'm' }, provider);
    assert.equal(result.outcome, 'blocked');
    assert.equal(provider.requests.length, 0, 'nothing is sent');
    assert.match(result.message ?? '', /final check found listed-value/);
    assert.ok(!(result.message ?? '').includes(listed));
    assert.equal(records[0]?.failure?.kind, 'guard');
  });

  it("policy 'block': refuses while secrets are present, sends when there are none", async () => {
    const { pipeline, provider, conversation } = setup({ policy: 'block' });
    const blocked = await pipeline.run(conversation, { prompt: `x ${pat()}`, model: 'm' }, provider);
    assert.equal(blocked.outcome, 'blocked');
    assert.match(
      blocked.message ?? '',
      /1 secret \(github-pat ×1\) found, and the redaction policy is 'block'/,
    );
    assert.equal(provider.requests.length, 0);
    const clean = await pipeline.run(conversation, { prompt: 'no secrets here', model: 'm' }, provider);
    assert.equal(clean.outcome, 'ok');
    assert.equal(conversation.map.size, 0, 'a blocked request numbers no placeholder');
  });

  it("policy 'ask': the caller decides to redact, cancel, or let a false positive through", async () => {
    const [a, b] = [pat(), pat()];
    const { pipeline, provider, conversation } = setup({ policy: 'ask' });
    const input = { prompt: `${a} ${b}`, model: 'm' };
    const prepared = pipeline.prepare(conversation, input, provider);
    assert.equal(prepared.kind, 'ask');
    if (prepared.kind !== 'ask') {
      return;
    }
    assert.deepEqual(
      prepared.redactions.map((r) => [r.placeholder, r.source]),
      [
        ['‹secret:github-pat#1›', 'prompt'],
        ['‹secret:github-pat#2›', 'prompt'],
      ],
    );
    assert.equal(prepared.resolve({ action: 'cancel' }).kind, 'blocked');
    const redacted = prepared.resolve({ action: 'redact' });
    assert.equal(
      redacted.kind === 'ready' && lastUserMessage({ params: redacted.params } as CompletionRequest),
      '‹secret:github-pat#1› ‹secret:github-pat#2›',
    );

    const other = new Conversation();
    const asked = await pipeline.run(other, input, provider, {
      decide: (req) => Promise.resolve({ action: 'allow', fingerprints: [req.redactions[0]!.fingerprint] }),
    });
    assert.equal(asked.outcome, 'ok');
    assert.equal(lastUserMessage(provider.requests.at(-1)), `${a} ‹secret:github-pat#1›`);
    const noDecider = await pipeline.run(new Conversation(), input, provider);
    assert.equal(noDecider.outcome, 'blocked', 'without a decider an ask is cancelled');
  });

  it("policy 'redact' is the default", async () => {
    const { pipeline, provider, conversation } = setup();
    const result = await pipeline.run(conversation, { prompt: pat(), model: 'm' }, provider);
    assert.equal(result.outcome, 'ok');
    assert.equal(lastUserMessage(provider.requests[0]), '‹secret:github-pat#1›');
  });

  it('records rule ids, counts, exclusions, model, usage and the payload hash, never a value', async () => {
    const token = pat();
    const key = `k-${randomToken(ALNUM, 32)}`;
    const provider = new ScriptedProvider([key], () => ({
      text: 'answer',
      finishReason: 'stop',
      usage: { prompt: 12, completion: 3, total: 15 },
      requestId: 'req_1',
    }));
    const { pipeline, conversation, records } = setup({}, {}, provider);
    const prompt = `Please check ${token} and ${key}`;
    await pipeline.run(
      conversation,
      { prompt, model: 'gpt-test', attachments: [{ path: 'id_rsa', text: 'x' }] },
      provider,
    );
    const record = records[0]!;
    assert.equal(record.model, 'gpt-test');
    assert.equal(record.outcome, 'ok');
    assert.deepEqual(record.redactions, { 'api-key': 1, 'github-pat': 1 });
    assert.deepEqual(record.excluded, [{ path: 'id_rsa', glob: 'id_rsa*' }]);
    assert.deepEqual(record.usage, { prompt: 12, completion: 3, total: 15 });
    const sha = createHash('sha256').update(provider.requests[0]!.serialized).digest('hex');
    assert.equal(record.payloadSha256, sha);
    const json = JSON.stringify(record);
    for (const leak of [token, key, 'Please check', 'answer']) {
      assert.ok(!json.includes(leak), `record holds ${leak.slice(0, 6)}…`);
    }
  });

  it('keeps a partial answer on failure, reports it, and leaves it out of the history', async () => {
    const provider = new ScriptedProvider([], () => ({
      text: 'half an ans',
      failure: { kind: 'cut', message: 'The connection closed in the middle of the answer.' },
    }));
    const { pipeline, conversation, records } = setup({}, {}, provider);
    const deltas: string[] = [];
    const result = await pipeline.run(conversation, { prompt: 'q', model: 'm' }, provider, {
      onDelta: (d) => deltas.push(d),
    });
    assert.deepEqual(
      [result.outcome, result.text, deltas.join('')],
      ['failed', 'half an ans', 'half an ans'],
    );
    assert.match(result.message ?? '', /closed in the middle/);
    assert.equal(conversation.messages.length, 0);
    assert.equal(records[0]?.failure?.kind, 'cut');
  });

  it('beforeSend can wait or refuse; a failing record sink does not fail the request', async () => {
    const statuses: string[] = [];
    const refusing = setup(
      {},
      {
        beforeSend: (ctx) => {
          ctx.onStatus(`queued for ${ctx.model}`);
          return Promise.reject(new SendRefusedError('Daily token budget reached.'));
        },
      },
    );
    const refused = await refusing.pipeline.run(
      refusing.conversation,
      { prompt: 'q', model: 'm' },
      refusing.provider,
      {
        onStatus: (s) => statuses.push(s),
      },
    );
    assert.deepEqual(
      [refused.outcome, refused.message, statuses],
      ['blocked', 'Daily token budget reached.', ['queued for m']],
    );
    assert.equal(refusing.provider.requests.length, 0);
    assert.equal(refusing.records[0]?.failure?.kind, 'refused');

    const sinkFails = setup({}, { onRecord: () => Promise.reject(new Error('disk full')) });
    const ok = await sinkFails.pipeline.run(
      sinkFails.conversation,
      { prompt: 'q', model: 'm' },
      sinkFails.provider,
    );
    assert.equal(ok.outcome, 'ok');
  });

  it('dry run answers with the exact payload that would have been sent, and sends nothing', async () => {
    const token = pat();
    const dry = createDryRunProvider('api.openai.com');
    const { pipeline, conversation, records } = setup();
    const result = await pipeline.run(conversation, { prompt: `see ${token}`, model: 'gpt-test' }, dry);
    assert.equal(result.outcome, 'dry-run');
    assert.ok(!result.text.includes(token));
    const body = /```json\n([\s\S]*)\n```/.exec(result.text)?.[1] ?? '';
    assert.equal(
      JSON.stringify(JSON.parse(body)),
      result.prepared.kind === 'ready' ? result.prepared.serialized : '',
    );
    assert.ok(result.text.includes(records[0]?.payloadSha256 ?? 'missing'));
    assert.equal(conversation.messages.length, 0, 'a dry run is not part of the conversation');
  });

  it('masks the key, known values and redacted secrets that come back in an answer, split across pieces', async () => {
    const key = `sk-${randomToken(ALNUM, 40)}`;
    const [token, envValue] = [pat(), `pw-${randomToken(ALNUM, 20)}`];
    const echoed = `Quota hit for ${key}; also saw ${token} and ${envValue}.`;
    const provider: Provider = holdSecrets<Provider>(
      {
        kind: 'openai',
        endpoint: 'api.example.test',
        complete: (req) => {
          // Pieces of 7 characters: every value arrives cut in several places.
          for (let i = 0; i < echoed.length; i += 7) {
            req.onDelta?.(echoed.slice(i, i + 7));
          }
          return Promise.resolve({ text: echoed, finishReason: 'stop' });
        },
      },
      [key],
    );
    const pipeline = new Pipeline({ known: [{ kind: 'env-value', value: envValue }] });
    const conversation = new Conversation();
    const pieces: string[] = [];
    const result = await pipeline.run(
      conversation,
      { prompt: `why does ${token} fail?`, model: 'm' },
      provider,
      { onDelta: (t) => pieces.push(t) },
    );
    const expected =
      'Quota hit for ‹redacted:api-key›; also saw ‹redacted:github-pat› and ‹redacted:env-value›.';
    assert.equal(pieces.join(''), expected);
    assert.equal(result.text, expected);
    assert.equal(conversation.messages[1]?.content, expected, 'the history sent next time holds no key');
  });
});
