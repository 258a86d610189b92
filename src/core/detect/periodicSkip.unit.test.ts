import * as assert from 'node:assert/strict';
import { MAX_PERIOD, findStretch, findStretchIn, skipPeriods } from './periodicSkip';

describe('periodic stretches of the keyword prefilter', () => {
  it('finds the shortest period and stops the stretch where the repeat ends', () => {
    const text = 'xy' + 'sk-'.repeat(100) + 'tail';
    // Scan positions from 10 on, reads 2 back and 5 ahead: the repeat [2, 302) ends the last period by 297.
    const stretch = findStretch(text, 0, 10, 2, 5, text.length);
    assert.equal(stretch?.period, 3);
    assert.equal(stretch.resume, 10 + 3 * Math.floor((302 - 5 - 10) / 3));
  });

  it('follows a long stretch in chunks to the character where it stops repeating', () => {
    // 20,003 characters of period 9, then a break: past several chunks and not on a chunk's edge.
    const text = 'password='.repeat(2223).slice(0, 20003) + 'Q' + 'password='.repeat(100);
    const stretch = findStretch(text, 0, 30, 5, 12, text.length);
    assert.equal(stretch?.period, 9);
    assert.equal(stretch.resume, 30 + 9 * Math.floor((20003 - 12 - 30) / 9));
  });

  it('keeps each stretch inside the bound, the start of the copy and the text', () => {
    const text = 'password='.repeat(50);
    assert.equal(findStretch(text, 0, 40, 2, 10, 100)?.resume, 40 + 9 * 6);
    assert.equal(findStretch(text, 0, 1, 2, 10, text.length), undefined, 'reads before the copy');
    assert.equal(findStretch(text, 0, 40, 2, 10, 60), undefined, 'fewer than four periods to the bound');
    // Offsets in a copy that starts at `from`.
    assert.equal(findStretch(text, 100, 40, 2, 10, 100)?.resume, 40 + 9 * 6);
  });

  it('finds none in text that does not repeat within the longest period', () => {
    let text = '';
    for (let i = 0; i < 600; i++) {
      text += String.fromCharCode(33 + ((i * 7919) % 90));
    }
    assert.equal(findStretch(text, 0, 100, 4, 8, text.length), undefined);
    let unit = '';
    for (let i = 0; i <= MAX_PERIOD; i++) {
      unit += String.fromCharCode(40 + i);
    }
    const long = unit.repeat(20);
    assert.equal(findStretch(long, 0, 100, 4, 8, long.length), undefined);
  });

  it('finds the same stretch in the bytes of a copy as in the string', () => {
    const texts = [
      'xy' + 'sk-'.repeat(3000) + 'tail',
      'password='.repeat(2223).slice(0, 20003) + 'Q' + 'password='.repeat(100),
      '-----begin '.repeat(900) + 'ab'.repeat(50),
      'sk-a'.repeat(40) + 'sk-b' + 'sk-a'.repeat(40),
    ];
    for (const text of texts) {
      for (const from of [0, 7, 100]) {
        for (const [start, before, after, bound] of [
          [10, 2, 5, text.length - from],
          [40, 4, 12, 200],
          [3, 4, 8, 5000],
          [120, 0, 20, text.length],
        ] as const) {
          const end = Math.min(text.length, from + bound + after);
          const bytes = Buffer.alloc(Math.max(0, end - from) + 16);
          bytes.write(text.slice(from, end), 0, 'latin1');
          assert.deepEqual(
            findStretchIn(bytes, Math.max(0, end - from), start, before, after, bound),
            findStretch(text, from, start, before, after, bound),
            `${text.slice(0, 12)} from ${from} start ${start} bound ${bound}`,
          );
        }
      }
    }
  });

  it('moves forward only the last hits that the scanned period found', () => {
    // Keyword 0 indexed at its start, keyword 1 two bytes in; keyword 2 last found before the period.
    const hits = [[3, 20], [5, 19], [0, 8], undefined];
    skipPeriods(hits, Uint8Array.from([0, 2, 0, 0]), 0, 18, { period: 4, resume: 42 });
    assert.deepEqual(hits, [[3, 40], [5, 39], [0, 8], undefined]);
  });
});
