import { drawnPairs, randomLetterRun, rarePairs } from '../rules/letterPairs';
import { alnumTable, longRuns } from './charRuns';
import { namesNoSecret } from './credentialName';
import { isElided } from './nonSecretForms';
import { countedShare } from './drawnBodies';
import { MIN_BODY } from './prefixedTokens';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom, spellsWords, UNSPOKEN, UUID } from './tokenShape';

/**
 * Generated values right after a credential word, with no assignment a name detector reads:
 * `karma SECRET <20 letters>`, `vbout KEY <25 digits>`, `holisticACCESS=<hex>`, `KEY` on one line and the
 * value on the next. Kingfisher's rule examples showed these leaving the machine whole. The word glued to its
 * value by `-`, `_` or `.` is a tagged token instead (`prefixedTokens.ts`), which also judges what a drawn
 * body's documented samples look like (`countedShare`).
 */

/**
 * A credential word that ends a label, glued (`gumroadSECRET`, `dd_apikey`) or alone (`SECRET`, `key`,
 * `the-odds-api`).
 */
const CREDENTIAL_WORD_END =
  /(?:secret|private|access|token|key|apikey|passwd|password|pwd|credential|auth|(?<![A-Za-z])api)$/i;
/** Shortest value after a credential word: 12 random letters and digits (`ACCESS HGTS7P9Lz3avQVX`). */
const MIN_VALUE = 12;
/** Characters of a value after a credential word. */
const VALUE_TABLE = alnumTable('+/_=-');
/**
 * What may stand between the word and its value: blanks, one line break, `:` or `=`, a quote. A word glued
 * to its value by `-`, `_` or `.` (`gumroadSECRET-…`) is a tagged token, `findPrefixedTokens`' part.
 */
const BETWEEN = /^[ \t]{0,4}(?:\r?\n)?[ \t]{0,4}[:=]?[ \t]{0,4}["']?$/;

/** Whether `value`, after a credential word, reads as generated: digits or one-case letters too. */
function generatedValue(value: string): boolean {
  if (UUID.test(value)) {
    // `00000000-0000-…`, Azure's documented InstrumentationKey: a random UUID holds a dozen digits or more.
    return new Set(value.replace(/-/g, '')).size >= 6;
  }
  if (/^[0-9]{16,}$/.test(value)) {
    return true;
  }
  if (GROUPED.test(value) && groupedKey(value.split('-'))) {
    return true;
  }
  // Fewer kinds of character than a draw holds: `keykeykey…`, `0000…`, a filler; a short value, from 16
  // symbols, holds fewer (12 random hex, 6 or more kinds 99 times in 100).
  const filler = new Set(value).size < (value.length < MIN_BODY ? 6 : 8);
  if (filler || countedShare(value) >= 0.5) {
    return false; // `gsk_aBcDeFgHiJ…1234567890…`: a sample, not a draw
  }
  // Base64 with its padding (`9sgc21=A3apk10JngRWq==`): both cases and digits, `=` at its end. Its short runs of
  // letters are chance, not words, which `spellsWords` would read in so few letters one draw in five.
  if (PADDED_BASE64.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && looksRandom(value)) {
    return true;
  }
  // Hex of letters and digits is a draw: its letter runs (`bbd`, `adc`) are no words to spell. From 12 on
  // (`ipinfo private token <14 hex>`): hex switches class too seldom for `looksRandom` at that length.
  if (/^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value) && /[a-fA-F]/.test(value) && /[0-9]/.test(value)) {
    return true;
  }
  if (value.length < MIN_BODY) {
    return looksRandom(value) && !spellsWords(value, value.replace(/[^A-Za-z]/g, '').length);
  }
  if (looksRandom(value)) {
    return !spellsWords(value, value.replace(/[^A-Za-z]/g, '').length);
  }
  // Letters and digits that switch class too seldom for `looksRandom` (mostly one case, few digits): drawn
  // when the letters pair as no language does.
  if (drawnPairs(value)) {
    return true;
  }
  if (/^(?:[A-Z]{16,}|[a-z]{16,})$/.test(value)) {
    return randomLetterRun(value) || drawnAfterWord(value);
  }
  // Letters of both cases that switch case too seldom for `looksRandom` (`mbAKtouxhxxwDilhHxmk`): drawn when
  // they spell no camelCase words and hold the pairs one-case draws do, or hold no vowel at all (16 letters
  // or more: no name is spelled so, and consonants alone pair as words do one draw in 1,000).
  return (
    /^[A-Za-z]{16,}$/.test(value) &&
    !spellsWords(value, value.length) &&
    (drawnAfterWord(value) || !/[aeiouy]/i.test(value))
  );
}

/** Base64 letters and digits (`+`, `/`, `=` inside too) ending in one or two `=`, two digits or more. */
const PADDED_BASE64 = /^(?=(?:[^0-9]*[0-9]){2})[A-Za-z0-9+/=]{10,}[A-Za-z0-9+/]={1,2}$/;

