import { narrowText } from '../keywordWords';
import { lineStart } from '../lineBounds';
import { alnumTable } from './charRuns';
import { looksRandom } from './tokenShape';
import type { Edit } from './textView';

// The string-level decodings the redact tier reads a text through before detecting: each returns the
// edits that turn the text into what a program would see, in one pass and linear time.

const UNICODE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u2018-\u201F]/g;

/**
 * Invisible characters dropped (zero-width U+200B/C/D and U+2060, the soft hyphen a web or Word copy leaves,
 * left-to-right and other direction marks a Windows dialog's copy leaves, U+FEFF), smart quotes read as plain.
 */
export function unicodeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Of these characters only the soft hyphen is below U+0100: a text without it and without any wider
  // character (a test V8 answers at once for a one-byte string) has none, found without the class's pass
  // over every character (30 µs of 100 KB of code).
  if (narrowText(text) && !text.includes('\u00AD')) {
    return edits;
  }
  for (const m of text.matchAll(UNICODE)) {
    const c = m[0].charCodeAt(0);
    const replacement = c >= 0x2018 && c <= 0x201b ? "'" : c >= 0x201c && c <= 0x201f ? '"' : '';
    edits.push({ start: m.index, end: m.index + 1, replacement });
  }
  return edits;
}

/**
 * A run of URL characters that percent-encodes a separator a credential needs (`=`, `&`, `:`, `/`, `@`,
 * `-`, `+`): a query string or a URL carried, encoded, inside another (`next=https%3A%2F%2Fu%3Apw%40…`,
 * `state=api_key%3Dsk%2Dproj%2D…`), or encodes it twice (`%253D`: a URL put in a query string that was then
 * encoded again; decodedViews.ts reads such a view once more). Bounded, so the scan stays linear.
 */
const ENCODED_RUN =
  /[A-Za-z0-9._~+\-%]{0,2048}%(?:25)?(?:3[DdAa]|26|2[FfDdBb]|40)[A-Za-z0-9._~+\-%]{0,2048}/g;
const PERCENT = /%([2-7][0-9A-Fa-f])/g;

/** Each printable `%XX` of such runs read as its character. */
export function percentEdits(text: string): Edit[] {
  if (!text.includes('%')) {
    return [];
  }
  const edits: Edit[] = [];
  for (const run of text.matchAll(ENCODED_RUN)) {
    for (const m of run[0].matchAll(PERCENT)) {
      const c = parseInt(m[1]!, 16);
      if (c >= 0x20 && c < 0x7f) {
        edits.push({
          start: run.index + m.index,
          end: run.index + m.index + 3,
          replacement: String.fromCharCode(c),
        });
      }
    }
  }
  return edits;
}

/**
 * A sentence's full stop right after a long token (`it worked with <secret>.`): tokens that may hold a `.`
 * (Entra ID's client secrets, Salesforce's session ids) read it as their own last character and then fit no
 * format. The view reads the stop as a blank. Led by the stop and a blank after it, the token looked back at.
 */
const SENTENCE_STOP = /\.(?=[ \t\r\n]|$)(?<!\.\.)(?<=[A-Za-z0-9_~!+/=.-]{24}\.)/gm;
/** The characters of a token that may end a sentence. */
const STOP_TOKEN = /[A-Za-z0-9_~!+/=.-]{24,512}$/;

/**
 * An ellipsis (`ops_Ff…Z...`, a token shown cut short) is no stop; a name without a digit
 * (`SECMOD_WaitForAnyTokenEvent.`) is read as written.
 */
export function sentenceStopEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(SENTENCE_STOP)) {
    const run = STOP_TOKEN.exec(text.slice(Math.max(0, m.index - 512), m.index))?.[0] ?? '';
    const token = run.replace(/^.*[/=]/, '');
    if (/\d/.test(token) && looksRandom(token)) {
      edits.push({ start: m.index, end: m.index + 1, replacement: ' ' });
    }
  }
  return edits;
}

