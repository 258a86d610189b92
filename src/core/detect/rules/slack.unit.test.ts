import * as assert from 'node:assert/strict';
import { DIGITS, randomToken } from '../random';
import { scan } from '../scanner';

// Slack's legacy workspace, session and refresh tokens written with numeric parts only, as the public
// rule sets' examples are (`xoxa-<11 digits>-<13 digits>`): the same structure as the bot tokens of that
// form, which `slack-bot-token` takes. Values are drawn here; nothing secret-shaped is stored.
const id = (n: number): string => `${randomToken('123456789', 1)}${randomToken(DIGITS, n - 1)}`;

describe('slack legacy tokens with numeric parts', () => {
  it('are reported bare, after a name, and quoted', () => {
    for (const prefix of ['xoxa', 'xoxo', 'xoxr', 'xoxs']) {
      const token = `${prefix}-${id(11)}-${id(13)}`;
      for (const line of [token, `token=${token}`, `token:${token}`, `token="${token}"`]) {
        const found = scan(line).filter((f) => f.ruleId === 'slack-legacy-token');
        assert.equal(found.length, 1, line);
        assert.equal(line.slice(found[0]!.start, found[0]!.end), token);
      }
    }
  });

  it('are not a single id, a part of another length, or a number after the prefix alone', () => {
    for (const line of [
      `xoxa-${id(11)}`,
      `xoxa-${id(11)}-${id(6)}`,
      `xoxo-${id(16)}-${id(13)}`,
      `see xoxa-2 docs, build ${id(13)}`,
    ]) {
      assert.deepEqual(
        scan(line).filter((f) => f.ruleId === 'slack-legacy-token'),
        [],
        line,
      );
    }
  });
});
