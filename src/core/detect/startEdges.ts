import type { CharSet, RegexShape } from './regexShape';
import { onlyChar } from './regexShape';

/**
 * What a pattern says about where its matches start, for the anchored matcher (see `anchoredMatch.ts`),
 * which tries a rule's pattern at each occurrence of its keyword. In a file of one keyword repeated
 * (`sk-sk-sk-…`) each attempt failed on the first thing the pattern checks, a lookbehind, yet cost a
 * regex call; and a keyword compared ignoring case (`sk`) made every `sk` an attempt for a pattern that
 * starts `SK`. Both facts are read here once per pattern, and each is exact: an attempt skipped on them
 * is one the pattern would have failed.
 */
export interface StartEdges {
  /**
   * ASCII characters (1 = yes) that cannot come right before a match: the class of a leading `(?<![…])`
   * of one character, or the word characters for a leading `\b` whose match starts with one. Undefined
   * when the pattern says nothing of the kind. A non-ASCII character before a match is never judged.
   */
  readonly notAfter: Uint8Array | undefined;
  /**
   * Text every match starts with, case and all, when it is two characters or more and begins with one of
   * the keywords (lower-cased): a search of the text for it visits no more places than the keyword's.
   */
  readonly head: string | undefined;
}

/** A regex for the head of `edges` not preceded by one of its `notAfter` characters, when it has both. */
export function startGate({ head, notAfter }: StartEdges): RegExp | undefined {
  if (head === undefined || notAfter === undefined) {
    return undefined;
  }
  const hex = (c: number): string => `\\x${c.toString(16).padStart(2, '0')}`;
  const rejected = [...notAfter.keys()].filter((c) => notAfter[c] === 1).map(hex);
  return new RegExp(`(?<![${rejected.join('')}])${[...head].map((c) => hex(c.charCodeAt(0))).join('')}`, 'g');
}

const WORD = /[A-Za-z0-9_]/;

/**
 * Reads `pattern`'s start edges. `shape` is its parse (back-references read as anything), `keywords` its
 * lower-case keywords and `starts` the characters a match can start with (undefined: almost any).
 */
export function startEdges(
  pattern: RegExp,
  shape: RegexShape,
  keywords: readonly string[],
  starts: CharSet | undefined,
): StartEdges {
  const flags = pattern.flags.replace(/[^iu]/g, '');
  // A lookbehind or `\b` written first holds for the whole match only when nothing alternates with it;
  // with `u` and `i` together, case folding reaches past ASCII (`ſ` is a word character then).
  if (
    shape.alternatives.length !== 1 ||
    pattern.flags.includes('v') ||
    (flags.includes('i') && flags.includes('u'))
  ) {
    return { notAfter: undefined, head: undefined };
  }
  return {
    notAfter: notAfterOf(pattern.source, flags, starts),
    // The parser reads `\p{…}` and `\cX` as letters: a head is only read where it cannot have met them.
    head: /\\[pPc]/.test(pattern.source) ? undefined : headOf(shape, keywords),
  };
}

function notAfterOf(source: string, flags: string, starts: CharSet | undefined): Uint8Array | undefined {
  if (source.startsWith('(?<![')) {
    const end = classEnd(source, 5);
    if (end === -1 || source[end + 1] !== ')') {
      return undefined;
    }
    // The class is read by the regex engine itself, so every escape and range means what it means there.
    const cls = new RegExp(`^[${source.slice(5, end)}]$`, flags);
    return table((c) => cls.test(c));
  }
  if (source.startsWith('\\b') && starts !== undefined && !starts.other) {
    const startsWithWord = starts.bits.every((bit, c) => bit === 0 || WORD.test(String.fromCharCode(c)));
    return startsWithWord ? table((c) => WORD.test(c)) : undefined;
  }
  return undefined;
}

/** The index of the `]` that closes a class whose body starts at `from`, or -1. */
function classEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
    } else if (source[i] === ']') {
      return i;
    }
  }
  return -1;
}

function table(has: (c: string) => boolean): Uint8Array {
  const bits = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    bits[c] = has(String.fromCharCode(c)) ? 1 : 0;
  }
  return bits;
}

/** The characters the one sequence of `shape` consumes first, each one exact character, after any assertions. */
function headOf(shape: RegexShape, keywords: readonly string[]): string | undefined {
  let head = '';
  for (const atom of shape.alternatives[0]!) {
    if (atom.first === undefined) {
      if (head === '') {
        continue;
      }
      break;
    }
    const c = atom.alternatives === undefined && atom.min === 1 && atom.max === 1 ? onlyChar(atom.first) : -1;
    if (c === -1) {
      break;
    }
    head += String.fromCharCode(c);
  }
  const lower = head.toLowerCase();
  return head.length >= 2 && keywords.some((k) => lower.startsWith(k)) ? head : undefined;
}