/** HTML's character references for quotes (`{&quot;apiKey&quot;: …}`): only quotes, which a value needs. */
const ENTITY = /&(?:quot|apos|#34|#39|#x22|#x27);/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&apos;': "'",
  '&#34;': '"',
  '&#39;': "'",
  '&#x22;': '"',
  '&#x27;': "'",
};
/** A quoted key in escaped JSON: where a text holds config rendered into HTML. */
const ESCAPED_KEY = /&(?:quot|#34|#x22);[ \t]{0,4}:/;

/** Config rendered into HTML (`data-config="{&quot;apiKey&quot;:&quot;…&quot;}"`) read as its JSON. */
export function entityEdits(text: string): Edit[] {
  if (!text.includes('&') || !ESCAPED_KEY.test(text)) {
    return [];
  }
  return [...text.matchAll(ENTITY)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    replacement: ENTITIES[m[0]]!,
  }));
}

/**
 * A token cut where a terminal, a mail or a wiki wrapped its line: a line of 60 or more characters that ends
 * in a run of 32 or more token characters, and a next line that starts with such characters (after an
 * indent of up to 8); or a run of 16 or more ended by a shell's `\` before the break. The break (and indent)
 * is read as nothing, so the token reads whole.
 */
export function wrapEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let chained = -1; // where the line just joined to its predecessor starts
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    const end = nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const slash = end > 0 && text.charCodeAt(end - 1) === 92;
    const runEnd = slash ? end - 1 : end;
    let i = runEnd;
    while (i > 0 && runEnd - i < 32 && isTokenChar(text.charCodeAt(i - 1))) {
      i--;
    }
    if (runEnd - i < (slash ? 16 : 32)) {
      continue; // most lines: no run long enough, and nothing else read
    }
    const from = lineStart(text, runEnd, 300);
    if (
      (!slash && from !== chained && runEnd - lineStart(text, runEnd, 60) < 60) ||
      !looksRandom(text.slice(i, runEnd)) ||
      (from !== chained && !TOKEN_LINE.test(text.slice(from, runEnd)))
    ) {
      continue;
    }
    const [j, k] = nextLineRun(text, nl, 8);
    if (k - j >= 8 && !startsAssignment(text, j)) {
      edits.push({ start: runEnd, end: j, replacement: '' });
      chained = nl + 1;
    }
  }
  return edits;
}

/**
 * After the line break at `nl`: where the next line's text starts past an indent of up to 8, and where the run
 * of up to `max` token characters it opens with ends.
 */
function nextLineRun(text: string, nl: number, max: number): [number, number] {
  let j = nl + 1;
  while (j < text.length && j - nl <= 8 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
    j++;
  }
  let k = j;
  while (k < text.length && k - j < max && isTokenChar(text.charCodeAt(k))) {
    k++;
  }
  return [j, k];
}

/**
 * A provider's token wrapped onto a second line by a mail or a chat, however short its lines: a line that ends
 * in a run opening with one of `prefixes` (`ghp_`, `xoxb-`, `sk_live_`) whose body reads as drawn, then a next
 * line of token characters alone that opens with no prefix of its own (after an indent of up to 8; a closing
 * quote may end it). The break (and indent) is read as nothing.
 */
