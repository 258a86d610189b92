import type { Atom, CharSet } from './regexShape';
import { parseRegex } from './regexShape';

/**
 * How many token characters (`[A-Za-z0-9_-]`) in a row every match of a pattern consumes at least: a
 * token's body (`[A-Za-z0-9]{24}`), with the literals and classes of token characters around it. The
 * anchored matcher skips an attempt when no run of the text that long lies within the match's reach
 * (see `tokenRuns`): in code, `token` is frequent and runs of 16 are rare, so a rule whose value is a
 * long token no longer pays a regex call at each `token`.
 *
 * Only consumed characters count: a lookaround or an assertion (zero-width) neither adds to a run nor
 * breaks it. An optional part made of token characters leaves the run whole either way; any part that
 * may consume another character breaks it, and a group does too unless all it consumes are token
 * characters (then it adds its shortest length). A back-reference reads as anything, which breaks.
 * With the `u` and `i` flags together, case folding reaches past ASCII (`K` is U+212A): 0 then.
 */
export function requiredRun(pattern: RegExp): number {
  if (/\\[pPc]/.test(pattern.source) || (pattern.flags.includes('u') && pattern.flags.includes('i'))) {
    return 0;
  }
  if (pattern.flags.includes('v')) {
    return 0;
  }
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]?');
  const shape = parseRegex(new RegExp(source, pattern.flags));
  return Math.min(...shape.alternatives.map(ofSequence));
}

/** `[A-Za-z0-9_-]` by ASCII code (1 = yes). */
const TOKEN = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(c)) ? 1 : 0));

/** Whether every character of `set` is a token character. */
function onlyToken(set: CharSet | undefined): boolean {
  return set !== undefined && !set.other && set.bits.every((bit, c) => bit === 0 || TOKEN[c] === 1);
}

/** The longest run of token characters every match of `seq` consumes. */
function ofSequence(seq: readonly Atom[]): number {
  let best = 0;
  let run = 0;
  for (const atom of seq) {
    if (atom.first === undefined || atom.max === 0) {
      continue;
    }
    if (onlyToken(atom.all)) {
      run += shortest(atom);
      continue;
    }
    best = Math.max(best, run);
    run = 0;
    if (atom.alternatives !== undefined && atom.min >= 1) {
      best = Math.max(best, Math.min(...atom.alternatives.map(ofSequence)));
    }
  }
  return Math.max(best, run);
}

/** The fewest characters `atom` consumes. */
function shortest(atom: Atom): number {
  if (atom.first === undefined) {
    return 0;
  }
  if (atom.alternatives === undefined) {
    return atom.min;
  }
  const inner = Math.min(...atom.alternatives.map((seq) => seq.reduce((n, a) => n + shortest(a), 0)));
  return atom.min * inner;
}
