/**
 * Keyword ids per table slot, packed: slot `s` holds `ids[first[s]]` to `ids[first[s] + count[s] - 1]`.
 * Typed arrays, not an array of arrays: `new Array(n)` past about 100K elements is a dictionary in V8, and
 * its lookups made the ~1M positions per 60 MB that pass the mask cost as much as all the others. A first
 * offset and a count per slot, not running offsets: filled from the few slots used, with no pass over all
 * 128K of them (a pass over each table was a millisecond or two of a short process's start-up).
 */
export interface SlotLists {
  readonly first: Int32Array;
  readonly count: Uint16Array;
  readonly ids: Int32Array;
}

/**
 * Collects `SlotLists`: slots in the order first entered, each slot's ids in the order entered. Flat entry
 * lists and the output's own arrays, not a Map of arrays with `includes`: the 256 entries of each two-byte
 * keyword and the ~900 of the others cost a few milliseconds of every process's start-up that way, and a
 * fresh 128K-slot array costs a page fault per 4 KB touched (~0.5 ms for an Int32Array), so no other is
 * made. The caller enters an id at a slot once at most (the index does: see keywordIndex.ts).
 */
export class SlotListsBuilder {
  private readonly count: Uint16Array;
  private readonly order: number[] = [];
  private readonly entrySlots: number[] = [];
  private readonly entryIds: number[] = [];

  constructor(private readonly size: number) {
    this.count = new Uint16Array(size);
  }

  enter(slot: number, id: number): void {
    if (this.count[slot] === 0) {
      this.order.push(slot);
    }
    this.count[slot]!++;
    this.entrySlots.push(slot);
    this.entryIds.push(id);
  }

  /** The lists entered (call once). */
  pack(): SlotLists {
    const first = new Int32Array(this.size);
    const { count, order, entrySlots, entryIds } = this;
    let at = 0;
    for (const slot of order) {
      first[slot] = at;
      at += count[slot]!;
    }
    // Filled from the last entry back, each slot's count its cursor, then counted up again.
    const ids = new Int32Array(at);
    for (let e = entrySlots.length - 1; e >= 0; e--) {
      const slot = entrySlots[e]!;
      ids[first[slot]! + --count[slot]!] = entryIds[e]!;
    }
    for (const slot of entrySlots) {
      count[slot]!++;
    }
    return { first, count, ids };
  }
}
