import { namesNoSecret } from './credentialName';
import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';

/**
 * Generated literals under any name: a quoted string (or the bare value of a Go `:=` or of a `.env` line)
 * that is one base62
 * token, upper and lower case and digits mixed as only a generator mixes them, 20 characters or more:
 * `apiMetrics := "<32>"`, `<random name> = '<64>'`, `getsmartsheet("<37>")`. A name says nothing here
 * (peers' samples name keys after the provider, or not at all). What stays out: hex (digests, object
 * ids), UUIDs, base64 with `+`/`/` (hashes, data), identifiers, and tokens that hold a word separator
 * (`_`, `-`: slugs, ids with a prefix; the prefixed ones are the provider detectors' work).
 */

/** A quote, then 20 to 256 letters and digits, then the same quote. */
const QUOTED = /(["'`])([A-Za-z0-9]{20,256})\1/g;
/** `name := <token>` with nothing after the token but the line's end, a `,` or a `;`. */
const BARE_GO = /:=[ \t]{1,4}([A-Za-z0-9]{20,256})[ \t]*[,;]?[ \t]*$/gm;
/**
 * A `.env` or shell line, `NAME=<token>` and nothing after (`dareboost=…`, `export ENIGMA=…`): the value
 * of a setting, which code does not write so (Kingfisher's examples sent these whole).
 */
// Led by the `=` and its run of 20, the line's start read back: led by `^`, the name was read at every line.
const BARE_ENV =
  /=(?=[A-Za-z0-9]{20})(?<=^[ \t]{0,8}(?:export[ \t]{1,4})?([A-Za-z_][\w.-]{0,60})=)([A-Za-z0-9]{20,256})[ \t]*$/gm;

export const findGeneratedLiterals: RecallDetector = (text, out) => {
  for (const { re, m } of literalMatches(text)) {
    const value = m[re === BARE_GO ? 1 : 2]!;
    const name = re === BARE_ENV ? m[1]! : nameBefore(text, m.index);
    if (isGenerated(value) && !namesNoSecret(name)) {
      const start = m.index + m[0].indexOf(value);
      out.push({ start, end: start + value.length, kind: 'token' });
    }
  }
  findEnvBase64(text, out);
};

/** Base64's characters without its padding. */
const BASE64 = alnumTable('+/');
/** A `.env` or shell line's start up to its `=`: `NAME=`, maybe indented or exported, read back from the `=`. */
const ENV_NAME = /(?:^|\n)[ \t]{0,8}(?:export[ \t]{1,4})?([A-Za-z_][\w.-]{0,60})=$/;

/**
 * A `.env` line whose value is 32 or more random characters of base64 with a `+` or a `/` (detect-secrets'
 * `mimi=gX69…+9ez…`, the shape of an AWS secret key): `BARE_ENV` takes letters and digits only, since in a
 * quoted string or after `:=` such a value is as often a digest or data. A setting's whole line holds no
 * digest by convention, and none of 389 MB of real files held such a line. A `+` or `/` in the last two
 * characters is an expression's (`x=<token>+1`).
 */
function findEnvBase64(text: string, out: RecallSpan[]): void {
  const runs = longRuns(text, BASE64, 32);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    let end = runs[r + 1]!;
    if (text.charCodeAt(start - 1) !== 61) {
      continue;
    }
    const value = text.slice(start, end);
    const last = Math.max(value.lastIndexOf('+'), value.lastIndexOf('/'));
    if (last === -1 || last >= value.length - 2) {
      continue;
    }
    while (end < runs[r + 1]! + 2 && text.charCodeAt(end) === 61) {
      end++;
    }
    if (!/^[ \t]*(?:\r?\n|$)/.test(text.slice(end, end + 40))) {
      continue;
    }
    const name = ENV_NAME.exec(text.slice(Math.max(0, start - 80), start));
    if (
      name !== null &&
      !namesNoSecret(name[1]!) &&
      looksRandom(value) &&
      !isBase64Text(text.slice(start, end))
    ) {
      out.push({ start, end, kind: 'token' });
    }
  }
}

const ALNUM = alnumTable('');
/** The three patterns, in the order their matches are read; whole-text passes of them are the tests' specification. */
export const LITERAL_PATTERNS = [QUOTED, BARE_GO, BARE_ENV] as const;
const PATTERNS = LITERAL_PATTERNS;
const STICKY = PATTERNS.map((re) => new RegExp(re.source, `${re.flags.replace('g', '')}y`));

/**
 * What `QUOTED`, `BARE_GO` and `BARE_ENV` find over all of `text`, pattern by pattern, in order. Each match
 * holds a whole run of 20 or more letters and digits (what stands around the value is no letter or digit),
 * and starts at a fixed place before it: the quote, the `:=` a few blanks back, the `=`. So each pattern is
 * tried, sticky, only there, at the runs of the tier's shared search (charRuns.ts): over the whole text
 * the three were tried at every quote and every `=` (about 70 µs of 100 KB of code).
 */
export function literalMatches(text: string): { re: RegExp; m: RegExpExecArray }[] {
  const found: { re: RegExp; m: RegExpExecArray }[] = [];
  const runs = longRuns(text, ALNUM, 20);
  for (let k = 0; k < PATTERNS.length; k++) {
    const sticky = STICKY[k]!;
    let resume = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const at = startBefore(text, runs[r]!, PATTERNS[k]!);
      if (at < resume) {
        continue;
      }
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m !== null) {
        found.push({ re: PATTERNS[k]!, m });
        resume = sticky.lastIndex;
      }
    }
  }
  return found;
}

