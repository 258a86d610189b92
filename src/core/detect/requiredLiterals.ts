import type { Atom } from './regexShape';
import { onlyChar, parseRegex } from './regexShape';

/**
 * Texts of three characters or more that the text a match is found in must hold: those it consumes, one
 * exact character after another, and those a positive lookahead reads. A window of the text lacking one
 * cannot hold a match, and a native `indexOf` says so far faster than the pattern: `kubernetes-secret`
 * opens a window of up to 160 KB at every `data:` or `secret`, and needs `kind:` and `Secret` in it.
 * Like `requiredChars`, a group counts for what all its alternatives require, optional and repeated-zero
 * parts for nothing, and a back-reference reads as anything. At most `MOST` are kept, the longest first.
 */
export function requiredLiterals(pattern: RegExp): string[] {
  // The parser reads `\p{…}` and `\cX` as letters: no literal is read where it could have met them.
  if (/\\[pPc]/.test(pattern.source)) {
    return [];
  }
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]?');
  const shape = parseRegex(new RegExp(source, pattern.flags));
  return [...common(shape.alternatives.map(ofSequence))].sort((a, b) => b.length - a.length).slice(0, MOST);
}

/** Literals shorter than this are left to `requiredChars`. */
const SHORTEST = 3;
const MOST = 4;

/** Whether `slice` holds every one of `literals`. */
export function holdsLiterals(slice: string, literals: readonly string[]): boolean {
  for (const literal of literals) {
    if (!slice.includes(literal)) {
      return false;
    }
  }
  return true;
}

function ofSequence(seq: readonly Atom[]): Set<string> {
  const out = new Set<string>();
  walkRuns(
    seq,
    SHORTEST,
    false,
    (run) => out.add(run),
    (inner) => common(inner?.map(ofSequence) ?? []).forEach((literal) => out.add(literal)),
  );
  return out;
}

/**
 * Walks `seq` in order: `onRun` gets each run of exact characters of `shortest` or more, `onGroup` each other
 * atom's alternatives that every match reads (a group repeated at least once, a positive lookahead, and with
 * `behind` a positive lookbehind too), or undefined where it reads none for sure.
 */
function walkRuns(
  seq: readonly Atom[],
  shortest: number,
  behind: boolean,
  onRun: (run: string) => void,
  onGroup: (inner: readonly Atom[][] | undefined) => void,
): void {
  let run = '';
  const flush = (): void => {
    if (run.length >= shortest) {
      onRun(run);
    }
    run = '';
  };
  for (const atom of seq) {
    const c = atom.first !== undefined && atom.alternatives === undefined ? onlyChar(atom.first) : -1;
    if (c !== -1 && atom.min === 1 && atom.max === 1) {
      run += String.fromCharCode(c);
      continue;
    }
    flush();
    const look = atom.look;
    onGroup(
      look !== undefined
        ? !look.negative && (look.ahead || behind)
          ? look.alternatives
          : undefined
        : atom.alternatives !== undefined && atom.min >= 1
          ? atom.alternatives
          : undefined,
    );
  }
  flush();
}

/**
 * The texts that every one of `sets` holds, whole or inside a longer text (`kind:` of `kind:x`), without
 * those inside another one kept; none when there are no sets.
 */
function common(sets: readonly Set<string>[]): Set<string> {
  const within = (literal: string, set: Set<string>): boolean => [...set].some((t) => t.includes(literal));
  const all = [...new Set(sets.flatMap((set) => [...set]))];
  const kept = all.filter((literal) => sets.every((set) => within(literal, set)));
  return new Set(kept.filter((literal) => !kept.some((t) => t !== literal && t.includes(literal))));
}

/**
 * Texts of which every match of `pattern` holds at least one (`btoa`, `b64encode`, … for a call-name
 * alternation), in the pattern's case; undefined when no such list is read (a part that may be anything).
 * With flag `i` a match holds one in some ASCII case: without flag `u`, a letter matches only its ASCII
 * cases (a non-ASCII literal gives no list). A match's text, and what its lookarounds read, lies in the
 * string searched: a string that holds none of them holds no match.
 */
export function oneOfLiterals(pattern: RegExp): string[] | undefined {
  if (/\\[pPc]/.test(pattern.source) || /[uv]/.test(pattern.flags)) {
    return undefined;
  }
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]?');
  // Read with letters exact: under flag `i` each letter is a set of two, which no run holds.
  const shape = parseRegex(new RegExp(source, pattern.flags.replace('i', '')));
  const sets = shape.alternatives.map(oneOfSequence);
  if (sets.some((s) => s === undefined)) {
    return undefined;
  }
  const all = [...new Set(sets.flatMap((s) => s ?? []))];
  if (pattern.flags.includes('i') && all.some((literal) => /[^\x20-\x7e]/.test(literal))) {
    return undefined;
  }
  // One inside another (`encode` in `encodeToString`): the shorter is found wherever the longer is.
  return all.filter((literal) => !all.some((t) => t !== literal && literal.includes(t)));
}

/** The shortest literal `oneOfLiterals` lists: two characters (`-H`) are still far rarer than a word start. */
const SHORTEST_OF_ONE = 2;

/**
 * The fewest texts of which every match of `seq` holds one: a run of exact characters, or a group (or
 * positive lookaround) each of whose alternatives gives such texts; undefined when none does.
 */
function oneOfSequence(seq: readonly Atom[]): string[] | undefined {
  const options: string[][] = [];
  walkRuns(
    seq,
    SHORTEST_OF_ONE,
    true,
    (run) => options.push([run]),
    (inner) => {
      const sets = inner?.map(oneOfSequence);
      if (sets !== undefined && sets.length > 0 && sets.every((s) => s !== undefined)) {
        options.push([...new Set(sets.flatMap((s) => s ?? []))]);
      }
    },
  );
  // Fewest texts to look for; of as many, the longest shortest one (rarer in a text).
  const shortest = (o: string[]): number => Math.min(...o.map((l) => l.length));
  options.sort((a, b) => a.length - b.length || shortest(b) - shortest(a));
  return options[0];
}
