import type { HitRuns } from './prefilter';

/**
 * The runs of a rule: the union of its keywords' runs (see `findKeywordHits`), ascending by start, offset
 * by `base`. Two runs with one start keep the order of `keywordIds`.
 */
export function runsOfRule(
  keywordIds: readonly number[],
  hits: readonly (HitRuns | undefined)[],
  base: number,
): HitRuns {
  const lists: HitRuns[] = [];
  for (const id of keywordIds) {
    const list = hits[id];
    if (list !== undefined) {
      lists.push(list);
    }
  }
  if (lists.length <= 1) {
    const list = lists[0] ?? [];
    return base === 0 ? list : list.map((at) => at + base);
  }
  return lists.length <= MERGE_MOST ? merged(lists, base) : sorted(lists, base);
}

/** Up to this many lists are merged by picking the least start each time; more are sorted. */
const MERGE_MOST = 4;

function merged(lists: readonly HitRuns[], base: number): HitRuns {
  const next = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  for (;;) {
    let pick = -1;
    for (let k = 0; k < lists.length; k++) {
      if (next[k]! < lists[k]!.length && (pick === -1 || lists[k]![next[k]!]! < lists[pick]![next[pick]!]!)) {
        pick = k;
      }
    }
    if (pick === -1) {
      return out;
    }
    const i = next[pick]!;
    out.push(lists[pick]![i]! + base, lists[pick]![i + 1]! + base);
    next[pick] = i + 2;
  }
}

function sorted(lists: readonly HitRuns[], base: number): HitRuns {
  const pairs: [number, number][] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i += 2) {
      pairs.push([list[i]! + base, list[i + 1]! + base]);
    }
  }
  // Stable: one start keeps the order of the lists.
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}
