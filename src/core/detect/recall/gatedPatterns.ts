import { isPlaceholderValue } from './literalValue';
import type { RecallSpan } from './recallSpan';
import { type WordSet, wordPlaces } from './wordIndex';

/**
 * Patterns run only over the lines around a trigger word (the shared word search of wordIndex.ts finds the
 * words of every detector in one pass), for the forms the leak hunts of 2026-12-06 left: each form leads
 * with a word of its own (`orElse`, `weboptions`, `NoEcho`, `hex!(`), so code that names none of them pays
 * for one look-up. Each pattern names the values it hides with groups whose names start with `v` (`v`, `va`,
 * `v2`): a pattern may hold several, of which a match sets one or more.
 */
export interface GatedPattern {
  readonly re: RegExp;
  /** The placeholder kind; `password` unless told. */
  readonly kind?: string;
  /** A further test of the value (a shape, a name elsewhere in the match); all values pass unless told. */
  readonly keep?: (value: string, match: RegExpExecArray) => boolean;
}

/** The lines read around a trigger word's line: how many before it and after it. */
export interface Around {
  readonly before: number;
  readonly after: number;
}

/** Patterns and the words whose lines they are run over: a detector keeps each form to its own words. */
export interface PatternGroup {
  readonly words: WordSet;
  readonly patterns: readonly GatedPattern[];
  readonly around?: Around;
}

/** Runs each group's patterns over the lines around its words. */
export function runGroups(text: string, groups: readonly PatternGroup[], out: RecallSpan[]): void {
  for (const g of groups) {
    runGated(text, g.words, g.patterns, out, g.around);
  }
}

/** Runs `patterns` over the runs of lines around the lines that hold a word of `words`. */
export function runGated(
  text: string,
  words: WordSet,
  patterns: readonly GatedPattern[],
  out: RecallSpan[],
  around: Around = { before: 0, after: 2 },
): void {
  for (const [from, to] of runsAround(text, words, around)) {
    const slice = text.slice(from, to);
    for (const p of patterns) {
      const re = p.re;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
        if (m[0].length === 0) {
          re.lastIndex++;
        }
        for (const group of Object.keys(m.groups ?? {})) {
          const value = m.groups![group];
          const place = m.indices?.groups?.[group];
          if (!group.startsWith('v') || value === undefined || place === undefined || !isValue(value)) {
            continue;
          }
          if (p.keep === undefined || p.keep(value, m)) {
            out.push({ start: from + place[0], end: from + place[1], kind: p.kind ?? 'password' });
          }
        }
      }
    }
  }
}

/**
 * Not a value: too short, a variable or template (`$PW`, `${X}`, `%PW%`, `{{ x }}`), a tag (`!vault`), a
 * boolean or a number.
 */
function isValue(value: string): boolean {
  return (
    value.length >= 4 &&
    !/^(?:true|false|yes|no|null|nil|none|\d+)$/i.test(value) &&
    !/^(?:\$\{?[\w.]+\}?|%\w+%|\$\(.*\)|\{\{.*|![A-Za-z]+|<[^>]*>)$/.test(value) &&
    !isPlaceholderValue(value)
  );
}

/** Whole lines (start, end) around each line that holds a word of `words`, merged where they touch. */
function runsAround(text: string, words: WordSet, around: Around): [number, number][] {
  const runs: [number, number][] = [];
  let resume = 0;
  for (const at of wordPlaces(text, words)) {
    if (at < resume) {
      continue;
    }
    let from = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    for (let i = 0; i < around.before && from > 0; i++) {
      from = text.lastIndexOf('\n', from - 2) + 1;
    }
    const nl = text.indexOf('\n', at);
    let end = nl === -1 ? text.length : nl;
    for (let i = 0; i < around.after && end < text.length; i++) {
      const next = text.indexOf('\n', end + 1);
      end = next === -1 ? text.length : next;
    }
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] >= from - 1) {
      last[1] = Math.max(last[1], end);
    } else {
      runs.push([from, end]);
    }
    resume = nl === -1 ? text.length : nl + 1;
  }
  return runs;
}

/**
 * A password's shape, for values that no credential name marks (a row of a users table, a value in prose):
 * 8 to 128 characters without blanks, three of lower case, upper case, digits and marks, and not an address,
 * a path, a date or a number.
 */
export function passwordShaped(value: string): boolean {
  if (
    value.length < 8 ||
    value.length > 128 ||
    /\s/.test(value) ||
    /^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(value)
  ) {
    return false;
  }
  if (
    /^(?:https?:|\/|\.\/|~\/)|^[\d:./ -]+$|^[\w-]+\.(?:com|org|net|io|json|yaml|yml|txt|xml)$/.test(value)
  ) {
    return false;
  }
  const classes =
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/[0-9]/.test(value)) +
    Number(/[^A-Za-z0-9]/.test(value));
  return classes >= 3;
}
