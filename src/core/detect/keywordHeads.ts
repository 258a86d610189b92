import type { Atom, CharSet } from './regexShape';
import { parseRegex } from './regexShape';

/**
 * Whether every match of `pattern` starts with one of `keywords` (lower-case), compared ignoring ASCII
 * case. Such a rule need not be searched through windows: trying the pattern, sticky, at each keyword
 * hit finds the same matches, and a frequent keyword (`token`) no longer makes most of a file a window.
 *
 * It lists the texts a match can start with ("heads"), reading the pattern from its start: a character
 * or small class (up to `MAX_FOLD` characters once lower-cased) extends each head, an optional one
 * doubles them, an alternation branches, and a lookahead that opens the match supplies its heads. Any
 * other part (a wide class, a variable repetition) ends a head there, which only makes it shorter: a
 * head shorter than every keyword it could begin is a "no". Too many heads, a non-ASCII character or
 * the `u` flag with `i` (whose case folding reaches past ASCII) give "no" as well.
 */
export function startsAtKeyword(pattern: RegExp, keywords: readonly string[]): boolean {
  if (keywords.length === 0 || (pattern.flags.includes('u') && pattern.flags.includes('i'))) {
    return false;
  }
  // A back-reference reads as anything (the parser would take `\k<name>` for the letters `k<name>`).
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]');
  const shape = parseRegex(new RegExp(source, pattern.flags));
  const done = (text: string): boolean => keywords.some((k) => text.startsWith(k));
  const heads = ofAlternatives(shape.alternatives, [{ text: '', open: true }], done);
  return heads !== undefined && heads.every((h) => done(h.text));
}

/** Heads past this many are not listed: the pattern's start is too broad to anchor on. */
const MAX_HEADS = 512;
/** A class of more characters than this (lower-cased) ends a head. */
const MAX_FOLD = 16;
/** A repetition's first this many copies extend heads; the rest end them. */
const MAX_COPIES = 8;

/** A text every match (through this point) may start with; `open` while the pattern still fixes its next characters. */
interface Head {
  readonly text: string;
  readonly open: boolean;
}

type Done = (text: string) => boolean;

function ofAlternatives(
  alternatives: readonly Atom[][],
  from: readonly Head[],
  done: Done,
): Head[] | undefined {
  const out: Head[] = [];
  for (const seq of alternatives) {
    const heads = ofSequence(seq, from, done);
    if (heads === undefined || out.push(...heads) > MAX_HEADS) {
      return undefined;
    }
  }
  return out;
}

function ofSequence(seq: readonly Atom[], from: readonly Head[], done: Done): Head[] | undefined {
  let heads: Head[] | undefined = from.map(settle(done));
  for (const atom of seq) {
    if (!heads.some((h) => h.open)) {
      break;
    }
    heads = ofAtom(atom, heads, done);
    if (heads === undefined || heads.length > MAX_HEADS) {
      return undefined;
    }
  }
  return heads;
}

function ofAtom(atom: Atom, heads: readonly Head[], done: Done): Head[] | undefined {
  if (atom.first === undefined) {
    const look = atom.look;
    if (look === undefined || !look.ahead || look.negative) {
      return [...heads];
    }
    // A lookahead before anything is consumed says what the match starts with; its heads are final.
    const opening = ofAlternatives(look.alternatives, [{ text: '', open: true }], done);
    if (opening === undefined) {
      return undefined;
    }
    return heads.flatMap((h) => (h.open && h.text === '' ? opening.map(close) : [h]));
  }
  if (atom.max === 0) {
    return [...heads];
  }
  // Extends the open heads by one copy of the atom; closed ones pass through as they are.
  const once = (from: readonly Head[]): Head[] | undefined => {
    const open = from.filter((h) => h.open);
    const kept = from.filter((h) => !h.open);
    if (atom.alternatives) {
      const grown = ofAlternatives(atom.alternatives, open, done);
      return grown === undefined ? undefined : [...kept, ...grown];
    }
    const chars = folded(atom.first!);
    if (chars === undefined) {
      return [...kept, ...open.map(close)];
    }
    if (open.length * chars.length > MAX_HEADS) {
      return undefined;
    }
    return [
      ...kept,
      ...open.flatMap((h) => chars.map((c) => settle(done)({ text: h.text + c, open: true }))),
    ];
  };
  let out: Head[] | undefined = heads.filter((h) => h.open);
  const closed = heads.filter((h) => !h.open);
  if (atom.min === 0) {
    if (atom.max > 1) {
      return heads.map(close);
    }
    const taken = once(out);
    return taken === undefined || taken.length > MAX_HEADS ? undefined : [...closed, ...out, ...taken];
  }
  for (let k = 0; k < Math.min(atom.min, MAX_COPIES); k++) {
    out = once(out);
    if (out === undefined || out.length > MAX_HEADS) {
      return undefined;
    }
  }
  return [...closed, ...(atom.max > atom.min || atom.min > MAX_COPIES ? out.map(close) : out)];
}

function close(h: Head): Head {
  return h.open ? { text: h.text, open: false } : h;
}

/** Ends a head that already begins with a keyword: nothing after it matters. */
function settle(done: Done): (h: Head) => Head {
  return (h) => (h.open && done(h.text) ? close(h) : h);
}

/** The distinct characters of `set`, ASCII letters lower-cased; undefined when too many or not ASCII. */
function folded(set: CharSet): string[] | undefined {
  if (set.other) {
    return undefined;
  }
  const out = new Set<string>();
  for (let c = 0; c < set.bits.length; c++) {
    if (set.bits[c] === 1) {
      out.add(String.fromCharCode(c).toLowerCase());
      if (out.size > MAX_FOLD) {
        return undefined;
      }
    }
  }
  return [...out];
}