/** Where a match of `re` whose value is the run from `start` would begin; -1 where none can. */
function startBefore(text: string, start: number, re: RegExp): number {
  if (re === QUOTED) {
    return start - 1;
  }
  if (re === BARE_ENV) {
    return text.charCodeAt(start - 1) === 61 ? start - 1 : -1;
  }
  let blanks = 0;
  while (
    blanks < 5 &&
    (text.charCodeAt(start - blanks - 1) === 32 || text.charCodeAt(start - blanks - 1) === 9)
  ) {
    blanks++;
  }
  const at = start - blanks - 2;
  return blanks >= 1 && blanks <= 4 && at >= 0 && text.startsWith(':=', at) ? at : -1;
}

/**
 * The name a literal at `at` is given (`token_id = "…"`, `"client_id": "…"`, `keyId: "…"`), or the
 * call it is passed to: the identifier before the separator, read back at most 80 characters.
 */
function nameBefore(text: string, at: number): string {
  let i = at;
  const stop = Math.max(0, at - 80);
  while (i > stop && ' \t:=(,"\''.includes(text[i - 1]!)) {
    i--;
  }
  const end = i;
  while (i > stop && /[\w.-]/.test(text[i - 1]!)) {
    i--;
  }
  return text.slice(i, end);
}

/**
 * Upper case, lower case and at least three digits, changing class at one character in three or more:
 * camelCase and PascalCase identifiers change class once a word and stay below.
 */
function isGenerated(value: string): boolean {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let changes = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 3;
    upper += k === 1 ? 1 : 0;
    lower += k === 2 ? 1 : 0;
    digits += k === 3 ? 1 : 0;
    changes += i > 0 && k !== last ? 1 : 0;
    last = k;
  }
  // Random base62 changes class at about six characters in ten; an identifier with a number in it
  // (`getUserAccountSettings2024v2`) at one in four or fewer.
  return (
    upper >= 2 &&
    lower >= 2 &&
    digits >= 3 &&
    changes >= value.length / 3 &&
    looksRandom(value) &&
    !isBase64Text(value)
  );
}

/** Base64 of readable text (`dGVzdCBwYXlsb2Fk…`, a test's fixture): what it encodes is no key. */
function isBase64Text(value: string): boolean {
  if (value.length % 4 !== 0) {
    return false;
  }
  return /^[\x20-\x7e\t\r\n]+$/.test(Buffer.from(value, 'base64').toString('latin1'));
}
