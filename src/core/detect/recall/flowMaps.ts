import { lineStart } from '../lineBounds';
import type { ValueSpan } from './literalValue';

// YAML's flow mappings (`db: {user: app, password: amber-wheel-42}`, Ansible's and Compose's one-line maps):
// the name and its bare value read as a JavaScript object's (`{user: app, password: pass}`), where a bare
// value is a variable and is left. Hunter G's YAML cases went out so (2026-12-07). A map is read as YAML
// when its `{` opens the value of a key that starts its line (`db: {`, `- creds: {`), and a value is taken as
// a literal unless the text uses it as a name elsewhere (`const pass = …`, `login(pass)`): a fragment of
// JavaScript whose variable is declared outside the selection then loses that name to a placeholder, which
// comes back in the answer.

/** A YAML key that starts its line (or a list item), its `:` and the flow map's `{`, up to `at`. */
const FLOW_OPEN = /^[ \t]*(?:-[ \t]+)?["']?[A-Za-z_][\w.-]{0,63}["']?:[ \t]*\{/;
/** How far into its line a flow map's name may stand. */
const MAP_REACH = 1024;
/** A bare flow value: no blank, quote or flow indicator, ended by `,` or `}`. */
const FLOW_VALUE = /[^\s,{}[\]"'`]{1,200}(?=[ \t]*[,}])/y;

/**
 * The bare value at `at` of the name at `nameAt` inside a YAML flow mapping, or undefined when the name is
 * not in one, the value is no bare word, or the text names something with it elsewhere.
 */
export function flowMapValue(text: string, nameAt: number, at: number): ValueSpan | undefined {
  // A one-line map is short: a name further than `MAP_REACH` from its line's start is read as no map's (a
  // text of one long line of names stays linear).
  // The line's start looked for within that reach: unbounded, each name of one long line read back to its
  // start (200 KB of `key: ` on one line took 1.2 s).
  const line = lineStart(text, nameAt, MAP_REACH + 1);
  if (nameAt - line > MAP_REACH || (line > 0 && text.charCodeAt(line - 1) !== 10)) {
    return undefined;
  }
  const before = text.slice(line, nameAt);
  const open = FLOW_OPEN.exec(before);
  if (open === null || !/[{,][ \t]*$/.test(before) || !insideMaps(before.slice(open[0].length))) {
    return undefined;
  }
  FLOW_VALUE.lastIndex = at;
  const m = FLOW_VALUE.exec(text);
  if (m === null) {
    return undefined;
  }
  return usedAsName(text, m[0]) ? undefined : { start: at, end: at + m[0].length, quoted: false };
}

/**
 * Whether `between` (what follows the first map's `{` up to the name) leaves the name inside flow maps
 * only: each `{` opens a key's value (`db: {`), and the first is not closed yet.
 */
function insideMaps(between: string): boolean {
  let depth = 1;
  for (let i = 0; i < between.length; i++) {
    if (between[i] === '}') {
      depth--;
    } else if (between[i] === '{') {
      if (!/:[ \t]*$/.test(between.slice(Math.max(0, i - 8), i))) {
        return false;
      }
      depth++;
    }
    if (depth === 0) {
      return false;
    }
  }
  return true;
}

/** The identifiers of the last text asked about, each with how often it stands there (see `usedAsName`). */
let counted: { readonly text: string; readonly counts: Map<string, number> } | undefined;

/**
 * Whether `word`, an identifier, stands in `text` other than as a value after a `:` (a variable the map
 * refers to, declared or passed there). The text's identifiers are counted once, at its first question: a
 * search per value made a text of many flow values quadratic (8,000 values in 266 KB: 1.3 s).
 */
function usedAsName(text: string, word: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(word)) {
    return false;
  }
  if (counted?.text !== text) {
    const counts = new Map<string, number>();
    // A word after a `:` is a value (this map's, another's with the same password): only elsewhere is it a name.
    for (const m of text.matchAll(/(?<!:[ \t]{0,4})(?<![\w$])[A-Za-z_$][\w$]*/g)) {
      counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
    counted = { text, counts };
  }
  return (counted.counts.get(word) ?? 0) > 0;
}
