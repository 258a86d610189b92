import * as assert from 'node:assert/strict';
import { mergeRanges, unexaminedRuns } from './unexamined';
import { spansOf } from './spanCases';

describe('redact tier: what the engine did not examine', () => {
  it('merges overlapping ranges from several capped windows', () => {
    assert.deepEqual(mergeRanges([50, 60, 0, 10, 5, 20, 60, 70]), [0, 20, 50, 70]);
  });

  it('hides every token-like run in the ranges, and nothing outside them', () => {
    const head = 'before Qw7Rt5Kx9LmZ2vBn ';
    const tail = 'x Zx9Wq2Lm8Np4Rt6Yb and words here\nVb7Nm3Qp8LzKd2Wx';
    const text = head + tail;
    const spans = spansOf(unexaminedRuns([head.length, text.length]), text);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['Zx9Wq2Lm8Np4Rt6Yb', 'Vb7Nm3Qp8LzKd2Wx'],
    );
  });

  it('follows a run back across the start of a range', () => {
    const text = 'k=Zx9Wq2Lm8Np4Rt6Yb';
    const spans = spansOf(unexaminedRuns([10, text.length]), text);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['Zx9Wq2Lm8Np4Rt6Yb'],
    );
  });
});
