import type { Edit } from './textView';
import { looksRandom } from './tokenShape';

/**
 * A label and its value as a wiki, a ticket or a web page marks them up, read as plain text: emphasis
 * around a label (`*Password:* …` in Jira, `**Password**: …` and `- **password:** …` in Markdown, `**…**`
 * around the value after one), AsciiDoc's `Password:: …`, and inline HTML (`<b>Password:</b> …`,
 * `<code>…</code>`, `<dt>Password</dt><dd>…</dd>`). The readers of labelled values saw a `*` or a tag where
 * they look for the name, and a chosen password went out with the runbook (hunt N, 2026-12-07).
 */

/**
 * Emphasis delimiters (group 1) around a short label or value (group 2) that may end in a colon (group 3):
 * the same delimiter closes it, and no further `*` glues on. Tried at each `*` only: led by a look-ahead, a
 * pattern is tried at every character (0.07 ms on 100 KB of code), where a search for `*` is native.
 */
const EMPHASIS = /(\*\*?)(?=[^\s*])([^*\r\n]{1,64}?)(:?)\1(?!\*)/y;
/** Org mode's description item, `- term :: value`, up to its ` :: `. */
const ORG_ITEM = /[ \t]{0,8}[-+][ \t]{1,4}[^\s:](?:[^:\r\n]{0,62}[^\s:])? :: /y;
/** Jira's monospace, `{{…}}`, around one token (group 1). */
const JIRA_MONOSPACE = /\{\{([A-Za-z0-9+/=_.-]{16,128})\}\}/y;
/** AsciiDoc's label list item, `Label:: value` at a line's start (not C++'s `a::b`, Haskell's `f :: T`). */
const ASCIIDOC_LABEL = /[ \t]{0,8}[^\s:](?:[^:\r\n]{0,62}[^\s:])?::[ \t]/y;
/**
 * An inline tag that only styles what it holds (group 1), what it holds on its line (group 2), its closing
 * tag, and a definition's `<dd>` after a term (group 3).
 */
const INLINE_TAG =
  /<(b|strong|em|i|u|code|kbd|samp|tt|mark|var|dt)(?:[ \t][^<>\r\n]{0,80})?>([^<>\r\n]{1,128})<\/\1>([ \t]*<dd(?:[ \t][^<>\r\n]{0,80})?>)?/iy;

export function markupEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  eachAt(text, '*', EMPHASIS, (m, at, end) => {
    const before = text.slice(Math.max(0, at - 5), at);
    // A table's cell (`|*Password*|`) is a label too: its column's header.
    const cell = /\|[ \t]*$/.test(before) && /^[ \t]*\|/.test(text.slice(end, end + 5));
    if (m[3] !== '' || text[end] === ':' || /:[ \t]{1,4}$/.test(before) || cell) {
      const width = m[1]!.length;
      edits.push({ start: at, end: at + width, replacement: '' });
      edits.push({ start: end - width, end, replacement: '' });
    }
  });
  for (let at = text.indexOf(':: '); at !== -1; at = text.indexOf(':: ', at + 3)) {
    const line = text.lastIndexOf('\n', at) + 1;
    ASCIIDOC_LABEL.lastIndex = line;
    if (ASCIIDOC_LABEL.exec(text) !== null && ASCIIDOC_LABEL.lastIndex === at + 3) {
      edits.push({ start: at, end: at + 2, replacement: ':' });
      continue;
    }
    // Org mode's description list, `- term :: value`.
    ORG_ITEM.lastIndex = line;
    if (text[at - 1] === ' ' && ORG_ITEM.exec(text) !== null && ORG_ITEM.lastIndex === at + 3) {
      edits.push({ start: at - 1, end: at + 2, replacement: ':' });
    }
  }
  // Jira's monospace around a generated value (`{{<value>}}`): its markup, not a template's slot.
  eachAt(text, '{', JIRA_MONOSPACE, (m, at, end) => {
    if (looksRandom(m[1]!) || /^(?=.*\d)(?=.*[a-f])[0-9a-f]{32,64}$/i.test(m[1]!)) {
      edits.push({ start: at, end: at + 2, replacement: '' });
      edits.push({ start: end - 2, end, replacement: '' });
    }
  });
  // Only around a label or its value, as emphasis above: a page's every `<code>` read bare made its prose
  // read as code (`<code>pwd</code>: …`), and 44 spans of documentation went hidden.
  eachAt(text, '<', INLINE_TAG, (m, at, end) => {
    const close = end - (m[3]?.length ?? 0) - m[1]!.length - 3;
    const before = text.slice(Math.max(0, at - 16), at);
    const labelled = m[3] !== undefined || m[2]!.endsWith(':') || text[end] === ':';
    if (labelled || /:(?:<\/[a-z]{1,6}>)?[ \t]{1,4}$/i.test(before)) {
      edits.push({ start: at, end: close - m[2]!.length, replacement: '' });
      edits.push({ start: close, end, replacement: m[3] !== undefined ? ': ' : '' });
    }
    // The description's end (`…</dd>`), when it closes on the term's line.
    const dd = m[3] === undefined ? -1 : text.indexOf('</dd>', end);
    if (dd !== -1 && dd - end <= 256 && !text.slice(end, dd).includes('\n')) {
      edits.push({ start: dd, end: dd + 5, replacement: '' });
    }
  });
  definitionEdits(text, edits);
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * A term of a Markdown definition list (pandoc, PHP Markdown Extra, and what many wikis export) alone on its
 * line, bold or not (group 2, its emphasis group 1): its definition follows on the next line after `:` and
 * blanks (`**Backup encryption key**⏎:   …`, `Password⏎:   …`). No code's marks in the term: a ternary
 * split before its `:` is no term.
 */
const DEFINITION_TERM = /[ \t]{0,3}(\*\*|\*|__)?([A-Za-z][^\r\n:|*_=(){};?<>]{0,62}?)\1[ \t]*\r?(?=\n)/y;

/** Reads `Term⏎:   definition` as `Term: definition` (its term's emphasis dropped). */
function definitionEdits(text: string, edits: Edit[]): void {
  for (let at = text.indexOf('\n:'); at !== -1; at = text.indexOf('\n:', at + 2)) {
    const after = text.charCodeAt(at + 2);
    if (after !== 32 && after !== 9) {
      continue;
    }
    const line = text.lastIndexOf('\n', at - 1) + 1;
    DEFINITION_TERM.lastIndex = line;
    const m = DEFINITION_TERM.exec(text);
    if (m === null || DEFINITION_TERM.lastIndex !== at) {
      continue;
    }
    let value = at + 2;
    while (value < text.length && value - at < 8 && (text[value] === ' ' || text[value] === '\t')) {
      value++;
    }
    const width = m[1]?.length ?? 0;
    const termStart = line + m[0].indexOf(m[2]!);
    const termEnd = termStart + m[2]!.length;
    if (width > 0) {
      edits.push({ start: termStart - width, end: termStart, replacement: '' });
      edits.push({ start: termEnd, end: termEnd + width, replacement: '' });
    }
    edits.push({ start: termEnd + width, end: value, replacement: ': ' });
  }
}

/** Tries the sticky `pattern` at each `char` of `text`, and calls `found` with each match and its bounds. */
function eachAt(
  text: string,
  char: string,
  pattern: RegExp,
  found: (m: RegExpExecArray, at: number, end: number) => void,
): void {
  for (let at = text.indexOf(char); at !== -1;) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m === null) {
      at = text.indexOf(char, at + 1);
    } else {
      found(m, at, pattern.lastIndex);
      at = text.indexOf(char, pattern.lastIndex);
    }
  }
}
