/**
 * A static check of rule patterns for the shapes that make a backtracking regex engine super-linear
 * (ReDoS). The engine bounds every window, but a pattern that backtracks badly inside a large window
 * would still be quadratic there; this finds such patterns before they ship.
 *
 * It parses the pattern into sequences of atoms and reports:
 * - nested repetition: a repeated group that holds an unbounded repetition, or an unbounded group that
 *   holds any repetition (`(a+)+`, `(\w+\.){1,9}`, `(\w{2,8})*`);
 * - an unbounded group whose alternatives can start with the same character (`(a|ab)*`);
 * - two unbounded repetitions in a row over overlapping characters (`\w+\d+`, `.*=.*` after a `=?`);
 * - an unbounded repetition over a broad class (`.*`, `\S+`, `[^"]*`, `[A-Za-z0-9]+`): the rule contract
 *   asks for bounded bodies (`{20,64}`), and an unbounded broad run can scan a whole window per attempt.
 */

import type { Atom } from './regexShape';
import { overlaps, parseRegex, sequenceWidth, size } from './regexShape';

/** Classes wider than this are "broad": an unbounded run of them is reported. */
const BROAD = 12;

/** Problems found in `pattern`, as short sentences; empty when it looks linear. */
export function patternProblems(pattern: RegExp): string[] {
  const problems: string[] = [];
  const shape = parseRegex(pattern);
  for (const seq of [...shape.alternatives, ...shape.lookarounds]) {
    checkSequence(seq, problems);
  }
  return [...new Set(problems)];
}

/** Longest text `pattern` can match (Infinity when a repetition is unbounded): what a rule's `maxLength` must cover. */
export function patternMaxLength(pattern: RegExp): number {
  return Math.max(...parseRegex(pattern).alternatives.map(sequenceWidth));
}

function checkSequence(seq: readonly Atom[], problems: string[]): void {
  let lastUnbounded: Atom | undefined;
  for (const atom of seq) {
    if (atom.alternatives) {
      atom.alternatives.forEach((alt) => checkSequence(alt, problems));
      if (atom.max > 1 && atom.innerUnbounded) {
        problems.push('nested repetition: a repeated group holds an unbounded repetition');
      }
      if (atom.max === Infinity && atom.innerRepeat) {
        problems.push('nested repetition: an unbounded group holds a repetition');
      }
      if (atom.max === Infinity && alternativesOverlap(atom.alternatives)) {
        problems.push('an unbounded group has alternatives that start alike');
      }
    }
    if (atom.first === undefined) {
      continue; // assertions are zero-width and keep the previous run adjacent
    }
    if (atom.max === Infinity) {
      if (atom.all && size(atom.all) > BROAD) {
        problems.push('unbounded repetition over a broad class: bound it, e.g. {1,64}');
      }
      if (lastUnbounded?.all && atom.all && overlaps(lastUnbounded.all, atom.all)) {
        problems.push('two adjacent unbounded repetitions over overlapping characters');
      }
      lastUnbounded = atom;
    } else if (atom.min > 0) {
      lastUnbounded = undefined;
    }
  }
}

function alternativesOverlap(alts: readonly Atom[][]): boolean {
  const firsts = alts.map((seq) => seq.find((a) => a.first !== undefined)?.first);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      const a = firsts[i];
      const b = firsts[j];
      if (a && b && overlaps(a, b)) {
        return true;
      }
    }
  }
  return false;
}
