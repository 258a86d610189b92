import { hasExampleShape } from '../placeholders';
import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom, spellsWords } from './tokenShape';

// Generated base64 values wherever they stand, with no word beside them: `log in with qa_admin / <value>`,
// a chat's `admin:<value>`, `Acme-Guest / <value>`, a vendor's `new Pusher('<value>')`. Redact on shape:
// a value drawn from base64's alphabet holds `+` or `/` three times in four at 32 characters, and no name,
// word or path of code holds them between letters and digits mixed this way. The blind hunts of 2026-12-06
// (prose, chat and code that others wrote around a placeholder) leaked such a value in 26 of 3,041 runs,
// each where the detectors that read a label or a name found none they knew.

/** base64's alphabet and its padding. */
const BASE64 = alnumTable('+/=');
/**
 * Fewest characters of a value taken on its shape alone, and the most (a longer one is data, an image's or a
 * key's, read by other detectors).
 */
const MIN = 20;
const MAX = 512;
/** Fewest letters and digits: a value of marks is none. */
const MIN_ALNUM = 16;

/**
 * What may not stand right before a value: a name's joint (`_`, `-`: `Elf32_Phdr/Elf64_Phdr`), a host's or a
 * file's dot (`github.com/…`), an escape (`\u0b80…`) or a URL encoding (`%2B…`, read decoded elsewhere).
 */
const JOINED_BEFORE = new Set(['_', '-', '.', '\\', '%', '$', '@', '&', '#']);

/**
 * Labels of a digest or of encoded data right before a value (`sha256:`, `h1:`, `integrity=`, `base64,`): a
 * file's hash or an image, which every lock file and data URL holds.
 */
const DIGEST_BEFORE =
  /(?:sha(?:1|224|256|384|512)?|md5|h1|blake2[bs]?|xxh(?:32|64)|crc32c?|integrity|digest)[:=]$|base64,$/i;

/**
 * A key that names encoded data right before a value: an embedding's floats (`"embedding": "…"`), an image's or
 * a sound's bytes (`"b64_json"`, `"audio"`, `"thumbnail"`), as an API's response holds them.
 */
const DATA_BEFORE =
  /["']?(?:embedding|b64_json|image|audio|thumbnail|icon|favicon|font)["']?[ \t]{0,2}[:=][ \t]{0,2}["']?$/i;

/** A word of a path (`/usr/lib/…`, `…/blob/<sha>/README`): lower-case letters with a vowel, four or more. */
const PATH_WORD = /^[a-z]{4,}$/;

export const findBase64Tokens: RecallDetector = (text, out) => {
  const runs = longRuns(text, BASE64, MIN);
  let armour: readonly number[] | undefined;
  for (let r = 0; r < runs.length; r += 2) {
    let start = runs[r]!;
    const end = runs[r + 1]!;
    if (!hasMark(text, start, end)) {
      continue;
    }
    // `token=<value>` is one run: the value is what follows the last `=` that is not padding.
    const assigned = lastAssignment(text, start, end);
    start = assigned === -1 ? start : assigned + 1;
    // A URL's `//` (`https://<value>@host`) opens no value.
    start += text[start - 1] === ':' && text.startsWith('//', start) ? 2 : 0;
    if (end - start < MIN || end - start > MAX || !hasMark(text, start, end)) {
      continue;
    }
    if (JOINED_BEFORE.has(text[start - 1] ?? '') || /^(?:[_-]|\.[A-Za-z])/.test(text.slice(end, end + 2))) {
      continue; // a part of a longer name, path or file name
    }
    let bare = end;
    while (bare > start && text.charCodeAt(bare - 1) === 61) {
      bare--;
    }
    const value = text.slice(start, bare);
    const before = text.slice(Math.max(0, start - 24), start);
    if (!readsGenerated(value) || DIGEST_BEFORE.test(before.slice(-12)) || DATA_BEFORE.test(before)) {
      continue;
    }
    armour ??= publicArmour(text);
    if (!inArmour(armour, start)) {
      out.push({ start, end, kind: 'token' } satisfies RecallSpan);
    }
  }
};

/** Whether `[start, end)` holds a `+` or a `/`. */
function hasMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 43 || c === 47) {
      return true;
    }
  }
  return false;
}

/**
 * The last `=` in `[start, end)` followed by something other than `=` (padding ends a value), or -1. Read back
 * within the run only: `lastIndexOf` went on past its start to the text's previous `=`, once for each run, and
 * 1 MB of runs with `/` and no `=` took 6.7 s.
 */
function lastAssignment(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && text.charCodeAt(i - 1) === 61) {
    i--;
  }
  for (i--; i >= start; i--) {
    if (text.charCodeAt(i) === 61) {
      return i;
    }
  }
  return -1;
}

/**
 * Whether a value of base64's alphabet (with a `+` or `/`, no padding) reads as drawn: letters of both cases
 * and digits, changing class often (`looksRandom`), no four characters twice (`SHASUM256/SHASUMS256`,
 * `src1Length+src2Length`), not mostly words, and no part between `/` that is a word of a path.
 */
export function readsGenerated(value: string): boolean {
  const alnum = value.replace(/[+/]/g, '');
  if (alnum.length < MIN_ALNUM || !/[a-z]/.test(alnum) || !/[A-Z]/.test(alnum) || !/[0-9]/.test(alnum)) {
    return false;
  }
  if (repeatsFourChars(alnum) || hasExampleShape(value)) {
    return false;
  }
  if (spellsWords(alnum, alnum.replace(/[0-9]/g, '').length)) {
    return false;
  }
  const pathLike = value.split('/').some((part) => PATH_WORD.test(part) && /[aeiouy]/.test(part));
  return !pathLike && looksRandom(alnum);
}

/** Whether some four characters of `value` occur twice: a drawn value of 40 does so about once in 20,000. */
function repeatsFourChars(value: string): boolean {
  const seen = new Set<string>();
  for (let i = 0; i + 4 <= value.length; i++) {
    const four = value.slice(i, i + 4);
    if (seen.has(four)) {
      return true;
    }
    seen.add(four);
  }
  return false;
}

/**
 * The bodies of PEM and PGP blocks that hold public data (a certificate, a public key, a signature), as
 * flattened `[start, end)` offsets: base64 lines that are no secret, and that a CA bundle holds by the
 * thousand. A private key's block is the key detectors' to hide whole.
 */
function publicArmour(text: string): number[] {
  const ranges: number[] = [];
  for (let at = text.indexOf('-----BEGIN '); at !== -1; at = text.indexOf('-----BEGIN ', at + 1)) {
    const labelEnd = text.indexOf('-----', at + 11);
    if (labelEnd === -1) {
      break;
    }
    const close = text.indexOf('-----END', labelEnd);
    const end = close === -1 ? text.length : close;
    if (!/PRIVATE|SECRET|ENCRYPTED/.test(text.slice(at + 11, labelEnd))) {
      ranges.push(labelEnd, end);
    }
    at = Math.max(at, end - 1);
  }
  return ranges;
}

function inArmour(ranges: readonly number[], at: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (at > ranges[i]! && at < ranges[i + 1]!) {
      return true;
    }
  }
  return false;
}