export function prefixWrapEdits(text: string, prefixes: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    const end = nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let i = end;
    while (i > 0 && end - i < 120 && isTokenChar(text.charCodeAt(i - 1))) {
      i--;
    }
    if (
      end - i < 12 ||
      end - i >= 120 ||
      (i > 0 && text.charCodeAt(i - 1) > 32 && !/["'`:=(]/.test(text[i - 1]!))
    ) {
      continue;
    }
    const head = text.slice(i, Math.min(end, i + 16)).toLowerCase();
    const prefix = prefixes.find((p) => head.startsWith(p) && end - i > p.length + 4);
    // A body that reads as drawn (a digit, or both cases), not a word (`dckr_pat_tooshort`, a peer's list).
    const body = prefix === undefined ? '' : text.slice(i + prefix.length, end);
    if (prefix === undefined || !(/[0-9]/.test(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body)))) {
      continue;
    }
    const [j, k] = nextLineRun(text, nl, 120);
    const lineEnds = /^["'`]?[,;)]?[ \t]*(?:\r?\n|$)/.test(text.slice(k, k + 8));
    // A next line that opens with a prefix of its own is the next token of a list, not this one's rest.
    const next = text.slice(j, j + 16).toLowerCase();
    if (k - j >= 8 && lineEnds && !startsAssignment(text, j) && !prefixes.some((p) => next.startsWith(p))) {
      edits.push({ start: end, end: j, replacement: '' });
    }
  }
  return edits;
}

/**
 * Whether the line at `at` starts with the name of an assignment of its own (`azure_org_id: …`,
 * `AZURE_MANAGEMENT_API_URL=https://…`): the next entry of a file after a long value, which a wrap would have
 * joined to that value and, in the view, hidden with it. A name, then `:` and a blank or the line's end, or
 * `=` and a value; a wrapped token's rest holds no such name (base64's `=` is padding at its end, and a
 * random run is no name).
 */
function startsAssignment(text: string, at: number): boolean {
  const m = ASSIGNMENT_START.exec(text.slice(at, at + 80));
  return m !== null && !looksRandom(m[1]!);
}

const ASSIGNMENT_START = /^([A-Za-z][A-Za-z0-9_.-]{0,63})(?::(?:[ \t]|\r?$)|=[^=\s])/m;

/**
 * A line whose end may be a token cut by a wrap: it names a credential (`token`, `key`, `Bearer`…) or its
 * run is a JWT's or a provider's (`eyJ…`, `sk-…`, `ghp_…`). A base64 body (a certificate's) is neither.
 */
const TOKEN_LINE =
  /(?:secret|token|passw|api[_-]?key|_key|key[ \t]*[:=]|bearer|authorization|credential)|(?:^|[^A-Za-z0-9])(?:eyJ|sk-|ghp_|gho_|ghu_|ghs_|github_pat_|glpat-|xox[abpre]-|AKIA|ASIA|AIza)/i;

/** `[A-Za-z0-9+/=_.-]`: the characters of base64, base64url, JWTs and most tokens. */
const TOKEN_CHARS = alnumTable('+/=_.-');

function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHARS[c] === 1;
}

/**
 * JSON string escapes, and the seams of a JSON list of lines: a notebook cell's `"source"` is one string
 * per line, each ending in `\n`, so `\n",␤  "` reads as the line break it stands for and a key or
 * assignment spread over items reads whole. The seam's whitespace is bounded, so the scan stays linear.
 */
const ESCAPE = /\\n"[ \t\r\n]{0,200},[ \t\r\n]{0,200}"|\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/g;
const SIMPLE: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function jsonEscapeEdits(text: string): Edit[] {
  if (!text.includes('\\')) {
    return [];
  }
  const edits: Edit[] = [];
  for (const m of text.matchAll(ESCAPE)) {
    const s = m[0];
    const replacement =
      s.length > 2 && s[1] === 'n'
        ? '\n'
        : s[1] === 'u'
          ? String.fromCharCode(parseInt(s.slice(2), 16))
          : SIMPLE[s[1]!]!;
    edits.push({ start: m.index, end: m.index + s.length, replacement });
  }
  return edits;
}

