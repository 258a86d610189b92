/**
 * A parser for the subset of JavaScript regex syntax rule patterns use, reducing a pattern to
 * sequences of atoms: what each can start with, what it can contain, how often it repeats and how long
 * its match can be. patternSafety reads these shapes; nothing here runs a regex.
 */

/** ASCII characters as a 128-bit set; `other` stands for every non-ASCII character. */
export interface CharSet {
  readonly bits: Uint8Array;
  readonly other: boolean;
}

/** One element of a pattern: a character, a class, a group (with its alternatives) or an assertion, with its repetition. */
export interface Atom {
  /** Characters the atom can start with (undefined for zero-width assertions). */
  readonly first: CharSet | undefined;
  /** Characters anywhere in the atom. */
  readonly all: CharSet | undefined;
  readonly min: number;
  readonly max: number;
  /** Longest text the atom can match, repetitions included (Infinity when unbounded). */
  readonly width: number;
  /** For groups: their alternatives. */
  readonly alternatives?: Atom[][];
  /** Whether any repetition (max > 1) sits inside this group. */
  readonly innerRepeat: boolean;
  readonly innerUnbounded: boolean;
  /** For lookarounds: which kind, and the alternatives they test (also listed in `lookarounds`). */
  readonly look?: Lookaround;
}

/** A lookaround assertion: `(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`. */
export interface Lookaround {
  readonly ahead: boolean;
  readonly negative: boolean;
  readonly alternatives: Atom[][];
}

/** A parsed pattern: its top-level alternatives, and the sequences inside lookarounds (zero-width). */
export interface RegexShape {
  readonly alternatives: Atom[][];
  readonly lookarounds: Atom[][];
}

/** Longest text a sequence of atoms can match. */
export function sequenceWidth(seq: readonly Atom[]): number {
  return seq.reduce((sum, atom) => sum + atom.width, 0);
}

/**
 * Characters a match of `pattern` can start with; undefined when it may start with anything (a
 * leading part that can be empty, a negated class). Zero-width assertions are skipped.
 */
export function startChars(pattern: RegExp): CharSet | undefined {
  const starts = parseRegex(pattern).alternatives.map(sequenceStart);
  return starts.some((s) => s.canBeEmpty) ? undefined : union(starts.map((s) => s.set));
}

/** The characters a sequence can start with, and whether it can match the empty string. */
function sequenceStart(seq: readonly Atom[]): { set: CharSet | undefined; canBeEmpty: boolean } {
  const sets: (CharSet | undefined)[] = [];
  for (const atom of seq) {
    if (atom.first === undefined) {
      continue;
    }
    const inner = atom.alternatives
      ? atom.alternatives.map(sequenceStart)
      : [{ set: atom.first, canBeEmpty: false }];
    sets.push(...inner.map((s) => s.set));
    if (atom.min > 0 && !inner.some((s) => s.canBeEmpty)) {
      return { set: union(sets), canBeEmpty: false };
    }
  }
  return { set: union(sets), canBeEmpty: true };
}

/**
 * The last pattern parsed. Compiling a rule reads its shape four ways in a row (longest match, start
 * characters, required characters, keyword head); keeping the last parse makes that one parse, which was
 * a tenth of a whole `scan` process's CPU. Shapes are never changed after parsing, so sharing one is safe.
 */
let lastParse: { source: string; ignoreCase: boolean; dotAll: boolean; shape: RegexShape } | undefined;

/** Parses `pattern` into atoms. */
export function parseRegex(pattern: RegExp): RegexShape {
  const ignoreCase = pattern.flags.includes('i');
  const dotAll = pattern.flags.includes('s');
  const last = lastParse;
  if (last && last.source === pattern.source && last.ignoreCase === ignoreCase && last.dotAll === dotAll) {
    return last.shape;
  }
  const parser = new Parser(pattern.source, ignoreCase, dotAll);
  const alternatives = parser.alternatives();
  const shape = { alternatives, lookarounds: parser.lookarounds };
  lastParse = { source: pattern.source, ignoreCase, dotAll, shape };
  return shape;
}

