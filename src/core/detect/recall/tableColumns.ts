import { isChosenWord, isMarkedPassword, isWordPassword } from './chosenPasswords';
import { credentialKind } from './credentialName';
import { lineStart } from '../lineBounds';
import { lineEnd, pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { forEachLineWith, wordSet } from './wordIndex';
import { hasWide } from './wideText';

/**
 * Credential columns of tables: a header row names the column, the rows below hold the values. A browser's
 * or a password manager's CSV export (`name,url,username,password`), a CSV or TSV with an `api_key` column, a
 * Markdown table (`| User | Pass |`), psql's and mysql's printed tables, a CLI's box-drawn or column-aligned
 * output (`│ NAME │ VALUE │`, `NAME        PASSWORD`). Each row's cell under a credential-named header is
 * hidden, until a row of another width, a blank line or 1,000 rows; so is a framed row's second cell when its
 * first names a credential (`| DB_PASSWORD | … |`).
 */

/** Separators a table may use, tried in this order. */
const DELIMITERS = ['\t', '|', '\u2502', ',', ';', '  '] as const;
/** Delimiters whose rows open and close with one (Markdown, psql, a CLI's box-drawn table: `│`, `║`). */
const FRAMED = new Set<string>(['|', '\u2502']);
/** A line that may be a header: it holds a credential word. */
const CREDENTIAL_WORD = wordSet([
  ...['pass', 'pwd', 'pw', 'secret', 'token', 'key', 'cred', 'auth'],
  // A PIN's column (`Admin PIN`, `| PIN |`): the word after a blank or a delimiter, since `pin` alone is inside
  // `mapping`, `typing` and `shipping` on every page of code.
  ...[' pin', '|pin', '\tpin', ',pin', ';pin'],
  ...['kennwort', 'passwort', 'wachtwoord', 'senha', 'contrase', 'mot de passe', 'mdp', 'haslo', 'parola'],
]);
/**
 * A Markdown, psql, mysql or box-drawn rule between the header and the rows (`|---|:--|`, `+----+`, `├──┼──┤`,
 * reStructuredText's grid `+====+`).
 */
const RULE = /^[\s|:+=\u2500-\u257f-]*(?:-{3}|(?<=\+)={3}|[\u2500\u2550]{3})[\s|:+=\u2500-\u257f-]*$/;
const MAX_ROWS = 1000;
const MAX_LINE = 4096;

interface Cell {
  readonly start: number;
  readonly end: number;
}

export const findTableColumns: RecallDetector = (text, out) => {
  // Only a line with a credential word can be a header: found in one pass, then read, rows and all.
  forEachLineWith(text, CREDENTIAL_WORD, (from, end) =>
    end - from <= MAX_LINE ? readTable(text, from, end, out) : undefined,
  );
  // A header in another script or with accents (`| Сервер | Логин | Пароль |`, `| Servidor | Contraseña |`).
  if (!hasWide(text)) {
    return;
  }
  SCRIPT_WORD.lastIndex = 0;
  for (let m = SCRIPT_WORD.exec(text); m !== null; m = SCRIPT_WORD.exec(text)) {
    // Read back at most a line's length: from each word of one long line, an unbounded read was quadratic.
    const from = lineStart(text, m.index, MAX_LINE);
    const end = lineEnd(text, m.index, MAX_LINE);
    const after = end - from <= MAX_LINE ? readTable(text, from, end, out) : undefined;
    SCRIPT_WORD.lastIndex = Math.max(end, after ?? end);
  }
};

/** A credential word past ASCII that may head a column (credentialName.ts reads the whole label). */
const SCRIPT_WORD =
  /пароль|ключ|токен|секрет|密码|密碼|口令|密钥|令牌|パスワード|トークン|비밀번호|암호|토큰|κωδικ|σύνθημα|סיסמ|पासवर्ड|كلمة|contraseña|hasło|şifre|lösenord|jelszó|parolă|clé|schlüssel|nøgle|nøkkel/giu;

/** Reads the table whose header is the line [from, end); returns where its rows end, or undefined. */
function readTable(text: string, from: number, end: number, out: RecallSpan[]): number | undefined {
  const line = text.slice(from, end);
  for (const d of DELIMITERS) {
    // Column-aligned output starts its line: an indented line with two blanks in it is code.
    if (!line.includes(d) || (d === '  ' && !/^\S[^\t]*\S {2,}\S/.test(line))) {
      continue;
    }
    const header = cells(text, from, end, d);
    const labels = header.map((c) => text.slice(c.start, c.end).replace(/^"|"$/g, ''));
    // A password stated as a pair of cells (`| password | … |`, a TSV line `Password<TAB>…`), a chosen word
    // too: read as a header too (a table may follow), and its second cell hidden.
    const pairKind =
      header.length === 2 && (FRAMED.has(d) || d === '\t') && !RULE.test(nextLine(text, end))
        ? credentialKind(labels[0]!)
        : undefined;
    if (pairKind === 'password' && isChosenWord(labels[1]!)) {
      pushLiteral(text, { start: header[1]!.start, end: header[1]!.end, quoted: false }, pairKind, true, out);
    }
    // The same pair in a CSV or TSV line (`api_key,<uuid>`): a value of a credential's shape.
    const rowKind =
      header.length === 2 && (d === ',' || d === '\t') && LABEL.test(labels[0]!)
        ? credentialKind(labels[0]!)
        : undefined;
    if (rowKind !== undefined && cellValue(labels[1]!, rowKind) && /\d/.test(labels[1]!)) {
      pushLiteral(text, { start: header[1]!.start, end: header[1]!.end, quoted: false }, rowKind, true, out);
    }
    if (header.length < 2 || header.length > 40 || !labels.every((l) => LABEL.test(l))) {
      // A row a credential names in its first cell (`| DB_PASSWORD | … |`, `│ api_token │ … │`): its second.
      const kind = FRAMED.has(d) && LABEL.test(labels[0] ?? '') ? credentialKind(labels[0]!) : undefined;
      if (kind !== undefined && header.length >= 2 && cellValue(labels[1]!, kind)) {
        pushLiteral(text, { start: header[1]!.start, end: header[1]!.end, quoted: false }, kind, true, out);
      }
      continue;
    }
    // A table of names and values (`vault kv get`'s `Key  Value`, `az …`'s `Name  Value`): each row is a pair,
    // its value hidden when its name names a credential. Its rows are no headers, whatever they hold.
    if (header.length === 2 && PAIR_HEADER.test(labels[0]!) && /^values?$/i.test(labels[1]!)) {
      return readPairRows(text, end + 1, d, out);
    }
    const kinds = labels.map((l) =>
      PIN_LABEL.test(l) ? PIN : (credentialKind(l.replace(/[\s-]+/g, '_')) ?? plainKey(l)),
    );
    if (kinds.every((k) => k === undefined)) {
      continue;
    }
    const after = readRows(text, end + 1, d, header.length, kinds, out);
    // A column headed just `key` may list names (`| Key | Value |`): their rows are read again, as rows.
    return kinds.every((k) => k === undefined || k === PLAIN_KEY) ? undefined : after;
  }
  return undefined;
}

/** The first header of a table of pairs. */
const PAIR_HEADER = /^(?:key|name|field|setting|variable|property|parameter|secret)s?$/i;

/** The rows of a table of names and values below its header: a row's value when its name names a credential. */
function readPairRows(text: string, from: number, d: string, out: RecallSpan[]): number {
  return eachRow(text, from, d, 2, ([nameCell, value]) => {
    const name = text.slice(nameCell!.start, nameCell!.end);
    const kind = LABEL.test(name) ? credentialKind(name) : undefined;
    if (kind !== undefined && value!.end > value!.start) {
      pushLiteral(text, { ...value!, quoted: true }, kind, true, out);
    }
  });
}

/** The line after the line break at `end` (empty at the text's end). */
function nextLine(text: string, end: number): string {
  return text.slice(end + 1, lineEnd(text, end + 1, MAX_LINE));
}

/**
 * A column headed by a PIN or a PUK (`Admin PIN`, `BitLocker PIN`, `SIM PUK`): four to twelve digits under it
 * are its code, where under a password's header digits alone are an id's.
 */
const PIN = 'pin';
const PIN_LABEL = /(?:^|[\s_-])(?:PIN|PUK|PIN[ -]?Code|pin|puk)$/;

/**
 * A column headed just `key` (`| env | key |`): a table of API keys per environment, or of a dictionary's
 * keys, so only a generated cell is hidden under it, as namedLiterals.ts does for a plain `key =`.
 */
const PLAIN_KEY = 'plain-key';
const plainKey = (label: string): string | undefined => (/^key$/i.test(label) ? PLAIN_KEY : undefined);

/** A header's cell: a label of one to three words (`Password`, `api_key`, `Secret access key`), not code or prose. */
const LABEL = /^\p{L}[\p{L}\p{M}\p{Nd}_.-]{0,31}(?: [\p{L}\p{M}\p{Nd}_.-]{1,32}){0,2}$/u;

/**
 * A cell that reads as a credential: generated, or under a password header letters with a digit or a mark,
 * six or more, no blank (a cell of words is prose: `Regex must pass`) and more than an identifier's `_`. A word or a name of code
 * (`X509Name`, `verify`) under a `key` or `token` header is a list's item.
 */
function cellValue(value: string, kind: string): boolean {
  if (kind === PIN) {
    return /^\d{4,12}$/.test(value) || cellValue(value, 'password');
  }
  if (looksRandom(value)) {
    return true;
  }
  if (isWordPassword(value) || (kind === 'password' && isChosenWord(value))) {
    return true;
  }
  if (kind === PLAIN_KEY) {
    return isMarkedPassword(value);
  }
  return (
    !/\s/.test(value) &&
    value.length >= 6 &&
    /[A-Za-z]/.test(value) &&
    /[^A-Za-z_.-]/.test(value) &&
    (kind === 'password' || (/[0-9]/.test(value) && !/^[A-Za-z_][\w.]*\(?\)?$/.test(value)))
  );
}

function readRows(
  text: string,
  from: number,
  d: string,
  width: number,
  kinds: readonly (string | undefined)[],
  out: RecallSpan[],
): number {
  return eachRow(text, from, d, width, (row) =>
    row.forEach((cell, i) => {
      const kind = kinds[i];
      const c = inlineCode(text, cell);
      if (kind !== undefined && c.end > c.start && cellValue(text.slice(c.start, c.end), kind)) {
        // A cell is data, never an expression: read as quoted, `*8$K0…` is not taken for code.
        const shown = kind === PLAIN_KEY ? 'key' : kind === PIN ? 'password' : kind;
        pushLiteral(text, { ...c, quoted: true }, shown, true, out);
      }
    }),
  );
}

/**
 * Hands `visit` each row of `width` cells from `from` on, rules passed over, until a row of another width, a
 * blank line or `MAX_ROWS` rows; returns where the rows end.
 */
function eachRow(text: string, from: number, d: string, width: number, visit: (row: Cell[]) => void): number {
  let at = from;
  for (let rows = 0; rows < MAX_ROWS && at < text.length;) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    if (RULE.test(line) && line.trim() !== '') {
      at = end + 1;
      continue;
    }
    const row = end - at <= MAX_LINE ? cells(text, at, end, d) : [];
    if (row.length !== width) {
      return at;
    }
    visit(row);
    rows++;
    at = end + 1;
  }
  return at;
}

