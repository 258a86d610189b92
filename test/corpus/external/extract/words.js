'use strict';
// Reading a peer's token as a word or as a random value, for the templates (see template.js): the
// identifiers and words that stay as written, and what is worth re-generating. Run by the extractors only.

function entropy(s) {
  const counts = new Map();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Names the peer's source gives for what it tests (trufflehog's detector name, `d7network`): in the
// peer's text they are the provider's keyword, never a random value, even when they hold a digit.
let names = new Set();

/** Sets the names the next templatize calls keep as words (lower-cased). */
function keepNames(list) {
  names = new Set(list.map((n) => n.toLowerCase()));
}

// Words of code with no vowel, which the vowel test above would read as random (`http.NewRequest`).
const CODE_WORDS = /^(?:https?|www|ctx|fmt|pkg|cmd|src|std|msg|cfg|tmp|xml|html|sql|json)$/;

/** A token worth re-generating: long enough and random-looking (not a word, identifier or placeholder). */
/**
 * Identifiers and phrases: every camel-case or separated piece is a short word or a small number; an
 * identifier's piece may end in a one- or two-digit index (`sumoKey1`) or be a two-letter word (`Id`).
 */
function wordLike(tok) {
  const pieces = tok
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    // An acronym before a capitalised word is a piece of its own (`brandfetchAPIKey`, `getIDFromDatabase`).
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.=/~]+/)
    .filter((p) => p.length > 0);
  return (
    pieces.length <= 8 &&
    pieces.every(
      (p) =>
        names.has(p.toLowerCase()) ||
        CODE_WORDS.test(p) ||
        (/^(?:[A-Z]?[a-z]{2,}|[A-Z]?[a-z]{2,10}\d{1,2}|[A-Z][a-z]|[A-Z]{2,}|[a-z]|\d{1,4}[a-z]*)$/.test(p) &&
          /[aeiouy]|^\d/i.test(p)),
    ) &&
    tok.replace(/[^A-Za-z0-9]/g, '').length / pieces.length >= 3
  );
}

function randomLooking(tok) {
  if (tok.length < 8 || wordLike(tok)) return false;
  if (/^(?:x+|X+|\*+|0+|\.+|-+|_+|=+)$/.test(tok)) return false;
  if (
    /^[A-Za-z_.\-/]+$/.test(tok) &&
    !/[A-Z].*[a-z].*[A-Z]|[a-z].*[A-Z].*[a-z]/.test(tok.replace(/[_.\-/][A-Za-z]/g, ''))
  )
    return false; // words, snake_case and dotted or slashed paths
  if (/(?:https?|ftp)$/.test(tok) || tok.includes('//')) return false;
  if (/x{6,}|X{6,}|\*{4,}|0{8,}|1234567|abcdef|\.\.\./.test(tok)) return false;
  return entropy(tok) >= 3 && (/[0-9]/.test(tok) || tok.length >= 20 || /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(tok));
}

module.exports = { entropy, escapeRe, keepNames, wordLike, randomLooking };
