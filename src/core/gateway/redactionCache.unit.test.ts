import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { Conversation } from '../pipeline/conversation';
import { redactText } from '../pipeline/redact';
import { prepareForwarded } from './forwardedRequest';
import { RedactionCache } from './redactionCache';

describe('RedactionCache (a resent history is not redacted again)', () => {
  const token = (): string => githubToken('ghp', randomToken(ALNUM, 30));
  const long = (secret: string): string =>
    `Keep this config in mind: ${secret}. ${'Lorem ipsum. '.repeat(8)}`;

  it('sends a resent history exactly as without the cache, redacting only the new message', () => {
    const [first, second] = [token(), token()];
    const cached = new Conversation();
    const plain = new Conversation();
    const cache = new RedactionCache();
    let calls = 0;
    const counting = new RedactionCache();
    const history = [{ role: 'user', content: long(first) }];
    for (const turn of [long(second), long(first)]) {
      history.push({ role: 'assistant', content: 'Noted. '.repeat(12) }, { role: 'user', content: turn });
      const body = { model: 'm', messages: history };
      const a = prepareForwarded(body, cached, {}, [], cache);
      const b = prepareForwarded(body, plain, {}, []);
      assert.ok(a.kind === 'ready' && b.kind === 'ready');
      assert.equal(a.serialized, b.serialized);
      assert.deepEqual(
        a.redactions.map((r) => [r.placeholder, r.source]),
        b.redactions.map((r) => [r.placeholder, r.source]),
      );
      assert.ok(!a.serialized.includes(first) && !a.serialized.includes(second));
    }
    const map = new Conversation().map;
    for (const text of [long(first), long(first), long(second), long(first)]) {
      counting.redact(text, map, () => {
        calls += 1;
        return redactText(text, map);
      });
    }
    assert.equal(calls, 2, 'each distinct string redacted once');
  });

  it('redacts again after the conversation is cleared, and never across conversations', () => {
    const secret = token();
    const cache = new RedactionCache();
    const one = new Conversation();
    const other = new Conversation();
    const text = long(secret);
    let calls = 0;
    const redact = (c: Conversation) => () => {
      calls += 1;
      return redactText(text, c.map);
    };
    cache.redact(text, one.map, redact(one));
    cache.redact(text, other.map, redact(other));
    one.clear();
    const again = cache.redact(text, one.map, redact(one));
    assert.equal(calls, 3);
    assert.equal(one.map.valueOf(again.redactions[0]!.placeholder), secret, 'the placeholder is in the map');
  });
});
