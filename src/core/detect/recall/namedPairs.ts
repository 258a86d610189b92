import { credentialKind } from './credentialName';
import { pushLiteral, readBare, readQuoted } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * A value whose name stands in a field of its own before it: an SSM parameter's `"Name":
 * "/prod/db/password", … "Value": "…"`, Terraform's `name = "db-password"` then `value = "…"`, Hadoop's
 * `<name>fs.s3a.secret.key</name><value>…</value>`, a servlet's `<param-name>password</param-name>
 * <param-value>…`, Elastic Beanstalk's `option_name: DB_PASSWORD` then `value: …`, a CLI's `--name
 * DbPassword --value …`. The named-literal detector reads a name and its value side by side; here a name
 * field that says credential gives the next value field its value (hunters E and F, 2026-12-06).
 */

/** Value fields, as the shared word search finds them (ASCII case folded). */
const WORDS = wordSet([
  'value"',
  "value'",
  'value:',
  'value ',
  'value\t',
  'value=',
  '<value>',
  '-value>',
  '--value',
]);
/** A value field at a found place, up to its value: quoted, bare, or an XML element's text. */
const VALUE_FIELD =
  /(?:value["']?[ \t]{0,16}(?::|=(?!=))[ \t]{0,8}|value>[ \t]{0,4}(?:<!\[CDATA\[)?|value(?:[ \t]{1,4}|=))/iy;
/**
 * A name field: its key and the name it gives, the last one before a value field; or an element that
 * holds the value element right inside it (Windows' unattend: `<AdministratorPassword><Value>…`).
 */
const NAME_FIELD =
  /(?:\bname|\bkey|param-name|env-entry-name|option_name|ParameterKey|ParameterName)(?:["']?[ \t]{0,16}[:=][ \t]{0,8}["']?|>|[ \t]{1,4})([^"'<>\s,;]{1,160})|<([\w:-]{1,64})>(?=\s{0,40}<value>)/gi;
/** How far back from the value field its name field may stand: the fields of one object or element. */
const REACH = 240;

export const findNamedPairs: RecallDetector = (text, out) => {
  for (const at of wordPlaces(text, WORDS)) {
    // The value field's own start: `--value`'s dashes or `<…-value>`'s element name are before `value`.
    const v = text
      .slice(at, at + 8)
      .toLowerCase()
      .indexOf('value');
    if (v === -1 || (/[A-Za-z0-9_]/.test(text[at + v - 1] ?? '') && text[at + v - 1] !== '-')) {
      continue;
    }
    VALUE_FIELD.lastIndex = at + v;
    if (VALUE_FIELD.exec(text) === null) {
      continue;
    }
    const name = nameBefore(text, at);
    const kind = name === undefined ? undefined : credentialKind(name);
    if (kind !== undefined) {
      takeValue(text, VALUE_FIELD.lastIndex, kind, out);
    }
  }
};

/** The name the last name field before `at` gives, if no other value field stands between. */
function nameBefore(text: string, at: number): string | undefined {
  const from = Math.max(0, at - REACH);
  const before = text.slice(from, at);
  let last: RegExpExecArray | undefined;
  // Read past `at` by the value field's own tag, which an element's lookahead wants to see.
  for (const m of text.slice(from, at + 8).matchAll(NAME_FIELD)) {
    last = m.index < before.length ? m : last;
  }
  if (last === undefined || /value["'>]?[ \t]{0,4}[:=>]/i.test(before.slice(last.index + last[0].length))) {
    return undefined;
  }
  // The name's last segment: `/prod/db/password`, `projects/1/secrets/db-pass`, `smtp/password`.
  return (last[1] ?? last[2]!).replace(/["']$/, '').split('/').pop();
}

function takeValue(text: string, at: number, kind: string, out: RecallSpan[]): void {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    pushLiteral(text, readQuoted(text, at), kind, false, out);
    return;
  }
  // An XML element's text runs to its closing tag; a bare value to its blank or line end.
  const close = text.indexOf('<', at);
  const newline = text.indexOf('\n', at);
  if (text[at - 1] === '>' || text.slice(Math.max(0, at - 9), at) === '<![CDATA[') {
    const end = close === -1 ? (newline === -1 ? text.length : newline) : close;
    const cdata = text.slice(at, end).endsWith(']]') ? 2 : 0;
    pushLiteral(text, { start: at, end: end - cdata, quoted: false }, kind, true, out);
    return;
  }
  // Bare, only a line's own field (YAML's `value: …`, HCL's `value = …`) or a flag's (`--value …`): in code a
  // bare word after `value:` is a type or an expression (`key: PropertyKey, value: T`).
  const lineHead = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  if (
    /^[ \t]*(?:-[ \t]+)?["']?value["']?[ \t]*[:=][ \t]*$/i.test(lineHead) ||
    /--value[ \t=]+$/.test(lineHead)
  ) {
    pushLiteral(text, readBare(text, at), kind, true, out);
  }
}
