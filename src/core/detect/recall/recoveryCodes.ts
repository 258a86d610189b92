import type { RecallDetector } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * What opens an account or a wallet when everything else is lost, stated for a reader: a service's recovery
 * or backup codes (`a7f3-c9e2`, `8241 9930`), listed after their words on the line or the lines below, and a
 * wallet's seed or recovery phrase (twelve to twenty-four small words, BIP-39's). Hunter E (2026-12-06) sent
 * both through `ask`; no other detector reads a list of short codes or a phrase of words as a secret.
 */

const WORDS = wordSet(['recovery code', 'backup code', 'seed phrase', 'recovery phrase', 'mnemonic phrase']);
/** The words, then up to 40 characters to a colon (`The recovery codes are:`, `Backup codes (keep safe):`). */
const CODES_HEAD = /(?:recovery|backup)[ \t]codes?\b[^\n:]{0,40}:?/iy;
const PHRASE_HEAD = /(?:seed|recovery|mnemonic)[ \t]phrase\b[^\n:]{0,40}:?[ \t]*["'`]?/iy;
/** One code: two groups of four or five letters and digits (with a digit), or eight to ten digits. */
const CODE = /(?<![\w-])(?=[a-z0-9 -]{0,10}\d)(?:[a-z0-9]{4,5}[- ][a-z0-9]{4,5}|\d{8,10})(?![\w-])/gi;
/** A line of one code below the words (`1. …`, `- …`, or bare): six to 64 characters, a letter or digit in it. */
const CODE_LINE = /^[ \t]{0,8}(?:\d{1,2}[.)][ \t]{1,4}|[-*\u2022][ \t]{1,4})?([^\s]{6,64})[ \t]*\r?$/dgm;
/** How far the codes may run past their words: a list of up to sixteen, one a line. */
const CODES_REACH = 400;
const PHRASE = /[a-z]{3,8}(?:[ \t]+[a-z]{3,8}){11,23}(?![A-Za-z])/y;

export const findRecoveryCodes: RecallDetector = (text, out) => {
  for (const at of wordPlaces(text, WORDS)) {
    CODES_HEAD.lastIndex = at;
    if (CODES_HEAD.exec(text) !== null) {
      const from = CODES_HEAD.lastIndex;
      // The codes stand on the line or in the block right after it; a blank line ends them.
      const blank = text.indexOf('\n\n', from);
      const end = Math.min(from + CODES_REACH, blank === -1 ? text.length : blank);
      const block = text.slice(from, end);
      for (const m of block.matchAll(CODE)) {
        out.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'password' });
      }
      // A code of another service's shape alone on its line below the words, a list's mark before it.
      for (const m of block.matchAll(CODE_LINE)) {
        const [s, e] = m.indices![1]!;
        out.push({ start: from + s, end: from + e, kind: 'password' });
      }
      continue;
    }
    PHRASE_HEAD.lastIndex = at;
    if (PHRASE_HEAD.exec(text) !== null) {
      PHRASE.lastIndex = PHRASE_HEAD.lastIndex;
      if (PHRASE.exec(text) !== null) {
        out.push({ start: PHRASE_HEAD.lastIndex, end: PHRASE.lastIndex, kind: 'secret' });
      }
    }
  }
};
