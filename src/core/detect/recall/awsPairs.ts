import { lineEnd, lineStart } from '../lineBounds';
import type { RecallDetector } from './recallSpan';
import { literalWords, mayHold } from './wordIndex';

/**
 * An AWS secret access key beside its key id, with no name: the console's `accessKeys.csv` and
 * `credentials.csv` (`AKIA…,<secret>`), `aws sts … --output text` (tab-separated, the secret after the
 * expiry), a chat message (`AKIA… / <secret>`). The id is reported on its own; its secret, 40 characters of
 * base64, is hidden wherever it stands on the id's line.
 */

/** An access key id: long-term (`AKIA`) or temporary (`ASIA`). */
const KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** `AKIA` or `ASIA`, for the shared word search. */
const KEY_ID_WORDS = literalWords(KEY_ID);
/** A secret access key: 40 base64 characters standing alone. */
const SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** How far along the id's line a secret is looked for, each way. */
const REACH = 400;

export const findAwsPairs: RecallDetector = (text, out) => {
  let done = -1;
  // `AKIA` or `ASIA` looked for first: led by a lookbehind, the pattern is tried at every character.
  for (const id of mayHold(text, KEY_ID_WORDS) ? text.matchAll(KEY_ID) : []) {
    const from = lineStart(text, id.index, REACH);
    if (from <= done) {
      continue; // the line was read for an earlier id
    }
    const to = lineEnd(text, id.index, REACH);
    done = to;
    for (const m of text.slice(from, to).matchAll(SECRET)) {
      // A secret draws letters of both cases and digits (or `/`, `+`); a word or a hex digest does not.
      const v = m[0];
      if (/[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9/+]/.test(v)) {
        out.push({ start: from + m.index, end: from + m.index + v.length, kind: 'aws-secret-access-key' });
      }
    }
  }
};
