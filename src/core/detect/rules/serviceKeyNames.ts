import type { Rule } from '../rule';
import type { ServiceEntry } from './serviceKeyLines';
import { RUN_ON, type ServiceKeyIndex } from './serviceKeyTable';
import type { Shape } from './serviceKeyText';
import { matches, shapeLength, wordsBefore } from './serviceKeyText';

// A service of the table whose keys have one length only (`LokaliseToken lokalise l40`) names its keys
// by its word: a value assigned to `lokalise_token` or `LOKALISE_API_KEY` that is one to three characters
// short of that length is a near miss (a typo, a peer's negative test), not a Lokalise key, and the generic
// rule that would report it for its credential name defers (prefixLookAlike.ts `defersToNamedProvider`).
// Only the length decides, and only a few characters short: a value of the right length in another
// alphabet is left to the generic rule, since the table's alphabets are the peers' regexes, not the
// providers' word, and so is a value far from the length, which is likely another kind of credential the
// table does not list (Lark's 22-character `t-` tenant tokens beside its 32-character app keys). A longer
// value is left to it too: Kingfisher's patterns end with no boundary, and its own examples run past the
// count (`planyo_token=` and 64 characters for Planyo's 62). A service with a length range (a part that
// runs on has one), or whose word another rule claims (that rule knows the provider's other formats), is
// left out.

/** How many characters short of a service's one length a value may be and still be read as a near miss of it. */
const NEAR = 3;

const nearMiss = (length: number, fixed: number): boolean => length < fixed && fixed - length <= NEAR;

/** Lengths of every part of `entries`, or undefined when some part has a length range. */
function fixedLengths(entries: readonly ServiceEntry[]): ReadonlySet<number> | undefined {
  const lengths = new Set<number>();
  for (const e of entries) {
    for (const p of e.parts) {
      const [lo, hi] = shapeLength(p.shape);
      if (lo !== hi || p.runsOn === true) {
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

// The same holds where the table's own reading names the value: a service's word shortly before it, as
// `service-api-key` looks (`Using amplitude Secret=…`, `roninAPIKey := …`, a comment on the line above).
// When every service so named issues no value like it (no part's shape takes it, case aside, and its
// length lies between a few characters short of theirs and their longest), it is not that service's key:
// another length, or a character the service's keys never hold (`-` in an alphanumeric key, `x` in a hex
// one). A context rule then defers (`Rule.refutesNamed`). A length far below the service's, or above it,
// may be another kind of credential the table does not list, or the key as a peer without a boundary reads
// it, and an everyday word (`@word`) or one another rule claims names nothing here.
// The table only judges what it can spell: a value with other characters, or cut from a longer run of
// them (`%`, `+`, `/`, `=`), is left alone, and so is one that opens with a prefix of its own (`figr_…`):
// a newer format of the service than the table's bare shapes.

/** Each class with both letter cases: a key read in the other case is still the service's. */
const CASELESS: Readonly<Record<string, string>> = { h: 'x', H: 'x', l: 'a', u: 'a', L: 'm', U: 'm', k: 'n' };

const caseless = (shape: Shape): Shape => shape.map((seg) => ({ ...seg, cls: CASELESS[seg.cls] ?? seg.cls }));

/**
 * The values a part issues, as the table reads them: a part that runs on (`Planyo planyo l62+`, Kingfisher's
 * reading, no boundary after the value) issues values up to `RUN_ON` characters longer too, so a 64-character
 * value under `planyo_token` is no near miss of its 62.
 */
const issued = (part: ServiceEntry['parts'][number]): Shape =>
  part.runsOn === true
    ? caseless(part.shape).map((seg) => ({ ...seg, max: seg.max + RUN_ON }))
    : caseless(part.shape);

/** Characters a table shape can spell. */
const SPELLED = /^[A-Za-z0-9_.-]+$/;
/** A prefix of the value's own: a short lower-case word, then `_` or `-`. */
const OWN_PREFIX = /^[a-z]{2,8}[_-]/;
/** Characters that continue a value past where a match stopped (`=` only after it: padding). */
const CONTINUES = /[A-Za-z0-9%+/]/;
const CONTINUES_AFTER = /[A-Za-z0-9%+/=]/;

/** Whether `value` at `start` stands whole and is spelled as table shapes are, with no prefix of its own. */
function judged(text: string, start: number, value: string): boolean {
  return (
    SPELLED.test(value) &&
    !OWN_PREFIX.test(value) &&
    !CONTINUES.test(text.charAt(start - 1)) &&
    !CONTINUES_AFTER.test(text.charAt(start + value.length))
  );
}

// A line of one part describes one credential of its service, the key its peers' detector reads. A value
// whose own name calls it a secret (`stitchdata_SECRET=`, `worldweatherSECRETkey=`, `workstack SECRET_TOKEN`)
// may be another the line does not describe (a client secret, a signing secret), as a key name's shape
// judges only a `_key` or `_token` name (prefixLookAlike.ts: `meraki_webhook_secret` may hold anything):
// only a line of two secret parts or more (Amplitude's key and secret, BitMEX's) refutes it.

/** A name that holds `secret`, right before the value: the name's end, an operator, quotes and blanks. */
const SECRET_NAME = /secret[A-Za-z0-9_.-]{0,24}["'`]?[ \t]{0,3}(?:=>|:=|[:=])?[ \t]{0,3}["'`]?$/i;

/** Whether the name right before `start`, on its line, says secret (64 characters read at most). */
function namedSecret(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 64), start);
  return SECRET_NAME.test(before.slice(before.lastIndexOf('\n') + 1));
}

/** The table's `refutesNamed`: the value at `start` is named by services of `index`, and none issues it. */
export function serviceRefutes(
  index: ServiceKeyIndex,
  claimed: ReadonlySet<string>,
): (text: string, start: number, value: string) => boolean {
  const shapes = new Map<ServiceEntry, Shape[]>();
  const describesSecret = new Set(index.entries.filter((e) => e.parts.filter((p) => p.secret).length >= 2));
  for (const e of index.entries) {
    if (!e.named && !e.words.some((w) => claimed.has(w))) {
      shapes.set(e, e.parts.map(issued));
    }
  }
  return (text, start, value) => {
    const n = value.length;
    if (n < index.minLength - NEAR || n > index.maxLength || !judged(text, start, value)) {
      return false;
    }
    let lo = Infinity;
    let hi = 0;
    const secret = namedSecret(text, start);
    for (const { word } of wordsBefore(text, start, index.longestWord)) {
      for (const entry of index.servicesNamed(word)) {
        if (secret && !describesSecret.has(entry)) {
          continue;
        }
        for (const shape of shapes.get(entry) ?? []) {
          if (matches(value, shape)) {
            return false;
          }
          const [a, b] = shapeLength(shape);
          lo = Math.min(lo, a);
          hi = Math.max(hi, b);
        }
      }
    }
    return n >= lo - NEAR && n <= hi;
  };
}