/** A key in groups: three to eight groups of 4 to 12 letters and digits, joined by `-`. */
const GROUPED = /^[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{4,12}){2,7}$/;

/**
 * Whether groups after a credential word make a key (`QWKZTRB-MNXCVLP-…`, a licence's or a service's key):
 * no group is a word, each is a draw or a mask that counts or repeats (`ABCDEFG`, `XXXX`), and draws hold
 * seven characters or more. A peer's sample whose masks stand beside one drawn group
 * (`RequestFinance-Key ABCDEFG-HIJKLMN-OPQRSTU-<7 drawn>`) is hidden as a key with a counting head is
 * (`countedShare`); masks alone (`XXXXX-XXXXX-…`) and words (`INFO-WARN-ERROR`) stay.
 */
function groupedKey(groups: readonly string[]): boolean {
  let drawn = 0;
  for (const g of groups) {
    if (countedShare(g) >= 0.5 || /^(.)\1+$/.test(g)) {
      continue;
    }
    if (!drawnGroup(g)) {
      return false;
    }
    drawn += g.length;
  }
  return drawn >= 7;
}

/**
 * A group of a key: letters no tongue says (four consonants in a row, or two pairs outside the table),
 * or letters and digits mixed; digits alone count only beside such a group.
 */
function drawnGroup(g: string): boolean {
  if (/^[0-9]+$/.test(g)) {
    return false;
  }
  const letters = g.replace(/[0-9]/g, '');
  return letters.length < g.length || UNSPOKEN.test(g) || rarePairs(g) >= 2;
}

/**
 * One-case letters that no language spells, judged more loosely than `randomLetterRun` does, as the word
 * before them says a credential follows: three pairs outside the table and one pair in eight. The report
 * tier's one in four lets a tenth of random draws of 24 through (`vercelTOKEN <24 letters>`, Kingfisher's
 * samples); with this, one in 160 (one in 50 of 20 letters, one in 17 of 16; 50,000 draws each). Names of
 * code joined in one case reach it too (one in eight of those in the real trees), but they do not stand
 * alone after `TOKEN` or `KEY`: the detector's spans on those trees are the same.
 */
function drawnAfterWord(value: string): boolean {
  const rare = rarePairs(value);
  return rare >= 3 && rare * 8 >= value.length - 1;
}

export const findValuesAfterCredentialWords: RecallDetector = (text, out) => {
  const runs = longRuns(text, VALUE_TABLE, MIN_VALUE);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end - start > 1024) {
      continue;
    }
    // A value may start the run or follow an `=` inside it (`holisticACCESS=<hex>`): a few places are tried.
    let from = start;
    for (let tries = 0; tries < 4 && from < end; tries++) {
      // The run's first `=` from here, read within the run: an `indexOf` on the text read on past it to the
      // next `=` anywhere, the whole rest of a text that has none (a line of thousands of tokens).
      let cut = from;
      while (cut < end && text.charCodeAt(cut) !== 61) {
        cut++;
      }
      // An `=` inside a value is its own (base64's padding, a draw's: `8o1it2=B2fI…==`), unless a name stands
      // before it (`KEY=…` is an assignment, whose value the next place reads) or the run goes on past a `?`
      // or a `!` (a piece of a longer string, a peer's near miss: `MJUkQ7uUe=Qqct…!3ntJ…`).
      const whole =
        cut < end && !NAME.test(text.slice(from, cut)) && !/^[?!][A-Za-z0-9]/.test(text.slice(end, end + 2));
      const valueEnd = whole ? end : cut;
      if (valueEnd - from >= MIN_VALUE && valueAfterWord(text, from, valueEnd, out)) {
        break;
      }
      from = cut + 1;
      while (from < end && text[from] === '=') {
        from++;
      }
    }
  }
};

/** A name before an `=`: two letters or more and `_`, a few digits at its end (`key`, `DB_PASSWORD`, `token2`). */
const NAME = /^[A-Za-z_]{2,64}[0-9]{0,3}$/;

/** Records the value [start, end) when a credential word stands right before it and it reads as generated. */
function valueAfterWord(text: string, start: number, end: number, out: RecallSpan[]): boolean {
  // The separator: the characters before the value back to the last letter or digit (at most 12).
  let word = start;
  while (word > 0 && start - word < 12 && !/[A-Za-z0-9]/.test(text[word - 1]!)) {
    word--;
  }
  if (!BETWEEN.test(text.slice(word, start))) {
    return false;
  }
  const head = text.slice(Math.max(0, word - 32), word);
  const value = text.slice(start, end).replace(/[_-]+$/, '');
  // The name the word ends (`invalidPassword`, `authenticity_token`) may say the value is no secret.
  const name = /[A-Za-z0-9_.-]*$/.exec(head)![0];
  if (
    !CREDENTIAL_WORD_END.test(head) ||
    namesNoSecret(name) ||
    isElided(text, start, start + value.length) ||
    !generatedValue(value)
  ) {
    return false;
  }
  out.push({ start, end: start + value.length, kind: 'secret' });
  return true;
}
