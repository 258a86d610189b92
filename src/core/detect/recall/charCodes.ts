import type { Edit } from './textView';

// A string written one character at a time (hunt K, class C): Java's `new char[] {'g', 'h', …}` (a
// KeyStore's password is a `char[]`), JavaScript's `String.fromCharCode(103, 104, …)`, a C or Java byte
// array (`{ 0x67, 0x68, … }`, `new byte[] { 103, … }`), Python's `bytes([103, …])`, Go's `[]byte{0x67, …}`.
// No detector reads such a list, and a program reads it as the string it spells: the view reads it so too,
// as one quoted literal in place of the whole construct, so that a token in it, or the name it is given to,
// is found. A span in the literal maps back over the whole list.

/** One character: a decimal or `0x` code, or a quoted character (`'a'`, `'\''`). */
const ITEM = String.raw`(?:0[xX][0-9a-fA-F]{1,2}|[1-9]\d{0,2}|0)(?![\w.])|'(?:\\[^\n]|[^'\\\n])'`;
const ITEMS = new RegExp(ITEM, 'g');
/** Between two items: a comma, and the line break a formatter puts in a long list. */
const SEP = String.raw`[ \t]{0,8},[ \t]{0,8}(?:\r?\n[ \t]{0,64})?`;
/** Eight items or more after an opening bracket (a string of fewer is no secret), the last comma allowed. */
const LIST = new RegExp(
  String.raw`[[({][ \t]{0,8}(?:\r?\n[ \t]{0,64})?(?:${ITEM})(?:${SEP}(?:${ITEM})){7,4095}(?:${SEP})?`,
  'y',
);
/** The call or constructor that makes the list a string, just before its bracket: read as part of it. */
const WRAPPER =
  /(?:String\.fromCharCode[ \t]{0,4}|(?:bytes|bytearray)[ \t]{0,4}\([ \t]{0,4}|new[ \t]{1,4}(?:char|byte|sbyte|u?int8_t)[ \t]{0,4}\[[ \t]{0,4}\][ \t]{0,4}|\[\](?:byte|rune|uint8)[ \t]{0,4})$/;
const CLOSER: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };
/** Each list of 8 or more printable character codes read as the quoted string it spells. */
export function charCodeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const first of listCommas(text)) {
    const open = openerBefore(text, first);
    if (open === -1 || (edits.length > 0 && open < edits[edits.length - 1]!.end)) {
      continue;
    }
    LIST.lastIndex = open;
    const m = LIST.exec(text);
    const edit = m === null ? undefined : listEdit(text, open, m[0]);
    if (edit !== undefined) {
      edits.push(edit);
    }
  }
  return edits;
}

/**
 * The first comma of each run of seven commas or more that each stand between two items (a digit or a
 * quote each side): where a list of eight codes may be. The cheap test that ordinary code pays: a look at
 * each comma's neighbours, rather than a pattern tried at every character (0.4-0.9 ms of 100 KB of code).
 */
function listCommas(text: string): number[] {
  const firsts: number[] = [];
  let streak = 0;
  let first = -1;
  let previous = -1;
  for (let c = text.indexOf(','); c !== -1; c = text.indexOf(',', c + 1)) {
    if (!betweenItems(text, c)) {
      streak = 0;
    } else if (streak > 0 && c - previous <= 96) {
      streak++;
      if (streak === 7) {
        firsts.push(first);
      }
    } else {
      streak = 1;
      first = c;
    }
    previous = c;
  }
  return firsts;
}

/** Whether the comma at `c` has an item's end before it and an item's start after it (char codes: hot). */
function betweenItems(text: string, c: number): boolean {
  let i = c - 1;
  while (i > c - 8 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i--;
  }
  const end = text.charCodeAt(i) | 0x20; // lower case
  if (!isDigitOrQuote(text.charCodeAt(i)) && !(end >= 97 && end <= 102 && hexAfterX(text, i))) {
    return false;
  }
  let j = c + 1;
  while (j < c + 80 && isBlank(text.charCodeAt(j))) {
    j++;
  }
  return isDigitOrQuote(text.charCodeAt(j));
}

function isDigitOrQuote(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 39;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether the hex letter at `i` ends a `0x` code (`0xab`, `0xf`). */
function hexAfterX(text: string, i: number): boolean {
  const x = (at: number): boolean => (text.charCodeAt(at) | 0x20) === 120 && text.charCodeAt(at - 1) === 48;
  return x(i - 1) || x(i - 2);
}

/** The bracket that opens the list whose first separating comma is at `first`, or -1 past a first item's reach. */
function openerBefore(text: string, first: number): number {
  for (let i = first - 1; i >= 0 && i > first - 80; i--) {
    const c = text[i];
    if (c === '[' || c === '(' || c === '{') {
      return i;
    }
  }
  return -1;
}

/** The edit that reads the list `list`, opened at `open`, as a quoted literal, if it spells printable text. */
function listEdit(text: string, open: number, list: string): Edit | undefined {
  const codes = itemCodes(list.slice(1));
  if (codes === undefined || codes.length < 8) {
    return undefined;
  }
  const end = closeAt(text, open + list.length, CLOSER[list[0]!]!);
  if (end === -1) {
    return undefined; // an open list is not a value (a table cut short)
  }
  const wrapper = WRAPPER.exec(text.slice(Math.max(0, open - 48), open));
  let start = open;
  let stop = end;
  if (wrapper !== null) {
    start -= wrapper[0].length;
    // `bytes([…])`: the call's `)` after the list's `]`.
    if (wrapper[0].endsWith('(')) {
      const call = closeAt(text, end, ')');
      stop = call === -1 ? end : call;
    }
  }
  const literal = String.fromCharCode(...codes).replace(/[\\"]/g, '\\$&');
  return { start, end: stop, replacement: `"${literal}"` };
}

/**
 * The codes of a list's items, in order, a C string's terminating NULs dropped; undefined at the first
 * code that is no printable character (a table of numbers is read no further than that).
 */
function itemCodes(list: string): number[] | undefined {
  const codes: number[] = [];
  let nul = false;
  for (const item of list.matchAll(ITEMS)) {
    const s = item[0];
    const code =
      s[0] === "'"
        ? s[1] === '\\'
          ? escapedCode(s[2]!)
          : s.charCodeAt(1)
        : parseInt(s[1] === 'x' || s[1] === 'X' ? s.slice(2) : s, s[1] === 'x' || s[1] === 'X' ? 16 : 10);
    if (code === 0) {
      nul = true;
    } else if (nul || code < 0x20 || code >= 0x7f) {
      return undefined;
    } else {
      codes.push(code);
    }
  }
  return codes;
}

/** The code a character escape stands for (`'\n'`, `'\0'`, `'\''`). */
function escapedCode(c: string): number {
  const named: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, '0': 0 };
  return named[c] ?? c.charCodeAt(0);
}

/** The offset just past `closer` when only blanks stand between `at` and it, else -1. */
function closeAt(text: string, at: number, closer: string): number {
  let i = at;
  while (i < text.length && i - at < 64 && /\s/.test(text[i]!)) {
    i++;
  }
  return text[i] === closer ? i + 1 : -1;
}
