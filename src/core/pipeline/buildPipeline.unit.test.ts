import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLog } from '../audit/auditLog';
import type { Settings } from '../config/settings';
import { readSettings } from '../config/settings';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import type { CompletionRequest, CompletionResult, ModerationVerdict, Provider } from '../openai/provider';
import { buildPipeline } from './buildPipeline';
import { Conversation } from './conversation';

const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));

/** The defaults, with some settings changed. */
function settingsWith(changes: Partial<Settings>): Settings {
  return { ...readSettings(() => undefined).settings, ...changes };
}

/** Answers a fixed text; its moderation endpoint flags any text holding `flagWord`. */
function provider(answer: string, flagWord = '\u0000'): Provider & { bodies: string[] } {
  const bodies: string[] = [];
  return {
    kind: 'openai',
    endpoint: 'api.example.test',
    bodies,
    complete(request: CompletionRequest): Promise<CompletionResult> {
      bodies.push(request.serialized);
      request.onDelta?.(answer);
      return Promise.resolve({ text: answer, finishReason: 'stop' });
    },
    moderate(text: string): Promise<ModerationVerdict> {
      const flagged = text.includes(flagWord);
      return Promise.resolve({ flagged, categories: flagged ? ['violence'] : [] });
    },
  };
}

describe('buildPipeline: the one pipeline the chat, the preview and the CLI share', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-build-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('takes the policy from the settings, unless the caller overrides it', async () => {
    const token = pat();
    const settings = settingsWith({ 'redaction.policy': 'block' });
    const input = { prompt: `why does ${token} fail?`, model: 'm' };
    const blocked = await buildPipeline({ settings, profile: 'p', known: [] }, {}).run(
      new Conversation(),
      input,
      provider('ok'),
    );
    assert.equal(blocked.outcome, 'blocked');
    const sent = await buildPipeline({ settings, profile: 'p', known: [], policy: 'redact' }, {}).run(
      new Conversation(),
      input,
      provider('ok'),
    );
    assert.equal(sent.outcome, 'ok');
  });

  it('a blocked result carries the question redacted as it would have gone, never as typed', async () => {
    const token = pat();
    const envValue = `pw-${randomToken(ALNUM, 20)}`;
    const pipeline = buildPipeline(
      {
        settings: settingsWith({ 'redaction.policy': 'block' }),
        profile: 'p',
        known: [{ kind: 'env-value', value: envValue }],
      },
      {},
    );
    const result = await pipeline.run(
      new Conversation(),
      { prompt: `${token} and ${envValue}`, model: 'm', attachments: [{ path: 'a.txt', text: token }] },
      provider('ok'),
    );
    assert.equal(result.prepared.kind, 'blocked');
    const blocked = result.prepared.kind === 'blocked' ? result.prepared : undefined;
    assert.match(blocked?.prompt ?? '', /^‹secret:github-pat#1› and ‹secret:env-value#\d›$/);
    assert.ok(!blocked?.userMessage.includes(token), 'the attachment is redacted too');
    assert.ok(blocked?.userMessage.includes('a.txt'));
  });

  it('audits the redacted message only when audit.includePrompts is on', async () => {
    const token = pat();
    for (const include of [false, true]) {
      const audit = new AuditLog(path.join(dir, `audit-${String(include)}`));
      const settings = settingsWith({ 'audit.includePrompts': include });
      const pipeline = buildPipeline({ settings, profile: 'p', known: [] }, { audit });
      await pipeline.run(new Conversation(), { prompt: `is ${token} ok?`, model: 'm' }, provider('ok'));
      const [record] = await audit.read();
      assert.equal(record?.prompt, include ? 'is ‹secret:github-pat#1› ok?' : undefined);
    }
  });

  it('with input+output moderation, a flagged answer is returned flagged and never streamed', async () => {
    const settings = settingsWith({ moderation: 'input+output' });
    const shown: string[] = [];
    const run = (answer: string) =>
      buildPipeline({ settings, profile: 'p', known: [] }, {}).run(
        new Conversation(),
        { prompt: 'hello', model: 'm' },
        provider(answer, 'forbidden'),
        { onDelta: (t) => shown.push(t) },
      );
    const flagged = await run('a forbidden answer');
    assert.deepEqual(flagged.flagged, ['violence']);
    assert.equal(shown.length, 0, 'a flagged answer never reaches onDelta');
    const clean = await run('a fine answer');
    assert.equal(clean.flagged, undefined);
    assert.deepEqual(shown, ['a fine answer']);
  });
});
