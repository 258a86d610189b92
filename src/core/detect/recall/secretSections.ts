import { lineStart } from '../lineBounds';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * A section named for secrets whose entries are named for what they open: YAML's `secrets:` then
 * `stripe: …`, INI's `[passwords]` then `root = …`, JSON's `"tokens": { "ci": "…" }`, Salt's pillar,
 * `basic_auth_users:`. No entry's own name says it is a credential, so the named-literal detector read
 * none of them; hunter F (2026-12-06) sent thirteen such files through `ask`, and all went out.
 */

/** The sections' names (`credentials` and `creds` too), as the shared word search finds them. */
const WORDS = wordSet([
  'secrets',
  'passwords',
  'credentials',
  'creds',
  'tokens',
  'htpasswd',
  'basic_auth_users',
]);
const NAME = '(secrets|passwords|credentials|creds|tokens|htpasswd|basic_auth_users)';
/** The section's head, from the start of the name: YAML's `name:`, INI's `[name]`, JSON's `"name": {`. */
const YAML_HEAD = new RegExp(`${NAME}[ \\t]*:[ \\t]*(?:#[^\\n]*)?$`, 'iym');
const INI_HEAD = new RegExp(`${NAME}\\][ \\t]*$`, 'iym');
const JSON_HEAD = new RegExp(`${NAME}["'][ \\t]*:[ \\t]*\\{`, 'iy');
/** An entry: its indentation, name and separator; the value is read after it. */
const YAML_ENTRY = /^([ \t]+)["']?[\w.@-]{1,64}["']?[ \t]*:[ \t]+(?=[^\s#&*|>{[])/my;
const INI_ENTRY = /^[ \t]*[\w.@-]{1,64}[ \t]*[=:][ \t]*(?=\S)/my;
const JSON_ENTRY = /[ \t\r\n]*["'][\w.@-]{1,64}["'][ \t]*:[ \t]*(?=["'])/y;
const MAX_ENTRIES = 64;
/** How far before a section's name its line's start is looked for. */
const HEAD_REACH = 256;

export const findSecretSections: RecallDetector = (text, out) => {
  for (const at of wordPlaces(text, WORDS)) {
    // What stands before the word on its line, read back at most `HEAD_REACH`: a section's name starts its
    // line after blanks, a `- ` or a `[`, or follows a quote. Unbounded, each word of one long line was read
    // back to its start (200 KB of `creds ` on one line took 1 s).
    const start = lineStart(text, at, HEAD_REACH);
    const head = start === 0 || text.charCodeAt(start - 1) === 10 ? text.slice(start, at) : undefined;
    const kind = /^(?:passw|htp|basic)/i.test(text.slice(at, at + 5)) ? 'password' : 'secret';
    if (head !== undefined && /^[ \t]*(?:-[ \t]+)?$/.test(head)) {
      YAML_HEAD.lastIndex = at;
      if (YAML_HEAD.exec(text) !== null) {
        yamlEntries(text, YAML_HEAD.lastIndex, head.length, kind, out);
      }
    } else if (head !== undefined && /^[ \t]*\[$/.test(head)) {
      INI_HEAD.lastIndex = at;
      if (INI_HEAD.exec(text) !== null) {
        iniEntries(text, INI_HEAD.lastIndex, kind, out);
      }
    } else if (/["']/.test(text[at - 1] ?? '')) {
      JSON_HEAD.lastIndex = at;
      if (JSON_HEAD.exec(text) !== null) {
        jsonEntries(text, JSON_HEAD.lastIndex, kind, out);
      }
    }
  }
};

/** The YAML entries indented past `indent` on the lines after `from`, each a scalar. */
function yamlEntries(text: string, from: number, indent: number, kind: string, out: RecallSpan[]): void {
  let at = text.indexOf('\n', from) + 1;
  for (let n = 0; at > 0 && n < MAX_ENTRIES; n++) {
    YAML_ENTRY.lastIndex = at;
    const m = YAML_ENTRY.exec(text);
    if (m === null || m[1]!.length <= indent) {
      return;
    }
    const c = text.charCodeAt(YAML_ENTRY.lastIndex);
    const end = lineEndAt(text, YAML_ENTRY.lastIndex);
    const span =
      c === 34 || c === 39
        ? readQuoted(text, YAML_ENTRY.lastIndex)
        : { start: YAML_ENTRY.lastIndex, end: bareEnd(text, YAML_ENTRY.lastIndex, end), quoted: false };
    pushLiteral(text, span, kind, true, out);
    at = end < text.length ? end + 1 : -1;
  }
}

/** The INI entries after `from` up to the next section or a blank line's end of the file. */
function iniEntries(text: string, from: number, kind: string, out: RecallSpan[]): void {
  let at = text.indexOf('\n', from) + 1;
  for (let n = 0; at > 0 && n < MAX_ENTRIES; n++) {
    INI_ENTRY.lastIndex = at;
    if (INI_ENTRY.exec(text) === null) {
      return;
    }
    const end = lineEndAt(text, INI_ENTRY.lastIndex);
    pushLiteral(
      text,
      { start: INI_ENTRY.lastIndex, end: bareEnd(text, INI_ENTRY.lastIndex, end), quoted: false },
      kind,
      true,
      out,
    );
    at = end < text.length ? end + 1 : -1;
  }
}

/** The JSON object's string entries after `from` (its `{`), one level. */
function jsonEntries(text: string, from: number, kind: string, out: RecallSpan[]): void {
  let at = from;
  for (let n = 0; n < MAX_ENTRIES; n++) {
    JSON_ENTRY.lastIndex = at;
    if (JSON_ENTRY.exec(text) === null) {
      return;
    }
    const span = readQuoted(text, JSON_ENTRY.lastIndex);
    pushLiteral(text, span, kind, false, out);
    const comma = /^[ \t]*["']?[ \t]*,/.exec(text.slice(span.end, span.end + 8));
    if (comma === null) {
      return;
    }
    at = span.end + comma[0].length;
  }
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}

/** Where a bare value ends: its line's end, before a comment (` #`) and trailing blanks or a `\r`. */
function bareEnd(text: string, start: number, end: number): number {
  const comment = text.slice(start, end).search(/[ \t]#/);
  let e = comment === -1 ? end : start + comment;
  while (e > start && /[\s]/.test(text[e - 1]!)) {
    e--;
  }
  return e;
}
