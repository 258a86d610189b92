// Names given a literal in one statement (`const part1 = 'ghp_…'`, `REST="…"`, `$tail = '…'`,
// `token := "…"`, `#define HEAD "…"`), so that a later expression naming them (`part1 + part2`,
// `` `${head}${tail}` ``) can be read as the value it builds (joinedVariables.ts).

/** Where a name's literal lies in the text: the value alone, without its quotes. */
export interface LiteralDefinition {
  /** Offset of the name: a use of the name after it reads this value. */
  readonly at: number;
  readonly start: number;
  readonly end: number;
}

/** `#define NAME "…"`: C's constant, read as an assignment. */
const DEFINED = /#define[ \t]{1,8}([A-Za-z_]\w{0,63})[ \t]{1,8}"([^"\\\r\n]{1,512})"/g;
const NAME = /^\$?[A-Za-z_]\w{0,63}$/;
/** What may stand before an assignment's `=` and make it another operator (`==`, `!=`, `<=`, `+=`). */
const OPERATOR_BEFORE = '=!<>+-*/%&|^?~';
/** A bare value's characters (`REST=abc…`): no blank, quote, separator or bracket. */
const BARE = /[^\s"'`;,(){}[\]<>|&]/;

/** The value after the `=` at `eq`: [start, end) of a one-line quoted literal's inside, or a bare word. */
function valueAfter(text: string, eq: number): [number, number] | undefined {
  let i = eq + 1;
  while (i < text.length && i - eq <= 4 && (text[i] === ' ' || text[i] === '\t')) {
    i++;
  }
  const q = text[i];
  if (q === '"' || q === "'" || q === '`') {
    for (let j = i + 1; j < text.length && j - i <= 513; j++) {
      const c = text[j]!;
      if (c === q) {
        return j > i + 1 ? [i + 1, j] : undefined;
      }
      if (c === '\\' || c === '\n' || c === '\r') {
        return undefined;
      }
    }
    return undefined;
  }
  // Bare only where name, `=` and value touch, as a shell or an env file writes them.
  if (i !== eq + 1 || /[ \t]/.test(text[eq - 1] ?? '')) {
    return undefined;
  }
  let j = i;
  while (j < text.length && j - i < 512 && BARE.test(text[j]!)) {
    j++;
  }
  return j - i >= 2 && (j === text.length || /[\s;]/.test(text[j]!)) ? [i, j] : undefined;
}

/** The word that ends at `end` (blanks before `end` skipped): [start, end), with what `chars` allows. */
function wordBefore(text: string, end: number, chars: RegExp): [number, number] {
  let e = end;
  while (e > 0 && end - e < 4 && (text[e - 1] === ' ' || text[e - 1] === '\t')) {
    e--;
  }
  let s = e;
  while (s > 0 && e - s < 64 && chars.test(text[s - 1]!)) {
    s--;
  }
  return [s, e];
}

/**
 * The name assigned by the `=` at `eq`, with a type if one is written (`key: string = …`) and Go's `:=`;
 * undefined when the `=` is part of another operator or the target is a member (`config.key = …`).
 */
function nameBefore(text: string, eq: number): [number, number] | undefined {
  let [s, e] = wordBefore(text, text[eq - 1] === ':' ? eq - 1 : eq, /[\w$.<>[\]]/);
  const colon = wordBefore(text, s, /:/);
  if (colon[1] - colon[0] === 1) {
    [s, e] = wordBefore(text, colon[0], /[\w$]/); // `name: Type =`: the word read was the type
  }
  const name = text.slice(s, e);
  return NAME.test(name) && !/[\w$.]/.test(text[s - 1] ?? '') ? [s, e] : undefined;
}

/** The literals given to names in `text`, by name: each name's definitions in the order they occur. */
export class LiteralDefinitions {
  private byNameTable: Map<string, LiteralDefinition[]> | undefined;

  /** Read when first asked: most texts hold no join worth a look, and never pay for this pass. */
  constructor(private readonly text: string) {}

  private get byName(): Map<string, LiteralDefinition[]> {
    if (this.byNameTable === undefined) {
      this.byNameTable = new Map();
      this.read(this.text);
    }
    return this.byNameTable;
  }

  private read(text: string): void {
    // Each `=` is a possible assignment: found by indexOf and read around, not by a pattern tried at
    // every word of the text (1.1 ms of 100 KB of code, most of this detector's cost where nothing joins).
    for (let eq = text.indexOf('='); eq !== -1; eq = text.indexOf('=', eq + 1)) {
      const next = text.charCodeAt(eq + 1);
      if (next === 61 || next === 62 || next === 126 || OPERATOR_BEFORE.includes(text[eq - 1] ?? '')) {
        continue; // `==`, `=>`, `=~`, `!=`, `+=`…
      }
      const value = valueAfter(text, eq);
      const name = value && nameBefore(text, eq);
      if (value && name) {
        this.add(text.slice(name[0], name[1]), name[0], value[0], value[1]);
      }
    }
    if (text.includes('#define')) {
      for (const m of text.matchAll(DEFINED)) {
        const start = m.index + m[0].length - m[2]!.length - 1;
        this.add(m[1]!, m.index, start, start + m[2]!.length);
      }
      for (const list of this.byName.values()) {
        list.sort((a, b) => a.at - b.at);
      }
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  private add(name: string, at: number, start: number, end: number): void {
    if (name.length < (name.startsWith('$') ? 4 : 3)) {
      return; // `e`, `t`, `$i`: minified or loop names, given a new value every few lines
    }
    const list = this.byName.get(name);
    if (list === undefined) {
      this.byName.set(name, [{ at, start, end }]);
    } else {
      list.push({ at, start, end });
    }
  }

  /**
   * The literal `name` holds where it is used at `at`: the last definition before the use, or the first
   * one after it (a function that reads a constant defined further down). `$name` is looked up as written.
   */
  resolve(name: string, at: number): LiteralDefinition | undefined {
    const list = this.byName.get(name);
    if (list === undefined) {
      return undefined;
    }
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.at <= at) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return list[lo];
  }
}
