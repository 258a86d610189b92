import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { holdsWord, type WordSet, wordSet } from './wordIndex';

/**
 * Passwords given in prose: READMEs, setup notes and scripts' messages say what a password is rather than
 * assign it. `The default password for the user "admin" is "…"`, `ensure the password is '…'`, `echo
 * "The password is '…'"`, and a generated one shown on the line after the words (Jenkins' `Please use the
 * following password to proceed to installation:` then a blank line and the value). Only a quoted value
 * counts in a sentence, and only a random-looking one on its own line: prose says `the password is
 * required`, and that is no value.
 */

/**
 * The word, at most 60 characters on the same line that end no sentence (`for the user "admin"`), then
 * `is`/`was`/`be`/`are` (with an optional `set to`) or `set`/`changed`/`reset to`, an optional colon, and a
 * quoted run with no space and no parenthesis (a call is code, not a value).
 */
const SENTENCE =
  /\b(?:password|passwd|passphrase)\b[^\n.;=]{0,60}?[ \t](?:(?:is|was|be|are)(?:[ \t]+set[ \t]+to)?|(?:set|changed|reset)[ \t]+to)[ \t]*:?[ \t]*(['"`])([^\s'"`()]{1,80})\1/gi;

/**
 * The same sentence with the value bare (`The password is hunter22.`, `pw is x8!kQ for staging`), or a
 * value after `use`, `with` or `enter` and the word (`log in with password hunter22`). Bare, a word is
 * prose (`the password is required`): only a value of six or more with letters and a digit or a mark (or
 * digits alone), and no hash's or cipher's name (`sha256`, `aes-128`), is taken (`bareProseValue`).
 */
const BARE_SENTENCE =
  /\b(?:password|passwd|passphrase|pw|pwd)\b(?:[^\n.;=]{0,60}?[ \t](?:is|was|(?:set|changed|reset)[ \t]+to)|(?<=\b(?:use|using|with|enter|type)[ \t]+(?:the[ \t]+)?(?:password|passwd|passphrase|pw|pwd)))[ \t]*:?[ \t]+([^\s'"`()<>[\]{},;]{6,80}?)(?=[.,;:!?)]?(?:[ \t]|\r?\n|$))/gi;
/** Names of hashes and ciphers, which prose about passwords names (`the password is sha256-hashed`). */
const ALGORITHM =
  /^(?:sha-?\d+|md\d|utf-?\d+|base\d+|aes-?\d+|rsa-?\d+|pbkdf2\w*|argon2\w*|bcrypt\w*|scrypt\w*)/i;

/** A bare value of prose: letters and a digit or a mark, or six digits or more; no algorithm's name, no `16chars`. */
function bareProseValue(value: string): boolean {
  if (ALGORITHM.test(value) || /^\d+[a-z]+$/i.test(value)) {
    return false;
  }
  return /^\d{6,}$/.test(value) || (/[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value));
}

/** `the following password …:`, then the value alone on the next line (one blank line allowed between). */
const FOLLOWING =
  /\bfollowing[ \t]+(?:password|passphrase|token|key|secret)\b[^\n]{0,80}:[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*([^\s]{8,200})[ \t]*(?=\r?\n|$)/gi;

/**
 * Setup notes naming a variable and its value (hunt K, class I): ``Set `DB_PASSWORD` to `…` ``, with the
 * name and the value each in backticks or quotes. The name must be a credential's (`credentialKind`).
 */
const SET_NAMED =
  /\bset[ \t]+(["'`])([A-Za-z_][\w.-]{0,63})\1[ \t]+(?:to|=|as)[ \t]+(?:`([^`\n]{1,200})`|"([^"\n]{1,200})"|'([^'\n]{1,200})')/gi;

/**
 * A chat's `Here is my key: …`: my, our or your, the word, a colon, then one run that ends the line (an
 * optional full stop after it). Taken when it has letters and a digit or a mark, and is no path or URL.
 */
const MY_WORD =
  /\b(?:my|our|your)[ \t]+(?:[A-Za-z]{1,16}[ \t]+)?(?:key|password|passphrase|passwd|token|secret)[ \t]*(?:is[ \t]*)?:[ \t]*([^\s]{8,200}?)\.?[ \t]*(?=\r?\n|$)/gi;

/**
 * Words every match of each pattern spells (case folded), for the shared word search: a text without them is
 * not searched for the pattern, led by `\b` and ignoring case, which was tried at every word of a text.
 */
const SET_WORDS = wordSet(['set ', 'set\t']);
const MY_WORDS = wordSet(['my ', 'my\t', 'our ', 'our\t']);
const SENTENCE_WORDS = wordSet(['password', 'passwd', 'passphrase']);
const BARE_WORDS = wordSet(['password', 'passwd', 'passphrase', 'pw']);
const FOLLOWING_WORDS = wordSet(['following']);

/** The matches of `pattern` in `text`, or none when `text` holds no word of `words`. */
function matchesWith(text: string, words: WordSet, pattern: RegExp): Iterable<RegExpExecArray> {
  return holdsWord(text, words) ? text.matchAll(pattern) : [];
}

export const findProsePasswords: RecallDetector = (text, out: RecallSpan[]) => {
  for (const m of matchesWith(text, SET_WORDS, SET_NAMED)) {
    const value = m[3] ?? m[4] ?? m[5]!;
    const kind = credentialKind(m[2]!);
    if (kind !== undefined) {
      const start = m.index + m[0].length - 1 - value.length;
      pushLiteral(text, { start, end: start + value.length, quoted: true }, kind, false, out);
    }
  }
  for (const m of matchesWith(text, MY_WORDS, MY_WORD)) {
    const value = m[1]!;
    if (bareProseValue(value) && !/^(?:~?\/|\.\.?\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value)) {
      const start = m.index + m[0].indexOf(value, m[0].indexOf(':'));
      pushLiteral(text, { start, end: start + value.length, quoted: false }, 'password', true, out);
    }
  }
  for (const m of matchesWith(text, SENTENCE_WORDS, SENTENCE)) {
    const end = m.index + m[0].length - 1;
    const start = end - m[2]!.length;
    pushLiteral(text, { start, end, quoted: true }, 'password', false, out);
  }
  for (const m of matchesWith(text, BARE_WORDS, BARE_SENTENCE)) {
    const value = m[1]!;
    if (bareProseValue(value)) {
      const start = m.index + m[0].length - value.length;
      pushLiteral(text, { start, end: start + value.length, quoted: false }, 'password', true, out);
    }
  }
  for (const m of matchesWith(text, FOLLOWING_WORDS, FOLLOWING)) {
    const value = m[1]!;
    if (looksRandom(value)) {
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ start, end: start + value.length, kind: 'password' });
    }
  }
};
