/**
 * Shapes of the passwords people choose rather than generate, which `looksRandom` does not take: joined
 * words, a word and a year, letters with a digit and a mark. Alone they prove nothing (a field's name, a
 * version); the detectors that ask have a credential's label beside the value already (a table's column,
 * a comment's `creds:`).
 */

/**
 * A passphrase of three words or more, joined by one mark or in CamelCase, a number after them at most
 * (`raven_nectar_marble`, `RiverHorseWillow`, `walnut.willow.window72`): people choose these; a cell of words
 * with blanks is prose, and a code name mixes cases (`getAuthToken`) or shouts (`ACCESS_TOKEN`).
 */
const JOINED_WORDS =
  /^(?:[a-z]{3,10}([-_.])[a-z]{3,10}(?:\1[a-z]{3,10}){1,4}|(?:[A-Z][a-z]{2,9}){3,6})\d{0,4}$/;

/** A word and a year, as people choose passwords (`Summer2019!`, `Welcome2012`); a name rarely ends so. */
const WORD_YEAR = /^[A-Z][a-z]{2,11}(?:19|20)\d\d[!?#$%&*@.]?$/;
/**
 * Letters, a digit and a password's mark, 8 to 64 and no blank (`xYoff!#Yl!eZ9`): a key combination
 * (`Ctrl+Shift+P`), a version or a path holds none of these marks.
 */
const MARKED_PASSWORD = /^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])(?=[^\s]*[!#$%^&*=?@~])[^\s]{8,64}$/;

/** A word of code's names (`access_token_type`, `UserPasswordHash`): such a cell names a field. */
const CODE_WORD =
  /(?:^|[-_.])(?:token|key|secret|pass|password|auth|type|name|user|hash|id|url)(?:$|[-_.\d])|(?:Token|Key|Secret|Pass|Password|Auth|Type|Name|User|Hash|Id|Url)(?:$|[A-Z\d])/;

/** Joined words or a word and a year, not a name of code: `raven_nectar_marble`, `RiverHorseWillow`, `Summer2019!`. */
export function isWordPassword(value: string): boolean {
  return (JOINED_WORDS.test(value) && !CODE_WORD.test(value)) || WORD_YEAR.test(value);
}

/** Letters, a digit and a password's mark (`xYoff!#Yl!eZ9`, `Passw0rd2022!`). */
export function isMarkedPassword(value: string): boolean {
  return MARKED_PASSWORD.test(value);
}

/** What prose says a password is: its state, its kind, or a word that begins a phrase. */
const PROSE_WORDS = new Set(
  (
    'required optional mandatory incorrect invalid wrong correct empty missing blank null none unset ' +
    'expired stored hashed encrypted saved changed updated reset weak strong secure insecure long short ' +
    'valid needed given used shown hidden masked visible known unknown secret same different sensitive ' +
    'case protected generated random provided supplied ignored disabled enabled accepted rejected allowed ' +
    'forbidden stale old new current default here there below above this that these those the your their ' +
    'our his her its mine yours right fine good bad ok okay true false unchanged plaintext cleartext ' +
    'plain clear ascii unicode utf numeric alphanumeric lowercase uppercase prompted requested asked sent ' +
    'received entered typed incorrectly correctly also still not too very only just never always set read ' +
    'written printed echoed kept lost nothing nil string number boolean object integer bytes text char ' +
    'void undefined yes no'
  ).split(' '),
);

/**
 * Whether `word` reads as one word a person chose as a password (`amberwheel`, `Sunflower`), not prose: four
 * to 32 letters, lower case after the first, no prose word, nor shaped as a participle or an adjective.
 */
export function isChosenWord(word: string): boolean {
  if (!/^[A-Za-z][a-z]{3,31}$/.test(word)) {
    return false;
  }
  const lower = word.toLowerCase();
  return !PROSE_WORDS.has(lower) && !/(?:ed|ing|ly|able|ible|ive|ous|ful|less|ion|ment)$/.test(lower);
}
