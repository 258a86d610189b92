import * as assert from 'node:assert/strict';
import { ALNUM, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { scan } from '../scanner';
import { freshSample } from './ruleKit';

// A webhook URL's secret is its last segment. Documentation fills the ids before it with a run
// (`123456789012345678`, `1234567890abcdef…`, `T00000000`), and someone who pastes a live token into
// that example has still pasted a live token: the placeholder checks read the token alone
// (`Rule.placeholderPart`). Tokens are drawn here; none is stored.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const token = (chars: string, n: number): string => freshSample(() => randomToken(chars, n));

describe('webhook URLs: the token, not the ids before it, says live or example', () => {
  it('Discord: a documentation id before a drawn token is reported, a placeholder token is not', () => {
    for (let i = 0; i < 10; i++) {
      const live = `https://discord.com/api/webhooks/123456789012345678/${token(ALNUM, 68)}`;
      assert.deepEqual(ids(`DISCORD_WEBHOOK=${live}`), ['discord-webhook-url']);
    }
    assert.deepEqual(ids(`https://discord.com/api/webhooks/123456789012345678/${'x'.repeat(68)}`), []);
    assert.deepEqual(ids(`https://discord.com/api/webhooks/123456789012345678/${'ab'.repeat(34)}`), []);
  });

  it('Tines: an example tenant and id before a drawn token is reported, a run of hex as the token is not', () => {
    for (let i = 0; i < 10; i++) {
      const url = `https://example.tines.com/webhook/1234567890abcdef1234567890abcdef/${token(LOWER_ALNUM, 32)}`;
      assert.deepEqual(ids(url), ['tines-webhook-url']);
    }
    const tail = '1234567890abcdef1234567890abcdef';
    assert.deepEqual(ids(`https://acme.tines.com/webhook/${token(LOWER_ALNUM, 32)}/${tail}`), []);
  });

  it('Slack: the docs’ T00000000/B00000000 before a drawn token is reported, their X run is not', () => {
    for (let i = 0; i < 10; i++) {
      const url = `https://hooks.slack.com/services/T00000000/B00000000/${token(ALNUM, 24)}`;
      assert.deepEqual(ids(`SLACK_WEBHOOK_URL=${url}`), ['slack-webhook-url']);
      const trigger = `https://hooks.slack.com/triggers/T${token(UPPER_ALNUM, 10)}/A00000000/123456789012/${token(ALNUM, 32)}`;
      assert.deepEqual(ids(trigger), ['slack-workflow-webhook-url']);
    }
    assert.deepEqual(ids(`https://hooks.slack.com/services/T00000000/B00000000/${'X'.repeat(24)}`), []);
  });
});
