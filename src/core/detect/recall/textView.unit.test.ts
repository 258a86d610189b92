import * as assert from 'node:assert/strict';
import { applyEdits, composeViews, nearEdit } from './textView';

describe('redact tier: decoded views and their offset map', () => {
  const text = 'a\\"bc + "de"';
  // `\"` -> `"`, and `c + "d` keeps only `c` and `d` (the seam is deleted).
  const view = applyEdits(text, [
    { start: 1, end: 3, replacement: '"' },
    { start: 4, end: 9, replacement: '' },
  ]);

  it('rewrites the text and maps a decoded character back to all of its source', () => {
    assert.equal(view.text, 'a"bde"');
    assert.deepEqual(view.toOriginal(1, 2), [1, 3]);
    assert.deepEqual(view.toOriginal(0, 1), [0, 1]);
  });

  it('maps a span across a deleted seam over the seam, and a span beside it without it', () => {
    assert.deepEqual(view.toOriginal(2, 4), [3, 10]); // `bd` covers `bc + "d`
    assert.deepEqual(view.toOriginal(3, 5), [9, 11]); // `de` starts after the seam
    assert.deepEqual(view.toOriginal(2, 3), [3, 4]); // `b` alone
    assert.deepEqual(view.toOriginal(6, 6), [12, 12]);
  });

  it('composes views and keeps every stage’s edits in original offsets', () => {
    const outer = applyEdits(view.text, [{ start: 1, end: 2, replacement: "'" }]);
    const both = composeViews(view, outer);
    assert.equal(both.text, 'a\'bde"');
    assert.deepEqual(both.toOriginal(1, 3), [1, 4]);
    assert.deepEqual(both.edits, [
      [1, 3],
      [1, 3],
      [4, 9],
    ]);
  });

  it('tells whether an edit lies near a range', () => {
    const far = applyEdits('x'.repeat(1000), [{ start: 500, end: 501, replacement: '' }]);
    assert.equal(nearEdit(far, 0, 10, 64), false);
    assert.equal(nearEdit(far, 440, 450, 64), true);
    assert.equal(nearEdit(far, 560, 600, 64), true);
    assert.equal(nearEdit(far, 570, 600, 64), false);
  });

  it('is the identity where nothing was edited', () => {
    const same = applyEdits('plain text', []);
    assert.equal(same.text, 'plain text');
    assert.deepEqual(same.toOriginal(2, 7), [2, 7]);
    assert.equal(nearEdit(same, 0, 10, 64), false);
  });
});
