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