function emptySet(): { bits: Uint8Array; other: boolean } {
  return { bits: new Uint8Array(128), other: false };
}

/** Characters in any of `sets`; undefined when none is given. */
export function union(sets: readonly (CharSet | undefined)[]): CharSet | undefined {
  const out = emptySet();
  let any = false;
  for (const s of sets) {
    if (s) {
      any = true;
      s.bits.forEach((b, i) => (out.bits[i] = out.bits[i]! | b));
      out.other ||= s.other;
    }
  }
  return any ? out : undefined;
}

/** How many characters `s` holds (a non-ASCII part counts as a thousand: broad). */
export function size(s: CharSet): number {
  return s.bits.reduce((n, b) => n + b, 0) + (s.other ? 1000 : 0);
}

/** Whether `a` and `b` share a character. */
export function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.bits.some((bit, i) => bit === 1 && b.bits[i] === 1);
}

/** The one ASCII character of `set`, or -1 when it holds none or several. */
export function onlyChar(set: CharSet): number {
  if (set.other) {
    return -1;
  }
  let found = -1;
  for (let c = 0; c < set.bits.length; c++) {
    if (set.bits[c] === 1) {
      if (found !== -1) {
        return -1;
      }
      found = c;
    }
  }
  return found;
}

function setOf(chars: string, ignoreCase: boolean): CharSet {
  const s = emptySet();
  for (const ch of chars) {
    addChar(s, ch.charCodeAt(0), ignoreCase);
  }
  return s;
}

function addChar(s: { bits: Uint8Array; other: boolean }, code: number, ignoreCase: boolean): void {
  if (code >= 128) {
    s.other = true;
    return;
  }
  s.bits[code] = 1;
  if (ignoreCase) {
    const ch = String.fromCharCode(code);
    s.bits[ch.toLowerCase().charCodeAt(0)] = 1;
    s.bits[ch.toUpperCase().charCodeAt(0)] = 1;
  }
}

function negate(s: CharSet): CharSet {
  return { bits: s.bits.map((b) => 1 - b), other: !s.other };
}

