import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { MAX_MATCHES, newStats } from '../detect/matcher';
import { ALNUM, randomToken } from '../detect/random';
import { scan } from '../detect/scanner';
import { redactText } from './redact';
import { RedactionMap } from './redactionMap';

/** `ghp_` look-alikes whose checksum fails: each one a match the engine examines and then drops. */
function decoys(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const good = githubToken('ghp', randomToken(ALNUM, 30));
    lines.push(`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`);
  }
  return lines.join('\n');
}

describe('redaction never stops silently', function () {
  // Thousands of decoys, and the first scan compiles every rule.
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked

  it('hides a token after more decoys than the engine examines, and says the window was cut', () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const text = `${decoys(MAX_MATCHES + 50)}\nconst t = '${token}';\n`;
    const stats = newStats();
    scan(text, { stats });
    assert.ok(stats.capped > 0, 'the decoys should cap a window');
    assert.ok(stats.unexamined.length >= 2);
    // Even with no recall detector at all, what the engine did not examine is hidden.
    const result = redactText(text, new RedactionMap(), { recallDetectors: [] });
    assert.ok(!result.text.includes(token), 'the token after the decoys must not be sent');
    assert.ok(result.redactions.some((r) => r.ruleId === 'unexamined'));
  });

  it('adds nothing when no window is cut', () => {
    const text = `${decoys(20)}\n`;
    const result = redactText(text, new RedactionMap(), { recallDetectors: [] });
    assert.equal(result.text, text);
  });
});
