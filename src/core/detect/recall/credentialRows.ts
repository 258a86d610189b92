import { lineEnd, lineStart } from '../lineBounds';
import { isChosenWord } from './chosenPasswords';
import { pushLiteral } from './literalValue';
import { ACCOUNTS } from './loginPairs';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * Rows of accounts with no header (hunt N, 2026-12-07): a sheet or a note pasted as it is, a user in one
 * cell and the password in the next (`jira,svc_jira,…`, `https://admin.example.com,admin,…`,
 * `sw-access-01;10.1.1.11;admin;…`, `alice<TAB>alice@example.com<TAB>…`, `qa1@example.test, …`,
 * `router 192.168.0.1 admin …`, a password manager's `"Mail","j.doe@example.com","…","https://…"`). With a
 * header, tableColumns.ts reads the column by its name; here the user's cell names it: an e-mail address, an
 * account every install has (`admin`, `root`, `Administrator`), or a service account (`svc_jira`).
 *
 * A block is a run of lines cut alike (one delimiter, one number of cells). When a row of it holds a user's
 * cell and a password's shape after it, that column is the block's passwords: its cells are hidden in every
 * row where they read as one (`stats` as a user is no known account, and its row's password goes too). A
 * block of one row counts only when another of its cells is an address or a host (`https://…`, `10.1.1.11`),
 * as a password manager's row and a device list's are.
 */

/** Words a user's cell holds, for the shared word search (`@` an address's). */
const USER_WORDS = wordSet([...ACCOUNTS.filter((a) => a !== 'deploy'), 'svc_', 'svc-', 'vagrant', '@']);
const KNOWN = new Set([...ACCOUNTS, 'vagrant']);
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[A-Za-z]{2,24}$/;
const SERVICE = /^svc[_-][\w.-]{1,60}$/i;
/** An address or a host: a URL, an IPv4 address (a port after it), a host name with a dot. */
const PLACE = /^(?:[a-z][\w+.-]{1,15}:\/\/\S+|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?)$/i;
const MAX_LINE = 512;
const MAX_ROWS = 1000;
const DELIMITERS = ['\t', ';', ',', '|', ' '] as const;

type Delimiter = (typeof DELIMITERS)[number];
/** A cell's run between one delimiter and the next (blanks part cells only where they are the delimiter). */
const CELL_RUNS: Readonly<Record<Delimiter, RegExp>> = {
  '\t': /[^\t]+/g,
  ';': /[^;]+/g,
  ',': /[^,]+/g,
  '|': /[^|]+/g,
  ' ': /[^ \t]+/g,
};

interface Row {
  readonly from: number;
  readonly cells: readonly { start: number; end: number }[];
}

export const findCredentialRows: RecallDetector = (text, out) => {
  let done = -1;
  for (const at of wordPlaces(text, USER_WORDS)) {
    const from = lineStart(text, at, MAX_LINE);
    if (from <= done) {
      continue;
    }
    done = readBlock(text, from, done, out) ?? lineEnd(text, at, MAX_LINE);
  }
};

/**
 * Reads the block around the line that starts at `from`, no line at or before `floor` (a block read already)
 * taken back into it; returns where it ends, or undefined.
 */
function readBlock(text: string, from: number, floor: number, out: RecallSpan[]): number | undefined {
  const first = rowAt(text, from, undefined);
  if (first === undefined) {
    return undefined;
  }
  const { d } = first;
  const width = first.row.cells.length;
  const rows: Row[] = [first.row];
  // Up to the first row cut alike, then down.
  for (let s = from; s > floor + 1 && rows.length < MAX_ROWS;) {
    const prev = lineStart(text, s - 1, MAX_LINE);
    const r = rowAt(text, prev, d);
    if (r === undefined || r.row.cells.length !== width || prev === s) {
      break;
    }
    rows.unshift(r.row);
    s = prev;
  }
  let end = lineEnd(text, from, MAX_LINE);
  while (end < text.length && rows.length < MAX_ROWS) {
    const r = rowAt(text, end + 1, d);
    if (r === undefined || r.row.cells.length !== width) {
      break;
    }
    rows.push(r.row);
    end = lineEnd(text, end + 1, MAX_LINE);
  }
  const cell = (row: Row, i: number): string => text.slice(row.cells[i]!.start, row.cells[i]!.end);
  // A row placed: an address or a host in another cell, or a `name:` label first (`win2019-lab: Administrator
  // …`). Words parted by blanks are prose unless the row is placed; other delimiters cut a sheet's rows.
  const placed = (row: Row, skip: number): boolean =>
    row.cells.some((_, k) => k !== skip && PLACE.test(cell(row, k))) || /:$/.test(cell(row, 0));
  const counts = (row: Row, i: number): boolean =>
    (d === ' ' || rows.length === 1 ? placed(row, i + 1) : true) && isUser(cell(row, i));
  let column = -1;
  for (const row of rows) {
    for (let i = 0; i + 1 < width && column === -1; i++) {
      if (counts(row, i) && passwordLike(cell(row, i + 1), true)) {
        column = i + 1;
      }
    }
  }
  if (column === -1) {
    return end;
  }
  for (const row of rows) {
    const value = cell(row, column);
    if (d === ' ' && !placed(row, column)) {
      continue;
    }
    if (passwordLike(value) || (rows.length > 1 && isChosenWord(value))) {
      pushLiteral(text, { ...row.cells[column]!, quoted: true }, 'password', true, out);
    }
  }
  return end;
}

/** The line at `from` split at `d` (or at the first delimiter it holds), as a row of two cells or more. */
function rowAt(text: string, from: number, d: Delimiter | undefined): { row: Row; d: Delimiter } | undefined {
  const end = lineEnd(text, from, MAX_LINE);
  const line = text.slice(from, end).replace(/\r$/, '');
  if (line.trim() === '' || end - from >= MAX_LINE) {
    return undefined;
  }
  const delimiter = d ?? DELIMITERS.find((c) => line.includes(c));
  if (delimiter === undefined || !line.includes(delimiter)) {
    return undefined;
  }
  const cells: { start: number; end: number }[] = [];
  for (const m of line.matchAll(CELL_RUNS[delimiter])) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /[\s"]/.test(line[s]!)) {
      s++;
    }
    while (e > s && /[\s"]/.test(line[e - 1]!)) {
      e--;
    }
    if (e > s) {
      cells.push({ start: from + s, end: from + e });
    }
  }
  return cells.length >= 2 && cells.length <= 12 ? { row: { from, cells }, d: delimiter } : undefined;
}

function isUser(cell: string): boolean {
  return EMAIL.test(cell) || SERVICE.test(cell) || KNOWN.has(cell.toLowerCase());
}

/**
 * A password's shape: a draw, a phrase of three words or more, or six characters or more with letters and
 * a digit or a mark, and nothing of markup, code, a link or an address (`<root@localhost>`, `$ref)`,
 * `[@keyv/mysql](…)`, `3306/tcp`). `strong` (a row that names the column): one digit only in eight characters
 * or more (`UTF8`, `0x86` and short versions read so).
 */
function passwordLike(v: string, strong = false): boolean {
  if (v.length < 4 || v.length > 128 || /\s/.test(v) || isUser(v) || PLACE.test(v) || /^[\d.:/-]+$/.test(v)) {
    return false;
  }
  if (looksRandom(v) || /^[A-Za-z]{3,}(?:-[A-Za-z]{3,}){2,}$/.test(v)) {
    return true;
  }
  const digits = v.replace(/\D/g, '').length;
  return (
    v.length >= 6 &&
    /[A-Za-z]/.test(v) &&
    !/[<>()[\]{}$=/\\]|@[\w-]+\.|^0x|utf-?8/i.test(v) &&
    (/[!#$%&*+?@^~]/.test(v) || digits >= 2 || (digits === 1 && (!strong || v.length >= 8)))
  );
}
