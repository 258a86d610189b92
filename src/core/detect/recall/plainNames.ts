import type { Edit } from './textView';

// A name or separator typed, pasted or disguised in Unicode, read as the plain ASCII a detector knows
// (hunt K, class G): a no-break space around `=` from a web page or Word, a full-width name or `＝` from a
// CJK input method, a Cyrillic or Greek look-alike letter in `pаssword`. Each returns the edits of a view.

/** What may start an edit: a wide blank, a Greek or Cyrillic letter, a full-width ASCII character. */
const CANDIDATE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\u0370-\u03FF\u0400-\u052F\uFF01-\uFF5E]/g;

/**
 * The Cyrillic and Greek letters drawn like a Latin one (Unicode's confusables, Latin targets only): what a
 * look-alike name is made of. Letters drawn like no Latin one (`л`, `ж`, `λ`) are not here, and a word that
 * holds one is a word of its own script.
 */
const LOOK_ALIKES = 'авекмнорстухѕіјԁԛԝһӏАВЕКМНОРСТХУЅІЈԀԚԜҺӀ' + 'αεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ';
const LATIN = 'aBekMHopcTyxsijdqwhlABEKMHOPCTXYSIJDQWHI' + 'aeikvoptuxABEZHIKMNOPTYX';
const LATIN_OF: ReadonlyMap<number, string> = new Map(
  [...LOOK_ALIKES].map((c, i) => [c.charCodeAt(0), LATIN[i]!]),
);

/** A name longer than this is no name a detector reads; its letters are left as written. */
const MAX_WORD = 64;

/**
 * No-break and other wide spaces by a `=` or `:` read as a blank; a run of full-width ASCII that holds a letter, or a
 * full-width `＝`, read as its ASCII (NFKC's reading); and in a word that mixes Latin letters with Cyrillic or
 * Greek look-alikes (and holds no other letter of those scripts), the look-alikes read as their Latin
 * letter. Text in Russian or Greek (`пароль`, `κωδικός`) and CJK punctuation (`（注）：`) read as written.
 * Only a text with a character past U+009F is read at all, in one pass.
 */
export function plainNameEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (!WIDE.test(text)) {
    return edits;
  }
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c >= 0xff01) {
      CANDIDATE.lastIndex = fullWidthRun(text, at, edits);
    } else if (c >= 0x0370 && c <= 0x052f) {
      CANDIDATE.lastIndex = lookAlikeWord(text, at, edits);
    } else if (bySeparator(text, at)) {
      edits.push({ start: at, end: at + 1, replacement: ' ' });
    }
  }
  return edits;
}

/** A character past U+009F: the cheap test a one-byte string of code answers at once. */
const WIDE = /[\u00A0-\uffff]/;

/**
 * Whether the wide blank at `at` sits by a `=` or `:` (`password<NBSP>=<NBSP>…`), with at most 4 blanks
 * between: where a name meets its value. Elsewhere (`100<NBSP>€`, a web page's `&nbsp;` indents) it separates
 * nothing a detector reads, and each edit there would only make the view longer to read.
 */
function bySeparator(text: string, at: number): boolean {
  const side = (step: number): boolean => {
    for (let i = at + step, n = 0; i >= 0 && i < text.length && n <= 4; i += step, n++) {
      const c = text.charCodeAt(i);
      if (c === 0x3d || c === 0x3a || c === 0xff1d || c === 0xff1a) {
        return true;
      }
      if (
        c !== 0x20 &&
        c !== 0x09 &&
        c !== 0xa0 &&
        c !== 0x202f &&
        c !== 0x3000 &&
        (c < 0x2000 || c > 0x200a)
      ) {
        return false;
      }
    }
    return false;
  };
  return side(-1) || side(1);
}

/** Maps the full-width run at `at` when it holds a letter or is `＝`; returns where the run ends. */
function fullWidthRun(text: string, at: number, edits: Edit[]): number {
  let end = at;
  let letter = false;
  let equals = false;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 0xff01 || c > 0xff5e) {
      break;
    }
    letter ||= (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
    equals ||= c === 0xff1d;
    end++;
  }
  if (letter || equals) {
    for (let i = at; i < end; i++) {
      edits.push({ start: i, end: i + 1, replacement: String.fromCharCode(text.charCodeAt(i) - 0xfee0) });
    }
  }
  return end;
}

/** Maps the look-alikes of the word around `at` when it is a Latin word in disguise; returns its end. */
function lookAlikeWord(text: string, at: number, edits: Edit[]): number {
  const floor = edits.length > 0 ? edits[edits.length - 1]!.end : 0;
  let start = at;
  while (start > floor && at - start <= MAX_WORD && isWordChar(text.charCodeAt(start - 1))) {
    start--;
  }
  let end = at;
  while (end < text.length && end - at <= MAX_WORD && isWordChar(text.charCodeAt(end))) {
    end++;
  }
  if (end - start > MAX_WORD) {
    return end;
  }
  let latin = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0370 && !LATIN_OF.has(c)) {
      return end; // a letter of Cyrillic or Greek drawn like no Latin one: a word of that script
    }
    latin ||= (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  }
  if (latin) {
    for (let i = start; i < end; i++) {
      const plain = LATIN_OF.get(text.charCodeAt(i));
      if (plain !== undefined) {
        edits.push({ start: i, end: i + 1, replacement: plain });
      }
    }
  }
  return end;
}

/** A character of a name: ASCII letters, digits and `_`, and the Greek and Cyrillic blocks. */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    (c >= 0x0370 && c <= 0x052f)
  );
}
