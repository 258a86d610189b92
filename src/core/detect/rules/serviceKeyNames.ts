import type { Rule } from '../rule';
import type { ServiceEntry } from './serviceKeyTable';
import { shapeLength } from './serviceKeyText';

// A service of the table whose keys have one length only (`LokaliseToken lokalise l40`) names its keys
// by its word: a value assigned to `lokalise_token` or `LOKALISE_API_KEY` that is one character short of
// that length is a near miss (a typo, a peer's negative test), not a Lokalise key, and the generic rule
// that would report it for its credential name defers (prefixLookAlike.ts `defersToNamedProvider`).
// Only the length decides, and only a few characters off: a value of the right length in another
// alphabet is left to the generic rule, since the table's alphabets are the peers' regexes, not the
// providers' word, and so is a value far from the length, which is likely another kind of credential the
// table does not list (Lark's 22-character `t-` tenant tokens beside its 32-character app keys). A
// service with a length range, or whose word another rule claims (that rule knows the provider's other
// formats), is left out.

/** How many characters off a service's one length a value may be and still be read as a near miss of it. */
const NEAR = 3;

const nearMiss = (length: number, fixed: number): boolean => Math.abs(length - fixed) <= NEAR;

/** Lengths of every part of `entries`, or undefined when some part has a length range. */
function fixedLengths(entries: readonly ServiceEntry[]): ReadonlySet<number> | undefined {
  const lengths = new Set<number>();
  for (const e of entries) {
    for (const p of e.parts) {
      const [lo, hi] = shapeLength(p.shape);
      if (lo !== hi) {
        return undefined;
      }
      lengths.add(lo);
    }
  }
  return lengths;
}

/** The `namedShape` of the table's rule: the words of services with fixed lengths, and those lengths. */
export function serviceNamedShape(
  entries: readonly ServiceEntry[],
  claimed: ReadonlySet<string>,
): NonNullable<Rule['namedShape']> {
  const byWord = new Map<string, ServiceEntry[]>();
  for (const e of entries) {
    for (const w of e.words) {
      byWord.set(w, [...(byWord.get(w) ?? []), e]);
    }
  }
  const lengths = new Map<string, ReadonlySet<number>>();
  for (const [word, list] of byWord) {
    const fixed = claimed.has(word) ? undefined : fixedLengths(list);
    if (fixed !== undefined) {
      lengths.set(word, fixed);
    }
  }
  return {
    words: [...lengths.keys()],
    value: (value, word) => {
      const fixed = lengths.get(word);
      return (
        fixed === undefined || fixed.has(value.length) || ![...fixed].some((n) => nearMiss(value.length, n))
      );
    },
  };
}
