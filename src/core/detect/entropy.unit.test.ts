import * as assert from 'node:assert/strict';
import { shannonEntropy, topCharCount } from './entropy';

/** The definition, over code points counted in the order first seen (the counts' reuse must not change a bit). */
function entropyByMap(text: string): number {
  const counts = [...text].reduce((m, ch) => m.set(ch, (m.get(ch) ?? 0) + 1), new Map<string, number>());
  return [...counts.values()].reduce((bits, n) => bits - (n / text.length) * Math.log2(n / text.length), 0);
}

function topByMap(text: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

describe('shannonEntropy and topCharCount', () => {
  it('equal the Map-based definitions to the last bit, ASCII or not, call after call', () => {
    const pool = 'abcABC0123456789_-.=+/ xyzé€😀\u200b';
    let seed = 5;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let k = 0; k < 3000; k++) {
      const chars = [...pool];
      // Mostly ASCII draws, one in eight with a non-ASCII character somewhere.
      const width = k % 8 === 0 ? chars.length : 22;
      let text = '';
      for (let n = next() % 90; n > 0; n--) {
        text += chars[next() % width];
      }
      assert.equal(shannonEntropy(text), entropyByMap(text), text);
      assert.equal(topCharCount(text), topByMap(text), text);
    }
  });

  it('gives the known values', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abab'), 1);
    assert.equal(shannonEntropy('0123456789abcdef'), 4);
    assert.equal(topCharCount('a0a0a'), 3);
    assert.equal(topCharCount(''), 0);
  });
});
