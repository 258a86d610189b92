import type { KeywordIndex } from './keywordIndex';

/**
 * The keyword index's slot lists (`quadSlots`, `triSlots`) with what the prefilter checks of each entry
 * beside its id, in one array per table: a dense hostile text checks several entries at most of its
 * positions (`-----BEGIN ` and a letter: seven), and each read from the index's per-keyword arrays was a
 * load of the array and its bounds as well as of the value. Entry `k` of a slot list is at `k * stride`.
 */

/** Per quad entry: the keyword's indexed four bytes, `gramAt`, `verify`, `tailAt`, the tail, the id. */
export const QUAD_STRIDE = 6;
/** Per tri entry: the keyword's two or three bytes, `shortShift`, the id. */
export const TRI_STRIDE = 3;

export interface SlotEntries {
  readonly quad: Int32Array;
  readonly tri: Int32Array;
}

const entriesOf = new WeakMap<KeywordIndex, SlotEntries>();

export function slotEntries(index: KeywordIndex): SlotEntries {
  let entries = entriesOf.get(index);
  if (entries === undefined) {
    const { grams, gramAt, verify, tailAt, tails, shortShift } = index;
    const quad = new Int32Array(index.quadSlots.ids.length * QUAD_STRIDE);
    index.quadSlots.ids.forEach((id, k) =>
      quad.set([grams[id]!, gramAt[id]!, verify[id]!, tailAt[id]!, tails[id]!, id], k * QUAD_STRIDE),
    );
    const tri = new Int32Array(index.triSlots.ids.length * TRI_STRIDE);
    index.triSlots.ids.forEach((id, k) => tri.set([grams[id]!, shortShift[id]!, id], k * TRI_STRIDE));
    entries = { quad, tri };
    entriesOf.set(index, entries);
  }
  return entries;
}