/**
 * The cells of the line [from, end) split at `d`: trimmed, a CSV cell's quotes taken off (a doubled quote
 * inside stays), a Markdown or psql row's outer pipes dropped.
 */
function cells(text: string, from: number, end: number, d: string): Cell[] {
  let [i, e] = [from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end];
  if (d === '  ') {
    return spacedCells(text, i, e);
  }
  if (FRAMED.has(d)) {
    [i, e] = trimmed(text, i, e, /\s/);
    i += /[|\u2502\u2551]/.test(text[i] ?? '') ? 1 : 0;
    e -= e > i && /[|\u2502\u2551]/.test(text[e - 1]!) ? 1 : 0;
  }
  const out: Cell[] = [];
  while (i <= e) {
    let s = i;
    let cellEnd: number;
    if (text[s] === '"' && d !== '|') {
      // A quoted CSV cell: up to its closing quote (a doubled one is a quote inside).
      let j = s + 1;
      while (j < e && !(text[j] === '"' && text[j + 1] !== '"')) {
        j += text[j] === '"' ? 2 : 1;
      }
      [s, cellEnd] = [s + 1, j];
      i = text.indexOf(d, j);
    } else {
      i = text.indexOf(d, s);
      cellEnd = i === -1 || i > e ? e : i;
    }
    const [a, b] = trimmed(text, s, cellEnd, /[ \t]/);
    out.push({ start: a, end: b });
    i = (i === -1 || i > e ? e : i) + 1;
  }
  return out;
}

/**
 * The cells of a CLI's column-aligned line (`NAME        PASSWORD`, `kubectl get`'s and `chamber read`'s
 * output): runs parted by two blanks or more; a single blank stays inside a cell (`03-04 10:12:33`).
 */
function spacedCells(text: string, from: number, end: number): Cell[] {
  const out: Cell[] = [];
  for (const m of text.slice(from, end).matchAll(/\S+(?: \S+)*/g)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** A Markdown cell's inline code (`` `…` ``): what the backticks hold. */
function inlineCode(text: string, c: Cell): Cell {
  const coded = c.end - c.start > 2 && text[c.start] === '`' && text[c.end - 1] === '`';
  return coded ? { start: c.start + 1, end: c.end - 1 } : c;
}

/** [from, to) without the characters `blank` matches at either end. */
function trimmed(text: string, from: number, to: number, blank: RegExp): [number, number] {
  let [a, b] = [from, to];
  while (a < b && blank.test(text[a]!)) {
    a++;
  }
  while (b > a && blank.test(text[b - 1]!)) {
    b--;
  }
  return [a, b];
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}
