import { credentialKind } from './credentialName';
import { isPlaceholderValue, pushLiteral, readBare, readQuoted } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

/**
 * A credential's value one level down, under a member that only says "value":
 * - an ARM template's or a parameters file's `"adminPassword": { "type": "securestring", "defaultValue": "…" }`
 *   and `"adminPassword": { "value": "…" }`, inline or over lines; a WireMock stub's matcher
 *   (`"apikey": { "equalTo": "…" }` under `queryParameters` or `headers`);
 * - the same in YAML (`adminPassword:` then an indented `value: …` or `default: …`);
 * - a Windows Wi-Fi profile's `<keyMaterial>…</keyMaterial>` (its passphrase, unless `<protected>true`);
 * - cloud-init's `chpasswd: list:` block, a `user:password` per line (`RANDOM` asks cloud-init for one).
 * Each is bounded: an object is read up to 600 characters and no nested brace, a YAML block up to six lines.
 */

/**
 * A JSON object's value member (`"value": "`, `"defaultValue": "`, `"equalTo": "`), found first (they are rare; a search led by
 * each object's brace read every brace of the text), its object's name then read back.
 */
const JSON_VALUE =
  /alue"[ \t]{0,4}:(?<="(?:v|defaultV)alue"[ \t]{0,4}:)|fault"[ \t]{0,4}:(?<="default"[ \t]{0,4}:)|qualTo"[ \t]{0,4}:(?<="equalTo"[ \t]{0,4}:)/g;
/** What precedes an object's brace: its quoted name (group 1), the colon. */
const JSON_NAME = /"([A-Za-z][\w.-]{0,63})"[ \t]{0,4}:[ \t]{0,4}$/;
/** A YAML line's `value:` (or `default:`), led by the word: its indent is group 1. */
const YAML_VALUE =
  /(?:alue|fault)[ \t]{0,4}:[ \t]{1,4}(?<=^([ \t]{1,40})(?:value|default|defaultValue)[ \t]{0,4}:[ \t]{1,4})/gm;
/** A YAML key alone on its line: indent group 1, name group 2. */
const YAML_KEY = /^([ \t]{0,40})["']?([A-Za-z][\w.-]{0,63})["']?[ \t]{0,4}:[ \t]*(?:#.*)?\r?$/;
const KEY_MATERIAL = /<keyMaterial>([^<\n]{1,256})<\/keyMaterial>/g;
/** cloud-init's `chpasswd:`, then `list: |` (a block of lines) or `list:` (a YAML list). */
const CHPASSWD =
  /^([ \t]{0,16})chpasswd[ \t]{0,4}:[ \t]*\r?\n[ \t]{0,32}list[ \t]{0,4}:[ \t]*\|?[ \t]*\r?\n/gm;
/** One line of the list: `user:password` (after a `- ` in the YAML list form). */
const LIST_LINE = /^([ \t]{1,40})(?:-[ \t]{1,4})?["']?[\w.-]{1,64}:([^\s"']{1,256})["']?[ \t]*\r?$/;

/** How far back a value member's object may open; an object's name is read in the 80 characters before it. */
const OBJECT_REACH = 600;
const BLOCK_LINES = 6;

/** Words that open two of the readers, for the shared word search before `includes` (see kubernetes.ts). */
const KEY_MATERIAL_WORD = wordSet(['<keymaterial>']);
const CHPASSWD_WORD = wordSet(['chpasswd']);

export const findNestedValues: RecallDetector = (text, out) => {
  if (text.includes('{')) {
    jsonValues(text, out);
  }
  yamlValues(text, out);
  if (
    holdsWord(text, KEY_MATERIAL_WORD) &&
    text.includes('<keyMaterial>') &&
    !/<protected>\s*true\s*<\/protected>/.test(text)
  ) {
    for (const m of text.matchAll(KEY_MATERIAL)) {
      const start = m.index + '<keyMaterial>'.length;
      pushLiteral(text, { start, end: start + m[1]!.length, quoted: false }, 'password', true, out);
    }
  }
  if (holdsWord(text, CHPASSWD_WORD) && text.includes('chpasswd')) {
    chpasswdLists(text, out);
  }
};

function jsonValues(text: string, out: RecallSpan[]): void {
  for (const m of text.matchAll(JSON_VALUE)) {
    const member = m.index + m[0].length;
    // The object holding the member: its brace within reach, no other brace between.
    const before = text.slice(Math.max(0, m.index - OBJECT_REACH), m.index);
    const open = before.lastIndexOf('{');
    if (open === -1 || before.indexOf('}', open) !== -1) {
      continue;
    }
    const name = JSON_NAME.exec(before.slice(Math.max(0, open - 80), open));
    const kind = name === null ? undefined : credentialKind(name[1]!);
    let at = member;
    while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) {
      at++;
    }
    if (kind !== undefined && text.charCodeAt(at) === 34) {
      const span = readQuoted(text, at);
      if (!isExpression(text.slice(span.start, span.end))) {
        pushLiteral(text, span, kind, false, out);
      }
    }
  }
}

function yamlValues(text: string, out: RecallSpan[]): void {
  for (const m of text.matchAll(YAML_VALUE)) {
    const indent = m[1]!.length;
    const kind = yamlOwner(text, m.index, indent);
    if (kind === undefined) {
      continue;
    }
    const start = m.index + m[0].length;
    const c = text.charCodeAt(start);
    const span = c === 34 || c === 39 ? readQuoted(text, start) : readBare(text, start);
    if (!isExpression(text.slice(span.start, span.end))) {
      pushLiteral(text, span, kind, true, out);
    }
  }
}

/**
 * The credential kind of the key that owns the YAML line at `at` (of indent `indent`): the nearest line
 * above, within `BLOCK_LINES`, that is less indented must be a key alone on its line naming a credential.
 */
function yamlOwner(text: string, at: number, indent: number): string | undefined {
  let end = text.lastIndexOf('\n', at);
  for (let n = 0; n < BLOCK_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '') {
      continue;
    }
    if (line.length - line.trimStart().length >= indent) {
      continue; // a sibling of the value line (`type: string`)
    }
    const key = YAML_KEY.exec(line);
    return key === null ? undefined : credentialKind(key[2]!);
  }
  return undefined;
}

function chpasswdLists(text: string, out: RecallSpan[]): void {
  for (const m of text.matchAll(CHPASSWD)) {
    let at = m.index + m[0].length;
    for (let n = 0; n < 64 && at < text.length; n++) {
      const nl = text.indexOf('\n', at);
      const line = text.slice(at, nl === -1 ? text.length : nl);
      const l = LIST_LINE.exec(line);
      if (l === null || l[1]!.length <= m[1]!.length) {
        break;
      }
      const password = l[2]!;
      if (password !== 'RANDOM' && !isPlaceholderValue(password)) {
        const start = at + line.lastIndexOf(password);
        out.push({ start, end: start + password.length, kind: 'password' });
      }
      at = nl === -1 ? text.length : nl + 1;
    }
  }
}

/** An ARM template's expression (`[parameters('adminPassword')]`, `[reference(…).secret]`): code, not a value. */
function isExpression(value: string): boolean {
  return /^\[[A-Za-z][\w.]{0,40}\(.*\]$/.test(value);
}
