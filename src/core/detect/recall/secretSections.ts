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
    YAML_HEAD.lastIndex = at;
    if (head !== undefined && /^[ \t]*(?:-[ \t]+)?$/.test(head) && YAML_HEAD.exec(text) !== null) {
      yamlEntries(text, YAML_HEAD.lastIndex, head.length, kind, out);
    } else if (head !== undefined && BLOCK_PREFIX.test(head)) {
      // HCL's `tokens {` (Consul's ACL tokens), a type named for them (`enum Secrets {`, `object ApiTokens {`).
      BLOCK_HEAD.lastIndex = at;
      if (BLOCK_HEAD.exec(text) !== null) {
        blockEntries(text, BLOCK_HEAD.lastIndex, kind, out);
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

/**
 * Before a block's name on its line: nothing (HCL's `tokens {`), or a type's declaration, the name perhaps a
 * word of a longer one (`enum Secrets`, `struct ApiTokens`, `public static class Credentials`); not an
 * interface's, whose members' quoted literals are types (`type: 'tokens'`).
 */
const BLOCK_PREFIX =
  /^[ \t]*(?:(?:(?:public|private|internal|export|final|sealed|static|data|abstract)[ \t]+){0,3}(?:enum|struct|object|class|namespace|module)[ \t]+[A-Za-z_]{0,40})?$/;
/** The block's head after its word: an optional tail of the type's name and its attributes, then `{`. */
const BLOCK_HEAD = /[A-Za-z_]{0,20}[ \t]*(?::[ \t]*[\w.<>, ]{1,60})?[ \t]*(?:\r?\n[ \t]*)?\{[ \t]*$/my;
/**
 * A block's entry with a quoted literal: HCL's `master = "…"`, Swift's `static let stripe = "…"`, Kotlin's
 * `const val MAPBOX = "…"`, C#'s and Java's `public const string Stripe = "…";`, TypeScript's enum members.
 */
const BLOCK_ENTRY =
  /^[ \t]*(?:(?:public|private|internal|static|final|const|readonly|let|var|val)[ \t]+){0,4}(?:String[ \t]+|string[ \t]+)?[\w.@-]{1,64}(?:[ \t]*:[ \t]*String\??)?[ \t]*[=:][ \t]*(?=["'])/my;
const LABELS_KIND = /token|credential|secret|password/i;
/** How far a block's entries are read. */
const BLOCK_REACH = 4096;

/**
 * The quoted entries of the block opened at `from` (its `{`), up to its `}`, one level: a line inside a
 * nested block (a method's body, where `providerName: "provider",` is a call's named argument: CodeQL's
 * `class HardCodedCredentialsTest`) is no entry of it.
 */
function blockEntries(text: string, from: number, kind: string, out: RecallSpan[]): void {
  let at = text.indexOf('\n', from) + 1;
  const limit = Math.min(text.length, from + BLOCK_REACH);
  let depth = 1;
  for (let n = 0; at > 0 && at < limit && n < MAX_ENTRIES; n++) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    const opened = depth;
    depth += braces(line);
    if (depth <= 0 || (opened === 1 && /^[ \t]*\}/.test(line))) {
      return;
    }
    if (opened > 1) {
      n--; // a nested block's lines are not the block's entries, nor count against them
      at = end < text.length ? end + 1 : -1;
      continue;
    }
    BLOCK_ENTRY.lastIndex = at;
    if (BLOCK_ENTRY.exec(text) !== null && BLOCK_ENTRY.lastIndex <= end) {
      const value = readQuoted(text, BLOCK_ENTRY.lastIndex);
      // A value that names the kind (`type: 'tokens'`, `kind: "clientCredentials"`) is a label, not one.
      if (!LABELS_KIND.test(text.slice(value.start, value.end))) {
        pushLiteral(text, value, kind, false, out);
      }
    }
    at = end < text.length ? end + 1 : -1;
  }
}

/** The `{`s less the `}`s of a line, those inside its quoted strings left out. */
function braces(line: string): number {
  let n = 0;
  let quote = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) {
        i++;
      } else if (c === quote) {
        quote = 0;
      }
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 123) {
      n++;
    } else if (c === 125) {
      n--;
    }
  }
  return n;
}

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
