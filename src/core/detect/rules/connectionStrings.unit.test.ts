import * as assert from 'node:assert/strict';
import { HEX, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('Sidekiq gem server URLs (report tier)', () => {
  it('reports the 8-hex password of a contribsys.com URL, digits-heavy ones included', () => {
    for (let i = 0; i < 20; i++) {
      const user = randomToken(HEX, 8);
      // Mostly digits, as url-password's plausibility check passes over: the host is the proof here.
      const password = `${randomToken('0123456789', 6)}${randomToken('abcdef', 1)}${randomToken(HEX, 1)}`;
      for (const host of ['gems.contribsys.com', 'enterprise.contribsys.com']) {
        const line = `source "https://${user}:${password}@${host}/" do`;
        const found = scan(line);
        assert.deepEqual(
          found.map((f) => f.ruleId),
          ['sidekiq-gem-server-password'],
          line,
        );
        assert.equal(line.slice(found[0]!.start, found[0]!.end), password, line);
      }
    }
  });

  it('leaves other hosts, other lengths and a password equal to its user', () => {
    const user = randomToken(HEX, 8);
    const password = randomToken(HEX, 8);
    for (const line of [
      `https://${user}:${password}@gems.contribsys.com.example.org/`,
      `https://${user}:${password}0@gems.contribsys.com/`,
      `https://${user}:${user}@gems.contribsys.com/`,
      `https://${user}:${password.toUpperCase()}@gems.contribsys.com/`,
    ]) {
      assert.ok(!ids(line).includes('sidekiq-gem-server-password'), line);
    }
  });
});
