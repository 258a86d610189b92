import { isChosenWord } from './chosenPasswords';
import { passwordShaped } from './gatedPatterns';
import type { RecallDetector } from './recallSpan';
import { looksRandom } from './tokenShape';
import { forEachLineWith, wordSet } from './wordIndex';
import { lineEnd } from '../lineBounds';

/**
 * A credential given as the answer to a question a chat, a ticket or a mail asked a line or two before:
 * `bob: anyone know the staging rabbit password?` then `alice: try …`, `what's the pw for the shared figma?`
 * then `sue: …`, `> What's the password for the zip file?` then `It's …`. The answer names nothing; the
 * question does (hunt N, 2026-12-07).
 */

/** Words a question about a credential holds, for the shared word search. */
const WORDS = wordSet(['pass', 'pw', 'pwd', 'cred', 'secret', 'token', 'psk', 'key']);
/**
 * A line that asks for a credential, in prose: the noun, and a question mark ending the line or a request
 * (`send me`, `DM me`); not code (`;`, `=`, braces), whose `?` is a ternary's or an optional chain's.
 */
const NOUN = /\b(?:password|passwd|pw|pwd|passcode|passphrase|creds|credentials?|secret|token|psk|key)s?\b/i;
const ASKS =
  /\?[ \t'"]*(?:\{quote\})?[ \t]*\r?$|\b(?:send|share|dm|give|remind)\b[^?\r\n]{0,24}\b(?:me|us)\b/i;
const CODE = /[;={}]|\(\)/;
/** How many lines after the question an answer may come. */
const ANSWER_LINES = 3;
/**
 * A chat line's speaker and time (`[10:42] alice: `, `Beth Gray (09:50): `) or a mail's quote marks (`> `),
 * before the message; a bare `name: ` (group 1) only where the question was written so too.
 */
const SPEAKER =
  /^[ \t]*(?:(?:>[ \t]?)+|\[[^\]\r\n]{1,32}\][ \t]*(?:[\w.@' -]{1,32}?:[ \t]+)?|[\w.@' -]{1,32}?[ \t]*\([\d:apm ]{4,10}\):[ \t]+|([\w.@-]{1,24}:[ \t]+))/imy;
/** A message that is the value alone (quoted or not, a mark after it), or that says it: `try …`, `it's …`. */
const ALONE = /^[`"']?(?<v>[^\s`"',;(){}=<>]{6,128}?)[`"']?[.!]?[ \t]*$/d;
const SAYS =
  /\b(?:try|it'?s|it\u2019s|its|it is|use)[ \t]+[`"']?(?<v>[^\s`"',;]{6,128}?)[`"']?(?=[.,;!)]?(?:[ \t]|$))/di;

export const findAnsweredQuestions: RecallDetector = (text, out) => {
  forEachLineWith(text, WORDS, (from, end) => {
    const question = text.slice(from, end);
    if (!NOUN.test(question) || !ASKS.test(question) || CODE.test(question.replace(/\{quote\}/g, ''))) {
      return;
    }
    SPEAKER.lastIndex = from;
    const bareAsked = SPEAKER.exec(text)?.[1] !== undefined;
    // `end` is the question's line break (or the text's end): each answer line starts past the one before.
    let next = text.indexOf('\n', end) + 1;
    for (let k = 0; k < ANSWER_LINES && next > 0; k++) {
      const start = next;
      const stop = lineEnd(text, start);
      SPEAKER.lastIndex = start;
      const speaker = SPEAKER.exec(text);
      const said = speaker !== null && (speaker[1] === undefined || bareAsked);
      const bodyAt = said ? SPEAKER.lastIndex : start;
      const body = text.slice(bodyAt, stop);
      // A value alone on a line is an answer only in a chat's or a mail's message; `try …`, `it's …` anywhere.
      const m = (said ? ALONE.exec(body) : null) ?? SAYS.exec(body);
      const v = m?.indices!.groups!['v'];
      if (v !== undefined && answers(body.slice(v[0], v[1]))) {
        out.push({ start: bodyAt + v[0], end: bodyAt + v[1], kind: 'password' });
      }
      next = text.indexOf('\n', stop) + 1;
    }
  });
};

/** A value a person would give: a password's shape, a draw, a word with a digit, or one word they chose. */
function answers(v: string): boolean {
  if (REPLIES.has(v.toLowerCase())) {
    return false;
  }
  const worded = /^[A-Za-z][\w!#$%&*+?@~-]*$/.test(v) && /\d/.test(v) && !/^[A-Za-z]{1,3}\d/.test(v);
  return passwordShaped(v) || looksRandom(v) || isChosenWord(v) || worded;
}

/** What a chat answers that is no value. */
const REPLIES = new Set(
  (
    'thanks thank thanks! thankyou cheers great perfect awesome nevermind anyone someone nobody sorry ' +
    'checking looking asking unsure always agreed indeed exactly correct working worked fixed rotated ' +
    'revoked changed expired removed deleted updated please pinged messaged emailed'
  ).split(' '),
);
