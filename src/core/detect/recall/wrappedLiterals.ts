import { literalWords, mayHold } from './wordIndex';
import { credentialKind, namesNoSecret } from './credentialName';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';

// A generic secret stored encoded under a credential's name (hunt K, class E): `const password =
// atob("…")`, `token = bytes.fromhex("…").decode()`, `key = Buffer.from("…", "base64")`, JS
// `'…'.split('').reverse().join('')`. A provider's token in these forms is found by what it decodes to
// (encodedSecrets.ts); a password decodes to nothing a rule knows, and its name sits before a call, not a
// literal, so neither the name nor the value alone ties them. Here the name does, and the literal is hidden
// when it decodes to text that is no placeholder.

/**
 * A decoding call on a literal: base64 (`atob`, `b64decode`, `decode64`, `DecodeString`,
 * `FromBase64String`, `getDecoder().decode`, `Buffer.from`) or hex (`fromhex`, `unhexlify`, `a2b_hex`,
 * Go's `hex.DecodeString`). Python's `b"…"` prefix is allowed. Found first, then the name looked back for.
 */
const CALL =
  /\b(atob|b64decode|standard_b64decode|urlsafe_b64decode|a2b_base64|decode64|strict_decode64|urlsafe_decode64|getDecoder\(\)\.decode|getUrlDecoder\(\)\.decode|DecodeString|FromBase64String|Buffer\.from|fromhex|unhexlify|a2b_hex)\([ \t]{0,4}b?(["'`])([A-Za-z0-9+/=_-]{8,1024})\2(?:[ \t]{0,4},[ \t]{0,4}(["'])(base64|base64url|hex)\4)?/g;
/** The decoding calls' names, for the shared word search. */
const CALL_WORDS = literalWords(CALL);
/** JS's reversal idiom on a literal: `'…'.split('').reverse().join('')`. */
const REVERSED = /(["'`])([^"'`\\\r\n]{8,256})\1\.split\((["'])\3\)\.reverse\(\)\.join\((["'])\4\)/g;
/**
 * What comes before the value: a name, a type (`: string`), `=`, `:=` or `:`, `await`, a call it is wrapped
 * in (`new String(`, `str(`), a module's qualifier (`base64.`, `Buffer.`, `hex.`, `Base64.getDecoder().`). The name is group 1 (group 2 a
 * JSON or dict key's).
 */
const ASSIGNED =
  /(?:([A-Za-z_$][\w$]{0,63})(?:,[ \t]{0,4}_)?|\[?["']([A-Za-z_][\w.-]{0,63})["']\]?)[ \t]{0,4}(?::[ \t]{0,4}[\w<>[\]]{1,32}[ \t]{0,4})?(?::?=|:)[ \t]{0,4}(?:await[ \t]+)?(?:new[ \t]+)?(?:[\w.]{1,40}\([ \t]{0,4})?(?:[\w.]{0,40}(?:\(\))?\.)?$/;

export const findWrappedLiterals: RecallDetector = (text, out) => {
  // The call's names are looked for first (`mayHold`): the alternation, led by `\b`, is tried at every word.
  if (text.includes('(') && mayHold(text, CALL_WORDS)) {
    for (const m of text.matchAll(CALL)) {
      const call = m[1]!;
      const literal = m[3]!;
      const hex = call === 'fromhex' || call === 'unhexlify' || call === 'a2b_hex' || m[5] === 'hex';
      if (call === 'Buffer.from' && m[5] === undefined) {
        continue; // `Buffer.from("…")` is the text itself, read as a literal elsewhere
      }
      // Go's `hex.DecodeString` is hex; its `base64.StdEncoding.DecodeString` is base64.
      const goHex = call === 'DecodeString' && before(text, m.index).endsWith('hex.');
      const decoded = decode(literal, hex || goHex);
      const kind = decoded === undefined ? undefined : valueKind(before(text, m.index), decoded);
      if (kind !== undefined) {
        const start = m.index + m[0].indexOf(m[2]!) + 1;
        out.push({ start, end: start + literal.length, kind });
      }
    }
  }
  if (text.includes('.reverse()')) {
    for (const m of text.matchAll(REVERSED)) {
      const kind = valueKind(before(text, m.index), [...m[2]!].reverse().join(''));
      if (kind !== undefined) {
        out.push({ start: m.index + 1, end: m.index + 1 + m[2]!.length, kind });
      }
    }
  }
};

/** Up to 120 characters of the line before `at`. */
function before(text: string, at: number): string {
  const from = Math.max(0, at - 120);
  const line = text.lastIndexOf('\n', at - 1);
  return text.slice(Math.max(from, line + 1), at);
}

/**
 * The placeholder kind of the credential `value` is assigned to, or undefined. A bare `key` names a
 * dictionary's key as often as a secret, and is read as one only here, where the value was encoded on
 * purpose, and only when it is one run mixing letters with other characters (not `"hello world"`).
 */
function valueKind(prefix: string, value: string): string | undefined {
  const m = ASSIGNED.exec(prefix);
  const name = m?.[1] ?? m?.[2];
  if (name === undefined || namesNoSecret(name) || isPlaceholderValue(value)) {
    return undefined;
  }
  const kind = credentialKind(name);
  if (kind !== undefined) {
    return kind;
  }
  return /^key$/i.test(name) && /^(?=.*[A-Za-z])(?=.*[^A-Za-z])\S+$/.test(value) ? 'key' : undefined;
}

/** The text `literal` decodes to, when it is printable ASCII of 6 or more characters. */
function decode(literal: string, hex: boolean): string | undefined {
  if (hex ? !/^(?:[0-9a-fA-F]{2})+$/.test(literal) : !/^[A-Za-z0-9+/_-]+={0,2}$/.test(literal)) {
    return undefined;
  }
  const bytes = Buffer.from(literal, hex ? 'hex' : 'base64');
  if (bytes.length < 6 || bytes.some((b) => b < 0x20 || b > 0x7e)) {
    return undefined;
  }
  return bytes.toString('latin1');
}
