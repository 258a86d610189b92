import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../detect/random';
import { freshAzureKey, freshLegacyOpenAiKey, freshOpenAiKey } from '../../../test/support/fakeKeys';
import { checkKeyFormat, maskKey, maskKeyIn, MAX_KEY_LENGTH, normalizeKeyInput } from './keyFormat';

describe('key input and format', () => {
  it('trims spaces and newlines around a pasted key', () => {
    const key = freshOpenAiKey();
    assert.deepEqual(normalizeKeyInput(`  ${key}\r\n`), { ok: true, key });
    assert.deepEqual(normalizeKeyInput(`\t${key}\n\n`), { ok: true, key });
  });

  it('rejects empty, multi-line, spaced, control-character and oversized input with a reason', () => {
    const key = freshOpenAiKey();
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      [' \n\t ', /empty/],
      [`${key}\n${key}`, /more than one line/],
      [`OPENAI_API_KEY= ${key}`, /spaces/],
      [`${key}\u0007`, /control characters/],
      ['a'.repeat(MAX_KEY_LENGTH + 1), /too long/],
    ];
    for (const [raw, reason] of cases) {
      const result = normalizeKeyInput(raw);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
      // The reason never quotes what was typed.
      assert.ok(result.ok || !result.reason.includes(key));
    }
  });

  it('accepts generated OpenAI keys of every shape without a warning', () => {
    for (const key of [
      freshOpenAiKey(),
      freshLegacyOpenAiKey(),
      ['sk', 'svcacct', randomToken(ALNUM, 60)].join('-'),
    ]) {
      assert.equal(checkKeyFormat('openai', key), undefined, 'a well-formed key must not warn');
    }
  });

  it('warns (never blocks) on a shape the provider does not use', () => {
    assert.match(checkKeyFormat('openai', randomToken(ALNUM, 40)) ?? '', /does not look like an OpenAI key/);
    assert.match(
      checkKeyFormat('openai', ['sk', 'ant', 'api03', randomToken(ALNUM, 90)].join('-')) ?? '',
      /Anthropic/,
    );
    assert.match(checkKeyFormat('azure', freshOpenAiKey()) ?? '', /Azure/);
    assert.equal(checkKeyFormat('azure', freshAzureKey()), undefined);
    assert.equal(checkKeyFormat('azure', randomToken(ALNUM, 84)), undefined);
    // Local servers take anything, so there is nothing to warn about.
    assert.equal(checkKeyFormat('compatible', 'ollama'), undefined);
  });

  it('masks as prefix, ellipsis and the last four characters only', () => {
    const legacy = freshLegacyOpenAiKey();
    assert.equal(maskKey(legacy), `sk-…${legacy.slice(-4)}`);
    const project = freshOpenAiKey();
    assert.equal(maskKey(project), `sk-proj-…${project.slice(-4)}`);
    const azure = freshAzureKey();
    assert.equal(maskKey(azure), `…${azure.slice(-4)}`);
    assert.equal(maskKey('short-key'), '…', 'a short key shows no tail');
    for (const key of [legacy, project, azure]) {
      assert.ok(maskKey(key).length <= 13);
      assert.ok(!maskKey(key).includes(key.slice(-12, -4)));
    }
  });

  it('masks every occurrence of a key inside a message', () => {
    const key = freshOpenAiKey();
    const text = maskKeyIn(`401: Incorrect API key provided: ${key}. Again: ${key}`, key);
    assert.ok(!text.includes(key));
    assert.equal(text.split(maskKey(key)).length, 3);
  });
});
