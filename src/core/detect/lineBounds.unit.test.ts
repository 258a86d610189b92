import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { lineEnd, lineStart } from './lineBounds';

describe('line bounds: the line ends a detector reads to', () => {
  it('is the unbounded line end or start, or the bound, whichever is nearer, \\r\\n included', () => {
    const pick = seededInts(7);
    const chars = ['a', 'b', ' ', '\n', '\r', '"'];
    for (let draw = 0; draw < 300; draw++) {
      let text = '';
      for (let i = 0, n = pick(60); i < n; i++) {
        text += chars[pick(chars.length)];
      }
      for (let at = 0; at <= text.length; at++) {
        for (const within of [0, 1, 2, 5, 17, 100]) {
          assert.equal(
            lineEnd(text, at, within),
            Math.min(lineEnd(text, at), at + within),
            `${JSON.stringify(text)} at ${at} within ${within}`,
          );
          assert.equal(
            lineStart(text, at, within),
            Math.max(at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1, at - within),
            `start: ${JSON.stringify(text)} at ${at} within ${within}`,
          );
        }
      }
    }
  });

  it('reads no further than its bound on one long line (a flood of values stays linear)', () => {
    const line = 'x'.repeat(2_000_100);
    // Bounded, each read costs its bound, not the line: 200,000 reads of a 2 MB line in well under a second
    // unbounded would be 400 GB of reading. Only the result is asserted; the bound is what keeps it finishing.
    let sum = 0;
    for (let at = 0; at < 200_000; at++) {
      sum += lineEnd(line, at * 10, 64) - at * 10;
    }
    assert.equal(sum, 64 * 200_000);
  });
});