const DIGITS = '0123456789';
const WORD = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_`;
const SPACE = ' \t\n\r\v\f';
const ANY_BUT_NEWLINE = negate(setOf('\n\r', false));
const ANY = negate(emptySet());

/** Recursive-descent parser over the subset of JS regex syntax rule patterns use. */
class Parser {
  private i = 0;
  /** Sequences inside lookarounds, checked like the rest but zero-width in the sequence around them. */
  readonly lookarounds: Atom[][] = [];

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
    private readonly dotAll: boolean,
  ) {}

  alternatives(): Atom[][] {
    const alts: Atom[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Atom[] {
    const seq: Atom[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      seq.push(this.quantified(this.atom()));
    }
    return seq;
  }

  private atom(): Atom {
    const ch = this.src[this.i++]!;
    if (ch === '(') {
      return this.group();
    }
    if (ch === '[') {
      return single(this.charClass());
    }
    if (ch === '.') {
      return single(this.dotAll ? ANY : ANY_BUT_NEWLINE);
    }
    if (ch === '^' || ch === '$') {
      return assertion();
    }
    if (ch === '\\') {
      const set = this.escape(false);
      return set ? single(set) : assertion();
    }
    return single(setOf(ch, this.ignoreCase));
  }

  private group(): Atom {
    let lookaround = false;
    let head = '';
    if (this.src[this.i] === '?') {
      head = this.src.slice(this.i, this.i + 3);
      lookaround = /^\?(?:=|!|<=|<!)/.test(head);
      const close =
        this.src[this.i + 1] === '<' && !/[=!]/.test(this.src[this.i + 2]!)
          ? this.src.indexOf('>', this.i)
          : -1;
      this.i = close !== -1 ? close + 1 : this.i + (head.startsWith('?<') ? 3 : 2);
    }
    const alternatives = this.alternatives();
    this.i++; // ')'
    if (lookaround) {
      this.lookarounds.push(...alternatives);
      const ahead = head[1] !== '<';
      return { ...assertion(), look: { ahead, negative: head[ahead ? 1 : 2] === '!', alternatives } };
    }
    const atoms = alternatives.flat();
    const firstOf = (seq: Atom[]): CharSet | undefined => seq.find((a) => a.first !== undefined)?.first;
    return {
      first: union(alternatives.map(firstOf)),
      all: union(atoms.map((a) => a.all)),
      min: 1,
      max: 1,
      width: Math.max(...alternatives.map(sequenceWidth)),
      alternatives,
      innerRepeat: atoms.some((a) => a.max > 1 || a.innerRepeat),
      innerUnbounded: atoms.some((a) => a.max === Infinity || a.innerUnbounded),
    };
  }

  private charClass(): CharSet {
    const negated = this.src[this.i] === '^';
    if (negated) {
      this.i++;
    }
    const s = emptySet();
    let prev: number | undefined;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const ch = this.src[this.i++]!;
      if (ch === '-' && prev !== undefined && this.src[this.i] !== ']') {
        const end =
          this.src[this.i] === '\\' ? (this.i++, this.escapedCode()) : this.src.charCodeAt(this.i++);
        for (let c = prev; c <= end; c++) {
          addChar(s, c, this.ignoreCase);
        }
        prev = undefined;
        continue;
      }
      if (ch === '\\') {
        const set = this.escape(true);
        if (set) {
          set.bits.forEach((b, k) => (s.bits[k] = s.bits[k]! | b));
          s.other ||= set.other;
          prev = set.bits.reduce((n, b) => n + b, 0) === 1 ? set.bits.indexOf(1) : undefined;
        }
        continue;
      }
      prev = ch.charCodeAt(0);
      addChar(s, prev, this.ignoreCase);
    }
    this.i++; // ']'
    return negated ? negate(s) : s;
  }

  /** An escape after `\`: its character set, or undefined for a zero-width one (`\b`, `\B`). */
  private escape(inClass: boolean): CharSet | undefined {
    const ch = this.src[this.i++]!;
    switch (ch) {
      case 'd':
        return setOf(DIGITS, false);
      case 'D':
        return negate(setOf(DIGITS, false));
      case 'w':
        return setOf(WORD, false);
      case 'W':
        return negate(setOf(WORD, false));
      case 's':
        return setOf(SPACE, false);
      case 'S':
        return negate(setOf(SPACE, false));
      case 'b':
        return inClass ? setOf('\b', false) : undefined;
      case 'B':
        return undefined;
      default:
        if (/[1-9]/.test(ch) && !inClass) {
          return ANY; // a back-reference can repeat anything
        }
        this.i--;
        return setOf(String.fromCharCode(this.escapedCode()), this.ignoreCase);
    }
  }

  /** The code of a single escaped character (`\n`, `\x41`, `\u0041`, `\.`), consuming it. */
  private escapedCode(): number {
    const ch = this.src[this.i++]!;
    const named: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
    if (ch === 'x') {
      this.i += 2;
      return parseInt(this.src.slice(this.i - 2, this.i), 16);
    }
    if (ch === 'u') {
      this.i += 4;
      return parseInt(this.src.slice(this.i - 4, this.i), 16);
    }
    return named[ch] ?? ch.charCodeAt(0);
  }

  private quantified(atom: Atom): Atom {
    const rest = this.src.slice(this.i);
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (!m || atom.first === undefined) {
      return atom;
    }
    this.i += m[0].length;
    const [min, max] =
      m[1] === '*'
        ? [0, Infinity]
        : m[1] === '+'
          ? [1, Infinity]
          : m[1] === '?'
            ? [0, 1]
            : [Number(m[2]), m[3] === undefined ? Number(m[2]) : m[4] === '' ? Infinity : Number(m[4])];
    return { ...atom, min: atom.min * min, max: atom.max * max, width: max === 0 ? 0 : atom.width * max };
  }
}

function single(set: CharSet): Atom {
  return { first: set, all: set, min: 1, max: 1, width: 1, innerRepeat: false, innerUnbounded: false };
}

function assertion(): Atom {
  return {
    first: undefined,
    all: undefined,
    min: 0,
    max: 0,
    width: 0,
    innerRepeat: false,
    innerUnbounded: false,
  };
}
