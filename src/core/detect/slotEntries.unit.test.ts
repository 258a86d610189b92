import * as assert from 'node:assert/strict';
import { buildKeywordIndex } from './keywordIndex';
import { QUAD_STRIDE, slotEntries, TRI_STRIDE } from './slotEntries';

describe('slot entries', () => {
  const index = buildKeywordIndex([
    ['sk', 'key', 'ghp_', 'client_secret', 'password=', 'begin rsa private key'],
  ]);

  it('hold, per entry of each slot list, what the index holds for its keyword', () => {
    const { quad, tri } = slotEntries(index);
    assert.equal(quad.length, index.quadSlots.ids.length * QUAD_STRIDE);
    assert.equal(tri.length, index.triSlots.ids.length * TRI_STRIDE);
    index.quadSlots.ids.forEach((id, k) => {
      const at = k * QUAD_STRIDE;
      assert.deepEqual(
        [...quad.subarray(at, at + QUAD_STRIDE)],
        [index.grams[id], index.gramAt[id], index.verify[id], index.tailAt[id], index.tails[id], id],
      );
    });
    index.triSlots.ids.forEach((id, k) => {
      const at = k * TRI_STRIDE;
      assert.deepEqual([...tri.subarray(at, at + TRI_STRIDE)], [index.grams[id], index.shortShift[id], id]);
    });
    assert.ok(index.quadSlots.ids.length >= 4 && index.triSlots.ids.length >= 2);
  });

  it('are built once per index', () => {
    assert.equal(slotEntries(index), slotEntries(index));
  });
});
