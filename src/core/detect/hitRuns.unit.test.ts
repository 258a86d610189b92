import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { runsOfRule } from './hitRuns';
import type { HitRuns } from './prefilter';

describe('runs of a rule', () => {
  it('is every keyword run once, ascending by start, ties in keyword order, for any number of keywords', () => {
    const next = seededInts(41);
    for (let round = 0; round < 500; round++) {
      const keywords = 1 + next(8);
      const hits: (HitRuns | undefined)[] = [];
      for (let id = 0; id < keywords; id++) {
        if (next(4) === 0) {
          continue;
        }
        // Ascending, non-overlapping runs, whose starts other keywords' runs often share.
        const runs: number[] = [];
        for (let at = next(20); at < 300; at += 1 + next(40)) {
          const last = at + next(10);
          runs.push(at, last);
          at = last;
        }
        hits[id] = runs.length > 0 ? runs : undefined;
      }
      const ids = Array.from({ length: keywords }, (_, id) => id);
      for (let i = ids.length - 1; i > 0; i--) {
        const j = next(i + 1);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      const base = next(3) * 100;
      const pairs = ids.flatMap((id) => {
        const runs = hits[id] ?? [];
        return runs.flatMap((at, i) => (i % 2 === 0 ? [[at + base, runs[i + 1]! + base]] : []));
      });
      // Array.prototype.sort is stable: equal starts keep the order of `ids`.
      const expected = pairs.sort((a, b) => a[0]! - b[0]!).flat();
      assert.deepEqual(runsOfRule(ids, hits, base), expected, `round ${round}`);
    }
  });
});
