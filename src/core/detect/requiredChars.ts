import type { Atom, CharSet } from './regexShape';
import { parseRegex } from './regexShape';

/**
 * Characters every match of a pattern must contain: for each entry, a match holds at least one of its
 * (one or two) characters. `url-password` needs an `@`, which most windows opened by its `://` keyword
 * lack; the engine then skips the window on a native `indexOf` instead of running the pattern over it.
 *
 * Only what the match consumes counts (lookarounds read but do not consume), only atoms that must occur
 * (`min >= 1`), and a group counts for what all of its alternatives require. A back-reference is read
 * as anything: the parser would take `\k<name>` for the literal characters `k<name>`.
 */
export function requiredChars(pattern: RegExp): string[] {
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]?');
  const shape = parseRegex(new RegExp(source, pattern.flags));
  return [...common(shape.alternatives.map(ofSequence)).keys()];
}

function ofSequence(seq: readonly Atom[]): Map<string, true> {
  const out = new Map<string, true>();
  for (const atom of seq) {
    ofAtom(atom).forEach((_, chars) => out.set(chars, true));
  }
  return out;
}

function ofAtom(atom: Atom): Map<string, true> {
  if (atom.first === undefined || atom.min < 1) {
    return new Map();
  }
  if (atom.alternatives) {
    return common(atom.alternatives.map(ofSequence));
  }
  const chars = charsOf(atom.first);
  return chars === undefined ? new Map<string, true>() : new Map<string, true>([[chars, true]]);
}

/** The one or two characters of `set`, or undefined when it holds more (or non-ASCII ones). */
function charsOf(set: CharSet): string | undefined {
  if (set.other) {
    return undefined;
  }
  let chars = '';
  for (let c = 0; c < set.bits.length; c++) {
    if (set.bits[c] === 1) {
      chars += String.fromCharCode(c);
      if (chars.length > 2) {
        return undefined;
      }
    }
  }
  return chars.length > 0 ? chars : undefined;
}

function common(maps: readonly Map<string, true>[]): Map<string, true> {
  const [first, ...rest] = maps;
  const out = new Map<string, true>();
  first?.forEach((_, chars) => {
    if (rest.every((m) => m.has(chars))) {
      out.set(chars, true);
    }
  });
  return out;
}

/** Whether `slice` holds, for each entry of `required`, one of its characters. */
export function holdsRequired(slice: string, required: readonly string[]): boolean {
  for (const chars of required) {
    if (slice.indexOf(chars[0]!) === -1 && (chars.length < 2 || slice.indexOf(chars[1]!) === -1)) {
      return false;
    }
  }
  return true;
}
