import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * `INSERT INTO users (name, password, api_key) VALUES ('admin', '…', '…'), (…)`: the literals in the places
 * of credential-named columns, in every row. Seed scripts, migrations and dumps write credentials so, and the
 * value stands apart from its name. A row without a column list names nothing and is left; a row the reader
 * cannot follow (a nested call, an unclosed quote) ends the statement's reading.
 */

/** The statement up to its value lists: the column list is group 1. */
const INSERT =
  /\binsert[ \t]{1,8}(?:ignore[ \t]{1,8})?into[ \t]{1,8}[^\s(]{1,128}[ \t]{0,8}\(([^()]{1,2048})\)[ \t\r\n]{0,64}values[ \t\r\n]{0,64}/gi;
/**
 * One value and what ends it: a quoted string (SQL doubles a quote inside), a call whose first argument is
 * quoted (`crypt('…', gen_salt('bf'))`, `PASSWORD('…')`: group 3), or another bare value or call.
 */
const VALUE = new RegExp(
  [
    `[ \\t\\r\\n]{0,64}(?:'((?:[^'\\\\]|\\\\.|''){0,1024})'|"((?:[^"\\\\]|\\\\.){0,1024})"`,
    `|[A-Za-z_][\\w.]{0,64}\\([ \\t]{0,8}'((?:[^'\\\\]|\\\\.|''){0,1024})'[^()]{0,256}(?:\\([^()]{0,64}\\)[^()]{0,64})?\\)`,
    `|[^,()'"\\s]{1,256}(?:\\([^()'"]{0,256}\\))?)[ \\t\\r\\n]{0,64}([,)])`,
  ].join(''),
  'y',
);
/** What comes between rows. */
const NEXT_ROW = /[ \t\r\n]{0,64},[ \t\r\n]{0,64}\(/y;
/** Rows read per statement: a dump's statement may hold thousands; the first ones show the columns' use. */
const MAX_ROWS = 1000;

export const findSqlInserts: RecallDetector = (text, out) => {
  const insert = new RegExp(INSERT.source, 'gi');
  for (let m = insert.exec(text); m !== null; m = insert.exec(text)) {
    const kinds = m[1]!.split(',').map((c) => credentialKind(c.trim().replace(/^[`"[]|[`"\]]$/g, '')));
    if (kinds.every((k) => k === undefined) || text[insert.lastIndex] !== '(') {
      continue;
    }
    insert.lastIndex = readRows(text, insert.lastIndex + 1, kinds, out);
  }
};

/** Reads the rows from just inside the first `(`; returns where the statement's reading stopped. */
function readRows(
  text: string,
  from: number,
  kinds: readonly (string | undefined)[],
  out: RecallSpan[],
): number {
  let at = from;
  for (let row = 0; row < MAX_ROWS; row++) {
    for (let column = 0; ; column++) {
      VALUE.lastIndex = at;
      const v = VALUE.exec(text);
      if (v === null) {
        return at;
      }
      const kind = kinds[column];
      const quoted = v[1] ?? v[2] ?? v[3];
      if (kind !== undefined && quoted !== undefined) {
        const start = v.index + v[0].indexOf(quoted === v[2] ? `"${quoted}` : `'${quoted}`) + 1;
        pushLiteral(text, { start, end: start + quoted.length, quoted: true }, kind, false, out);
      }
      at = VALUE.lastIndex;
      if (v[4] === ')') {
        break;
      }
    }
    NEXT_ROW.lastIndex = at;
    if (NEXT_ROW.exec(text) === null) {
      return at;
    }
    at = NEXT_ROW.lastIndex;
  }
  return at;
}
