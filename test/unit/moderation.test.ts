import * as assert from 'node:assert/strict';
import { controlHooks } from '../../src/core/controls';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { createOpenAiProvider } from '../../src/core/openai/openaiProvider';
import { Conversation } from '../../src/core/pipeline/conversation';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import { FakeOpenAi } from '../support/fakeOpenAi';

describe('content moderation against the loopback server', () => {
  let server: FakeOpenAi;
  beforeEach(async () => {
    server = await new FakeOpenAi().start();
  });
  afterEach(() => server.stop());

  const provider = () =>
    createOpenAiProvider(
      { kind: 'openai', apiKey: `sk-proj-${randomToken(ALNUM, 48)}`, baseUrl: server.url },
      { maxRetries: 0 },
    );

  it('input: a flagged message is not sent, and says why', async () => {
    server.enqueue({ kind: 'ok', flagged: true }, { path: '/moderations' });
    const pipeline = new Pipeline({}, controlHooks({ profile: 'openai', moderation: 'input' }));
    const result = await pipeline.run(
      new Conversation(),
      { prompt: 'something nasty', model: 'gpt-4o-mini' },
      provider(),
    );
    assert.equal(result.outcome, 'blocked');
    assert.match(result.message ?? '', /moderation check flagged this message \(harassment\)/);
    assert.equal(server.requestsTo('/chat/completions').length, 0);
  });

  it('input: a clean message is checked in its redacted form, then sent', async () => {
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const pipeline = new Pipeline({}, controlHooks({ profile: 'openai', moderation: 'input' }));
    const result = await pipeline.run(
      new Conversation(),
      { prompt: `is ${secret} ok?`, model: 'gpt-4o-mini' },
      provider(),
    );
    assert.equal(result.outcome, 'ok');
    const [check] = server.requestsTo('/moderations');
    assert.ok(check, 'the moderation endpoint was called');
    assert.ok(!check.rawBody.includes(secret), 'moderation sees only the redacted text');
    assert.match(check.rawBody, /‹secret:github-pat#1›/);
    assert.equal(server.requestsTo('/chat/completions').length, 1);
  });

  it('off: no moderation call; input+output: the answer is checked inside the pipeline', async () => {
    const p = provider();
    const off = new Pipeline({}, controlHooks({ profile: 'openai', moderation: 'off' }));
    await off.run(new Conversation(), { prompt: 'hello', model: 'gpt-4o-mini' }, p);
    assert.equal(server.requestsTo('/moderations').length, 0);
    const both = new Pipeline({}, controlHooks({ profile: 'openai', moderation: 'input+output' }));
    // The first check is the question (clean), the second the answer (flagged).
    server.enqueue({ kind: 'ok' }, { path: '/moderations' });
    server.enqueue({ kind: 'ok', flagged: true }, { path: '/moderations' });
    const shown: string[] = [];
    const flagged = await both.run(new Conversation(), { prompt: 'hello', model: 'gpt-4o-mini' }, p, {
      onDelta: (t) => shown.push(t),
    });
    assert.equal(server.requestsTo('/moderations').length, 2);
    assert.deepEqual(flagged.flagged, ['harassment']);
    assert.equal(flagged.outcome, 'ok');
    assert.equal(shown.length, 0, 'a flagged answer never reaches onDelta');
    const clean = await both.run(new Conversation(), { prompt: 'hello', model: 'gpt-4o-mini' }, p, {
      onDelta: (t) => shown.push(t),
    });
    assert.equal(clean.flagged, undefined);
    assert.deepEqual(shown, [clean.text], 'a clean answer arrives whole, once checked');
  });

  it('a profile without a moderation endpoint says the input was not checked', async () => {
    const compatible = createOpenAiProvider({ kind: 'compatible', apiKey: 'local', baseUrl: server.url });
    const statuses: string[] = [];
    const pipeline = new Pipeline({}, controlHooks({ profile: 'local', moderation: 'input' }));
    const result = await pipeline.run(new Conversation(), { prompt: 'hi', model: 'm' }, compatible, {
      onStatus: (s) => statuses.push(s),
    });
    assert.equal(result.outcome, 'ok');
    assert.ok(statuses.some((s) => /no moderation endpoint/.test(s)));
  });
});
