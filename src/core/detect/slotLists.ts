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
 * Collects `SlotLists`: slots in the order first entered, each slot's ids in the order entered, an id
 * entered twice in a row into one slot kept once (a keyword's ids are entered together, so that is every
 * repeat). Typed arrays and flat entry lists, not a Map of arrays with `includes`: the 256 entries of each
 * two-byte keyword and the ~900 of the others cost a few milliseconds of every process's start-up that way.
 */
export class SlotListsBuilder {
  private readonly count: Uint16Array;
  /** Per slot, the last id entered plus one (0: none). */
  private readonly last: Int32Array;
  private readonly order: number[] = [];
  private readonly entrySlots: number[] = [];
  private readonly entryIds: number[] = [];

  constructor(private readonly size: number) {
    this.count = new Uint16Array(size);
    this.last = new Int32Array(size);
  }

  /** Enters `id` at `slot`; false when it was the id last entered there (nothing changes). */
  enter(slot: number, id: number): boolean {
    if (this.last[slot] === id + 1) {
      return false;
    }
    this.last[slot] = id + 1;
    if (this.count[slot] === 0) {
      this.order.push(slot);
    }
    this.count[slot]!++;
    this.entrySlots.push(slot);
    this.entryIds.push(id);
    return true;
  }

  /** The lists entered (call once). */
  pack(): SlotLists {
    const first = new Int32Array(this.size);
    const { count, order, entrySlots, entryIds } = this;
    // `last` becomes each slot's write position.
    const cursor = this.last;
    let at = 0;
    for (const slot of order) {
      first[slot] = at;
      cursor[slot] = at;
      at += count[slot]!;
    }
    const ids = new Int32Array(at);
    for (let e = 0; e < entrySlots.length; e++) {
      ids[cursor[entrySlots[e]!]!++] = entryIds[e]!;
    }
    return { first, count, ids };
  }
}
