import { isMarkedPassword, isWordPassword } from './chosenPasswords';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { looksRandom, UUID } from './tokenShape';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * A value a code comment labels as a credential in words, not by a variable's name: `// old creds, do not
 * use: <uuid>`, `# prod token -> <hex>`, `' staging pw = <password>`, `<!-- … pw = … -->`. The comment's
 * label is a word of prose (`creds`, `pw`, `token`), so namedLiterals.ts, which reads names of code, passes
 * it by. A comment also explains credentials without holding one (`# token: see the docs`, `// the key is
 * generated`): the value must be the comment's last word, and shaped as a credential.
 */

/** Words a comment's label holds, found by the shared word search before any line is read. */
const LABEL_WORDS = wordSet(['cred', 'pass', 'pw', 'token', 'secret', 'key']);

/**
 * A line that opens a comment (`//`, `/*`, ` * `, `#`, `--`, `<!--`, `{-`, `;`, `%`, VB's `'`, `REM`), some
 * words, a credential's label, a few more words (`, do not use`), then `:`, `=`, `->`, `=>` or `is`. A `*`
 * or a `'` opens one only with a blank after it: glued, it is C's pointer (`*password = …`) or a string
 * (`'access_token': …`). A `:` before `//` is a URL's.
 */
const LABELLED_COMMENT =
  /[ \t]{0,32}(?:\/\/+|\/\*+|\*(?=[ \t])|#+|--|<!--|\{-|;+|%+|'(?=[ \t])|REM\b)([^\r\n]{0,60}?)(?<![\w-])(creds?|credentials?|passwords?|passwd|passphrase|pwd|pw|pass|(?:(?:api|access|secret|private|auth)[ _-]?)?(?:keys?|tokens?)|secrets?)(?![\w-])([^\r\n:=()[\]]{0,24}?)[ \t]{0,4}(?::(?!\/)|=>?|->|[ \t]is(?=[ \t]))[ \t]{0,4}/y;

/** A word before the label that makes it no secret: a public key, a host key, a key's pin. */
const NOT_SECRET_LABEL = /\b(?:public|host|pinned|verification|verify)[ \t]{1,4}$/i;

/** Words between the label and its value that make the value something else: `token id:`, `key file:`. */
const NOT_THE_VALUE =
  /\b(?:id|ids|hash|digest|sha\d{0,3}|pin|ping|fingerprint|name|type|length|size|format|file|path|url|prefix|header|field|env|variable|var|location|policy|rotation|expiry|expires|scope|usage)\b/i;

/** What closes a comment after its value: `*\/`, `-->`, `-}`. */
const CLOSER = /[ \t]*(?:\*\/|-->|-\})?[ \t]*$/;
const HEX = /^[0-9a-fA-F]{16,}$/;
const MAX_LINE = 400;

/**
 * A value alone on its line, then a comment that labels it (`<value>  # my api key`, `<uuid> // prod token`):
 * the value is group 1, the label group 2. Only a generated value is taken, and a bare `key` is no label
 * here (`"<base64>", // "Patience is the key to success"`, zod's tests).
 */
const VALUE_THEN_LABEL =
  /[ \t]{0,32}["'`]?([^\s"'`#]{16,200})["'`]?[,;]?[ \t]{1,8}(?:\/\/+|#+|--|\/\*+)[^\r\n]{0,40}?(?<![\w-])(creds?|credentials?|passwords?|pw|(?:api|access|secret|private|auth)[ _-]?keys?|(?:(?:api|access|secret|private|auth)[ _-]?)?tokens?|secrets?)(?![\w-])[^\r\n]{0,40}$/my;

export const findCommentLabels: RecallDetector = (text, out) => {
  forEachLineWith(text, LABEL_WORDS, (from, end) => {
    if (end - from > MAX_LINE) {
      return;
    }
    VALUE_THEN_LABEL.lastIndex = from;
    const after = VALUE_THEN_LABEL.exec(text);
    if (after !== null && VALUE_THEN_LABEL.lastIndex <= end) {
      const value = after[1]!;
      if ((HEX.test(value) || UUID.test(value) || looksRandom(value)) && !isPlaceholderValue(value)) {
        const s = after.index + after[0].indexOf(value);
        out.push({ start: s, end: s + value.length, kind: 'secret' });
      }
      return;
    }
    LABELLED_COMMENT.lastIndex = from;
    const m = LABELLED_COMMENT.exec(text);
    if (
      m === null ||
      LABELLED_COMMENT.lastIndex > end ||
      NOT_SECRET_LABEL.test(m[1]!) ||
      NOT_THE_VALUE.test(m[3]!)
    ) {
      return;
    }
    const at = LABELLED_COMMENT.lastIndex;
    const rest = text.slice(at, end).replace(/\r$/, '');
    const close = CLOSER.exec(rest)!;
    let [s, e] = [at, at + close.index];
    // One quoted value: what the quotes hold.
    if (e - s >= 2 && /["'`]/.test(text[s]!) && text[e - 1] === text[s]) {
      [s, e] = [s + 1, e - 1];
    }
    const value = text.slice(s, e);
    if (
      value.length >= 8 &&
      !/\s/.test(value) &&
      credentialShaped(value, m[2]!) &&
      !isPlaceholderValue(value)
    ) {
      out.push({ start: s, end: e, kind: /^(?:pw|pwd|pass)/i.test(m[2]!) ? 'password' : 'secret' });
    }
  });
};

/**
 * Whether `value` is shaped as a credential: generated (hex, a UUID, a random draw) under any label; a
 * password people choose (joined words, a word and a year, a digit and a mark) under any but a bare `key`,
 * which labels a dictionary's or a keyboard's key as often.
 */
function credentialShaped(value: string, label: string): boolean {
  if (HEX.test(value) || UUID.test(value) || looksRandom(value)) {
    return true;
  }
  return !/^keys?$/i.test(label) && (isWordPassword(value) || isMarkedPassword(value));
}
