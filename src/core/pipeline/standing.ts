/**
 * Where a hidden value stands in a text. A value of `MIN_PROPAGATED_LENGTH` characters or more counts
 * wherever it occurs. A shorter one (`hunter2`, a six-letter password) counts only where it stands as a
 * whole word, or glued to a one-letter option (`-phunter2`): inside a longer identifier (`hunter2Count`)
 * it is a fragment under eight characters of another word, not the value, and hiding it there would eat
 * ordinary code.
 */

/**
 * Shortest value hidden at every occurrence once hidden at one, inside other words too. A shorter value
 * is hidden, and checked by the final guard, where it stands as a whole word.
 */
export const MIN_PROPAGATED_LENGTH = 8;

/** Letters, digits and `_`: what continues a word on either side of a short value. */
function continuesWord(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    code === 0x5f // _
  );
}

/** Whether the occurrence of `value` at `at` counts (see the module comment). */
export function standsAt(text: string, value: string, at: number): boolean {
  if (value.length >= MIN_PROPAGATED_LENGTH) {
    return true;
  }
  const end = at + value.length;
  if (end < text.length && continuesWord(text.charCodeAt(end))) {
    return false;
  }
  return at === 0 || !continuesWord(text.charCodeAt(at - 1)) || afterShortOption(text, at);
}

/** Whether `at` follows a glued one-letter option, as in `mysql -pVALUE`: the value is a word of its own. */
function afterShortOption(text: string, at: number): boolean {
  const letter = text.charCodeAt(at - 1) | 0x20;
  return (
    letter >= 0x61 &&
    letter <= 0x7a &&
    at >= 2 &&
    text.charCodeAt(at - 2) === 0x2d && // -
    (at === 2 || !continuesWord(text.charCodeAt(at - 3)))
  );
}

/** The starts of each counted, non-overlapping occurrence of `value` in `text`, in order. */
export function standingPlaces(text: string, value: string): number[] {
  const places: number[] = [];
  if (value.length === 0) {
    return places;
  }
  for (let at = text.indexOf(value); at !== -1;) {
    if (standsAt(text, value, at)) {
      places.push(at);
      at = text.indexOf(value, at + value.length);
    } else {
      at = text.indexOf(value, at + 1);
    }
  }
  return places;
}

/** Whether `value` stands in `text` at least once (see the module comment). */
export function standsIn(text: string, value: string): boolean {
  for (let at = text.indexOf(value); at !== -1 && value.length > 0; at = text.indexOf(value, at + 1)) {
    if (standsAt(text, value, at)) {
      return true;
    }
  }
  return false;
}

/**
 * Values a length that a shared pass must beat: one pass over the text costs about what this many `indexOf`
 * searches cost (100 KB of code, once compiled: a pass about 0.6 ms, a search 0.04-0.07 ms).
 */
const PER_PASS = 16;
/** Multiplier of the rolling hash (odd, so that multiplying by it loses no bits mod 2^32). */
const BASE = 0x01000193;

/**
 * `standingPlaces` of each of `values`, in their order. Many values (over `PER_PASS` a distinct length) share
 * one pass over the text per length, with a rolling hash of each window looked up among the values of that
 * length; fewer are searched one by one, as `indexOf` is faster for a few. Searched one at a time, each value
 * read the whole text, so a text of thousands of distinct tokens (a 1 MB line of bot tokens, all of them
 * hidden) took time in the square of its length, five seconds to redact. `work`, when given, counts the
 * characters the searches and passes read.
 */
export function placesOfEach(
  text: string,
  values: readonly string[],
  work: { chars: number } = { chars: 0 },
): number[][] {
  const byLength = new Map<number, Map<number, number[]>>();
  values.forEach((v, k) => {
    if (v.length === 0 || v.length > text.length) {
      return;
    }
    const table = byLength.get(v.length) ?? byLength.set(v.length, new Map()).get(v.length)!;
    const h = hashOf(v, 0, v.length);
    (table.get(h) ?? table.set(h, []).get(h)!).push(k);
  });
  // A pass costs about what `indexOf` costs for PER_PASS values: fewer values a length search one by one.
  if (values.length <= PER_PASS * byLength.size) {
    work.chars += values.length * text.length;
    return values.map((v) => standingPlaces(text, v));
  }
  const out = values.map((): number[] => []);
  // Where each value's next counted place may start: a counted place is not overlapped by the next one.
  const next = new Array<number>(values.length).fill(0);
  for (const [length, table] of byLength) {
    work.chars += text.length;
    let top = 1; // BASE ** (length - 1), mod 2^32
    for (let i = 1; i < length; i++) {
      top = Math.imul(top, BASE);
    }
    // The low 16 bits of each value's hash: most windows are ruled out by one read, not a map look-up.
    const seen = new Uint8Array(65536);
    for (const h of table.keys()) {
      seen[h & 0xffff] = 1;
    }
    let h = hashOf(text, 0, length);
    for (let at = 0; ; at++) {
      const ks = seen[h & 0xffff] === 1 ? table.get(h) : undefined;
      if (ks !== undefined) {
        for (const k of ks) {
          const v = values[k]!;
          if (at >= next[k]! && text.startsWith(v, at) && standsAt(text, v, at)) {
            out[k]!.push(at);
            next[k] = at + length;
          }
        }
      }
      if (at + length >= text.length) {
        break;
      }
      const dropped = Math.imul(text.charCodeAt(at), top);
      h = (Math.imul((h - dropped) | 0, BASE) + text.charCodeAt(at + length)) >>> 0;
    }
  }
  return out;
}

/**
 * Whether any of `values` stands in `text` (`standsIn` of each), read as `placesOfEach` reads them: a request's
 * parts and payload are checked against every value hidden so far, thousands on a text of thousands of tokens.
 */
export function anyStandsIn(text: string, values: readonly string[]): boolean {
  return placesOfEach(text, values).some((places) => places.length > 0);
}

/** The rolling hash of [from, to) of `s`, as `placesOfEach` rolls it. */
function hashOf(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    h = (Math.imul(h, BASE) + s.charCodeAt(i)) >>> 0;
  }
  return h;
}
