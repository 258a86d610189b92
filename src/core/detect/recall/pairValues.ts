import { credentialKind } from './credentialName';
import { closesElement } from './closingTags';
import { isSpace, lineEnd, pushLiteral, readBare, readQuoted } from './literalValue';
import type { RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';

/**
 * Values whose name stands apart from them: in `Name=value;` pair lists (connection strings), where the
 * name stands after `;` or a quote, and in name/value pairs, where the name is itself a field's value.
 */

/**
 * After a quoted name: the value of a pair (`"name": "X", "value": "…"`, `key="X" value="…"`), the value's
 * attribute in a namespace and on the next line too (Android's `<meta-data android:name="…API_KEY"
 * android:value="…" />`).
 */
export const VALUE_PAIR =
  /[ \t]{0,4}(?:,[ \t]{0,8}["']?value["']?[ \t]{0,4}[:=][ \t]{0,4}|(?:[ \t]{1,8}|[ \t]{0,8}\r?\n[ \t]{0,32})(?:[\w-]{1,20}:)?value[ \t]{0,4}=[ \t]{0,4})(?=["'])/y;
/** After a quoted name in a setter call: `, ` and the quoted value, which a formatter may wrap to the next line. */
export const ARGUMENT_PAIR = /[ \t]{0,4},[ \t]{0,8}(?:\r?\n[ \t]{0,32})?(?=["'])/y;

/**
 * A field that names the variable the pair sets, just before the name: Kubernetes and Compose `- name:`,
 * ECS and Azure `"name":`, Terraform `name =` (aligned), CloudFormation `Name:` and `"ParameterKey":`,
 * Beanstalk's `option_name:`, XML's `<name>`, `<key>`, a servlet's `<param-name>` and `<env-entry-name>`, a
 * CLI's `--name`, PowerShell's `-Name` (`Set-ItemProperty … -Name DefaultPassword -Value …`), `reg add`'s `/v`. The name may stand behind a path (`/prod/db/password`, `smtp/password`).
 */
const NAME_FIELD =
  /(?:(?:^|[\s{,[(])["']?(?:name|Name|NAME|key|Key|ParameterKey|ParameterName|option_name|variable)["']?[ \t]{0,16}[:=][ \t]{0,8}["']?|<(?:[\w-]{1,20}:)?(?:name|key|Name|Key|param-name|env-entry-name)>[\w.-]{0,64}|<stringProp[ \t]{1,4}name="[\w.]{1,40}\.name">|(?:^|\s)(?:--name|-Name|\/v)[ \t=]{1,4}["']?)\/?(?:[\w.-]{1,64}\/){0,8}$/;
/**
 * XML's form of the pair, Hadoop's `<property>` and a credential store's `<entry>`: `<name>…</name>` or
 * `<key>…</key>`, then `<value>…</value>` on the same line or the next, a namespace's prefix allowed (SoapUI's
 * `<con:name>`); a plist's `<key>…</key>` then `<string>…</string>`; KeePass's `<Key>…</Key>` then `<Value …>`;
 * JMeter's `<stringProp name="Argument.name">…</stringProp>` then `<stringProp name="Argument.value">`.
 */
const XML_VALUE =
  /(?:<\/(?:[\w-]{1,20}:)?(?:name|key|Name|Key)>[ \t]{0,8}(?:\r?\n[ \t]{0,32})?<(?:[\w-]{1,20}:)?(?:value|Value|string)(?:[ \t][^<>\n]{0,80})?|<\/stringProp>[ \t]{0,8}(?:\r?\n[ \t]{0,32})?<stringProp[ \t]{1,4}name="[\w.]{1,40}\.value")>/y;
/**
 * A name in an attribute of an element that holds a setting's value: `<entry key="…">`, Android's `<string
 * name="…">`, .NET's `<setting name="…">` (an HTML anchor's `<a name="…">` names no value).
 */
const NAME_ATTRIBUTE =
  /<(?:[\w-]{1,20}:)?(?:entry|string|item|setting|property|param|parameter|variable|secret|credential|field)(?:[ \t][^<>\n]{0,120})?[ \t](?:key|name)=$/i;
/** After the attribute's name: the rest of the tag, then a `<value>` element on its line or the next, if any. */
const AFTER_ATTRIBUTE = /[^<>\n]{0,160}(?<!\/)>(?:[ \t]{0,8}(?:\r?\n[ \t]{0,32})?<(?:value|Value)>)?/y;
/**
 * The sibling field that holds its value, on the same line or the next: `value:`, `"value":`, `Value:`; a
 * parameter's `default:` (Tekton's `params`, Spinnaker's and Jenkins' parameters).
 */
const VALUE_FIELD =
  /["']?[ \t]{0,4},?[ \t]{0,8}(?:\r?\n[ \t]{0,32})?["']?(?:value|Value|VALUE|ParameterValue|default|defaultValue)["']?[ \t]{0,4}[:=][ \t]{0,4}/y;

/**
 * The value of a name/value pair whose name, at [s, e), is the value of a name field (`- name:
 * DB_PASSWORD` then `value: …`; `{"name": "API_TOKEN", "value": "…"}`): hides it and returns where the
 * scan resumes, or undefined when the name is not a pair's. `valueFrom:` (a reference) is no value field.
 */
export function takeSiblingValue(
  text: string,
  s: number,
  e: number,
  kind: string,
  out: RecallSpan[],
): number | undefined {
  if (NAME_ATTRIBUTE.test(text.slice(Math.max(0, s - 160), s))) {
    AFTER_ATTRIBUTE.lastIndex = e;
    return AFTER_ATTRIBUTE.exec(text) === null
      ? undefined
      : elementText(text, AFTER_ATTRIBUTE.lastIndex, kind, out);
  }
  if (!NAME_FIELD.test(text.slice(Math.max(0, s - 200), s))) {
    return undefined;
  }
  if (valueBefore(text, s, kind, out)) {
    return e;
  }
  XML_VALUE.lastIndex = e;
  if (XML_VALUE.exec(text) !== null) {
    return elementText(text, XML_VALUE.lastIndex, kind, out);
  }
  VALUE_FIELD.lastIndex = e;
  const field = VALUE_FIELD.exec(text);
  if (field === null) {
    return valueAhead(text, e, kind, out);
  }
  const at = VALUE_FIELD.lastIndex;
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    return pushLiteral(text, readQuoted(text, at), kind, false, out);
  }
  // Bare, the value is YAML's on a line of its own; on the name's line it is code (a TypeScript
  // signature's `key: PropertyKey, value: T`).
  return field[0].includes('\n') ? pushLiteral(text, readBare(text, at), kind, true, out) : undefined;
}

/** `, "name": "` right before a pair's name: the pair may have given its value first. */
const NAME_AFTER_VALUE = /["'][ \t]{0,4},[ \t\r\n]{0,24}["']?(?:name|Name)["']?[ \t]{0,4}:[ \t]{0,4}["']?$/;
/** `"value": ` right before the quoted value that comes first. */
const VALUE_KEY_BEFORE = /["']?(?:value|Value)["']?[ \t]{0,4}:[ \t]{0,4}$/;

/**
 * A pair written value first (`{ "value": "…", "name": "DB_PASSWORD" }`, as some tools print ECS's
 * `environment`): hides the quoted value before the name at `s`, read back at most 512 characters on its
 * line. Returns whether it did.
 */
function valueBefore(text: string, s: number, kind: string, out: RecallSpan[]): boolean {
  // JMeter writes an argument's value before its name (`<stringProp name="Argument.value">…</stringProp>` then
  // `<stringProp name="Argument.name">password</stringProp>`).
  const before = text.slice(Math.max(0, s - 700), s);
  const element = ELEMENT_VALUE_BEFORE.exec(before);
  if (element !== null) {
    const start = s - before.length + element.index + element[0].indexOf('>') + 1;
    return (
      pushLiteral(text, { start, end: start + element[1]!.length, quoted: false }, kind, true, out) > start
    );
  }
  const tail = text.slice(Math.max(0, s - 40), s);
  const m = NAME_AFTER_VALUE.exec(tail);
  if (m === null) {
    return false;
  }
  const close = s - tail.length + m.index;
  const quote = text[close]!;
  let open = close - 1;
  while (open >= 0 && close - open <= 512 && text[open] !== quote && text[open] !== '\n') {
    open--;
  }
  if (open < 0 || text[open] !== quote || !VALUE_KEY_BEFORE.test(text.slice(Math.max(0, open - 24), open))) {
    return false;
  }
  return pushLiteral(text, { start: open + 1, end: close, quoted: true }, kind, false, out) > open + 1;
}

/** A `….value` element, then the `….name` element whose text follows (see `valueBefore`). Group 1: the value. */
const ELEMENT_VALUE_BEFORE =
  /<stringProp[ \t]{1,4}name="[\w.]{1,40}\.value">([^<\n]{1,512})<\/stringProp>[ \t]{0,8}(?:\r?\n[ \t]{0,32})?<stringProp[ \t]{1,4}name="[\w.]{1,40}\.name">$/;

/** How far past the name its value field may stand: the fields of one object, element or command. */
const AHEAD_REACH = 240;
/**
 * Past a pair's name, the first of: a value field (`"Value":`, HCL's aligned `value        =`, `<value>`,
 * `<param-value>`, `<env-entry-value>`, `--value`, PowerShell's `-Value`, `reg add`'s `/d`); or what ends the pair unanswered: the next pair's name
 * field, a `valueFrom` reference, a bracket or a brace.
 */
const AHEAD =
  /(?<![\w-])(?:["']?(?:value|Value|VALUE|ParameterValue|default|defaultValue)["']?[ \t]{0,16}[:=](?!=)[ \t]{0,8}|--value[ \t=]{1,4}|(?<=\s)(?:-Value|\/d)[ \t]{1,4})|<(?:[\w-]{0,24}-)?(?:value|Value)(?:[ \t][^<>\n]{0,80})?>|(?<![\w-])(?:["']?(?:name|Name|NAME|key|Key|ParameterKey|ParameterName|option_name|variable)["']?[ \t]{0,16}[:=]|valueFrom|--name\b)|<(?:name|key|Name|Key|param-name|env-entry-name)>|[{}[\]]/g;

/**
 * The value field of the pair named just before `e`, when other fields stand between (SSM's `"Type":
 * "SecureString"`, a servlet's `<env-entry-type>`, a CLI's `--type SecureString`, a `description:`).
 */
function valueAhead(text: string, e: number, kind: string, out: RecallSpan[]): number | undefined {
  const ahead = text.slice(e, e + AHEAD_REACH);
  AHEAD.lastIndex = 0;
  const m = AHEAD.exec(ahead);
  if (m === null || !/value|default|^\/d/i.test(m[0]) || /valueFrom/.test(m[0])) {
    return undefined;
  }
  const at = e + m.index + m[0].length;
  if (m[0].startsWith('<')) {
    return elementText(text, at, kind, out);
  }
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    return pushLiteral(text, readQuoted(text, at), kind, false, out);
  }
  // Bare, a flag's argument up to its blank (`--value … --sensitive`), or a field's that starts its line (YAML's
  // `value: …`, HCL's).
  if (m[0].startsWith('--') || m[0].startsWith('-V') || m[0].startsWith('/d')) {
    // An expression or a variable is no value (`-Value ($token.Token | …)`, `-Value $secret`).
    if (/[($[]/.test(text[at] ?? '')) {
      return undefined;
    }
    let end = at;
    while (end < text.length && end - at < 1024 && !/\s/.test(text[end]!)) {
      end++;
    }
    return pushLiteral(text, { start: at, end, quoted: false }, kind, true, out);
  }
  return startsItsLine(text, e + m.index)
    ? pushLiteral(text, readBare(text, at), kind, true, out)
    : undefined;
}

/**
 * Whether only blanks or a list's `- ` stand between `at` and the start of its line; read back at most 64
 * characters, so that a line of a megabyte is not read again from each field on it.
 */
function startsItsLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 64 && (isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45)) {
    i--;
  }
  const c = i === 0 ? 10 : text.charCodeAt(i - 1);
  return (c === 10 || c === 13) && /^[ \t]*(?:-[ \t]+)?$/.test(text.slice(i, at));
}

/** An element's text from `at` to the next tag on its line (`<value>…</value>`, `<string>…</string>`). */
function elementText(text: string, at: number, kind: string, out: RecallSpan[]): number | undefined {
  const close = text.indexOf('</', at);
  return close === -1 || close === at || close > lineEnd(text, at, close - at + 1)
    ? undefined
    : pushLiteral(text, { start: at, end: close, quoted: true }, kind, false, out);
}

/**
 * A value in a connection string: up to the next `;` or quote, or a command's next option (` --feature`)
 * when the string is an argument on a command line; in a list of pairs apart by blanks (`spaced`), up to
 * the next blank too.
 */
/**
 * A header's name and value as a two-item list (`["X-Auth", "<hex>"]` in a Sentry event's or a HAR's
 * headers, Python's `("X-Auth", …)`): the second item, when generated and closing the list. A list of
 * two field names (`["password", "confirm"]`) reads the same, so a word is left. `quote` is the name's
 * opening quote, `at` just past its closing one; returns where the scan resumes, or undefined.
 */
export function generatedPairItem(
  text: string,
  quote: number,
  at: number,
  kind: string,
  out: RecallSpan[],
): number | undefined {
  ARGUMENT_PAIR.lastIndex = at;
  if (
    !/[[(][ \t]{0,4}$/.test(text.slice(Math.max(0, quote - 8), quote)) ||
    ARGUMENT_PAIR.exec(text) === null
  ) {
    return undefined;
  }
  const v = readQuoted(text, ARGUMENT_PAIR.lastIndex);
  const closes = /^["'][ \t]{0,4}[\])]/.test(text.slice(v.end, v.end + 8));
  return closes && looksRandom(text.slice(v.start, v.end))
    ? pushLiteral(text, v, kind, false, out)
    : undefined;
}

/**
 * Whether `{braced}` at `at` is an ODBC connection string's quoted value, as a person's password in braces
 * (`DRIVER={ODBC Driver 18 for SQL Server};…;PWD={Monkey2004}`), rather than a format string's slot: the line
 * names its driver or DSN, and the braces hold no credential's word (`{db_password}`, `{pwd}` are slots).
 */
function odbcBraces(text: string, at: number, braced: string): boolean {
  const line = text.slice(Math.max(0, at - 512, text.lastIndexOf('\n', at) + 1), at);
  return /\b(?:DRIVER|DSN)=/i.test(line) && credentialKind(braced) === undefined;
}

export function readPairValue(
  text: string,
  at: number,
  spaced = false,
  commas = false,
): { start: number; end: number; quoted: boolean } {
  const limit = lineEnd(text, at, 1024);
  // ODBC braces a value that holds `;` or blanks (`PWD={…}`): the value is what they hold.
  const close = text.charCodeAt(at) === 123 ? text.indexOf('}', at) : -1;
  // Not a format string's slot (`f"password={password!r}"`): a name in braces is code, unless it reads as drawn.
  const braced = close !== -1 && close < limit ? text.slice(at + 1, close) : undefined;
  if (
    braced !== undefined &&
    (looksRandom(braced) || !/^[A-Za-z_][\w.]*(?:![rsa])?$/.test(braced) || odbcBraces(text, at, braced))
  ) {
    return { start: at + 1, end: close, quoted: true };
  }
  // In an XML attribute (a .config's `connectionString="…;Password=ab&amp;cd;"`) an entity is one character
  // of the value: its `;` ends nothing.
  const inAttribute = XML_ATTRIBUTE_BEFORE.test(text.slice(Math.max(0, at - 512), at));
  // In a blank- or comma-separated list (`host=db password=…`, `username=u,password=…,uid=0`) a `;` or a
  // quote glued inside a value is part of it (`I_;:Z+n8aa`, `%2t_svY;$;S'7?`); only a connection string's
  // pairs are parted by `;`, a `;` before a blank ends a shell command, and a quote before one a string. A
  // value so read past a `;` or a quote is a password's length at most: minified code (`d.name=i,d.t…;…`)
  // holds no blank for a long way.
  const endOf = (relaxed: boolean): number => {
    let end = at;
    while (
      end < limit &&
      !(text[end] === ';' && (!relaxed || end + 1 >= limit || isSpace(text.charCodeAt(end + 1)))) &&
      !(
        (text[end] === '"' || text[end] === "'") &&
        (!relaxed || end === at || closesString(text, end + 1, limit))
      ) &&
      !(commas && text[end] === ',')
    ) {
      if (isSpace(text.charCodeAt(end)) && (spaced || commas || isOptionAfter(text, end))) {
        break;
      }
      if (closesElement(text, at, end)) {
        break;
      }
      if (inAttribute && text.charCodeAt(end) === 38 /* & */) {
        XML_ENTITY.lastIndex = end;
        if (XML_ENTITY.test(text)) {
          end = XML_ENTITY.lastIndex;
          continue;
        }
      }
      end++;
    }
    return end;
  };
  const strict = endOf(false);
  const relaxed = (spaced || commas) && strict - at < MAX_LISTED ? endOf(true) : strict;
  const end = relaxed - at <= MAX_LISTED ? relaxed : strict;
  return { start: at, end, quoted: false };
}

/** The longest listed value read past a `;` or a quote glued inside it. */
const MAX_LISTED = 64;

/** Whether a quote before `at` closes a string: the line, a blank or a separator follows it. */
function closesString(text: string, at: number, limit: number): boolean {
  return at >= limit || /[\s,;)\]}>]/.test(text[at]!);
}

/** An XML character reference or one of XML's five named entities, `;` included. */
const XML_ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/y;
/** An open XML attribute's value: `<tag … name="` and no quote or tag mark after it. */
const XML_ATTRIBUTE_BEFORE = /<[A-Za-z][\w:.-]{0,64}[ \t][^<>\r\n]{0,256}?[\w:.-]=["'][^"'<>\r\n]{0,256}$/;

/** ` --feature`: a command's next option after the blank at `at`. */
function isOptionAfter(text: string, at: number): boolean {
  return text.startsWith('--', at + 1) && /[a-z]/.test(text[at + 3] ?? '');
}

/**
 * How the name at `s` stands in a list of pairs, if it does: after `;` or a quote (`;Password=…`,
 * `"Password=…`: a connection string), or after a blank that follows another bare pair (`host=db
 * password=…`: libpq's and ODBC's keyword/value form, often a command's quoted argument), where a value
 * ends at the next blank.
 */
export function pairListAt(text: string, s: number): 'separated' | 'spaced' | 'options' | undefined {
  if (text.charCodeAt(s - 1) === 44 && OPTION_BEFORE.test(text.slice(Math.max(0, s - 120), s))) {
    return 'options';
  }
  let i = s - 1;
  while (i >= 0 && s - i < 8 && isSpace(text.charCodeAt(i))) {
    i--;
  }
  const c = text.charCodeAt(i);
  if (c === 59 || c === 34 || c === 39) {
    return 'separated';
  }
  return i < s - 1 && PREVIOUS_PAIR.test(text.slice(Math.max(0, i - 120), i + 1)) ? 'spaced' : undefined;
}

/**
 * A mount's or a driver's option list, `username=backup,password=…,vers=3.0` (`mount -o`, an fstab line,
 * smbclient's and many URLs' options): pairs joined by a comma with no blank, which keyword arguments in code
 * have (`user=u, password=p`). The list starts after a blank, a quote or `-o`, and a value ends at a comma. A
 * host and its port may open it (StackExchange.Redis' `cache.example.net:6380,password=…,ssl=True`).
 */
const OPTION_BEFORE =
  /(?:^|[\s"'])(?:[\w.-]{1,253}:\d{1,5},(?:[A-Za-z_][\w.-]{0,40}=[^\s=,;"'()]{1,64},){0,8}|(?:[A-Za-z_][\w.-]{0,40}=[^\s=,;"'()]{1,64},){1,8})$/;

/**
 * A bare `name=value` pair ending where the text does (`host=db`, `port=5432`, `user='app'`, a password
 * with a `;`, a `,`, a quote or a bracket inside, `pw=I_;:Z(n8`). Not after a comma: `headers=None,
 * credentials=None)` is a call's keyword arguments, not a list of pairs; nor one ending in `;`, a
 * statement (`a=1; password=x`), nor one holding a call's `)` (`d=ae(203);return d.token=…`, minified).
 */
const PREVIOUS_PAIR =
  /(?:^|[\s"'(])[A-Za-z_][\w.-]{0,40}=(?:'[^'\s]{0,64}'|[^\s=;,"'()](?:[^\s=)]{0,62}[^\s=;,()])?)$/;