const QUOTES = '"\'`';
/** A literal longer than this is not a piece of a split secret, and ends the scan of its quote early. */
const MAX_LITERAL = 4096;
/** Whitespace (line breaks included) allowed around a concatenation operator. */
const MAX_GAP = 200;
/** `${'…'}` inside a template: a literal interpolated into a template is part of it. */
const TEMPLATE_PIECE = /\$\{[ \t]{0,8}(["'])[^"'`\\\r\n]{0,256}\1[ \t]{0,8}\}/g;

/**
 * String concatenation of literals, joined: `"ghp_ab" + "cd…"`, PHP `'sk-' . 'proj…'`, Python's implicit
 * `"a" "b"`, Lua `..`, SQL `||`, VB `&`, a `\` line continuation, and literals interpolated into a
 * template. The seams (closing quote, operator, opening quote) are deleted in the view, so the pieces
 * read as one literal; a secret found there maps back over every piece and the operators between them.
 */
export function concatEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const nextQuote = quoteFinder(text);
  let i = 0;
  while (i < text.length) {
    const at = nextQuote(i);
    if (at === -1) {
      break;
    }
    let end = literalEnd(text, at);
    if (end < 0) {
      i = -end; // what the failed scan read holds no literal start worth a second read
      continue;
    }
    templatePieces(text, at, end, edits);
    for (;;) {
      const next = joinedLiteral(text, end);
      const nextEnd = next === -1 ? -1 : literalEnd(text, next);
      if (nextEnd < 0) {
        break;
      }
      edits.push({ start: end - 1, end: next + 1, replacement: '' });
      templatePieces(text, next, nextEnd, edits);
      end = nextEnd;
    }
    i = end;
  }
  return edits;
}

/**
 * The first quote of `text` at or after `from` (ascending from one call to the next), or -1: each quote's
 * next place is kept and found again by `indexOf` once passed. A regex call per literal made a match array
 * each (60 KB of garbage on 100 KB of code).
 */
function quoteFinder(text: string): (from: number) => number {
  const next = [...QUOTES].map((q) => text.indexOf(q));
  return (from) => {
    let first = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k] !== -1 && next[k]! < from) {
        next[k] = text.indexOf(QUOTES[k]!, from);
      }
      if (next[k] !== -1 && (first === -1 || next[k]! < first)) {
        first = next[k]!;
      }
    }
    return first;
  };
}

/**
 * Offset just past the literal that opens at `at`; when it does not close within the line (a template
 * may span lines) and MAX_LITERAL, minus the offset where the scan stopped. The caller resumes there, so
 * no character is read twice and the pass is linear even over escaped quotes (`\"\"\"…`).
 */
function literalEnd(text: string, at: number): number {
  // Char codes, not one-character strings: this reads every character of every literal in the text.
  const q = text.charCodeAt(at);
  const limit = Math.min(text.length, at + MAX_LITERAL);
  for (let i = at + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === q) {
      return i + 1;
    } else if (c === NEWLINE && q !== BACKTICK) {
      return -i;
    }
  }
  return -limit;
}

const BACKSLASH = 92;
const NEWLINE = 10;
const BACKTICK = 96;

/** The opening quote of a literal joined to the one that ends at `from`, or -1. */
function joinedLiteral(text: string, from: number): number {
  let i = skipGap(text, from);
  if (text.startsWith('..', i) || text.startsWith('||', i)) {
    i += 2;
  } else if ('+.&\\'.includes(text[i] ?? ' ')) {
    i += 1;
  }
  i = skipGap(text, i);
  return i < text.length && QUOTES.includes(text[i]!) ? i : -1;
}

/** Blanks and line breaks from `from`, at most `MAX_GAP`: where the next piece of a split literal may start. */
export function skipGap(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_GAP);
  let i = from;
  let c = text.charCodeAt(i);
  while (i < limit && (c === 32 || c === 9 || c === 10 || c === 13)) {
    c = text.charCodeAt(++i);
  }
  return i;
}

function templatePieces(text: string, start: number, end: number, edits: Edit[]): void {
  if (text[start] !== '`') {
    return;
  }
  const body = text.slice(start, end);
  if (!body.includes('${')) {
    return;
  }
  for (const m of body.matchAll(TEMPLATE_PIECE)) {
    const open = start + m.index;
    const quote = m[0].indexOf(m[1]!);
    const close = m[0].lastIndexOf(m[1]!);
    edits.push({ start: open, end: open + quote + 1, replacement: '' });
    edits.push({ start: open + close, end: open + m[0].length, replacement: '' });
  }
}
