/**
 * Whether a text holds a character past ASCII, asked by each detector that reads names, words or headers
 * in other scripts (foreignNames.ts, statedPasswords.ts, tableColumns.ts): answered once per text, as the
 * redact tier runs its detectors on one text in turn. A text of code is all ASCII, and each detector's own
 * test read the whole of it (about 30 µs for 100 KB).
 */
let last: { text: string; wide: boolean } | undefined;

export function hasWide(text: string): boolean {
  if (last === undefined || last.text !== text) {
    last = { text, wide: WIDE.test(text) };
  }
  return last.wide;
}

const WIDE = /[\u0080-\uffff]/;
