import type { RecallDetector } from './recallSpan';

/**
 * Short quoted values after a bare word: `kanban '<12 upper-case and digits>'`, `mite '<16>'`,
 * `mailgun '…' pass '<hex-hex-hex>'`. Logs, notes and test fixtures put a provider's name or a
 * credential word and then the value in quotes, with no `=` or `:` between them. The value is too short
 * or too regular for the shape tests of the other detectors (12 characters, one case), so here it is
 * judged by what code keeps in quotes after a word: words, paths, versions, host names, identifiers
 * (`python3`, `node18-alpine`), and seldom a value that goes from letters to digits and back (three runs or more).
 */

/**
 * A word, one to four spaces, then a quoted run of 8 to 80 characters with no space or quote that opens
 * with a letter or digit and holds no `?`: a run cut by `?` or opened by `=` is a template or a broken
 * sample, as in the labelled-token detector.
 */
export const QUOTED =
  /(?<![\w$.@:=/\\-])([A-Za-z][A-Za-z0-9_-]{1,31})[ \t]{1,4}(['"])([A-Za-z0-9][^\s'"`\\?]{7,79})\2/g;

/** Words after which a quoted value is code: a module, a command, a message, a test name, a type. */
const CODE_WORDS = new Set(
  (
    'import from require require_relative load include source use using gem pod npm pip brew apt go ' +
    'echo print puts p printf say log warn die raise throw return yield await case when if elif unless ' +
    'in is as of and or not else then do def class module package extends implements new type typeof ' +
    'describe it test context should expect assert cd git docker run exec sh bash cat grep sed awk ' +
    'alias export set unset local declare readonly let const var image tag version sha hash digest ' +
    'commit ref rev checksum integrity id uuid guid name title label path file dir url uri host domain ' +
    'email user username charset encoding locale lang format pattern regex match select where order by'
  ).split(' '),
);

/** Letter and digit runs: `X6ETTOLHGKFK` has three, `python3` two, `utf8mb4` four. */
function runs(value: string): number {
  let n = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const k = c >= 48 && c <= 57 ? 1 : (c | 32) >= 97 && (c | 32) <= 122 ? 2 : 0;
    if (k !== 0 && k !== last) {
      n++;
    }
    last = k === 0 ? last : k;
  }
  return n;
}

/** A path, a host name or file name, a version, a date or a placeholder: never a credential here. */
function isPlainValue(value: string): boolean {
  return (
    /[/\\]/.test(value) ||
    /\.[A-Za-z]{2,6}$/.test(value) ||
    /^v?\d{1,4}(?:[._-]\d{1,4}){1,3}/.test(value) ||
    /(.)\1{4}|^[A-Z_]+$|^[a-z_]+$|your|example|changeme|placeholder/i.test(value) ||
    value.includes('${') ||
    isSlug(value) ||
    isConstantName(value)
  );
}

/** A part of a constant's name: letters then a number (`AES128`, `CBC3`, `SHA384`), a number, a word. */
const CONSTANT_PART = /^(?:[A-Z]{1,20}\d{0,4}|\d{1,4}|[a-z]{2,8})$/;

/**
 * An upper-case name joined from parts of letters then digits, of more than one length: a cipher suite
 * (`TLS_AES_256_GCM_SHA384`, `DH-DSS-DES-CBC3-SHA`, `AES128-CCM8`), an OpenSSL cipher list
 * (`RC4:!COMPLEMENTOFDEFAULT`). A product key's groups are drawn (letters and digits mixed) and all of one
 * length (`K7Q2M-9XZ4P-…`).
 */
function isConstantName(value: string): boolean {
  const parts = value.split(/[-_:!+]/).filter((p) => p !== '');
  return (
    parts.length >= 2 &&
    parts.every((p) => CONSTANT_PART.test(p)) &&
    parts.filter((p) => /^[A-Z]{2}/.test(p)).length >= 2 &&
    new Set(parts.map((p) => p.length)).size > 1
  );
}

/** Letters and digits only, lower case: what a name and its value are compared by. */
const folded = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * A constant that spells its own label: `#define SSL_TXT_CAMELLIA128 "CAMELLIA128"`. Looser than
 * nonSecretForms' `spellsItsName` (one word and digits may do), for a label no credential name leads.
 */
function spellsItsLabel(word: string, value: string): boolean {
  const v = folded(value);
  return v.length >= 6 && folded(word).includes(v);
}

/**
 * A word of a name, maybe numbered (`central1`): three letters or more, with a vowel, no five consonants
 * or three vowels in a row.
 */
const NAME_WORD = /^(?=[a-z]*[aeiouy])(?![a-z]*(?:[^aeiouy\d]{5}|[aeiou]{3}))[a-z]{3,12}\d{0,2}$/i;

/**
 * A name joined from short parts, half of them words or more: a zone (`us-central1-edge-den1`), a module
 * (`Test2::Event::Diag`), a store or a hook (`test-hl7v2-store`, `p4-pre-submit`), a codec (`utf-16-be`,
 * `bz2_codec`), a model (`gpt-3.5-turbo-instruct`), a locale (`sr_RS.UTF-8@latin`). A key's parts are long
 * or generated.
 */
function isSlug(value: string): boolean {
  const parts = value.split(/::|[-_.@]/);
  if (parts.length < 2 || parts.some((p) => p.length > 10 || /[a-z][A-Z]/.test(p))) {
    return false;
  }
  // Numbers (`utf-16-be`, `gpt-3.5-turbo`) count for neither side, and are no more than the words.
  const words = parts.filter((p) => NAME_WORD.test(p)).length;
  const numbers = parts.filter((p) => /^\d+$/.test(p)).length;
  return words > 0 && numbers <= words && words * 2 >= parts.length - numbers;
}

/** `QUOTED` tried at one position only. */
const QUOTED_AT = new RegExp(QUOTED.source, 'y');

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45;

/**
 * The matches of `QUOTED`, found from its opening quotes. Its look-behind rejects a word character, so
 * a match starts where a run of word characters does, the run ending one to four blanks before a quote:
 * only there is the pattern tried. Tried at every position, it read each word again from every letter.
 */
export function* quotedMatches(text: string): Generator<RegExpExecArray> {
  let resume = 0;
  let single = text.indexOf("'");
  let double = text.indexOf('"');
  while (single !== -1 || double !== -1) {
    const q = double === -1 || (single !== -1 && single < double) ? single : double;
    if (q === single) {
      single = text.indexOf("'", q + 1);
    } else {
      double = text.indexOf('"', q + 1);
    }
    let w = q;
    while (w > 0 && q - w < 4 && isBlank(text.charCodeAt(w - 1))) {
      w--;
    }
    let s = w;
    while (s > 0 && w - s < 32 && isWordChar(text.charCodeAt(s - 1))) {
      s--;
    }
    if (w === q || s === w || s < resume) {
      continue;
    }
    QUOTED_AT.lastIndex = s;
    const m = QUOTED_AT.exec(text);
    if (m !== null) {
      resume = QUOTED_AT.lastIndex;
      yield m;
    }
  }
}

export const findQuotedLabels: RecallDetector = (text, out) => {
  for (const m of quotedMatches(text)) {
    const word = m[1]!.toLowerCase();
    const value = m[3]!;
    if (CODE_WORDS.has(word) || isPlainValue(value) || spellsItsLabel(word, value)) {
      continue;
    }
    let alnum = 0;
    let digits = 0;
    for (const c of value) {
      alnum += /[A-Za-z0-9]/.test(c) ? 1 : 0;
      digits += /\d/.test(c) ? 1 : 0;
    }
    // Letters and digits both, in three runs or more: a word and a number (`python3`, `node18`) is two.
    // An upper-case key (`45MCZSNBEXAA`) may come in two runs: code's upper-case values are words.
    const minRuns = /^[A-Z0-9]{10,}$/.test(value) && digits >= 2 ? 2 : 3;
    if (alnum < 7 || digits === 0 || digits === alnum || runs(value) < minRuns) {
      continue;
    }
    const start = m.index + m[0].length - value.length - 1;
    out.push({ start, end: start + value.length, kind: 'token' });
  }
};
