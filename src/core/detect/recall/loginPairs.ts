import { anyCase } from '../rules/ruleKit';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wordPlaces, wordSet } from './wordIndex';

// A user and a password written as a pair for a reader (a ticket, a chat, a README): `login: admin / …`,
// `Credentials: deploy/…`, `use admin/… to log in`, `log in with admin / …`. No name stands before the
// password, so the detectors that read one left it (the everyday-placements probe, 2026-12-07). The user
// must read as an account's (lower-case letters, digits, `._@+-`): `Login: Settings / Preferences` names
// a menu's path, not an account.

/** The words a pair stands beside, lower-case, for the shared word search. */
const WORDS = wordSet(['login', 'log in', 'log-in', 'sign in', 'signin', 'credentials', 'creds']);
/** The words a pair follows, any case (the user's own letters are read as written: see `USER`). */
const LOGIN = `(?:${anyCase('log')}[ -]?${anyCase('in')}|${anyCase('sign')}[ -]?${anyCase('in')})`;
const LABEL = `(?:${LOGIN}|${anyCase('credential')}[sS]?|${anyCase('creds')})`;
/** An account's user name. */
const USER = '[a-z0-9][a-z0-9._@+-]{1,63}';
/** The password after the user and its `/` (or `:` in a label's pair): no blank. Group `pw`. */
const PASSWORD = '(?<pw>[^\\s/]{4,128}?)';
/**
 * A label, a colon or `are`, the pair at the line's end: `login: admin / …`, `Credentials: deploy/…`,
 * `credentials are admin:…`.
 */
const LABELLED = new RegExp(
  `${LABEL}(?:[ \\t]{0,4}[:\\uff1a]|[ \\t]{1,4}(?:are|is))[ \\t]{0,4}${USER}[ \\t]{0,2}[/:][ \\t]{0,2}${PASSWORD}[.,;]?[ \\t]*(?:\\r?$|\\n)`,
  'yd',
);
/** Prose around the pair: `use admin/… to log in`, `log in with admin / …`. */
const PROSE = [
  new RegExp(
    `(?<=\\b[uU]se[ \\t]{1,4})${USER}[ \\t]{0,2}/[ \\t]{0,2}${PASSWORD}[ \\t]{1,4}to[ \\t]{1,4}${LOGIN}`,
    'gmd',
  ),
  new RegExp(
    `${LOGIN}[ \\t]{1,4}(?:with|as|using)[ \\t]{1,4}${USER}[ \\t]{0,2}/[ \\t]{0,2}${PASSWORD}(?=[.,;]?(?:[ \\t]|\\r?$))`,
    'gmd',
  ),
];
/** Words that name a menu's or a form's parts, not a password. */
const NOT_PASSWORD = /^(?:password|passwd|pass|pwd|secret|\*+|x+|\.{3}|<[^>]*>|\{[^}]*\})$/i;

export const findLoginPairs: RecallDetector = (text, out) => {
  const places = wordPlaces(text, WORDS);
  if (places.length === 0) {
    return;
  }
  let done = -1;
  for (const at of places) {
    if (at < done) {
      continue;
    }
    LABELLED.lastIndex = at;
    const m = LABELLED.exec(text);
    if (m !== null) {
      push(text, m, out);
      done = LABELLED.lastIndex;
    }
  }
  for (const prose of PROSE) {
    for (const m of text.matchAll(prose)) {
      push(text, m, out);
    }
  }
};

function push(text: string, m: RegExpExecArray | RegExpMatchArray, out: RecallSpan[]): void {
  const [start, end] = m.indices!.groups!['pw']!;
  if (!NOT_PASSWORD.test(text.slice(start, end))) {
    pushLiteral(text, { start, end, quoted: false }, 'password', true, out);
  }
}
