import { lineEnd } from '../lineBounds';
import type { Edit } from './textView';

/**
 * Tables that wikis and documents write in other syntaxes, read as the pipe tables `tableColumns.ts` knows:
 * Confluence's `||Header||` row, an HTML `<tr>` of `<th>` or `<td>` cells (a Confluence export's), an
 * AsciiDoc `|===` table (a blank line after its header, one cell a line) and reStructuredText's
 * `list-table` (`* - cell` then `  - cell`). Runbooks paste their credential tables in all of them, and
 * the column under `Password` went out whole (hunt N, 2026-12-07).
 */

/** One HTML row, up to 4 KB. */
const HTML_ROW = /<tr\b[^<>]{0,200}>([^]{0,4096}?)<\/tr>/gi;
/** A cell's opening tag, and a closing one with the blanks and line breaks after it. */
const CELL_OPEN = /^[\s]*<t[hd]\b[^<>]{0,200}>/i;
const CELL_BREAK = /<\/t[hd]>\s*(?:<t[hd]\b[^<>]{0,200}>)?/gi;
/** A table's sections, on lines of their own (their line would part the header from the rows). */
const SECTION_LINE = /^[ \t]*<\/?(?:thead|tbody|tfoot)>[ \t]*\r?\n/gim;
/** A `list-table` row's first cell (`* - `) and its following cells (`  - `, one a line). */
const LIST_ROW = /^([ \t]*)\* - /gm;
/** An AsciiDoc table's delimiter line. */
const ASCIIDOC_FENCE = /^\|===[ \t]*$/gm;

export function tableEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Each `||` that opens its line (code's `a || b` does not): found by a native search, as a pattern
  // anchored at line starts is tried at every character.
  for (let at = text.indexOf('||'); at !== -1;) {
    const line = text.lastIndexOf('\n', at - 1) + 1;
    if (at - line <= 8 && /^[ \t]*$/.test(text.slice(line, at))) {
      // Every `||` of the header's line; `at` then stands at the first past it, or -1.
      for (const end = lineEnd(text, at); at !== -1 && at < end; at = text.indexOf('||', at + 2)) {
        edits.push({ start: at, end: at + 2, replacement: '|' });
      }
    } else {
      at = text.indexOf('||', at + 2);
    }
  }
  if (text.includes('<tr') || text.includes('<TR')) {
    htmlRows(text, edits);
  }
  // Found from `-table::`: V8's search for `list-table::` is slow where code says `list` often (0.04 ms a 100 KB).
  const listTable = text.indexOf('-table::') - 4;
  if (listTable >= 0 && text.startsWith('list', listTable)) {
    listTableRows(text, listTable, edits);
  }
  if (text.includes('|===')) {
    asciidocRows(text, edits);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Each `<tr>` as one line `| a | b |`: its cells' tags become pipes, the line breaks inside it go. */
function htmlRows(text: string, edits: Edit[]): void {
  for (const m of text.matchAll(SECTION_LINE)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: '' });
  }
  for (const row of text.matchAll(HTML_ROW)) {
    const bodyAt = row.index + row[0].length - row[1]!.length - '</tr>'.length;
    const open = CELL_OPEN.exec(row[1]!);
    if (open === null) {
      continue;
    }
    edits.push({ start: row.index, end: bodyAt + open[0].length, replacement: '| ' });
    const breaks = [...row[1]!.slice(open[0].length).matchAll(CELL_BREAK)];
    breaks.forEach((b, k) => {
      const at = bodyAt + open[0].length + b.index;
      const last = k === breaks.length - 1;
      edits.push({
        start: at,
        end: last ? row.index + row[0].length : at + b[0].length,
        replacement: last ? ' |' : ' | ',
      });
    });
  }
}

/** A `list-table`'s rows (after its directive) on one line each: `* - ` becomes `| `, each following `- ` of the row ` | `. */
function listTableRows(text: string, from: number, edits: Edit[]): void {
  LIST_ROW.lastIndex = from;
  for (let m = LIST_ROW.exec(text); m !== null; m = LIST_ROW.exec(text)) {
    edits.push({ start: m.index + m[1]!.length, end: m.index + m[0].length, replacement: '| ' });
    const cell = new RegExp(`\\r?\\n${m[1]}[ \\t]{1,8}- `, 'y');
    let at = lineEnd(text, m.index);
    for (let k = 0; k < 40; k++) {
      cell.lastIndex = at;
      const next = cell.exec(text);
      if (next === null) {
        break;
      }
      edits.push({ start: at, end: cell.lastIndex, replacement: ' | ' });
      at = lineEnd(text, cell.lastIndex);
    }
  }
}

/**
 * An AsciiDoc table's header on its line, then its rows: blank lines go, and a row written one cell a line
 * is joined into one line of the header's width.
 */
function asciidocRows(text: string, edits: Edit[]): void {
  const fences = [...text.matchAll(ASCIIDOC_FENCE)].map((m) => m.index);
  for (let f = 0; f + 1 < fences.length; f += 2) {
    const lines = text.slice(fences[f], fences[f + 1]).split('\n');
    let at = fences[f]! + lines[0]!.length + 1;
    const width = (lines[1] ?? '').split('|').length - 1;
    let cells = 0;
    // The last piece is what stands before the closing fence on its line: nothing.
    for (let i = 1; i < lines.length - 1 && width > 1; i++) {
      const line = lines[i]!;
      const end = at + line.length;
      const count = line.split('|').length - 1;
      cells = line.trim() === '' ? cells : cells + count;
      // A blank line after the header or between rows goes; a line break inside a row (fewer cells than
      // the header's so far) reads as a blank.
      if (line.trim() === '') {
        edits.push({ start: at - 1, end, replacement: '' });
      } else if (i > 1 && cells % width !== 0) {
        edits.push({ start: end, end: end + 1, replacement: ' ' });
      }
      at = end + 1;
    }
  }
}
