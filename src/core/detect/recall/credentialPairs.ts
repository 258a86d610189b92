import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { plausible } from './statedPasswords';
import { wordPlaces, wordSet } from './wordIndex';

/**
 * A user and a password given as a pair, with no password word: `admin / <password>` in a chat line, an
 * e-mail address and its password (`jdoe@example.io:<password>`, a combo list's line), a service account
 * and its password (`elastic:<password>` in an error message). Hunter E (2026-12-06) sent thirteen through
 * `ask`, and all went out. The user must be an account's name people use or an e-mail address, and the
 * password a stated one (`plausible`: a letter and a digit or a mark, no path, no code).
 */

/** Accounts people name in such pairs. */
const ACCOUNT =
  /^(?:admin|administrator|root|user|guest|ubuntu|pi|postgres|elastic|sa|oracle|operator|ops|deploy|ci|test|jenkins|grafana|kibana)$/i;
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+$/;
const WORDS = wordSet([
  ' / ',
  '@',
  ...['admin:', 'root:', 'elastic:', 'postgres:', 'administrator:', 'guest:', 'pi:', 'sa:'],
]);
/** The user before a place: a run of name characters, a backtick or quote around it allowed. */
const USER_BEFORE = /[`'"]?([\w.+@-]{1,128})[`'"]?$/;
/** The password after a separator: a run without blanks, a backtick or quote around it allowed. */
const VALUE_AFTER = /[`'"]?([^\s`'"]{6,80})/y;

export const findCredentialPairs: RecallDetector = (text, out) => {
  let resume = 0;
  for (const at of wordPlaces(text, WORDS)) {
    if (at < resume) {
      continue;
    }
    const slash = text.startsWith(' / ', at);
    // The separator: ` / ` itself, or the `:` after an account's name or an address.
    const sep = slash ? at : text.indexOf(':', at);
    if (sep === -1 || sep - at > 128 || (!slash && /\s/.test(text.slice(at, sep)))) {
      continue;
    }
    const user = USER_BEFORE.exec(text.slice(Math.max(0, sep - 130), sep))?.[1];
    if (user === undefined || !(ACCOUNT.test(user) || EMAIL.test(user))) {
      continue;
    }
    resume = take(text, slash ? sep + 3 : sep + 1, out);
  }
};

function take(text: string, at: number, out: RecallSpan[]): number {
  VALUE_AFTER.lastIndex = at;
  const m = VALUE_AFTER.exec(text);
  if (m === null) {
    return at;
  }
  const value = m[1]!.replace(/[.,;:!?)]+$/, '');
  // A `:` inside is a record's next field (`postgres:x:101:104:…` in /etc/passwd), not a password's.
  if (!plausible(value) || /^\d+$/.test(value) || value.includes(':')) {
    return at;
  }
  const start = at + m[0].indexOf(m[1]!);
  return pushLiteral(text, { start, end: start + value.length, quoted: false }, 'password', true, out);
}
